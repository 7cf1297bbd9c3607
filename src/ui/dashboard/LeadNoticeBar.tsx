import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import {
  latestLeadNoticeChange,
  leadNoticeState,
  notifyLead,
  STALE_SENDING_MS,
  type OutboxEntry,
  type StatusHistoryEntry,
  type StoredPlan
} from '../../domain';
import { useServices } from '../shell/services';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/components';
import { formatDateTime } from '../common/format';

/** Props for {@link LeadNoticeBar}. */
export type LeadNoticeBarProps = { plan: StoredPlan; history: readonly StatusHistoryEntry[] };

const settled = (entry: OutboxEntry | undefined): boolean =>
  entry?.state === 'sent' ||
  (entry?.state === 'sending' && !!entry.updatedAt && Date.now() - Date.parse(entry.updatedAt) < STALE_SENDING_MS);

/**
 * Whether the plan's lead was told, in Teams, about the team's latest decision (changes
 * requested, accepted, delivery started) — read from the outbox, so it is right after a reload —
 * and "Tell them now" when they were not: a notice that failed, or one never written because the
 * browser closed between the decision and the notice. Sending is exactly once per decision.
 */
export function LeadNoticeBar({ plan, history }: LeadNoticeBarProps): JSX.Element | null {
  const services = useServices();
  const change = latestLeadNoticeChange(history);
  const load = React.useCallback(
    async () =>
      change
        ? {
            entry: await leadNoticeState(services, plan.id, change),
            configured: (await services.settings.notificationTarget()) !== undefined
          }
        : undefined,
    [services, plan.id, change]
  );
  const [state, reload] = useAsync(load);
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  if (!change || !plan.projectLead || state.status === 'loading') return null;
  if (state.status === 'failed') return <ErrorBar error={state.error} onRetry={reload} />;
  const entry = state.value?.entry;
  const lead = plan.projectLead.displayName;
  if (!entry && !state.value?.configured)
    return (
      <MessageBar intent="info">
        <MessageBarBody>No Teams channel is set up for notices, so {lead} was not told in Teams. Let them know yourself.</MessageBarBody>
      </MessageBar>
    );
  const send = async (): Promise<void> => {
    setSending(true);
    setError(undefined);
    try {
      await notifyLead(services, plan, change);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
      reload();
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
  if (settled(entry))
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
