import type { SPFI } from '@pnp/sp';
import { isWebhookAddress, type SecretsRepository } from '../../domain';
import { SpKeyValueList } from './SpKeyValueList';

const WEBHOOK_KEY = 'workflowWebhookUrl';

/** Secrets in the "Involvement secrets" list, which only site owners can read (set by "Set up lists"). */
export class SpSecretsRepository implements SecretsRepository {
  private readonly list: SpKeyValueList;

  public constructor(sp: SPFI) {
    this.list = new SpKeyValueList(sp, 'secrets');
  }

  public workflowWebhookUrl(): Promise<string | undefined> {
    return this.list.get(WEBHOOK_KEY);
  }

  public async setWorkflowWebhookUrl(url: string): Promise<void> {
    if (!isWebhookAddress(url)) throw new Error('The webhook address must start with https://');
    await this.list.set(WEBHOOK_KEY, url);
  }
}
