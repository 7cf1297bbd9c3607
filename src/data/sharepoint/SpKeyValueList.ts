import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import { ListGateway, odataString, parseItem } from './ListGateway';
import type { ListKey } from './lists';

const valueSchema = z.object({ ipValue: z.string().nullable().optional() });

/** A list used as named values: the item Title is the name, `ipValue` the value. */
export class SpKeyValueList {
  private readonly list: ListGateway;

  public constructor(sp: SPFI, key: ListKey) {
    this.list = new ListGateway(sp, key);
  }

  public async get(name: string): Promise<string | undefined> {
    const [value] = await this.list.query(
      `Reading "${this.list.title}"`,
      (items) =>
        items
          .select('Id', 'ipValue')
          .filter(`Title eq '${odataString(name)}'`)
          .top(1),
      (raw) => parseItem(valueSchema, raw, this.list.title).ipValue ?? undefined
    );
    return value;
  }

  public set(name: string, value: string): Promise<void> {
    return this.list.run(`Saving to "${this.list.title}"`, async () => {
      const [item] = await this.list.items
        .select('Id')
        .filter(`Title eq '${odataString(name)}'`)
        .top(1)<Array<{ Id: number }>>();
      if (item) await this.list.items.getById(item.Id).update({ ipValue: value });
      else await this.list.items.add({ Title: name, ipValue: value });
    });
  }
}
