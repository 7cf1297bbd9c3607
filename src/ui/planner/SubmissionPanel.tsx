import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import {
  checkPlanReadiness,
  completeRecord,
  LEAD_EDITABLE_STATUSES,
  sendNotification,
  submitPlan,
  type MapEntry,
  type StoredPlan,
  type NotificationOutcome,
  type PlanRecord,
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
  record: PlanRecord;
  notification?: NotificationOutcome;
}

/**
 * Submit a ready plan to the involvement team, and afterwards show whether the team's Teams
 * channel was told, with "Resend" when it was not. Opening the plan completes a submission that
 * stopped part-way (its history entry, its notification). Also shows the team's comment when
 * they asked for changes.
 */
export function SubmissionPanel({ plan, unsaved, onSubmitted, stakeholders }: SubmissionPanelProps): JSX.Element | null {
  const services = useServices();
  const user = useCurrentUser();
  const settings = useInvolvementSettings();
  const ports: SubmissionPorts = services;
  const id = plan.id;
  const load = React.useCallback(async (): Promise<Progress> => {
    const record = await services.workflow.record(id, { notificationTarget: true });
    return completeRecord(services, record, user, services.links(id));
  }, [services, id, user]);
  const [state, reload] = useAsync(load);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  // What the last action left (the screen reuses it instead of reading everything again).
  const [latest, setLatest] = React.useState<Progress>();

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught);
      // Whatever happened, show the plan as it is now stored (a submission may have gone part-way).
      setLatest(undefined);
      reload();
      onSubmitted();
    } finally {
      setBusy(false);
    }
  };
  const submit = (): Promise<void> =>
    run(async () => {
      const result = await submitPlan(ports, id, user, services.links(id));
      setLatest(result);
      onSubmitted();
    });
  const resend = (record: PlanRecord): Promise<void> =>
    run(async () => {
      setLatest({ record, notification: await sendNotification(ports, record, services.links(id)) });
    });

  if (state.status !== 'ready')
    return state.status === 'loading' ? (
      <Spinner size="tiny" label="Checking the plan's progress…" />
    ) : (
      <ErrorBar error={state.error} onRetry={reload} />
    );
  const { record, notification } = latest ?? state.value;
  const status = record.process.status;
  const isLead = record.process.projectLead.id === user.id;
  const editable = LEAD_EDITABLE_STATUSES.includes(status);
  const changes = [...record.process.history].reverse().find((h) => h.to === 'changesRequested');
  const notice = notification;
  const waiting = status === 'submitted';

  return (
    <section aria-label="Submission">
      {status === 'changesRequested' && changes && (
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
              {status === 'changesRequested' ? 'Resubmit to the involvement team' : 'Submit to the involvement team'}
            </Button>{' '}
            {unsaved && <Text>Waiting for your changes to save…</Text>}
            {busy && <Spinner size="tiny" label="Submitting…" />}
          </div>
        ) : (
          <Text as="p">When the checklist is complete, mark the plan ready in “Review”, then submit it to the involvement team.</Text>
        ))}
      {waiting && notice?.kind === 'sent' && (
        <MessageBar intent="success">
          <MessageBarBody>
            The involvement team was told in Teams{notice.entry.sentAt ? ` on ${formatDateTime(notice.entry.sentAt)}` : ''}.
          </MessageBarBody>
        </MessageBar>
      )}
      {waiting && (notice?.kind === 'pending' || notice === undefined) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Notification pending</MessageBarTitle>
            The plan is submitted, but the involvement team’s Teams channel has not been told yet.
            {notice?.kind === 'pending' && notice.reason ? ` Reason: ${notice.reason.slice(0, 300)}` : ''}
          </MessageBarBody>
          {isLead && (
            <MessageBarActions>
              <Button
                disabled={busy}
                onClick={() => {
                  void resend(record);
                }}
              >
                Resend
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {waiting && notice?.kind === 'notConfigured' && (
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
            void (editable ? submit() : resend(record));
          }}
        />
      )}
    </section>
  );
}
