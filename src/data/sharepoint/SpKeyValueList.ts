import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { toDataError } from '../http';
import { listDefinition, type ListKey } from './lists';

const odataString = (s: string): string => s.replace(/'/g, "''");

/** A list used as named values: the item Title is the name, `ipValue` the value. */
export class SpKeyValueList {
  private readonly title: string;

  public constructor(
    private readonly sp: SPFI,
    key: ListKey
  ) {
    this.title = listDefinition(key).title;
  }

  private get items() {
    return this.sp.web.lists.getByTitle(this.title).items;
  }

  public async get(name: string): Promise<string | undefined> {
    try {
      const [item] = await this.items
        .select('Id', 'ipValue')
        .filter(`Title eq '${odataString(name)}'`)
        .top(1)<Array<{ ipValue: string | null }>>();
      return item?.ipValue ?? undefined;
    } catch (error) {
      throw await toDataError(error, `Reading "${this.title}"`);
    }
  }

  public async set(name: string, value: string): Promise<void> {
    try {
      const [item] = await this.items
        .select('Id')
        .filter(`Title eq '${odataString(name)}'`)
        .top(1)<Array<{ Id: number }>>();
      if (item) await this.items.getById(item.Id).update({ ipValue: value });
      else await this.items.add({ Title: name, ipValue: value });
    } catch (error) {
      throw await toDataError(error, `Saving to "${this.title}"`);
    }
  }
}
