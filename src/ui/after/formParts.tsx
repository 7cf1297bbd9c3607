import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Textarea,
  tokens
} from '@fluentui/react-components';
import type { FieldProblem } from '../../domain';
import { ErrorBar } from '../common/components';
import { KeptWorkBar } from '../common/keptWork';
import { ActionBar } from '../common/components';
import { formatDateTime } from '../common/format';
import type { RecordEditor } from './useRecordEditor';

export const useFormStyles = makeStyles({
  field: { marginBottom: tokens.spacingVerticalM, maxWidth: '48rem' },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: `0 ${tokens.spacingHorizontalL}`,
    maxWidth: '60rem'
  },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
    maxWidth: '60rem'
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', marginBottom: tokens.spacingVerticalM, '& th, & td': { textAlign: 'left', padding: '4px 8px' } },
  list: { paddingLeft: tokens.spacingHorizontalL }
});

/** The message for a field path (exact match or a child of it), from the problems found on saving. */
export function problemAt(problems: readonly FieldProblem[], path: string): string | undefined {
  return problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.text;
}

/** A labelled text input or text area with its message. */
export function TextInput({
  label,
  value,
  onChange,
  hint,
  message,
  multiline,
  required,
  type,
  readOnly
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  message?: string;
  multiline?: boolean;
  required?: boolean;
  type?: 'text' | 'date' | 'number' | 'url';
  readOnly?: boolean;
}): JSX.Element {
  const styles = useFormStyles();
  return (
    <div className={styles.field}>
      <Field label={label} hint={hint} required={required} validationState={message ? 'error' : 'none'} validationMessage={message}>
        {multiline ? (
          <Textarea value={value} readOnly={readOnly} resize="vertical" rows={3} onChange={(_e, d) => onChange(d.value)} />
        ) : (
          <Input
            type={type ?? 'text'}
            value={value}
            readOnly={readOnly}
            inputMode={type === 'number' ? 'decimal' : undefined}
            onChange={(_e, d) => onChange(d.value)}
          />
        )}
      </Field>
    </div>
  );
}

/** A whole number typed as text: '' is null, anything else must be a whole number of 0 or more. */
export function toCount(text: string): number | null {
  if (!text.trim()) return null;
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : NaN;
}

/** The bars that need the person: kept work to restore, a conflict to resolve, a failure, invalid input. */
export function RecordAlerts({ editor }: { editor: RecordEditor }): JSX.Element {
  const s = editor.save;
  return (
    <>
      {editor.kept && (
        <KeptWorkBar
          title="We found changes that were not saved"
          restoreLabel="Restore my changes"
          onRestore={() => void editor.restoreKept()}
          discardLabel="Discard them"
          onDiscard={editor.discardKept}
        >
          This device has changes to this record from {formatDateTime(editor.kept.keptAt)} that did not reach SharePoint.
        </KeptWorkBar>
      )}
      {s.kind === 'conflict' && (
        <ActionBar
          title="Someone else saved this record while you were working"
          role="alert"
          actions={[
            { label: 'Keep my changes', onClick: () => void editor.resolveConflict('mine') },
            { label: 'Use their version', onClick: () => void editor.resolveConflict('theirs') }
          ]}
        >
          Nothing has been overwritten.{' '}
          {s.theirs.modifiedBy ? `${s.theirs.modifiedBy} saved it at ${formatDateTime(s.theirs.modified)}.` : ''}
        </ActionBar>
      )}
      {s.kind === 'failed' && <ErrorBar error={s.error} />}
      {s.kind === 'failed' && (
        <p>
          {editor.keepFailed === undefined
            ? 'Your change is kept on this device until it is saved.'
            : 'This browser could not keep your change: copy anything you need before leaving.'}
        </p>
      )}
      {s.kind === 'invalid' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This was not saved</MessageBarTitle>
            <ul>
              {s.problems.slice(0, 5).map((p) => (
                <li key={p.path}>{p.text}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {s.kind === 'saving' && (
        <p role="status" aria-live="polite">
          Saving…
        </p>
      )}
    </>
  );
}

/** "Save" and "Cancel" for a form. */
export function FormButtons({
  onSave,
  onCancel,
  busy,
  saveLabel
}: {
  onSave(): void;
  onCancel(): void;
  busy: boolean;
  saveLabel: string;
}): JSX.Element {
  const styles = useFormStyles();
  return (
    <div className={styles.actions}>
      <Button appearance="primary" disabled={busy} onClick={onSave}>
        {saveLabel}
      </Button>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}

/** A short id for a new row, unique enough within one record. */
export const newRowId = (prefix: string): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
