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
import { deliver, isWebhookAddress, workflowTarget, type OutboxEntry } from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';
import { formatDateTime } from '../common/format';

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

/** Notifications not yet delivered, with "Send now" for the involvement team and site owners. */
export function PendingNotifications(): JSX.Element | null {
  const services = useServices();
  const { mayManage } = useSession();
  const load = React.useCallback(() => services.outbox.unsent(), [services]);
  const [state, reload] = useAsync<OutboxEntry[]>(load);
  const [busy, setBusy] = React.useState<number>();
  const [error, setError] = React.useState<unknown>();
  if (!mayManage) return null;
  const send = async (entry: OutboxEntry): Promise<void> => {
    setBusy(entry.id);
    setError(undefined);
    try {
      const outcome = await deliver(services, entry);
      if (outcome.kind === 'pending') setError(new Error(outcome.reason));
      reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="pending-heading">
      <Title3 as="h3" block id="pending-heading">
        Notifications waiting to be sent
      </Title3>
      <Loaded state={state} label="Checking for notifications…" onRetry={reload}>
        {(entries) =>
          entries.length === 0 ? (
            <Text as="p">None: every submitted plan has been announced.</Text>
          ) : (
            <Table aria-label="Notifications waiting to be sent">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Submission</TableHeaderCell>
                  <TableHeaderCell>Tries</TableHeaderCell>
                  <TableHeaderCell>Last problem</TableHeaderCell>
                  <TableHeaderCell>Action</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>
                      Plan {e.planId} ({e.key}){e.updatedAt ? `, ${formatDateTime(e.updatedAt)}` : ''}
                    </TableCell>
                    <TableCell>{e.attempts}</TableCell>
                    <TableCell>{e.lastError.slice(0, 160) || '—'}</TableCell>
                    <TableCell>
                      <Button
                        size="small"
                        disabled={busy !== undefined}
                        onClick={() => {
                          void send(e);
                        }}
                        aria-label={`Send now: plan ${e.planId}`}
                      >
                        Send now
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loaded>
      {error !== undefined && <ErrorBar error={error} />}
    </section>
  );
}
