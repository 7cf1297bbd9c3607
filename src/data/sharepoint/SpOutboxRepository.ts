import type { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import { isDataError, withRetries, type NotifyResult, type OutboxEntry, type OutboxRepository } from '../../domain';
import { ListGateway, odataString } from './ListGateway';
import { OUTBOX } from './lists';
import { OUTBOX_SELECT, toOutboxEntry } from './SpPlanRecords';

/**
 * The "Notification outbox" list. An entry holds a submission's key and how delivery went — never
 * what to post or where. A claimed entry's Title says "sending" while a post is in flight.
 */
export class SpOutboxRepository implements OutboxRepository {
  private readonly list: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'notificationOutbox');
  }

  private read(what: string, id: number): Promise<OutboxEntry> {
    return this.list.get(what, id, { select: OUTBOX_SELECT, expand: ['Author'] }, toOutboxEntry);
  }

  public unsent(): Promise<OutboxEntry[]> {
    // ipDeliveryState is indexed, so this works however long the outbox grows.
    return this.list.query(
      `Reading "${this.list.title}"`,
      (items) =>
        items
          .select(...OUTBOX_SELECT)
          .expand('Author')
          .filter(`${OUTBOX.state} ne 'Sent'`)
          .orderBy('Id', true)
          .top(100),
      toOutboxEntry
    );
  }

  public add(planId: number, key: string, claimed: boolean): Promise<OutboxEntry> {
    const what = `Adding to "${this.list.title}"`;
    // Look before adding (a retry after a lost answer): only an entry this person added counts as
    // theirs — an item someone else planted with the key is never taken for it.
    return withRetries(() =>
      this.list.run(what, async () => {
        const me = await this.sp.web.currentUser.select('Id')<{ Id: number }>();
        const found = await this.list.items
          .select('Id', 'AuthorId')
          .filter(`${OUTBOX.key} eq '${odataString(key)}'`)
          .orderBy('Id', true)
          .top(50)<Array<{ Id: number; AuthorId: number }>>();
        const mine = found.find((f) => f.AuthorId === me.Id);
        const id =
          mine?.Id ??
          (
            (await this.list.items.add({
              Title: `${claimed ? 'sending' : 'pending'} ${key}`,
              [`${OUTBOX.plan}Id`]: planId,
              [OUTBOX.key]: key,
              [OUTBOX.state]: 'Pending',
              [OUTBOX.attempts]: claimed ? 1 : 0,
              [OUTBOX.lastError]: '',
              [OUTBOX.messageId]: ''
            })) as { Id: number }
          ).Id;
        return this.read(what, id);
      })
    );
  }

  public async claim(entry: OutboxEntry): Promise<OutboxEntry> {
    const what = `Claiming "${entry.key}"`;
    await this.list.update(what, entry.id, entry.version, { Title: `sending ${entry.key}`, [OUTBOX.attempts]: entry.attempts + 1 });
    return this.read(what, entry.id);
  }

  public async finish(entry: OutboxEntry, result: NotifyResult): Promise<OutboxEntry> {
    const what = `Recording the delivery of "${entry.key}"`;
    const values = result.ok
      ? {
          Title: `sent ${entry.key}`,
          [OUTBOX.state]: 'Sent',
          [OUTBOX.sentAt]: new Date().toISOString(),
          [OUTBOX.messageId]: result.messageId,
          [OUTBOX.lastError]: ''
        }
      : { Title: `failed ${entry.key}`, [OUTBOX.state]: 'Failed', [OUTBOX.lastError]: result.error.slice(0, 2000) };
    // Once posted, the entry must say so, or a later sender would post again: tried again under
    // the retry policy; a 412 after a lost answer means the first write landed (checked by reading).
    await withRetries(async () => {
      try {
        await this.list.update(what, entry.id, entry.version, values);
      } catch (error) {
        if (!isDataError(error, 'conflict')) throw error;
        const now = await this.read(what, entry.id);
        if (now.state !== (result.ok ? 'sent' : 'failed')) throw error;
      }
    });
    // What was written is known: no read-back (one round trip to mark it sent).
    return {
      ...entry,
      state: result.ok ? 'sent' : 'failed',
      sentAt: result.ok ? new Date().toISOString() : entry.sentAt,
      messageId: result.ok ? result.messageId : entry.messageId,
      lastError: result.ok ? '' : result.error.slice(0, 2000),
      updatedAt: new Date().toISOString()
    };
  }
}
