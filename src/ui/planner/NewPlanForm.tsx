import * as React from 'react';
import { newRequestId } from '../common/requestId';
import { Button, Card, Field, Input, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { emptyPlanContent, messageText, projectDetailsSchema, toFieldProblems, type StoredPlan } from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { ErrorBar } from '../common/components';

const useStyles = makeStyles({
  form: { maxWidth: '36rem', marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM }
});

/** Props for {@link NewPlanForm}. */
export type NewPlanFormProps = { onCreated: (plan: StoredPlan) => void; onCancel: () => void };

/**
 * "Start a new plan": an inline form (not a modal) asking for the project title and
 * organisation, which saves a draft and opens it. The same request id is reused if the lead
 * presses "Save draft" again after a failure, so a retry never makes a second plan. Loaded
 * when the lead first presses "Start a new plan" (see MyPlans).
 */
export function NewPlanForm({ onCreated, onCancel }: NewPlanFormProps): JSX.Element {
  const styles = useStyles();
  const { plans } = useServices();
  const user = useCurrentUser();
  const [title, setTitle] = React.useState('');
  const [organisation, setOrganisation] = React.useState('');
  const [titleError, setTitleError] = React.useState<string>();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [organisationError, setOrganisationError] = React.useState<string>();
  const requestId = React.useRef(newRequestId());
  const titleInput = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    titleInput.current?.focus();
  }, []);

  const submit = async (): Promise<void> => {
    const trimmed = title.trim();
    const parsed = projectDetailsSchema.shape.title.safeParse(trimmed);
    if (!trimmed || !parsed.success) {
      setTitleError(messageText(trimmed ? (parsed.error?.issues[0].message ?? 'value.invalid') : 'plan.title.required'));
      titleInput.current?.focus();
      return;
    }
    setTitleError(undefined);
    const org = projectDetailsSchema.shape.organisation.safeParse(organisation.trim());
    if (!org.success) {
      setOrganisationError(`Organisation leading the project: ${toFieldProblems(org.error)[0]?.text ?? messageText('value.invalid')}`);
      return;
    }
    setOrganisationError(undefined);
    setSaving(true);
    setError(undefined);
    try {
      const content = emptyPlanContent();
      content.project.title = trimmed;
      content.project.organisation = organisation.trim();
      const plan = await plans.create(content, { id: user.id, displayName: user.displayName, email: user.email }, requestId.current);
      requestId.current = newRequestId();
      onCreated(plan);
    } catch (caught) {
      setSaving(false);
      setError(caught);
    }
  };

  return (
    <Card className={styles.form}>
      <form
        aria-labelledby="new-plan-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Title3 as="h3" block id="new-plan-heading">
          Start a new plan
        </Title3>
        <Field
          label="Project title"
          required
          validationState={titleError ? 'error' : 'none'}
          validationMessage={titleError}
          hint="For example: Overnight opening of Riverside minor injuries unit"
        >
          <Input ref={titleInput} value={title} onChange={(_e, d) => setTitle(d.value)} />
        </Field>
        <Field
          label="Organisation leading the project"
          hint="You can change this later."
          validationState={organisationError ? 'error' : 'none'}
          validationMessage={organisationError}
        >
          <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
        </Field>
        {error !== undefined && (
          <ErrorBar
            error={error}
            kept="What you typed is still here; trying again never makes a second plan."
            onRetry={() => {
              void submit();
            }}
          />
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save draft'}
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Card>
  );
}
