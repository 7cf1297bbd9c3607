import { GraphQueryable, graphPost, type GraphFI } from '@pnp/graph';
import '@pnp/graph/teams';
import { body } from '@pnp/queryable';
import type { NotificationTarget, NotifyResult, PlanNotifier } from '../../domain';
import { retryAfterOf } from '../http';

interface HttpFailure {
  status?: number;
  response?: Response;
  message?: string;
}

/**
 * Posts to the involvement team's channel through Microsoft Graph as the signed-in user
 * (delegated ChannelMessage.Send; Learn: "Send chatMessage in a channel").
 */
export class GraphChannelNotifier implements PlanNotifier {
  public constructor(private readonly graph: GraphFI) {}

  /** With `replyTo`, a reply in that message's thread (Learn: "Reply to a message in a channel", same permission). */
  public async post(target: NotificationTarget, payload: string, replyTo?: string): Promise<NotifyResult> {
    try {
      const messages = this.graph.teams.getById(target.teamId).channels.getById(target.channelId).messages;
      const message = JSON.parse(payload) as never;
      const result = replyTo
        ? { data: await graphPost<{ id: string }>(GraphQueryable(messages.getById(replyTo), 'replies'), body(message)) }
        : ((await messages.add(message)) as unknown as { data: { id: string } });
      return { ok: true, messageId: result.data.id };
    } catch (caught) {
      const error = caught as HttpFailure;
      const status = error.status ?? 0;
      let detail = error.message ?? String(caught);
      try {
        if (error.response) detail = `HTTP ${status}: ${await error.response.clone().text()}`;
      } catch {
        /* body already read */
      }
      const retryable = status === 429 || status === 503 || status === 504 || status === 0;
      return { ok: false, retryable, retryAfterMs: retryable ? retryAfterOf(error.response) : undefined, error: detail.slice(0, 1000) };
    }
  }
}
