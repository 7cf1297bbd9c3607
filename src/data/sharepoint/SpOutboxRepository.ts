import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import {
  notificationTargetSchema,
  OUTBOX_STATES,
  type NotifyResult,
  type NewOutboxEntry,
  type OutboxEntry,
  type OutboxRepository
} from '../../domain';
import { driftError, ListGateway, odataString, parseItem, storedOf, type ItemsQuery } from './ListGateway';
import { OUTBOX } from './lists';

const LABELS: Record<OutboxEntry['state'], string> = { pending: 'Pending', sending: 'Pending', sent: 'Sent', failed: 'Failed' };
const SELECT = [
  'Id',
  'Title',
  OUTBOX.key,
  OUTBOX.state,
  OUTBOX.target,
  OUTBOX.payload,
  OUTBOX.attempts,
  OUTBOX.lastError,
  OUTBOX.sentAt,
  OUTBOX.messageId,
  `${OUTBOX.plan}Id`,
  'Modified'
];

const rawSchema = z.object({
  Id: z.number(),
  Title: z.string().nullable(),
  [OUTBOX.key]: z.string(),
  [OUTBOX.state]: z.string().nullable(),
  [OUTBOX.target]: z.string().nullable(),
  [OUTBOX.payload]: z.string().nullable(),
  [OUTBOX.attempts]: z.number().nullable(),
  [OUTBOX.lastError]: z.string().nullable(),
  [OUTBOX.sentAt]: z.string().nullable(),
  [OUTBOX.messageId]: z.string().nullable(),
  /** The plan lookup's id (the `ipPlan` column read as `ipPlanId`). */
  ipPlanId: z.number(),
  Modified: z.string()
});

const idSchema = z.object({ Id: z.number() });

/** The "Notification outbox" list. A claimed entry's Title says "sending" while a post is in flight. */
export class SpOutboxRepository implements OutboxRepository {
  private readonly list: ListGateway;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, 'notificationOutbox');
  }

  private toEntry(raw: unknown): OutboxEntry {
    const title = this.list.title;
    const r = parseItem(rawSchema, raw, title);
    let json: unknown = null;
    try {
      json = JSON.parse(r[OUTBOX.target] ?? 'null');
    } catch {
      // Not JSON: reported as not a Teams channel, below.
    }
    const target = notificationTargetSchema.safeParse(json);
    if (!target.success) throw driftError(title, OUTBOX.target, 'is not a Teams channel.');
    const label = r[OUTBOX.state] ?? 'Pending';
    const state = label === 'Sent' ? 'sent' : label === 'Failed' ? 'failed' : (r.Title ?? '').startsWith('sending') ? 'sending' : 'pending';
    if (!OUTBOX_STATES.includes(state)) throw driftError(title, OUTBOX.state, 'unknown state.');
    return {
      ...storedOf(raw, title),
      planId: r.ipPlanId,
      key: r[OUTBOX.key],
      state,
      target: target.data,
      payload: r[OUTBOX.payload] ?? '',
      attempts: r[OUTBOX.attempts] ?? 0,
      lastError: r[OUTBOX.lastError] ?? '',
      sentAt: r[OUTBOX.sentAt],
      messageId: r[OUTBOX.messageId] ?? '',
      updatedAt: r.Modified
    };
  }

  private read(what: string, id: number): Promise<OutboxEntry> {
    return this.list.get(what, id, { select: SELECT }, (raw) => this.toEntry(raw));
  }

  private async first(query: ItemsQuery): Promise<OutboxEntry | undefined> {
    const [found] = await this.list.query(
      `Reading "${this.list.title}"`,
      (items) => query(items).top(1),
      (raw) => this.toEntry(raw)
    );
    return found;
  }

  public findByKey(key: string): Promise<OutboxEntry | undefined> {
    return this.first((items) => items.select(...SELECT).filter(`${OUTBOX.key} eq '${odataString(key)}'`));
  }

  public latestForPlan(planId: number): Promise<OutboxEntry | undefined> {
    return this.first((items) =>
      items
        .select(...SELECT)
        .filter(`${OUTBOX.plan}Id eq ${planId}`)
        .orderBy('Id', false)
    );
  }

  public unsent(): Promise<OutboxEntry[]> {
    // ipDeliveryState is indexed, so this works however long the outbox grows.
    return this.list.query(
      `Reading "${this.list.title}"`,
      (items) =>
        items
          .select(...SELECT)
          .filter(`${OUTBOX.state} ne '${LABELS.sent}'`)
          .orderBy('Id', true)
          .top(100),
      (raw) => this.toEntry(raw)
    );
  }

  public async add(entry: NewOutboxEntry): Promise<OutboxEntry> {
    const what = `Adding to "${this.list.title}"`;
    const added = await this.list.add(what, {
      Title: `pending ${entry.key}`,
      [`${OUTBOX.plan}Id`]: entry.planId,
      [OUTBOX.key]: entry.key,
      [OUTBOX.state]: LABELS.pending,
      [OUTBOX.target]: JSON.stringify(entry.target),
      [OUTBOX.payload]: entry.payload,
      [OUTBOX.attempts]: 0,
      [OUTBOX.lastError]: '',
      [OUTBOX.messageId]: ''
    });
    // Two browsers may add the same key at once (a double click). The oldest entry wins; a
    // later duplicate is removed before anyone can send it, so one key means one message.
    const [oldest] = await this.list.query(
      what,
      (items) =>
        items
          .select('Id')
          .filter(`${OUTBOX.key} eq '${odataString(entry.key)}'`)
          .orderBy('Id', true)
          .top(10),
      (raw) => parseItem(idSchema, raw, this.list.title).Id
    );
    const winner = oldest ?? added;
    if (winner !== added) await this.list.run(what, () => this.list.items.getById(added).delete());
    return this.read(what, winner);
  }

  public async claim(entry: OutboxEntry): Promise<OutboxEntry> {
    const what = `Claiming "${entry.key}"`;
    await this.list.update(what, entry.id, entry.version, { Title: `sending ${entry.key}`, [OUTBOX.attempts]: entry.attempts + 1 });
    return this.read(what, entry.id);
  }

  public async finish(entry: OutboxEntry, result: NotifyResult): Promise<OutboxEntry> {
    const what = `Recording the delivery of "${entry.key}"`;
    await this.list.update(
      what,
      entry.id,
      entry.version,
      result.ok
        ? {
            Title: `sent ${entry.key}`,
            [OUTBOX.state]: LABELS.sent,
            [OUTBOX.sentAt]: new Date().toISOString(),
            [OUTBOX.messageId]: result.messageId,
            [OUTBOX.lastError]: ''
          }
        : { Title: `failed ${entry.key}`, [OUTBOX.state]: LABELS.failed, [OUTBOX.lastError]: result.error.slice(0, 2000) }
    );
    return this.read(what, entry.id);
  }
}
