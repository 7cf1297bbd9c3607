import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import {
  checkPlanReadiness,
  LEAD_EDITABLE_STATUSES,
  notifySubmission,
  submissionNumber,
  submitPlan,
  type StoredPlan,
  type NotificationOutcome,
  type MapEntry,
  type OutboxEntry,
  type StatusHistoryEntry,
  type SubmissionPorts
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { useInvolvementSettings } from '../shell/involvementSettings';
import { useAsync } from '../common/useAsync';
import { ErrorBar } from '../common/components';
import { formatDateTime } from '../common/format';

/** Props for {@link SubmissionPanel}. */
export type SubmissionPanelProps = {
  plan: StoredPlan;
  /** True while edits are still on their way to SharePoint: submit waits for them. */
  unsaved: boolean;
  /** Called after the status changed, so the guide reloads the plan (now read only). */
  onSubmitted(): void;
  /** The plan's stakeholder map, or null while it loads (submit waits for it). */
  stakeholders: readonly MapEntry[] | null;
};

interface Progress {
  history: StatusHistoryEntry[];
  latest?: OutboxEntry;
  configured: boolean;
}

/**
 * Submit a ready plan to the involvement team, and afterwards show whether the team's Teams
 * channel was told, with "Resend" when it was not. Also shows the team's comments when they
 * asked for changes.
 */
export function SubmissionPanel({ plan, unsaved, onSubmitted, stakeholders }: SubmissionPanelProps): JSX.Element | null {
  const services = useServices();
  const user = useCurrentUser();
  const settings = useInvolvementSettings();
  const ports: SubmissionPorts = services;
  const id = plan.id;
  const load = React.useCallback(async (): Promise<Progress> => {
    const [history, latest, target] = await Promise.all([
      services.workflow.history(id),
      services.outbox.latestForPlan(id),
      services.settings.notificationTarget()
    ]);
    return { history, latest, configured: target !== undefined };
  }, [services, id]);
  const [state, reload] = useAsync(load);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const [outcome, setOutcome] = React.useState<NotificationOutcome>();

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const submit = (): Promise<void> =>
    run(async () => {
      try {
        const result = await submitPlan(ports, id, user, services.links(id));
        setOutcome(result.notification);
        onSubmitted();
      } catch (caught) {
        // A failure after the status changed (a submission cut off part-way) must not leave the
        // screen on the old status: read the plan again and show it as it is (issue 15 §3).
        const now = await services.plans.get(id).catch(() => undefined);
        if (now && now.status !== plan.status) onSubmitted();
        throw caught;
      }
    });
  const resend = (history: StatusHistoryEntry[]): Promise<void> =>
    run(async () => {
      setOutcome(await notifySubmission(ports, plan, user, services.links(id), Math.max(1, submissionNumber(history))));
    });

  if (state.status !== 'ready')
    return state.status === 'loading' ? (
      <Spinner size="tiny" label="Checking the plan's progress…" />
    ) : (
      <ErrorBar error={state.error} onRetry={reload} />
    );
  const { history, latest, configured } = state.value;
  const isLead = plan.projectLead?.id === user.id;
  const editable = LEAD_EDITABLE_STATUSES.includes(plan.status);
  const changes = [...history].reverse().find((h) => h.to === 'changesRequested');
  const notice =
    outcome ??
    (latest
      ? latest.state === 'sent'
        ? { kind: 'sent' as const, entry: latest }
        : { kind: 'pending' as const, entry: latest, reason: latest.lastError }
      : undefined);

  return (
    <section aria-label="Submission">
      {plan.status === 'changesRequested' && changes && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The involvement team asked for changes</MessageBarTitle>
            {changes.by.displayName}, {formatDateTime(changes.at)}: “{changes.comment}”
          </MessageBarBody>
        </MessageBar>
      )}
      {editable &&
        isLead &&
        (plan.content.review.markedReady &&
        stakeholders !== null &&
        checkPlanReadiness(plan.content, stakeholders, settings).length === 0 ? (
          <div>
            <Button
              appearance="primary"
              disabled={busy || unsaved}
              onClick={() => {
                void submit();
              }}
            >
              {plan.status === 'changesRequested' ? 'Resubmit to the involvement team' : 'Submit to the involvement team'}
            </Button>{' '}
            {unsaved && <Text>Waiting for your changes to save…</Text>}
            {busy && <Spinner size="tiny" label="Submitting…" />}
          </div>
        ) : (
          plan.status !== 'submitted' && (
            <Text as="p">When the checklist is complete, mark the plan ready in “Review”, then submit it to the involvement team.</Text>
          )
        ))}
      {!editable && notice?.kind === 'sent' && (
        <MessageBar intent="success">
          <MessageBarBody>
            The involvement team was told in Teams{notice.entry.sentAt ? ` on ${formatDateTime(notice.entry.sentAt)}` : ''}.
          </MessageBarBody>
        </MessageBar>
      )}
      {!editable && (notice?.kind === 'pending' || (plan.status === 'submitted' && !notice && configured)) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Notification pending</MessageBarTitle>
            The plan is submitted, but the involvement team’s Teams channel has not been told yet.
            {notice?.kind === 'pending' && notice.reason ? ` Reason: ${notice.reason.slice(0, 300)}` : ''}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              disabled={busy}
              onClick={() => {
                void resend(history);
              }}
            >
              Resend
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!editable && (notice?.kind === 'notConfigured' || (!configured && plan.status === 'submitted')) && (
        <MessageBar intent="info">
          <MessageBarBody>
            The plan is submitted. The involvement team’s Teams channel is not set up yet, so they will see it on their dashboard.
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && (
        <ErrorBar
          error={error}
          kept="The plan and your changes to it are saved."
          onRetry={() => {
            void (editable ? submit() : resend(history));
          }}
        />
      )}
    </section>
  );
}
