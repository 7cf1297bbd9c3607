import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import type { PlanEditor } from './usePlanEditor';
import { describeError } from '../common/errors';
import { KeptWorkBar } from '../common/keptWork';
import { formatDateTime } from '../common/format';

const time = (iso: string): string => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "Saved 10:42", "Saving…", "Not saved — retrying", announced politely to screen readers. */
export function SaveStatus({ editor }: { editor: PlanEditor }): JSX.Element {
  const s = editor.save;
  let text: string;
  switch (s.kind) {
    case 'saved':
      text = `Saved ${time(s.at)}`;
      break;
    case 'pending':
      text = 'Changes not saved yet';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'retrying':
      text = `Not saved — retrying in ${s.inSeconds} seconds. Your changes are kept on this device.`;
      break;
    case 'conflict':
      text = 'Not saved — someone else changed this plan';
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

const pathLabel = (path: string): string =>
  path
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? `#${Number(p) + 1}` : p.replace(/([A-Z])/g, ' $1').toLowerCase()))
    .join(' › ');

/** The bars that need the lead: restore a local copy, resolve a conflict, or a failure. */
export function EditorAlerts({ editor }: { editor: PlanEditor }): JSX.Element {
  const s = editor.save;
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
      {s.kind === 'conflict' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Someone else saved this plan while you were working</MessageBarTitle>
            Nothing has been overwritten. These fields differ between your copy and theirs:
            <ul aria-label="Fields that differ">
              {s.changes.slice(0, 12).map((c) => (
                <li key={c.path}>
                  <strong>{pathLabel(c.path)}</strong>: yours “{c.mine || '(empty)'}”, theirs “{c.theirs || '(empty)'}”
                </li>
              ))}
            </ul>
            {s.changes.length > 12 && `And ${s.changes.length - 12} more.`}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => editor.resolveConflict('mine')}>
              Keep my changes
            </Button>
            <Button onClick={() => editor.resolveConflict('theirs')}>Use their version</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {s.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{describeError(s.error).title}</MessageBarTitle>
            {describeError(s.error).body} Your changes are kept on this device.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={editor.saveNow}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
