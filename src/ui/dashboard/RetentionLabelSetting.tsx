import * as React from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Text, Title3 } from '@fluentui/react-components';
import { retentionLabelSchema, toFieldProblems } from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';

/**
 * The Microsoft Purview retention label applied to each response when a plan closes (issue 11 §2):
 * optional. Responses are kept five years after the plan closes (LSC); a tenant that manages
 * retention in Purview names its label here. Only the involvement team changes it.
 */
export function RetentionLabelSetting(): JSX.Element {
  const { settings } = useServices();
  const { mayManage } = useSession();
  const load = React.useCallback(() => settings.retentionLabel(), [settings]);
  const [state, reload] = useAsync(load);
  return (
    <section aria-labelledby="retention-label-heading">
      <Title3 as="h3" block id="retention-label-heading">
        Retention label for responses
      </Title3>
      <Text as="p" block>
        Responses are kept for five years after a plan closes (LSC: “A record must be kept of responses and feedback received (and retained
        for five years)”): closing a plan stamps that date on each response. If your organisation manages retention with Microsoft Purview,
        enter the name of its retention label and it is applied to each response too. Leave it empty to apply no label.
      </Text>
      <Loaded state={state} label="Loading the retention label…" onRetry={reload}>
        {(saved) => <LabelForm key={saved} saved={saved} disabled={!mayManage} onSave={(name) => settings.setRetentionLabel(name)} />}
      </Loaded>
    </section>
  );
}

function LabelForm({ saved, disabled, onSave }: { saved: string; disabled: boolean; onSave(name: string): Promise<void> }): JSX.Element {
  const [name, setName] = React.useState(saved);
  const [invalid, setInvalid] = React.useState<string>();
  const [error, setError] = React.useState<unknown>();
  const [done, setDone] = React.useState('');
  const save = async (): Promise<void> => {
    const checked = retentionLabelSchema.safeParse(name);
    if (!checked.success) {
      setInvalid(toFieldProblems(checked.error)[0]?.text ?? 'Check the name.');
      return;
    }
    setInvalid(undefined);
    setError(undefined);
    try {
      await onSave(checked.data);
      setDone(checked.data ? `Responses will get the label “${checked.data}” when their plan closes.` : 'No label will be applied.');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="Retention label name (optional)" validationState={invalid ? 'error' : 'none'} validationMessage={invalid}>
        <Input value={name} disabled={disabled} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Button type="submit" disabled={disabled}>
        Save the label
      </Button>
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorBar error={error} />}
    </form>
  );
}
