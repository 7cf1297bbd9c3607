import type { SPFI } from '@pnp/sp';
import { notificationTargetSchema, retentionLabelSchema, type NotificationTarget, type SettingsRepository } from '../../domain';
import { SpKeyValueList } from './SpKeyValueList';

const TARGET_KEY = 'notificationTarget';
const RETENTION_LABEL_KEY = 'responseRetentionLabel';

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

  public async retentionLabel(): Promise<string> {
    const value = await this.list.get(RETENTION_LABEL_KEY);
    if (!value) return '';
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      return '';
    }
    const parsed = retentionLabelSchema.safeParse(json);
    return parsed.success ? parsed.data : '';
  }

  public setRetentionLabel(name: string): Promise<void> {
    return this.list.set(RETENTION_LABEL_KEY, JSON.stringify(retentionLabelSchema.parse(name)));
  }
}
