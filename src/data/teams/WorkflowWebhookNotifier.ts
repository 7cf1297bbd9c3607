import { isDataError, type NotificationTarget, type NotifyResult, type PlanNotifier, type SecretsRepository } from '../../domain';
import { retryAfterOf } from '../http';

/**
 * Posts the card to a Workflows (Power Automate) "When a Teams webhook request is received" flow,
 * which replaced Office 365 connectors. The URL is a credential: it is read from the owners-only
 * secrets list at send time, so only a site owner's browser can deliver; anyone else's attempt
 * stays in the outbox for a site owner to send from the dashboard.
 */
export class WorkflowWebhookNotifier implements PlanNotifier {
  public constructor(
    private readonly secrets: SecretsRepository,
    private readonly send: typeof fetch = (...args) => fetch(...args)
  ) {}

  /** A flow posts a new message (its trigger cannot reply in a thread), so `replyTo` is not used. */
  public async post(_target: NotificationTarget, payload: string): Promise<NotifyResult> {
    let url: string | undefined;
    try {
      url = await this.secrets.workflowWebhookUrl();
    } catch (error) {
      if (isDataError(error, 'forbidden'))
        return {
          ok: false,
          retryable: false,
          error:
            'Only a site owner can send to the Workflows webhook. The notification is waiting for a site owner to send it from the dashboard.'
        };
      return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    }
    if (!url)
      return { ok: false, retryable: false, error: 'No Workflows webhook address is set. A site owner can set it on the dashboard.' };
    const message = JSON.parse(payload) as { attachments: Array<{ contentType: string; content: string }> };
    const body = JSON.stringify({
      type: 'message',
      attachments: message.attachments.map((a) => ({
        contentType: a.contentType,
        contentUrl: null,
        content: JSON.parse(a.content) as unknown
      }))
    });
    try {
      const response = await this.send(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, credentials: 'omit' });
      if (response.ok) return { ok: true, messageId: '' };
      const retryable = response.status === 429 || response.status >= 500;
      return {
        ok: false,
        retryable,
        retryAfterMs: retryable ? retryAfterOf(response) : undefined,
        error: `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`
      };
    } catch (error) {
      return {
        ok: false,
        retryable: true,
        error: `The webhook could not be reached: ${error instanceof Error ? error.message : String(error)}`
      };
    }
  }
}

/** Sends each notification the way its target asks: Graph for a channel, the webhook for a flow. */
export class RoutingNotifier implements PlanNotifier {
  public constructor(
    private readonly graph: PlanNotifier,
    private readonly workflow: PlanNotifier
  ) {}

  public post(target: NotificationTarget, payload: string, replyTo?: string): Promise<NotifyResult> {
    return (target.kind === 'workflow' ? this.workflow : this.graph).post(target, payload, replyTo);
  }
}
