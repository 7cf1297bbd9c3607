/**
 * Columns (Learn: "Working with lists and list items with REST"; "Field element (List)"): reading
 * `createfieldasxml` schema, the field JSON SharePoint returns, which field a request property
 * names, and turning request values into stored values with SharePoint's refusals.
 */
import { randomUUID } from 'node:crypto';
import { SAMPLE_USERS } from '../directory';
import { FIELD_TYPE_KIND, type FieldDef, type FieldType, type ListDef, type Store } from '../store';
import { errors, jsonBody, ok, SpHttpError, type SpContext, type SpResponse } from './http';
import { demand, listMask } from './permissions';

/** The entity type SharePoint gives a list's items, e.g. `SP.Data.PlansListItem`. */
export function entityName(list: ListDef): string {
  return `SP.Data.${list.title.replace(/[^A-Za-z0-9]/g, '')}ListItem`;
}

/** Parse `<Field .../>` schema XML the way `createfieldasxml` reads it. */
export function parseFieldXml(xml: string, options: number, store: Store): FieldDef {
  const tag = /<Field\b([^>]*?)\/?>/i.exec(xml);
  if (!tag) throw errors.argument('The field schema XML is not valid.');
  const attrs = new Map<string, string>();
  for (const m of tag[1].matchAll(/(\w+)\s*=\s*"([^"]*)"/g))
    attrs.set(
      m[1].toLowerCase(),
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&')
    );
  const typeRaw = attrs.get('type') ?? '';
  const type = (Object.keys(FIELD_TYPE_KIND) as FieldType[]).find((t) => t.toLowerCase() === typeRaw.toLowerCase());
  if (!type || type === 'Counter') throw errors.argument(`Field type '${typeRaw}' is not supported.`);
  const displayName = attrs.get('displayname') ?? attrs.get('name') ?? '';
  // SP.AddFieldOptions.AddFieldInternalNameHint (8) keeps Name as the internal name.
  const internalName =
    options & 8 || !attrs.get('displayname') ? (attrs.get('name') ?? attrs.get('staticname') ?? '') : displayName.replace(/ /g, '_x0020_');
  if (!internalName) throw errors.argument('The field needs a Name.');
  const choices = [...xml.matchAll(/<CHOICE>([^<]*)<\/CHOICE>/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
  let lookupListId: string | undefined;
  if (type === 'Lookup') {
    const ref = (attrs.get('list') ?? '').replace(/[{}]/g, '');
    const target = store.listById(ref) ?? store.listByTitle(ref);
    if (!target) throw errors.argument(`The lookup list '${ref}' does not exist.`);
    lookupListId = target.id;
  }
  return {
    id: randomUUID(),
    internalName,
    title: displayName,
    type,
    indexed: /^true$/i.test(attrs.get('indexed') ?? ''),
    required: /^true$/i.test(attrs.get('required') ?? ''),
    readOnly: false,
    hidden: false,
    choices: type === 'Choice' || type === 'MultiChoice' ? choices : undefined,
    lookupListId,
    lookupField: type === 'Lookup' ? (attrs.get('showfield') ?? 'Title') : undefined,
    relationshipDeleteBehavior:
      type === 'Lookup' ? relationshipBehaviour(attrs.get('relationshipdeletebehavior'), attrs.get('indexed')) : undefined,
    schemaXml: xml
  };
}

/**
 * `RelationshipDeleteBehavior` of a lookup (Learn: "SPFieldLookup.RelationshipDeleteBehavior"):
 * None, Cascade or Restrict; the lookup must be indexed for Cascade or Restrict.
 */
function relationshipBehaviour(value: string | undefined, indexed: string | undefined): 0 | 1 | 2 {
  const behaviour = /^(restrict|2)$/i.test(value ?? '') ? 2 : /^(cascade|1)$/i.test(value ?? '') ? 1 : 0;
  if (behaviour !== 0 && !/^true$/i.test(indexed ?? ''))
    throw errors.argument('A lookup column that enforces a relationship behavior must be indexed.');
  return behaviour;
}

export function fieldJson(f: FieldDef, list: ListDef): Record<string, unknown> {
  return {
    'odata.type': `SP.Field${f.type === 'Note' ? 'MultiLineText' : f.type === 'Counter' || f.type === 'Integer' ? 'Number' : f.type === 'MultiChoice' ? 'MultiChoice' : f.type}`,
    Id: f.id,
    InternalName: f.internalName,
    StaticName: f.internalName,
    EntityPropertyName: f.internalName,
    Title: f.title,
    TypeAsString: f.type,
    FieldTypeKind: FIELD_TYPE_KIND[f.type],
    Indexed: f.indexed,
    Required: f.required,
    ReadOnlyField: f.readOnly,
    Hidden: f.hidden,
    Choices: f.choices ?? null,
    LookupList: f.lookupListId ? `{${f.lookupListId}}` : null,
    LookupField: f.lookupField ?? null,
    ...(f.type === 'Lookup' ? { RelationshipDeleteBehavior: f.relationshipDeleteBehavior ?? 0 } : {}),
    SchemaXml: f.schemaXml,
    Scope: `/sites/involvement/Lists/${list.title}`
  };
}

export function findField(list: ListDef, name: string): FieldDef | undefined {
  return list.fields.find((f) => f.internalName === name) ?? list.fields.find((f) => f.internalName.toLowerCase() === name.toLowerCase());
}

/** The field a request property or path refers to: `ipPlanId` → the `ipPlan` lookup; `ipLead/Title` → `ipLead`. */
export function fieldForPath(list: ListDef, path: string): { field: FieldDef; sub?: string; idSuffix: boolean } {
  const [base, sub] = path.split('/');
  if (base === 'Id' || base === 'ID') return { field: findField(list, 'ID') as FieldDef, idSuffix: false };
  const direct = findField(list, base);
  if (direct) return { field: direct, sub, idSuffix: false };
  if (/Id$/.test(base)) {
    const target = findField(list, base.slice(0, -2));
    if (target && (target.type === 'User' || target.type === 'Lookup')) return { field: target, idSuffix: true };
  }
  throw errors.fieldMissing(base);
}

/** Turn request properties into stored values, refusing unknown or read-only fields. */
export function writeValues(store: Store, list: ListDef, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    let target: { field: FieldDef; idSuffix: boolean };
    try {
      target = fieldForPath(list, key);
    } catch {
      throw errors.badQuery(
        `The property '${key}' does not exist on type '${entityName(list)}'. Make sure to only use property names that are defined by the type.`
      );
    }
    const { field } = target;
    if (field.readOnly) throw errors.badQuery(`The property '${key}' is read-only.`);
    if ((field.type === 'User' || field.type === 'Lookup') && !target.idSuffix) {
      throw errors.badQuery(`A value for '${key}' must be written to '${key}Id'.`);
    }
    out[field.internalName] = coerce(store, field, key, value);
  }
  return out;
}

function coerce(store: Store, field: FieldDef, key: string, value: unknown): unknown {
  const bad = (): never => {
    throw errors.badQuery(`Cannot convert the value for '${key}' to a ${field.type} value.`);
  };
  if (value === null) return null;
  switch (field.type) {
    case 'Text':
      if (typeof value !== 'string') bad();
      if ((value as string).length > 255) throw errors.argument(`The value for '${key}' is longer than 255 characters.`);
      return value;
    case 'Note':
      if (typeof value !== 'string') bad();
      return value;
    case 'Choice':
      if (typeof value !== 'string') bad();
      return value;
    case 'Number':
    case 'Currency':
    case 'Integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) bad();
      return value;
    case 'Boolean':
      if (typeof value !== 'boolean') bad();
      return value;
    case 'DateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) bad();
      return new Date(value as string).toISOString().replace(/\.\d{3}Z$/, 'Z');
    case 'MultiChoice': {
      const arr = Array.isArray(value) ? value : (value as { results?: unknown })?.results;
      if (!Array.isArray(arr) || arr.some((v) => typeof v !== 'string')) bad();
      return arr;
    }
    case 'User': {
      if (typeof value !== 'number' || !SAMPLE_USERS.some((u) => u.id === value))
        throw errors.argument(`The user id ${String(value)} for '${key}' is not a user of this site.`);
      return value;
    }
    case 'Lookup': {
      const target = field.lookupListId ? store.listById(field.lookupListId) : undefined;
      if (typeof value !== 'number' || !target || !store.itemsOf(target).has(value))
        throw errors.argument(`The lookup value ${String(value)} for '${key}' does not exist.`);
      return value;
    }
    default:
      return bad();
  }
}

/** `GET .../fields` */
export function listFields(_ctx: SpContext, list: ListDef): SpResponse {
  return ok({ value: list.fields.map((f) => fieldJson(f, list)) });
}

/** `POST .../fields/createfieldasxml`: needs Manage Lists. */
export function createFieldAsXml(ctx: SpContext, list: ListDef): SpResponse {
  demand(listMask(ctx.store, ctx.req.user, list), 'ManageLists');
  const body = jsonBody(ctx.req) as { parameters?: { SchemaXml?: string; Options?: number } };
  const field = parseFieldXml(body.parameters?.SchemaXml ?? '', body.parameters?.Options ?? 0, ctx.store);
  if (findField(list, field.internalName)) throw errors.argument(`A duplicate field name "${field.internalName}" was found.`);
  list.fields.push(field);
  ctx.store.saveList(list);
  return ok(fieldJson(field, list), 201);
}

/** The field `getByInternalNameOrTitle('name')` / `getByTitle('name')` names, or 404. */
export function namedField(list: ListDef, name: string): FieldDef {
  const field = findField(list, name) ?? list.fields.find((f) => f.title === name);
  if (!field)
    throw new SpHttpError(
      404,
      '-2147024809, System.ArgumentException',
      `Column '${name}' does not exist. It may have been deleted by another user.`
    );
  return field;
}

/**
 * `MERGE .../fields/getByInternalNameOrTitle('name')`: Indexed (at most 20 per list), Title,
 * Required, ReadOnlyField; needs Manage Lists. Whoever can manage the list can make a read-only
 * column (even Created By) writable through plain REST until they set it back.
 */
export function updateField(ctx: SpContext, list: ListDef, field: FieldDef): SpResponse {
  demand(listMask(ctx.store, ctx.req.user, list), 'ManageLists');
  const body = jsonBody(ctx.req);
  for (const [key, value] of Object.entries(body)) {
    if (key === 'Indexed' && typeof value === 'boolean') {
      if (value && !field.indexed && list.fields.filter((f) => f.indexed && f.internalName !== 'ID').length >= 20) {
        throw errors.argument('This list already has 20 indexed columns, the most SharePoint allows.');
      }
      field.indexed = value;
    } else if (key === 'Title' && typeof value === 'string') field.title = value;
    else if (key === 'Required' && typeof value === 'boolean') field.required = value;
    else if (key === 'ReadOnlyField' && typeof value === 'boolean' && field.internalName !== 'ID') field.readOnly = value;
    else if (key === 'RelationshipDeleteBehavior' && field.type === 'Lookup' && (value === 0 || value === 1 || value === 2)) {
      if (value !== 0 && !field.indexed) throw errors.argument('A lookup column that enforces a relationship behavior must be indexed.');
      field.relationshipDeleteBehavior = value;
    } else throw errors.badQuery(`The property '${key}' cannot be set on SP.Field here.`);
  }
  ctx.store.saveList(list);
  return ok(undefined, 204);
}
