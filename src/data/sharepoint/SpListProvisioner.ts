import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import type { ListProvisioner, MissingPiece, ProvisioningReport } from '../../domain';
import { toDataError } from '../http';
import { fieldSchemaXml, LIST_DEFINITIONS, type ListDefinition } from './lists';

/** SP.AddFieldOptions.AddFieldInternalNameHint: keep our internal name. */
const ADD_FIELD_INTERNAL_NAME_HINT = 8;

interface SiteField { InternalName: string; TypeAsString: string; Indexed: boolean }

/**
 * Checks and creates the product's lists, columns and indexes with PnPjs. It reads what exists
 * first and creates only what is missing — unlike PnPjs `lists.ensure`, which takes any error
 * (a 429, a 403) for "missing" and tries to create the list. Running it twice changes nothing.
 */
export class SpListProvisioner implements ListProvisioner {
  public constructor(private readonly sp: SPFI) {}

  public async check(): Promise<ProvisioningReport> {
    const { report } = await this.inspect();
    return report;
  }

  public async ensure(): Promise<ProvisioningReport> {
    const { listIds, fieldsByList } = await this.inspect();
    try {
      for (const def of LIST_DEFINITIONS) {
        if (!listIds.has(def.title)) {
          const created = await this.sp.web.lists.add(def.title, def.description, 100, false);
          listIds.set(def.title, created.Id as string);
          fieldsByList.set(def.title, new Map());
        }
        await this.ensureColumns(def, listIds, fieldsByList.get(def.title) ?? new Map());
      }
    } catch (error) {
      throw await toDataError(error, 'Setting up lists');
    }
    return this.check();
  }

  private async ensureColumns(def: ListDefinition, listIds: Map<string, string>, existing: Map<string, SiteField>): Promise<void> {
    const list = this.sp.web.lists.getByTitle(def.title);
    for (const column of def.columns) {
      const found = existing.get(column.internalName);
      if (!found) {
        const lookupId = column.lookupList ? listIds.get(LIST_DEFINITIONS.find((l) => l.key === column.lookupList)?.title ?? '') : undefined;
        await list.fields.createFieldAsXml({ SchemaXml: fieldSchemaXml(column, lookupId), Options: ADD_FIELD_INTERNAL_NAME_HINT });
      } else if (column.indexed && !found.Indexed && found.TypeAsString === column.type) {
        await list.fields.getByInternalNameOrTitle(column.internalName).update({ Indexed: true }, 'SP.Field');
      }
    }
  }

  private async inspect(): Promise<{ report: ProvisioningReport; listIds: Map<string, string>; fieldsByList: Map<string, Map<string, SiteField>> }> {
    try {
      const lists = await this.sp.web.lists.select('Id', 'Title')();
      const listIds = new Map<string, string>(lists.map((l) => [l.Title as string, l.Id as string]));
      const fieldsByList = new Map<string, Map<string, SiteField>>();
      const missing: MissingPiece[] = [];
      const conflicts: ProvisioningReport['conflicts'] = [];
      for (const def of LIST_DEFINITIONS) {
        if (!listIds.has(def.title)) {
          missing.push({ list: def.title, what: 'list' });
          continue;
        }
        const fields = await this.sp.web.lists.getByTitle(def.title).fields.select('InternalName', 'TypeAsString', 'Indexed')<SiteField[]>();
        const byName = new Map(fields.map((f) => [f.InternalName, f]));
        fieldsByList.set(def.title, byName);
        for (const column of def.columns) {
          const found = byName.get(column.internalName);
          if (!found) missing.push({ list: def.title, column: column.internalName, what: 'column' });
          else if (found.TypeAsString !== column.type) conflicts.push({ list: def.title, column: column.internalName, expected: column.type, found: found.TypeAsString });
          else if (column.indexed && !found.Indexed) missing.push({ list: def.title, column: column.internalName, what: 'index' });
        }
      }
      return { report: { ready: missing.length === 0 && conflicts.length === 0, missing, conflicts }, listIds, fieldsByList };
    } catch (error) {
      throw await toDataError(error, 'Checking the lists');
    }
  }
}
