import type { SPFI } from '@pnp/sp';
import { notificationTargetSchema, type NotificationTarget, type SettingsRepository } from '../../domain';
import { SpKeyValueList } from './SpKeyValueList';

const TARGET_KEY = 'notificationTarget';

/** Organisation settings in the "Involvement settings" list (one item per setting, JSON values). */
export class SpSettingsRepository implements SettingsRepository {
  private readonly list: SpKeyValueList;

  public constructor(sp: SPFI) {
    this.list = new SpKeyValueList(sp, 'settings');
  }

  public async notificationTarget(): Promise<NotificationTarget | undefined> {
    const value = await this.list.get(TARGET_KEY);
    if (!value) return undefined;
    const parsed = notificationTargetSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  }

  public setNotificationTarget(target: NotificationTarget): Promise<void> {
    return this.list.set(TARGET_KEY, JSON.stringify(notificationTargetSchema.parse(target)));
  }
}
