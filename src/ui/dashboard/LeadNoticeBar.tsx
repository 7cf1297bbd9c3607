import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { latestLeadNoticeDecision, leadNoticeState, notifyLead, STALE_SENDING_MS, type OutboxEntry, type PlanRecord } from '../../domain';
import { useServices } from '../shell/services';
import { ErrorBar } from '../common/components';
import { formatDateTime } from '../common/format';

/** Props for {@link LeadNoticeBar}. */
export type LeadNoticeBarProps = {
  /** The plan's record, read with its notification target. */
  record: PlanRecord;
  /** Called after a send, so the record (and this bar) is read again. */
  onChange(): void;
};

const inFlight = (entry: OutboxEntry | undefined): boolean =>
  entry?.state === 'sending' && Date.now() - Date.parse(entry.updatedAt) < STALE_SENDING_MS;

/**
 * Whether the plan's lead was told, in Teams, about the team's latest decision (changes
 * requested, accepted, delivery started) — read from the outbox entries the team wrote, so it is
 * right after a reload — and "Tell them now" when they were not: a notice that failed, or one
 * never written because the browser closed between the decision and the notice. Sending is
 * exactly once per decision.
 */
export function LeadNoticeBar({ record, onChange }: LeadNoticeBarProps): JSX.Element | null {
  const services = useServices();
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const decision = latestLeadNoticeDecision(record);
  if (!decision) return null;
  const entry = leadNoticeState(record, decision);
  const lead = record.process.projectLead.displayName;
  if (!entry && !record.notificationTarget)
    return (
      <MessageBar intent="info">
        <MessageBarBody>No Teams channel is set up for notices, so {lead} was not told in Teams. Let them know yourself.</MessageBarBody>
      </MessageBar>
    );
  const send = async (): Promise<void> => {
    setSending(true);
    setError(undefined);
    try {
      await notifyLead(services, record, decision);
      onChange();
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };
  if (entry?.state === 'sent')
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          {lead} was told in Teams{entry.sentAt ? ` on ${formatDateTime(entry.sentAt)}` : ''}.
        </MessageBarBody>
      </MessageBar>
    );
  if (inFlight(entry))
    return (
      <MessageBar intent="info">
        <MessageBarBody>Telling {lead} in Teams…</MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <MessageBar intent="warning" role="status">
        <MessageBarBody>
          <MessageBarTitle>{lead} has not been told in Teams yet.</MessageBarTitle>
          {entry?.lastError ? ` The last try failed: ${entry.lastError}` : ' The message was not sent.'}
        </MessageBarBody>
        <MessageBarActions>
          <Button disabled={sending} onClick={() => void send()} icon={sending ? <Spinner size="tiny" /> : undefined}>
            {entry ? 'Send again' : 'Tell them now'}
          </Button>
        </MessageBarActions>
      </MessageBar>
      {error !== undefined && <ErrorBar error={error} />}
    </>
  );
}
