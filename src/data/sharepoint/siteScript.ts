import { fieldSchemaXml, LIST_DEFINITIONS } from './lists';

/**
 * A SharePoint site script that creates the same lists and columns as "Set up lists", for an
 * admin who prefers to provision with `Add-SPOSiteScript` / `m365 spo sitescript add`
 * (Learn: "Site design JSON schema": createSPList, addSPFieldXml, addSPLookupFieldXml).
 */
export function buildSiteScript(): Record<string, unknown> {
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/sp/site-design-script-actions.schema.json',
    actions: LIST_DEFINITIONS.map((def) => ({
      verb: 'createSPList',
      listName: def.title,
      templateType: 100,
      subactions: [
        { verb: 'setDescription', description: def.description },
        ...def.columns.map((column) =>
          column.type === 'Lookup'
            ? {
                verb: 'addSPLookupFieldXml',
                schemaXml: fieldSchemaXml({ ...column, lookupList: undefined }).replace(/ List="[^"]*"/, ''),
                targetListName: LIST_DEFINITIONS.find((l) => l.key === column.lookupList)?.title
              }
            : { verb: 'addSPFieldXml', schemaXml: fieldSchemaXml(column) }
        )
      ]
    })),
    version: 1
  };
}
