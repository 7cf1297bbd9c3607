import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { notificationTargetSchema, type NotificationTarget, type SettingsRepository } from '../../domain';
import { toDataError } from '../http';
import { listDefinition } from './lists';

const TARGET_KEY = 'notificationTarget';

/** Organisation settings in the "Involvement settings" list (one item per setting). */
export class SpSettingsRepository implements SettingsRepository {
  private readonly title = listDefinition('settings').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  public async notificationTarget(): Promise<NotificationTarget | undefined> {
    try {
      const [item] = await this.items.select('Id', 'ipValue').filter(`Title eq '${TARGET_KEY}'`).top(1)<Array<{ ipValue: string | null }>>();
      if (!item?.ipValue) return undefined;
      const parsed = notificationTargetSchema.safeParse(JSON.parse(item.ipValue));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async setNotificationTarget(target: NotificationTarget): Promise<void> {
    try {
      const [item] = await this.items.select('Id').filter(`Title eq '${TARGET_KEY}'`).top(1)<Array<{ Id: number }>>();
      const value = JSON.stringify(notificationTargetSchema.parse(target));
      if (item) await this.items.getById(item.Id).update({ ipValue: value });
      else await this.items.add({ Title: TARGET_KEY, ipValue: value });
    } catch (error) {
      throw await toDataError(error, `Saving to "${this.title}"`);
    }
  }
}
