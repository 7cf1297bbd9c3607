/**
 * List items (Learn: "Working with lists and list items with REST"; "Use OData query operations in
 * SharePoint REST requests"; "List item paging with $skiptoken"; "Manage large lists and
 * libraries"): queries with $select/$expand/$filter/$orderby/$top and paging, the list view
 * threshold, reading one item, adding, and updating or deleting with ETags.
 */
import { SAMPLE_USERS } from '../directory';
import { compareValues, evaluate, filterFields, parseFilter, type FilterNode } from '../odata';
import type { FieldDef, ItemRec, ListDef } from '../store';
import { errors, jsonBody, ok, SpHttpError, type SpContext, type SpResponse } from './http';
import { entityName, fieldForPath, findField, writeValues } from './fields';
import { maskJson } from '../roles';
import { canAddItem, canDeleteItem, canEditItem, canViewItem, effectiveItemMask } from './permissions';

const MAX_TOP = 5000;
const DEFAULT_TOP = 100;

/**
 * What a request asked for: all columns or some, which person/lookup columns to expand with which
 * sub-fields, and which item properties that are not columns (HasUniqueRoleAssignments,
 * EffectiveBasePermissions).
 */
interface ItemShape {
  all: boolean;
  fields: Set<string>;
  expand: Map<string, Set<string>>;
  props?: Set<ItemProperty>;
}

/** SP.ListItem properties that are not columns, by their name in `$select`. */
const ITEM_PROPERTIES = ['HasUniqueRoleAssignments', 'EffectiveBasePermissions'] as const;
type ItemProperty = (typeof ITEM_PROPERTIES)[number];

const now = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Columns SharePoint keeps on the item itself rather than among its values. */
const SYSTEM_COLUMNS = { Author: 'authorId', Editor: 'editorId', Created: 'created', Modified: 'modified' } as const;
type SystemValues = Partial<Record<keyof typeof SYSTEM_COLUMNS, unknown>>;

/**
 * Values for Created By, Modified By, Created and Modified reach here only once someone who may
 * manage the list has made those columns writable (ReadOnlyField false); then they stick.
 */
function splitSystem(all: Record<string, unknown>): { values: Record<string, unknown>; system: SystemValues } {
  const values = { ...all };
  const system: SystemValues = {};
  for (const key of Object.keys(SYSTEM_COLUMNS) as Array<keyof typeof SYSTEM_COLUMNS>) {
    if (!(key in values)) continue;
    system[key] = values[key];
    delete values[key];
  }
  return { values, system };
}

function applySystemValues(item: ItemRec, system: SystemValues): void {
  if (typeof system.Author === 'number') item.authorId = system.Author;
  if (typeof system.Editor === 'number') item.editorId = system.Editor;
  if (typeof system.Created === 'string') item.created = system.Created;
  if (typeof system.Modified === 'string') item.modified = system.Modified;
}

function parseShape(ctx: SpContext, list: ListDef): ItemShape {
  const select = (ctx.req.query.get('$select') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const expandNames = (ctx.req.query.get('$expand') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const expand = new Map<string, Set<string>>();
  for (const name of expandNames) {
    const field = findField(list, name);
    if (!field || (field.type !== 'User' && field.type !== 'Lookup'))
      throw errors.badQuery(`The field or property '${name}' does not exist or cannot be expanded.`);
    expand.set(field.internalName, new Set());
  }
  const fields = new Set<string>();
  const props = new Set<ItemProperty>();
  for (const s of select) {
    if (s === '*') continue;
    const prop = ITEM_PROPERTIES.find((p) => p.toLowerCase() === s.toLowerCase());
    if (prop) {
      props.add(prop);
      continue;
    }
    const [base, sub] = s.split('/');
    const target = fieldForPath(list, s);
    if (sub) {
      const subs = expand.get(target.field.internalName);
      if (!subs)
        throw errors.badQuery(
          `The query to field '${s}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${base}.`
        );
      subs.add(sub);
    } else {
      fields.add(target.idSuffix ? `${target.field.internalName}Id` : target.field.internalName);
    }
  }
  return { all: select.length === 0 || select.includes('*'), fields, expand, props };
}

function readValue(ctx: SpContext, list: ListDef, item: ItemRec, path: string): unknown {
  const { field, sub, idSuffix } = fieldForPath(list, path);
  const raw =
    field.internalName === 'ID'
      ? item.id
      : field.internalName === 'Created'
        ? item.created
        : field.internalName === 'Modified'
          ? item.modified
          : field.internalName === 'Author'
            ? item.authorId
            : field.internalName === 'Editor'
              ? item.editorId
              : item.values[field.internalName];
  if (field.type === 'User' || field.type === 'Lookup') {
    if (idSuffix || !sub || sub.toLowerCase() === 'id') return raw ?? null;
    if (raw === null || raw === undefined) return null;
    if (field.type === 'User') {
      const u = SAMPLE_USERS.find((x) => x.id === raw);
      const key = sub.toLowerCase();
      return key === 'title'
        ? u?.title
        : key === 'email'
          ? u?.email
          : key === 'name'
            ? u?.loginName
            : (() => {
                throw errors.fieldMissing(path);
              })();
    }
    const target = field.lookupListId ? ctx.store.listById(field.lookupListId) : undefined;
    const targetItem = target ? ctx.store.itemsOf(target).get(raw as number) : undefined;
    return target && targetItem ? readValue(ctx, target, targetItem, sub) : null;
  }
  if (sub) throw errors.fieldMissing(path);
  return raw ?? null;
}

function itemJson(ctx: SpContext, list: ListDef, item: ItemRec, shape: ItemShape): Record<string, unknown> {
  const { siteUrl } = ctx.options;
  const out: Record<string, unknown> = {
    'odata.type': entityName(list),
    'odata.id': `${siteUrl}/_api/Web/Lists(guid'${list.id}')/Items(${item.id})`,
    'odata.etag': `"${item.version}"`,
    'odata.editLink': `Web/Lists(guid'${list.id}')/Items(${item.id})`
  };
  const put = (name: string): void => {
    const field = findField(list, name.replace(/Id$/, '')) ?? findField(list, name);
    if (!field) return;
    const value = readValue(ctx, list, item, field.internalName === 'ID' ? 'ID' : name);
    if (field.type === 'User' || field.type === 'Lookup') {
      out[`${field.internalName}Id`] = value;
      if (field.type === 'User') out[`${field.internalName}StringId`] = value === null ? null : String(value);
    } else if (field.internalName === 'ID') {
      out.Id = item.id;
      out.ID = item.id;
    } else {
      out[field.internalName] = field.type === 'MultiChoice' ? (value ?? []) : value;
    }
  };
  if (shape.all) {
    out.FileSystemObjectType = 0;
    for (const f of list.fields) put(f.internalName);
  } else {
    for (const name of shape.fields) put(name);
  }
  if (shape.props?.has('HasUniqueRoleAssignments')) out.HasUniqueRoleAssignments = item.hasUniqueRoleAssignments === true;
  if (shape.props?.has('EffectiveBasePermissions')) out.EffectiveBasePermissions = maskJson(effectiveItemMask(ctx, list, item));
  for (const [name, subs] of shape.expand) {
    const field = findField(list, name) as FieldDef;
    const id = readValue(ctx, list, item, `${name}Id`);
    if (subs.size === 0 && !shape.all) continue;
    if (id === null || id === undefined) {
      out[name] = null;
      continue;
    }
    const expanded: Record<string, unknown> = {
      'odata.type': field.type === 'User' ? 'SP.Data.UserInfoItem' : entityName(ctx.store.listById(field.lookupListId ?? '') as ListDef)
    };
    for (const sub of subs.size ? subs : new Set(['Id', 'Title'])) {
      const key = sub === 'ID' ? 'Id' : sub;
      expanded[key] = readValue(ctx, list, item, `${name}/${sub}`);
    }
    out[name] = expanded;
  }
  return out;
}

/** Item ids by the value of a column, per list, rebuilt when the list's items change. */
const equalityIndexes = new WeakMap<ListDef, Map<string, { changes: number; byValue: Map<string, ItemRec[]> }>>();

/**
 * The items a filter can match: where it requires an indexed column to equal a number (such as
 * `ipPlanId eq 12`), only the items with that value — found from an index the stand-in keeps, as
 * SharePoint answers such a query from the column's index instead of reading every item. The
 * filter is still applied to each candidate; this only saves reading the rest.
 */
function candidates(ctx: SpContext, list: ListDef, filter: FilterNode): ItemRec[] {
  const all = ctx.store.itemsOf(list);
  const equality = numberEquality(list, filter);
  if (!equality) return [...all.values()];
  let indexes = equalityIndexes.get(list);
  if (!indexes) equalityIndexes.set(list, (indexes = new Map()));
  const changes = ctx.store.changeCount(list);
  let index = indexes.get(equality.path);
  if (!index || index.changes !== changes) {
    const byValue = new Map<string, ItemRec[]>();
    for (const item of all.values()) {
      const v = readValue(ctx, list, item, equality.path);
      const key = typeof v === 'boolean' ? String(Number(v)) : String(v);
      byValue.set(key, [...(byValue.get(key) ?? []), item]);
    }
    index = { changes, byValue };
    indexes.set(equality.path, index);
  }
  return index.byValue.get(String(equality.value)) ?? [];
}

/** A `column eq <number>` on an indexed column that every match must satisfy (directly, or in a chain of `and`s). */
function numberEquality(list: ListDef, node: FilterNode): { path: string; value: number } | undefined {
  if (node.kind === 'and') return numberEquality(list, node.left) ?? numberEquality(list, node.right);
  if (node.kind !== 'compare' || node.op !== 'eq' || node.left.kind !== 'field' || node.right.kind !== 'literal') return undefined;
  if (typeof node.right.value !== 'number') return undefined;
  const { field, sub } = fieldForPath(list, node.left.path);
  return field.indexed && !sub ? { path: node.left.path, value: node.right.value } : undefined;
}

/** `GET .../items`: security-trimmed, filtered, ordered, one page at a time. */
export function queryItems(ctx: SpContext, list: ListDef): SpResponse {
  const { req, options } = ctx;
  const shape = parseShape(ctx, list);
  const filterText = req.query.get('$filter');
  const filter: FilterNode | undefined = filterText ? parseFilter(filterText) : undefined;
  const orderText = req.query.get('$orderby') ?? '';
  const order = orderText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [path, dir] = s.split(/\s+/);
      if (dir && !/^(asc|desc)$/i.test(dir)) throw errors.badQuery(`The $orderby expression '${s}' is not valid.`);
      return { path, desc: /^desc$/i.test(dir ?? '') };
    });
  const topText = req.query.get('$top');
  const top = topText === null ? DEFAULT_TOP : Number(topText);
  if (!Number.isInteger(top) || top < 0) throw errors.badQuery(`The $top value '${topText}' is not valid.`);
  const pageSize = Math.min(top, MAX_TOP);

  // Unknown columns are a 400, whatever the list's size.
  const touched = [...(filter ? filterFields(filter) : []), ...order.map((o) => o.path)].map((p) => fieldForPath(list, p).field);
  const items = ctx.store.itemsOf(list);
  if (items.size > options.threshold && touched.some((f) => !f.indexed)) throw errors.throttled();

  // Security trimming: items the user may not view are simply not there.
  // Filtered first, then trimmed to what the user may see: the same rows, without working out
  // permissions for every item of a large list.
  let rows = filter ? candidates(ctx, list, filter) : [...items.values()];
  if (filter) rows = rows.filter((it) => evaluate(filter, (p) => readValue(ctx, list, it, p)));
  rows = rows.filter((it) => canViewItem(ctx, list, it));
  const sortKeys = [...order, { path: 'ID', desc: false }];
  rows.sort((a, b) => {
    for (const k of sortKeys) {
      const c = compareValues(readValue(ctx, list, a, k.path), readValue(ctx, list, b, k.path));
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });

  // $skiptoken=Paged=TRUE&p_ID=<last id of the previous page> (Learn: "List item paging with $skiptoken").
  const skip = req.query.get('$skiptoken');
  let start = 0;
  if (skip) {
    const token = new URLSearchParams(skip);
    const lastId = Number(token.get('p_ID'));
    if (!Number.isInteger(lastId)) throw errors.badQuery(`The $skiptoken '${skip}' is not valid.`);
    const index = rows.findIndex((r) => r.id === lastId);
    start = index >= 0 ? index + 1 : rows.findIndex((r) => r.id > lastId);
    if (start < 0) start = rows.length;
  }
  const page = rows.slice(start, start + pageSize);
  const body: Record<string, unknown> = {
    'odata.metadata': `${options.siteUrl}/_api/$metadata#SP.ListData.${list.title.replace(/[^A-Za-z0-9]/g, '')}ListItems`,
    value: page.map((it) => itemJson(ctx, list, it, shape))
  };
  if (start + pageSize < rows.length && page.length > 0) {
    const next = new URLSearchParams(req.query);
    next.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].id}`);
    next.set('$top', String(pageSize));
    body['odata.nextLink'] = `${options.siteUrl}/_api/${req.path}?${next.toString().replace(/\+/g, '%20')}`;
  }
  return ok(body);
}

/**
 * Delete an item as SharePoint does when other lists' lookups enforce a relationship with its
 * list (Learn: "SPFieldLookup.RelationshipDeleteBehavior"): refused while any item of a list
 * whose lookup restricts deletion refers to it; items of lists whose lookup cascades go with it.
 * Nothing is deleted unless all of it can be.
 */
function deleteWithRelationships(ctx: SpContext, list: ListDef, item: ItemRec): void {
  const cascade: Array<{ list: ListDef; item: ItemRec }> = [];
  for (const other of ctx.store.allLists()) {
    for (const field of other.fields) {
      if (field.type !== 'Lookup' || field.lookupListId !== list.id || !field.relationshipDeleteBehavior) continue;
      const referring = [...ctx.store.itemsOf(other).values()].filter((it) => it.values[field.internalName] === item.id);
      if (referring.length === 0) continue;
      if (field.relationshipDeleteBehavior === 2)
        throw new SpHttpError(
          400,
          '-2146232832, Microsoft.SharePoint.SPException',
          `This item cannot be deleted because an item in the "${other.title}" list is related to an item in the "${list.title}" list.`
        );
      cascade.push(...referring.map((it) => ({ list: other, item: it })));
    }
  }
  for (const c of cascade) ctx.store.deleteItem(c.list, c.item.id);
  ctx.store.deleteItem(list, item.id);
}

/** `POST .../items`: needs Add Items (and item-level "Create and Edit access" other than None). */
export function addItem(ctx: SpContext, list: ListDef): SpResponse {
  if (!canAddItem(ctx, list)) throw errors.denied();
  const { values, system } = splitSystem(writeValues(ctx.store, list, jsonBody(ctx.req)));
  for (const f of list.fields)
    if (f.required && f.internalName !== 'Title' && (values[f.internalName] === undefined || values[f.internalName] === null))
      throw errors.argument(`The field '${f.internalName}' is required.`);
  const item = ctx.store.addItem(list, ctx.req.user.id, values);
  if (Object.keys(system).length) {
    applySystemValues(item, system);
    ctx.store.saveItem(list, item);
  }
  return ok(itemJson(ctx, list, item, { all: true, fields: new Set(), expand: new Map() }), 201, { ETag: `"${item.version}"` });
}

/**
 * The item `items(id)` names, if this user may view it; otherwise 404 "Item does not exist", as
 * SharePoint answers for an item that security trimming hides (no View Items on it, or "read own
 * items" and someone else's).
 */
export function visibleItem(ctx: SpContext, list: ListDef, id: number): ItemRec {
  const item = ctx.store.itemsOf(list).get(id);
  if (!item || !canViewItem(ctx, list, item)) throw errors.itemMissing();
  return item;
}

/** `GET .../items(id)` */
export function getItem(ctx: SpContext, list: ListDef, item: ItemRec): SpResponse {
  return ok(itemJson(ctx, list, item, parseShape(ctx, list)), 200, { ETag: `"${item.version}"` });
}

/**
 * `MERGE` or `DELETE .../items(id)`: 403 without Edit Items (or Delete Items) on the item or when
 * the list's "edit own items" stops it, 412 on a stale `IF-MATCH`, `*` overwrites. Created By,
 * Modified By, Created and Modified are read-only here: SharePoint sets them.
 */
export function changeItem(ctx: SpContext, list: ListDef, item: ItemRec): SpResponse {
  const { req } = ctx;
  if (!(ctx.method === 'DELETE' ? canDeleteItem(ctx, list, item) : canEditItem(ctx, list, item))) throw errors.denied();
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== '*' && ifMatch.replace(/^W\//, '') !== `"${item.version}"`) throw errors.conflict();
  if (ctx.method === 'DELETE') {
    deleteWithRelationships(ctx, list, item);
    return ok(undefined, 200);
  }
  const { values, system } = splitSystem(writeValues(ctx.store, list, jsonBody(req)));
  keepVersion(list, item);
  Object.assign(item.values, values);
  item.version += 1;
  item.editorId = req.user.id;
  item.modified = now();
  applySystemValues(item, system);
  ctx.store.saveItem(list, item);
  return ok(undefined, 204, { ETag: `"${item.version}"` });
}

/** The hidden column SharePoint keeps an item's retention label in ("Retention label"). */
export const COMPLIANCE_TAG_FIELD = '_ComplianceTag';

/**
 * `POST .../items(id)/SetComplianceTag` (Microsoft Learn, ListItem.SetComplianceTag: complianceTag,
 * isTagPolicyHold, isTagPolicyRecord, isEventBasedTag): applies a Microsoft Purview retention label
 * to the item. Needs Edit Items on it; the label shows in the item's `_ComplianceTag` column.
 */
export function setComplianceTag(ctx: SpContext, list: ListDef, item: ItemRec): SpResponse {
  if (!canEditItem(ctx, list, item)) throw errors.denied();
  const body = jsonBody(ctx.req);
  const tag = body.complianceTag;
  if (typeof tag !== 'string') throw errors.badQuery('The parameter complianceTag is missing or is not a string.');
  for (const flag of ['isTagPolicyHold', 'isTagPolicyRecord', 'isEventBasedTag'])
    if (flag in body && typeof body[flag] !== 'boolean') throw errors.badQuery(`The parameter ${flag} must be true or false.`);
  item.values[COMPLIANCE_TAG_FIELD] = tag;
  ctx.store.saveItem(list, item);
  return ok(undefined, 200);
}

/** On a list with versioning, keep the item's values as they are before a change (SharePoint's version history). */
export function keepVersion(list: ListDef, item: ItemRec): void {
  if (!list.enableVersioning) return;
  item.versions = [
    ...(item.versions ?? []),
    { version: item.version, editorId: item.editorId, modified: item.modified, values: structuredClone(item.values) }
  ];
}

/**
 * `GET .../items(id)/versions` (SP.ListItemVersion, newest first, the current one included): each
 * with `VersionId` (512 per major version), `VersionLabel`, `IsCurrentVersion`, `Created` (when that
 * version was saved), `Editor` as `{ LookupId, LookupValue, Email }` and the fields' values then by
 * internal name (person and lookup fields as `{ LookupId, LookupValue }`). On a list without
 * versioning only the current version is kept. Needs the View Versions right (Read has it).
 */
export function itemVersions(ctx: SpContext, list: ListDef, item: ItemRec): SpResponse {
  if (!canViewItem(ctx, list, item)) throw errors.itemMissing();
  const person = (id: number): Record<string, unknown> => {
    const user = SAMPLE_USERS.find((u) => u.id === id);
    return { LookupId: id, LookupValue: user?.title ?? '', Email: user?.email ?? '' };
  };
  const fieldValues = (values: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      list.fields
        .filter((f) => f.internalName in values)
        .map((f) => {
          const v = values[f.internalName];
          if ((f.type === 'Lookup' || f.type === 'User') && typeof v === 'number') return [f.internalName, { LookupId: v, LookupValue: String(v) }];
          return [f.internalName, v ?? null];
        })
    );
  const all = [...(item.versions ?? []), { version: item.version, editorId: item.editorId, modified: item.modified, values: item.values }];
  return ok({
    value: all
      .map((v, i) => ({
        'odata.type': 'SP.ListItemVersion',
        VersionId: (i + 1) * 512,
        VersionLabel: `${i + 1}.0`,
        IsCurrentVersion: i === all.length - 1,
        Created: v.modified,
        Editor: person(v.editorId),
        ...fieldValues(v.values)
      }))
      .reverse()
  });
}

/**
 * `POST .../GetItems` with `{ query: { ViewXml } }` (Learn: "List.GetItems method"; CAML: "Query
 * schema" — "Where", "Eq", "FieldRef", "Value", "UserID", "OrderBy", "RowLimit"): the items a CAML
 * view selects, security-trimmed, with `$select` and `$expand` on the address as for `/items`.
 * The part of CAML implemented: a `<Where>` of one `<Eq>` comparing a column (a person or lookup
 * column by its id with `LookupId="TRUE"`) with a `<Value>` that is a literal or `<UserID/>` (the
 * signed-in user's id); an `<OrderBy>` of one column (`Ascending="FALSE"` for newest first); a
 * `<RowLimit>`. Anything else in the view is refused (400), never silently ignored. SharePoint
 * pages GetItems by ListItemCollectionPosition, not by next links, so none is returned.
 */
export function getItemsByCaml(ctx: SpContext, list: ListDef): SpResponse {
  const query = jsonBody(ctx.req).query as { ViewXml?: unknown } | undefined;
  const xml = typeof query?.ViewXml === 'string' ? query.ViewXml.trim() : '';
  if (!xml) throw errors.argument('The query must have a ViewXml.');
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}=["']([^"']*)["']`).exec(tag)?.[1];
  const view = /^<View(?:\s[^>]*)?>([\s\S]*)<\/View>$/.exec(xml);
  if (!view) throw errors.badQuery('The ViewXml must be one <View> element.');
  let rest = view[1];
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const m = pattern.exec(rest);
    if (m) rest = rest.replace(m[0], '');
    return m;
  };
  const params = new URLSearchParams();
  for (const key of ['$select', '$expand']) {
    const value = ctx.req.query.get(key);
    if (value !== null) params.set(key, value);
  }
  const rowLimit = take(/<RowLimit(?:\s[^>]*)?>\s*(\d+)\s*<\/RowLimit>/);
  params.set('$top', rowLimit ? rowLimit[1] : '100');
  const q = take(/<Query>([\s\S]*)<\/Query>/);
  if (rest.trim()) throw errors.badQuery(`The stand-in does not implement this part of the view: ${rest.trim().slice(0, 200)}`);
  let inner = q ? q[1] : '';
  const where = /<Where>\s*<Eq>\s*(<FieldRef\b[^>]*\/>)\s*<Value\b([^>]*)>([\s\S]*?)<\/Value>\s*<\/Eq>\s*<\/Where>/.exec(inner);
  if (where) {
    inner = inner.replace(where[0], '');
    const name = attr(where[1], 'Name');
    if (!name) throw errors.badQuery('A FieldRef must have a Name.');
    const field = findField(list, name);
    if (!field) throw errors.argument(`Column '${name}' does not exist. It may have been deleted by another user.`);
    const byId = /^true$/i.test(attr(where[1], 'LookupId') ?? '') || field.type === 'Counter';
    const raw = where[3].trim();
    const value = /^<UserID\b[^>]*\/>$/.test(raw) ? String(ctx.req.user.id) : raw;
    if (/[<>]/.test(value)) throw errors.badQuery(`The stand-in does not implement this value: ${raw}`);
    if (byId || (field.type !== 'User' && field.type !== 'Lookup' && /^(Integer|Number|Counter)$/i.test(attr(where[0], 'Type') ?? ''))) {
      if (!/^-?\d+$/.test(value)) throw errors.badQuery(`The value '${value}' is not a number.`);
      params.set('$filter', `${field.type === 'User' || field.type === 'Lookup' ? `${field.internalName}Id` : field.internalName} eq ${value}`);
    } else if (field.type === 'User' || field.type === 'Lookup') {
      throw errors.badQuery('The stand-in compares a person or lookup column only by its id (LookupId="TRUE").');
    } else {
      params.set('$filter', `${field.internalName} eq '${value.replace(/'/g, "''")}'`);
    }
  }
  const order = /<OrderBy>\s*(<FieldRef\b[^>]*\/>)\s*<\/OrderBy>/.exec(inner);
  if (order) {
    inner = inner.replace(order[0], '');
    const name = attr(order[1], 'Name') ?? '';
    const field = name === 'ID' ? 'Id' : name;
    params.set('$orderby', `${field} ${/^false$/i.test(attr(order[1], 'Ascending') ?? '') ? 'desc' : 'asc'}`);
  }
  if (inner.trim()) throw errors.badQuery(`The stand-in does not implement this part of the query: ${inner.trim().slice(0, 200)}`);
  const answer = queryItems({ ...ctx, req: { ...ctx.req, query: params } }, list);
  if (answer.body && typeof answer.body === 'object') delete (answer.body as Record<string, unknown>)['odata.nextLink'];
  return answer;
}
