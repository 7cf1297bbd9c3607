import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { PLAN_STATUS_LABELS } from '../../domain';
import type { PlanEditor } from './usePlanEditor';
import { ErrorBar } from '../common/components';
import { KeptWorkBar, keptText } from '../common/keptWork';
import { fieldLabel, storedPartLabel } from './fieldLabels';
import { formatDateTime } from '../common/format';

const time = (iso: string): string => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Saved 10:42", "Saving…", "Not saved — retrying", announced politely to screen readers. */
export function SaveStatus({ editor }: { editor: PlanEditor }): JSX.Element {
  const s = editor.save;
  let text: string;
  switch (s.kind) {
    case 'saved':
      text =
        s.held.length > 0
          ? `Saved ${time(s.at)}, except ${s.held.length} ${s.held.length === 1 ? 'field that needs' : 'fields that need'} fixing`
          : `Saved ${time(s.at)}`;
      break;
    case 'pending':
      text = 'Changes not saved yet';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'retrying':
      text = `Not saved — retrying in ${s.inSeconds} seconds. ${editor.keptFailed ? keptText(true) : 'Your changes are kept on this device.'}`;
      break;
    case 'conflict':
      text = 'Not saved — someone else changed the same fields';
      break;
    case 'statusChanged':
      text = `Not saved — this plan is now ${PLAN_STATUS_LABELS[s.theirs.status].toLowerCase()}`;
      break;
    case 'tooLong':
      text = 'Not saved — part of the plan is too long to store';
      break;
    default:
      text = 'Not saved';
  }
  return (
    <Text role="status" aria-live="polite" weight="semibold">
      {s.kind === 'saving' && <Spinner size="extra-tiny" as="span" />} {text}
    </Text>
  );
}

/** A value as the lead would read it in a list of differences. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return '(changed)';
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Props for {@link EditorAlerts}. */
export type EditorAlertsProps = { editor: PlanEditor; onReload?: () => void };

/** The bars that need the lead: restore a local copy, resolve a conflict, fields held back, or a failure. */
export function EditorAlerts({ editor, onReload }: EditorAlertsProps): JSX.Element {
  const s = editor.save;
  const kept = keptText(editor.keptFailed ? true : undefined);
  return (
    <>
      {editor.restoreOffer && (
        <KeptWorkBar
          title="We found changes that were not saved"
          restoreLabel="Restore my changes"
          onRestore={editor.acceptRestore}
          discardLabel="Discard them"
          onDiscard={editor.discardRestore}
        >
          This device has changes to this plan from {formatDateTime(editor.restoreOffer.savedAt)} that did not reach SharePoint.
        </KeptWorkBar>
      )}
      {editor.plan.storedProblems && editor.plan.storedProblems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some stored answers need checking</MessageBarTitle>
            The rest of the plan is here and saves as usual. What is stored here could not all be used as it is:
            <ul aria-label="Stored answers that need checking">
              {editor.plan.storedProblems.slice(0, 12).map((p) => (
                <li key={p.path}>
                  <strong>{storedPartLabel(p.path, editor.content)}</strong>: {p.text}
                  {p.shown ? ' It is shown in its field until you correct it.' : ` What is stored: “${p.stored}”.`}
                </li>
              ))}
            </ul>
            {editor.plan.storedProblems.length > 12 && `And ${editor.plan.storedProblems.length - 12} more.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else saved this plan while you were working</MessageBarTitle>
            Nothing has been overwritten, and their changes to other fields are kept with yours. You both changed{' '}
            {s.clashes.length === 1 ? 'this field' : 'these fields'}:
            <ul aria-label="Fields that differ">
              {s.clashes.slice(0, 12).map((c) => (
                <li key={c.path}>
                  <strong>{fieldLabel(c.path, editor.content)}</strong>: yours “{shown(c.mine)}”, theirs “{shown(c.theirs)}”
                </li>
              ))}
            </ul>
            {s.clashes.length > 12 && `And ${s.clashes.length - 12} more.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => editor.resolveConflict('mine')}>
              Keep my changes
            </Button>
            <Button onClick={() => editor.resolveConflict('theirs')}>Use their version</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {s.kind === 'saved' && s.held.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some of your changes are not saved yet</MessageBarTitle>
            Everything else is saved. {s.held.length === 1 ? 'This field keeps' : 'These fields keep'} what you typed until it is fixed:
            <ul aria-label="Fields not saved yet">
              {s.held.slice(0, 12).map((p) => (
                <li key={p.path}>
                  <strong>{fieldLabel(p.path, editor.content)}</strong>: {p.text}
                </li>
              ))}
            </ul>
            {s.held.length > 12 && `And ${s.held.length - 12} more.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {s.kind === 'statusChanged' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This plan is now {PLAN_STATUS_LABELS[s.theirs.status].toLowerCase()}</MessageBarTitle>
            It moved on while you were working, so your latest changes were not saved to it. {kept}
          </MessageBarBody>
          {onReload && (
            <MessageBarActions>
              <Button onClick={onReload}>Open the plan as it is now</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {s.kind === 'tooLong' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not saved: part of the plan is too long</MessageBarTitle>
            {s.problems.map((p) => p.text).join(' ')} {kept}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={editor.saveNow}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {s.kind === 'failed' && <ErrorBar error={s.error} onRetry={editor.saveNow} kept={kept} />}
    </>
  );
}
