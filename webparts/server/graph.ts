/**
 * The Microsoft Graph stand-in (`/graph/v1.0/...`): `/me`, `/me/joinedTeams`,
 * `/teams/{id}/channels` and `POST /teams/{id}/channels/{id}/messages`, refusing what Teams
 * refuses (Microsoft Learn: "Send chatMessage in a channel", "Adaptive Card limits in Teams"):
 * a message over 28 KB, a card the Adaptive Cards library cannot parse, a card version above 1.5,
 * a sender who is not a member of the team. Also a Workflows (Power Automate) webhook receiver.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { entraObjectId, SAMPLE_TEAMS, SAMPLE_USERS, type SampleUser } from './directory';
import type { Store } from './store';

// The package's ESM build has extensionless imports Node cannot load; its UMD build works in Node.
const loadCommonJs = createRequire(__filename);
const AC = loadCommonJs('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Teams' limit on a message with cards (Learn: "Format cards in Teams": 28 KB). */
export const MAX_MESSAGE_BYTES = 28 * 1024;
/** Highest Adaptive Card version Teams renders. */
export const MAX_CARD_VERSION = 1.5;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const graphError = (status: number, code: string, message: string): GraphResponse => ({
  status,
  headers: {},
  body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } }
});

/** Problems with an Adaptive Card, as the Adaptive Cards library reports them; empty when it is fine. */
export function cardProblems(content: unknown): string[] {
  if (typeof content !== 'object' || content === null) return ['The card content is not a JSON object.'];
  const json = content as { type?: unknown; version?: unknown };
  if (json.type !== 'AdaptiveCard') return ['The card content has no "type": "AdaptiveCard".'];
  const version = Number(json.version);
  if (!Number.isFinite(version)) return ['The card has no version.'];
  if (version > MAX_CARD_VERSION)
    return [`Adaptive Card version ${String(json.version)} is above ${MAX_CARD_VERSION}, the highest Teams renders.`];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  return problems;
}

function checkAttachments(message: Record<string, unknown>): string | undefined {
  const attachments = Array.isArray(message.attachments) ? (message.attachments as Array<Record<string, unknown>>) : [];
  for (const a of attachments) {
    if (a.contentType !== ADAPTIVE_CARD) continue;
    let content: unknown = a.content;
    if (typeof content === 'string') {
      try {
        content = JSON.parse(content);
      } catch {
        return 'The card content is not valid JSON.';
      }
    }
    const problems = cardProblems(content);
    if (problems.length) return `The Adaptive Card is not valid: ${problems.join(' ')}`;
  }
  return undefined;
}

/**
 * Mentions as Graph checks them (Learn: "chatMessageMention"): each `<at id="n">text</at>` in the
 * body needs a mention with that id and text, naming a user of the organisation by object id.
 */
function checkMentions(message: Record<string, unknown>): string | undefined {
  const content = String((message.body as { content?: unknown }).content);
  const mentions = Array.isArray(message.mentions)
    ? (message.mentions as Array<{ id?: unknown; mentionText?: unknown; mentioned?: { user?: { id?: unknown } } }>)
    : [];
  for (const tag of content.matchAll(/<at id="(\d+)">([^<]*)<\/at>/g)) {
    const mention = mentions.find((x) => x.id === Number(tag[1]));
    if (!mention) return `The body mentions id ${tag[1]} but there is no mention with that id.`;
    if (mention.mentionText !== tag[2].replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))))
      return `Mention ${tag[1]}'s mentionText does not match the text in the body.`;
    if (!SAMPLE_USERS.some((u) => entraObjectId(u) === mention.mentioned?.user?.id))
      return `Mention ${tag[1]} names a user who is not in the organisation.`;
  }
  return undefined;
}

export class GraphStandIn {
  public constructor(private readonly store: Store) {}

  public handle(method: string, path: string, user: SampleUser, rawBody: string): GraphResponse {
    const p = decodeURIComponent(path).replace(/\/+$/, '');
    let m: RegExpExecArray | null;
    if (p === 'me' && method === 'GET') {
      return {
        status: 200,
        headers: {},
        body: { id: entraObjectId(user), displayName: user.title, mail: user.email, userPrincipalName: user.email }
      };
    }
    if (p === 'me/joinedTeams' && method === 'GET') {
      return {
        status: 200,
        headers: {},
        body: {
          value: SAMPLE_TEAMS.filter((t) => t.members.includes(user.id)).map((t) => ({
            id: t.id,
            displayName: t.displayName,
            description: t.description
          }))
        }
      };
    }
    if ((m = /^teams\/([^/]+)\/channels(?:\/([^/]+)(\/messages(?:\/([^/]+)\/replies)?)?)?$/.exec(p))) {
      const team = SAMPLE_TEAMS.find((t) => t.id === m?.[1]);
      if (!team) return graphError(404, 'NotFound', 'No team found with Group Id ' + m[1]);
      if (!team.members.includes(user.id)) return graphError(403, 'Forbidden', 'Forbidden: the user is not a member of this team.');
      if (!m[2] && method === 'GET')
        return {
          status: 200,
          headers: {},
          body: { value: team.channels.map((c) => ({ id: c.id, displayName: c.displayName, membershipType: 'standard' })) }
        };
      const channel = team.channels.find((c) => c.id === m?.[2]);
      if (!channel) return graphError(404, 'NotFound', 'Channel not found.');
      if (!m[3] && method === 'GET') return { status: 200, headers: {}, body: { id: channel.id, displayName: channel.displayName } };
      // `…/messages/{id}/replies` (Learn: "Reply to a message in a channel"): the thread must exist.
      const replyTo = m[4];
      if (replyTo && !this.store.channelMessages(team.id, channel.id).some((msg) => msg.id === replyTo && !msg.replyToId))
        return graphError(404, 'NotFound', 'The message to reply to was not found in this channel.');
      if (m[3] && method === 'GET') {
        return {
          status: 200,
          headers: {},
          body: {
            value: this.store
              .channelMessages(team.id, channel.id)
              .filter((msg) => msg.replyToId === replyTo)
              .map((msg) => ({ id: msg.id, createdDateTime: msg.createdDateTime, ...(msg.body as object) }))
          }
        };
      }
      if (m[3] && method === 'POST') {
        if (Buffer.byteLength(rawBody, 'utf8') > MAX_MESSAGE_BYTES)
          return graphError(
            413,
            'RequestEntityTooLarge',
            `The message is larger than ${MAX_MESSAGE_BYTES / 1024} KB, the most Teams accepts.`
          );
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(rawBody) as Record<string, unknown>;
        } catch {
          return graphError(400, 'BadRequest', 'The request body is not valid JSON.');
        }
        if (typeof (message.body as { content?: unknown } | undefined)?.content !== 'string')
          return graphError(400, 'BadRequest', 'A chatMessage needs body.content.');
        const cardError = checkAttachments(message) ?? checkMentions(message);
        if (cardError) return graphError(400, 'BadRequest', cardError);
        const id = String(Date.now()) + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
        const createdDateTime = new Date().toISOString();
        this.store.addMessage({
          id,
          teamId: team.id,
          channelId: channel.id,
          fromUserId: user.id,
          via: 'graph',
          createdDateTime,
          body: message,
          ...(replyTo ? { replyToId: replyTo } : {})
        });
        return {
          status: 201,
          headers: {},
          body: { id, createdDateTime, from: { user: { id: entraObjectId(user), displayName: user.title } }, ...message }
        };
      }
    }
    return graphError(400, 'BadRequest', `The stand-in does not implement '${method} /v1.0/${p}'.`);
  }

  /**
   * A Workflows (Power Automate) "post to a channel when a webhook request is received" trigger.
   * It accepts `{ type: "message", attachments: [...] }` and answers 202 like the real trigger.
   */
  public workflow(flowId: string, rawBody: string): GraphResponse {
    const team = SAMPLE_TEAMS[0];
    const channel = team.channels.find((c) => c.id === `19:${flowId}@thread.tacv2`) ?? team.channels[1];
    if (Buffer.byteLength(rawBody, 'utf8') > MAX_MESSAGE_BYTES)
      return graphError(413, 'RequestEntityTooLarge', 'The message is too large.');
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return graphError(400, 'InvalidRequestContent', 'The request body is not valid JSON.');
    }
    if (message.type !== 'message' || !Array.isArray(message.attachments))
      return graphError(400, 'InvalidRequestContent', 'The body must be { "type": "message", "attachments": [...] }.');
    const cardError = checkAttachments(message);
    if (cardError) return graphError(400, 'InvalidRequestContent', cardError);
    this.store.addMessage({
      id: randomUUID(),
      teamId: team.id,
      channelId: channel.id,
      fromUserId: null,
      via: 'workflow',
      createdDateTime: new Date().toISOString(),
      body: message
    });
    return { status: 202, headers: {}, body: undefined };
  }

  /** Everything posted, for the workbench channel page. */
  public allMessages(): unknown[] {
    return this.store.channelMessages().map((m) => ({
      ...m,
      from: m.fromUserId === null ? 'Workflows' : (SAMPLE_USERS.find((u) => u.id === m.fromUserId)?.title ?? 'Unknown')
    }));
  }
}
