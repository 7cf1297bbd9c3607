import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { z } from 'zod';
import {
  DataError,
  notificationTargetSchema,
  OUTBOX_STATES,
  type NotifyResult,
  type OutboxEntry,
  type OutboxRepository
} from '../../domain';
import { toDataError } from '../http';
import { listDefinition, OUTBOX } from './lists';

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
const odataString = (s: string): string => s.replace(/'/g, "''");

const rawSchema = z.object({
  Id: z.number(),
  'odata.etag': z.string().optional(),
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

/** The "Notification outbox" list. A claimed entry's Title says "sending" while a post is in flight. */
export class SpOutboxRepository implements OutboxRepository {
  private readonly title = listDefinition('notificationOutbox').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  private toEntry(raw: unknown): OutboxEntry {
    const parsed = rawSchema.safeParse(raw);
    if (!parsed.success)
      throw new DataError(
        'schemaDrift',
        `List "${this.title}", column "${String(parsed.error.issues[0].path[0])}": has the wrong type or is missing.`
      );
    const r = parsed.data;
    const target = notificationTargetSchema.safeParse(JSON.parse(r[OUTBOX.target] ?? 'null'));
    if (!target.success) throw new DataError('schemaDrift', `List "${this.title}", column "${OUTBOX.target}": is not a Teams channel.`);
    const label = r[OUTBOX.state] ?? 'Pending';
    const state = label === 'Sent' ? 'sent' : label === 'Failed' ? 'failed' : (r.Title ?? '').startsWith('sending') ? 'sending' : 'pending';
    if (!OUTBOX_STATES.includes(state))
      throw new DataError('schemaDrift', `List "${this.title}", column "${OUTBOX.state}": unknown state.`);
    return {
      id: r.Id,
      version: r['odata.etag'],
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

  private async read(id: number): Promise<OutboxEntry> {
    return this.toEntry(await this.items.getById(id).select(...SELECT)());
  }

  public async findByKey(key: string): Promise<OutboxEntry | undefined> {
    try {
      const found = await this.items
        .select(...SELECT)
        .filter(`${OUTBOX.key} eq '${odataString(key)}'`)
        .top(1)<unknown[]>();
      return found[0] ? this.toEntry(found[0]) : undefined;
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async latestForPlan(planId: number): Promise<OutboxEntry | undefined> {
    try {
      const found = await this.items
        .select(...SELECT)
        .filter(`${OUTBOX.plan}Id eq ${planId}`)
        .orderBy('Id', false)
        .top(1)<unknown[]>();
      return found[0] ? this.toEntry(found[0]) : undefined;
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async unsent(): Promise<OutboxEntry[]> {
    try {
      // ipDeliveryState is indexed, so this works however long the outbox grows.
      const found = await this.items
        .select(...SELECT)
        .filter(`${OUTBOX.state} ne '${LABELS.sent}'`)
        .orderBy('Id', true)
        .top(100)<unknown[]>();
      return found.map((r) => this.toEntry(r));
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async add(entry: OutboxEntry): Promise<OutboxEntry> {
    try {
      const added = await this.items.add({
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
      const sameKey = await this.items
        .select('Id')
        .filter(`${OUTBOX.key} eq '${odataString(entry.key)}'`)
        .orderBy('Id', true)
        .top(10)<Array<{ Id: number }>>();
      const winner = sameKey[0]?.Id ?? (added.Id as number);
      if (winner !== added.Id) await this.items.getById(added.Id as number).delete();
      return await this.read(winner);
    } catch (error) {
      throw await toDataError(error, `Adding to "${this.title}"`);
    }
  }

  public async claim(entry: OutboxEntry): Promise<OutboxEntry> {
    if (entry.id === undefined || !entry.version)
      throw new DataError('invalidRequest', 'Claiming an outbox entry needs its id and version.');
    try {
      await this.items.getById(entry.id).update({ Title: `sending ${entry.key}`, [OUTBOX.attempts]: entry.attempts + 1 }, entry.version);
      return await this.read(entry.id);
    } catch (error) {
      throw await toDataError(error, `Claiming "${entry.key}"`);
    }
  }

  public async finish(entry: OutboxEntry, result: NotifyResult): Promise<OutboxEntry> {
    if (entry.id === undefined) throw new DataError('invalidRequest', 'Finishing an outbox entry needs its id.');
    try {
      await this.items.getById(entry.id).update(
        result.ok
          ? {
              Title: `sent ${entry.key}`,
              [OUTBOX.state]: LABELS.sent,
              [OUTBOX.sentAt]: new Date().toISOString(),
              [OUTBOX.messageId]: result.messageId,
              [OUTBOX.lastError]: ''
            }
          : { Title: `failed ${entry.key}`, [OUTBOX.state]: LABELS.failed, [OUTBOX.lastError]: result.error.slice(0, 2000) },
        entry.version
      );
      return await this.read(entry.id);
    } catch (error) {
      throw await toDataError(error, `Recording the delivery of "${entry.key}"`);
    }
  }
}
