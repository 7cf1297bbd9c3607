import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import {
  feedbackNoticeState,
  isOwnUnfinishedSend,
  maySendFeedbackNotice,
  notifyFeedbackPublished,
  readFeedbackPublication,
  STALE_SENDING_MS,
  type FeedbackPublication,
  type OutboxEntry
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/components';
import { formatDate, formatDateTime } from '../common/format';

/** Telling the team that "you said, we did" was published: its state, read from the outbox, and sending it. */
export interface FeedbackNoticeControl {
  /** Send the card now (after a save that set the date, or "Try again"); never twice for one publication. */
  send(): Promise<void>;
  readonly bar: JSX.Element | null;
}

/**
 * Whether the involvement team was told in Teams that the plan's "you said, we did" was published
 * on `publishedOn` (as saved) — read from the outbox entries the plan's lead or the team wrote, so
 * it is right after a reload — with "Tell the team now" or "Try again" for the lead and the team
 * when it was not: a card that failed, one cut off part-way (finished by whoever sees it next), or
 * one never written because the browser closed between saving the date and sending.
 */
export function useFeedbackNotice(planId: number, publishedOn: string): FeedbackNoticeControl {
  const services = useServices();
  const user = useCurrentUser();
  const load = React.useCallback(
    async (): Promise<FeedbackPublication | undefined> => (publishedOn ? readFeedbackPublication(services, planId) : undefined),
    [services, planId, publishedOn]
  );
  const [state, reload] = useAsync(load);
  // While it is read again (after a send), what was read last stays on screen: no flicker for screen readers.
  const last = React.useRef<FeedbackPublication>();
  if (state.status === 'ready') last.current = state.value;
  const shown = state.status === 'ready' ? state.value : state.status === 'loading' ? last.current : undefined;
  const [sending, setSending] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [reason, setReason] = React.useState('');
  const send = React.useCallback(async (): Promise<void> => {
    setSending(true);
    setError(undefined);
    setReason('');
    try {
      const outcome = await notifyFeedbackPublished(services, planId, user);
      if (outcome.kind === 'pending') setReason(outcome.reason);
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
      reload();
    }
  }, [services, planId, user, reload]);

  let bar: JSX.Element | null = null;
  if (!publishedOn)
    bar = (
      <Text as="p" block>
        When you save the date it was published, the involvement team is told in their Teams channel.
      </Text>
    );
  else if (sending)
    bar = (
      <MessageBar intent="info">
        <MessageBarBody>
          <Spinner size="tiny" /> Telling the involvement team in Teams…
        </MessageBarBody>
      </MessageBar>
    );
  else if (state.status === 'failed')
    bar = <ErrorBar error={state.error} onRetry={reload} kept="Whether the involvement team was told could not be checked." />;
  else if (!shown) bar = <Spinner size="tiny" label="Checking whether the involvement team was told…" />;
  else {
    const { record, content } = shown;
    const saved = content?.feedback.publishedOn === publishedOn;
    const entry: OutboxEntry | undefined = saved ? feedbackNoticeState(record, publishedOn) : undefined;
    const may = maySendFeedbackNotice(record, user) || (user.isSiteOwner && entry !== undefined);
    const inFlight =
      entry?.state === 'sending' &&
      Date.now() - Date.parse(entry.updatedAt) < STALE_SENDING_MS &&
      !isOwnUnfinishedSend(services.outbox, entry);
    if (entry?.state === 'sent')
      bar = (
        <MessageBar intent="success">
          <MessageBarBody>
            The involvement team was told in Teams{entry.sentAt ? ` on ${formatDateTime(entry.sentAt)}` : ''} that “you said, we did” was
            published on {formatDate(publishedOn)}.
          </MessageBarBody>
        </MessageBar>
      );
    else if (!entry && !record.notificationTarget)
      bar = (
        <MessageBar intent="info">
          <MessageBarBody>
            No Teams channel is set up for the involvement team, so they were not told in Teams. Let them know yourself.
          </MessageBarBody>
        </MessageBar>
      );
    else if (inFlight)
      bar = (
        <MessageBar intent="info">
          <MessageBarBody>Someone is telling the involvement team in Teams now.</MessageBarBody>
          <MessageBarActions>
            <Button onClick={reload}>Check again</Button>
          </MessageBarActions>
        </MessageBar>
      );
    else if (saved) {
      const why = reason || entry?.lastError || '';
      bar = (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The involvement team has not been told in Teams yet.</MessageBarTitle>
            {why ? ` The last try failed: ${why.slice(0, 300)}` : ' The card was not sent.'}
            {!may && ' The project lead, the involvement team or (for a card that was started) a site owner can send it.'}
          </MessageBarBody>
          {may && (
            <MessageBarActions>
              <Button onClick={() => void send()}>{entry ? 'Try again' : 'Tell the team now'}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      );
    }
  }
  return {
    send,
    bar: (
      <div aria-live="polite">
        {bar}
        {error !== undefined && <ErrorBar error={error} onRetry={() => void send()} />}
      </div>
    )
  };
}
