import * as React from 'react';
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens
} from '@fluentui/react-components';
import {
  countedOutboxEntry,
  isDataError,
  isFeedbackNoticeKey,
  isWebhookAddress,
  workflowTarget,
  type OutboxEntry,
  type PlanRecord
} from '../../domain';
import { useServices, type Services } from '../shell/services';
import { useSession } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { formatDateTime } from '../common/format';
import { SendNow } from './SendNow';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM }
});

/**
 * For site owners: send new-plan cards through a Workflows (Power Automate) webhook instead of
 * Microsoft Graph. The address is a secret: it is saved in a list only site owners can read.
 */
export function WorkflowSettings(): JSX.Element | null {
  const styles = useStyles();
  const { secrets, settings } = useServices();
  const { isSiteOwner } = useSession();
  const [url, setUrl] = React.useState('');
  const [name, setName] = React.useState('Plan submissions flow');
  const [message, setMessage] = React.useState<string>();
  const [invalid, setInvalid] = React.useState<string>();
  const [error, setError] = React.useState<unknown>();
  if (!isSiteOwner) return null;
  const save = async (): Promise<void> => {
    if (!isWebhookAddress(url.trim())) {
      setInvalid('Enter the full webhook address, starting with https://');
      return;
    }
    setInvalid(undefined);
    setError(undefined);
    try {
      await secrets.setWorkflowWebhookUrl(url.trim());
      await settings.setNotificationTarget(workflowTarget(name.trim() || 'Workflows'));
      setUrl('');
      setMessage('New-plan cards will be sent through the Workflows webhook. Only site owners can see its address.');
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="workflow-heading">
      <Title3 as="h3" block id="workflow-heading">
        Or send cards through a Workflows webhook
      </Title3>
      <Text as="p">
        For organisations that post to Teams with Power Automate Workflows. Cards sent this way wait for a site owner to send them from this
        dashboard.
      </Text>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Webhook address" validationState={invalid ? 'error' : 'none'} validationMessage={invalid}>
          <Input type="url" value={url} onChange={(_e, d) => setUrl(d.value)} />
        </Field>
        <Field label="Name shown on the dashboard">
          <Input value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Button type="submit">Save webhook</Button>
      </form>
      {message && (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {error !== undefined && <ErrorBar error={error} />}
    </section>
  );
}

/** An unsent notification that belongs to a plan's current submission, with the plan's record. */
interface Waiting {
  entry: OutboxEntry;
  record: PlanRecord;
}

/** Outbox items that will not be sent, and why. */
interface NotSent {
  entry: OutboxEntry;
  reason: string;
}

/**
 * The unsent outbox items, each checked against its plan's record: only the notification of a
 * plan's current submission, written by its lead or the team, is offered for sending; anything
 * else (planted, or about a submission the team has dealt with) is listed as not to be sent.
 */
async function checkUnsent(services: Services): Promise<{ waiting: Waiting[]; notSent: NotSent[] }> {
  const entries = await services.outbox.unsent();
  const planIds = [...new Set(entries.map((e) => e.planId))];
  const records = new Map<number, PlanRecord | undefined>();
  await Promise.all(
    planIds.map(async (id) => {
      try {
        records.set(id, await services.workflow.record(id, { notificationTarget: true }));
      } catch (error) {
        if (!isDataError(error, 'notFound')) throw error;
        records.set(id, undefined);
      }
    })
  );
  const waiting: Waiting[] = [];
  const notSent: NotSent[] = [];
  for (const entry of entries) {
    const record = records.get(entry.planId);
    const submission = record?.process.submission;
    const counted =
      record && submission
        ? countedOutboxEntry(record.outbox, entry.planId, submission, record.process.projectLead, record.roster)
        : undefined;
    if (!record) notSent.push({ entry, reason: 'Its plan does not exist.' });
    else if (isFeedbackNoticeKey(entry.key))
      notSent.push({
        entry,
        reason: `The card saying the plan's “you said, we did” was published (added by ${entry.author.displayName}): open the plan and send it from its “You said, we did” section (Try again).`
      });
    else if (counted?.id !== entry.id)
      notSent.push({
        entry,
        reason: `Not the notification of a submission of this plan by its lead or the team (added by ${entry.author.displayName}).`
      });
    else if (record.process.status !== 'submitted') notSent.push({ entry, reason: 'The team has already dealt with this submission.' });
    else waiting.push({ entry, record });
  }
  return { waiting, notSent };
}

/** Notifications not yet delivered, with "Send now" (after a preview) for the involvement team. */
export function PendingNotifications(): JSX.Element | null {
  const services = useServices();
  const { mayManage } = useSession();
  const load = React.useCallback(() => checkUnsent(services), [services]);
  const [state, reload] = useAsync(load);
  if (!mayManage) return null;
  return (
    <section aria-labelledby="pending-heading">
      <Title3 as="h3" block id="pending-heading">
        Notifications waiting to be sent
      </Title3>
      <Loaded state={state} label="Checking for notifications…" onRetry={reload}>
        {({ waiting, notSent }) => (
          <>
            {waiting.length === 0 ? (
              <Text as="p">None: every submitted plan has been announced.</Text>
            ) : (
              <Table aria-label="Notifications waiting to be sent">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Plan</TableHeaderCell>
                    <TableHeaderCell>Tries</TableHeaderCell>
                    <TableHeaderCell>Last problem</TableHeaderCell>
                    <TableHeaderCell>Action</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {waiting.map(({ entry, record }) => (
                    <TableRow key={entry.id}>
                      <TableCell>
                        {record.plan.content.project.title || `Plan ${entry.planId}`} (submission {record.process.submission?.number}),{' '}
                        {formatDateTime(entry.updatedAt)}
                      </TableCell>
                      <TableCell>{entry.attempts}</TableCell>
                      <TableCell>{entry.lastError.slice(0, 160) || '—'}</TableCell>
                      <TableCell>
                        <SendNow record={record} onSent={reload} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {notSent.length > 0 && (
              <details>
                <summary>
                  {notSent.length} outbox item{notSent.length === 1 ? '' : 's'} will not be sent
                </summary>
                <ul aria-label="Outbox items that will not be sent">
                  {notSent.map(({ entry, reason }) => (
                    <li key={entry.id}>
                      Notification outbox, item {entry.id} (plan {entry.planId}): {reason} A site owner can remove it.
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
