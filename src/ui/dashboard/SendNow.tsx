import * as React from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text
} from '@fluentui/react-components';
import { notificationPreview, sendNotification, type NotificationTarget, type PlanRecord } from '../../domain';
import { useServices } from '../shell/services';
import { ErrorBar } from '../common/components';

/** One line of what a card shows, for the preview. */
interface PreviewLine {
  text: string;
  strong?: boolean;
}

/** The text a team member will see in the channel, read out of the Adaptive Card in a chatMessage or Workflows message. */
export function cardLines(payload: string): { lines: PreviewLine[]; links: Array<{ title: string; url: string }> } {
  const lines: PreviewLine[] = [];
  const links: Array<{ title: string; url: string }> = [];
  let message: { attachments?: Array<{ content?: unknown }> };
  try {
    message = JSON.parse(payload) as typeof message;
  } catch {
    return { lines: [{ text: 'The message could not be read.' }], links };
  }
  for (const attachment of message.attachments ?? []) {
    const card = (typeof attachment.content === 'string' ? JSON.parse(attachment.content) : attachment.content) as {
      body?: Array<Record<string, unknown>>;
      actions?: Array<Record<string, unknown>>;
    };
    for (const block of card.body ?? []) {
      if (block.type === 'TextBlock') lines.push({ text: String(block.text ?? ''), strong: block.weight === 'Bolder' });
      if (block.type === 'RichTextBlock')
        lines.push({ text: ((block.inlines as Array<{ text?: string }> | undefined) ?? []).map((i) => i.text ?? '').join('') });
      if (block.type === 'FactSet')
        for (const fact of (block.facts as Array<{ title?: string; value?: string }> | undefined) ?? [])
          lines.push({ text: `${fact.title ?? ''}: ${fact.value ?? ''}` });
    }
    for (const action of card.actions ?? [])
      if (action.type === 'Action.OpenUrl') links.push({ title: String(action.title), url: String(action.url) });
  }
  return { lines, links };
}

const where = (t: NotificationTarget): string =>
  t.kind === 'workflow' ? `the Workflows flow “${t.channelName}”` : `${t.teamName} › ${t.channelName} (Microsoft Teams)`;

/** Props for {@link SendNow}. */
export type SendNowProps = { record: PlanRecord; onSent(): void };

/**
 * "Send now" for the involvement team: first shows exactly what will be posted and where — the
 * card rebuilt from the plan as stored, the channel from the team's settings — then posts it as
 * the team member who confirms.
 */
export function SendNow({ record, onSent }: SendNowProps): JSX.Element {
  const services = useServices();
  const [open, setOpen] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<unknown>();
  const target = record.notificationTarget;
  const planId = record.plan.id;
  const [preview, setPreview] = React.useState<
    (ReturnType<typeof cardLines> & { target: NotificationTarget }) | { error: unknown } | undefined
  >();
  React.useEffect(() => {
    setPreview(undefined);
    if (!target || !open) return undefined;
    let current = true;
    notificationPreview(services, record, target, services.links(planId)).then(
      (built) => current && setPreview({ ...cardLines(built.payload), target: built.target }),
      (caught: unknown) => current && setPreview({ error: caught })
    );
    return () => {
      current = false;
    };
  }, [services, record, target, planId, open]);
  const send = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await sendNotification(services, record, services.links(planId));
      if (outcome.kind === 'pending') setError(new Error(outcome.reason));
      else {
        setOpen(false);
        onSent();
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={!target} aria-label={`Send now: ${record.plan.content.project.title || `plan ${planId}`}`}>
          Send now…
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Send this to the channel?</DialogTitle>
          <DialogContent>
            {preview && 'error' in preview ? (
              <ErrorBar error={preview.error} />
            ) : preview ? (
              <>
                <Text as="p" block>
                  This will be posted to <strong>{where(preview.target)}</strong>, as you:
                </Text>
                <div role="group" aria-label="The message that will be posted">
                  {preview.lines.map((l, i) => (
                    <Text as="p" block key={i} weight={l.strong ? 'semibold' : 'regular'}>
                      {l.text}
                    </Text>
                  ))}
                  {preview.links.map((l) => (
                    <Text as="p" block key={l.url}>
                      Button “{l.title}” opens {l.url}
                    </Text>
                  ))}
                </div>
              </>
            ) : (
              <MessageBar intent="warning">
                <MessageBarBody>The involvement team’s channel is not set up, so there is nowhere to send this.</MessageBarBody>
              </MessageBar>
            )}
            {error !== undefined && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={busy || !preview || 'error' in preview}
              onClick={() => {
                void send();
              }}
            >
              Post it
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
