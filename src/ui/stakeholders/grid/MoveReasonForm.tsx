import * as React from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import { quadrantName } from '../../../domain';
import type { LastMove } from './usePlacement';
import { useGridStyles } from './styles';

/** Props for {@link MoveReasonForm}. */
export type MoveReasonFormProps = { move: LastMove; onExplain(id: number, reason: string): Promise<boolean> };

/** "Why did … move?" after a move: optional, saved in the stakeholder's history. */
export function MoveReasonForm({ move, onExplain }: MoveReasonFormProps): JSX.Element {
  const styles = useGridStyles();
  const [reason, setReason] = React.useState('');
  const [saved, setSaved] = React.useState(false);
  return (
    <form
      className={styles.reason}
      onSubmit={(e) => {
        e.preventDefault();
        void onExplain(move.id, reason).then((ok) => setSaved(ok));
      }}
    >
      <Field
        label={`Why did ${move.name} move from ${quadrantName(move.from)} to ${quadrantName(move.to)}? (optional)`}
        hint={saved ? 'Reason saved in the history.' : 'Saved in the stakeholder’s history.'}
      >
        <Input
          value={reason}
          onChange={(_e, d) => {
            setReason(d.value);
            setSaved(false);
          }}
        />
      </Field>
      <Button type="submit" disabled={!reason.trim()}>
        Save reason
      </Button>
    </form>
  );
}
