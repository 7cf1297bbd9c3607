import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { isWebhookAddress, type SecretsRepository } from '../../domain';
import { toDataError } from '../http';
import { listDefinition } from './lists';

const WEBHOOK_KEY = 'workflowWebhookUrl';

/** Secrets in the "Involvement secrets" list, which only site owners can read (set by "Set up lists"). */
export class SpSecretsRepository implements SecretsRepository {
  private readonly title = listDefinition('secrets').title;

  public constructor(private readonly sp: SPFI) {}

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  public async workflowWebhookUrl(): Promise<string | undefined> {
    try {
      const [item] = await this.items.select('Id', 'ipValue').filter(`Title eq '${WEBHOOK_KEY}'`).top(1)<Array<{ ipValue: string | null }>>();
      return item?.ipValue ?? undefined;
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async setWorkflowWebhookUrl(url: string): Promise<void> {
    if (!isWebhookAddress(url)) throw new Error('The webhook address must start with https://');
    try {
      const [item] = await this.items.select('Id').filter(`Title eq '${WEBHOOK_KEY}'`).top(1)<Array<{ Id: number }>>();
      if (item) await this.items.getById(item.Id).update({ ipValue: url });
      else await this.items.add({ Title: WEBHOOK_KEY, ipValue: url });
    } catch (error) {
      throw await toDataError(error, `Saving to "${this.title}"`);
    }
  }
}
