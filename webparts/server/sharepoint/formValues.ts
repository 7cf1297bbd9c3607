/**
 * Form-style writes (Learn: "ListItem.ValidateUpdateListItem method"; [MS-CSOMSPT]
 * "AddValidateUpdateItemUsingPath"): field values as strings, validated one by one, committed
 * only if every one is valid, each answered with HasException and ErrorMessage.
 *
 * Unlike a plain REST add or update, these set read-only columns too — Created By (Author),
 * Modified By (Editor), Created and Modified included — for anyone allowed to edit the item
 * (sp-dev-docs issue 6333: a contributor changes a read-only column with ValidateUpdateListItem
 * but not with a POST to items; PnPjs issue 3265: Author set through validateUpdateListItem).
 * The stand-in does the same on add: whoever may add items can create one that names someone
 * else as its author. So Author/Editor/Created/Modified prove nothing on an item its writer
 * could add or edit; only permissions (who could write at all) do.
 */
import type { FieldDef, ItemRec, ListDef, Store } from '../store';
import { errors, jsonBody, ok, type SpContext, type SpResponse } from './http';
import { fieldForPath } from './fields';
import { canAddItem, canEditItem } from './permissions';
import { userByLogin } from './principals';
import { keepVersion } from './items';

interface FormValue {
  FieldName: string;
  FieldValue: string | null;
}

interface FormResult {
  ErrorCode: number;
  ErrorMessage: string | null;
  FieldName: string;
  FieldValue: string | null;
  HasException: boolean;
  ItemId: number;
}

class FieldValueError extends Error {}

const SYSTEM = { Author: 'authorId', Editor: 'editorId', Created: 'created', Modified: 'modified' } as const;
type SystemField = keyof typeof SYSTEM;
const isSystem = (name: string): name is SystemField => name in SYSTEM;

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** dd/mm/yyyy [hh:mm] as the en-GB site (locale 2057) writes dates, or ISO 8601. */
function parseDate(raw: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(raw.trim());
  const d = uk ? new Date(Date.UTC(+uk[3], +uk[2] - 1, +uk[1], +(uk[4] ?? 0), +(uk[5] ?? 0))) : new Date(raw);
  if (Number.isNaN(d.getTime())) throw new FieldValueError('You must specify a valid date within the range of 1/1/1900 and 12/31/8900.');
  return iso(d);
}

/** `[{'Key':'i:0#.f|membership|…'}]` (the people picker's form value), or a bare login or email. */
function parseUser(raw: string): number {
  let key = raw.trim();
  if (key.startsWith('[')) {
    try {
      const entries = JSON.parse(key.replace(/'/g, '"')) as Array<{ Key?: string }>;
      key = entries[0]?.Key ?? '';
    } catch {
      throw new FieldValueError('The user does not exist or is not unique.');
    }
  }
  const user = userByLogin(key);
  if (!user) throw new FieldValueError('The user does not exist or is not unique.');
  return user.id;
}

function parseValue(store: Store, field: FieldDef, raw: string): unknown {
  switch (field.type) {
    case 'Text':
      if (raw.length > 255) throw new FieldValueError('The value of this field may not contain more than 255 characters.');
      return raw;
    case 'Note':
    case 'Choice':
      return raw;
    case 'MultiChoice':
      return raw.split(';#').filter(Boolean);
    case 'Number':
    case 'Currency':
    case 'Integer': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new FieldValueError('You must specify a number.');
      return n;
    }
    case 'Boolean':
      if (/^(1|yes|true)$/i.test(raw)) return true;
      if (/^(0|no|false)$/i.test(raw)) return false;
      throw new FieldValueError('You must specify Yes or No.');
    case 'DateTime':
      return parseDate(raw);
    case 'User':
      return parseUser(raw);
    case 'Lookup': {
      const id = Number(raw.split(';#')[0]);
      const target = field.lookupListId ? store.listById(field.lookupListId) : undefined;
      if (!Number.isInteger(id) || !target || !store.itemsOf(target).has(id)) throw new FieldValueError('The lookup value does not exist.');
      return id;
    }
    default:
      throw new FieldValueError('This column cannot be set.');
  }
}

interface Parsed {
  results: FormResult[];
  values: Record<string, unknown>;
  system: Partial<Record<SystemField, unknown>>;
  failed: boolean;
}

function parseFormValues(store: Store, list: ListDef, formValues: unknown, itemId: number): Parsed {
  if (!Array.isArray(formValues)) throw errors.badQuery('formValues must be an array of { FieldName, FieldValue }.');
  const out: Parsed = { results: [], values: {}, system: {}, failed: false };
  for (const entry of formValues as FormValue[]) {
    const result: FormResult = {
      ErrorCode: 0,
      ErrorMessage: null,
      FieldName: String(entry?.FieldName ?? ''),
      FieldValue: entry?.FieldValue ?? null,
      HasException: false,
      ItemId: itemId
    };
    try {
      let field: FieldDef;
      try {
        field = fieldForPath(list, result.FieldName).field;
      } catch {
        throw new FieldValueError(`Column '${result.FieldName}' does not exist. It may have been deleted by another user.`);
      }
      if (field.internalName === 'ID') throw new FieldValueError('This column cannot be set.');
      const raw = result.FieldValue ?? '';
      if (raw === '') {
        if (field.required || isSystem(field.internalName)) throw new FieldValueError("You can't leave this blank.");
        out.values[field.internalName] = null;
      } else if (isSystem(field.internalName)) {
        out.system[field.internalName] = parseValue(store, field, raw);
      } else {
        out.values[field.internalName] = parseValue(store, field, raw);
      }
    } catch (error) {
      if (!(error instanceof FieldValueError)) throw error;
      result.HasException = true;
      result.ErrorCode = -2146232832;
      result.ErrorMessage = error.message;
      out.failed = true;
    }
    out.results.push(result);
  }
  return out;
}

function applySystem(item: ItemRec, system: Parsed['system'], editorId: number): void {
  item.authorId = (system.Author as number | undefined) ?? item.authorId;
  item.editorId = (system.Editor as number | undefined) ?? editorId;
  item.created = (system.Created as string | undefined) ?? item.created;
  item.modified = (system.Modified as string | undefined) ?? iso(new Date());
}

/** `POST .../items(id)/validateupdatelistitem` with `{ formValues, bNewDocumentUpdate }`. */
export function validateUpdateListItem(ctx: SpContext, list: ListDef, item: ItemRec): SpResponse {
  if (!canEditItem(ctx, list, item)) throw errors.denied();
  const body = jsonBody(ctx.req);
  const parsed = parseFormValues(ctx.store, list, body.formValues, item.id);
  if (!parsed.failed) {
    keepVersion(list, item);
    Object.assign(item.values, parsed.values);
    applySystem(item, parsed.system, ctx.req.user.id);
    item.version += 1;
    ctx.store.saveItem(list, item);
  }
  return ok({ value: parsed.results });
}

/** `POST .../AddValidateUpdateItemUsingPath()` with `{ listItemCreateInfo, formValues, bNewDocumentUpdate, checkInComment }`. */
export function addValidateUpdateItemUsingPath(ctx: SpContext, list: ListDef): SpResponse {
  if (!canAddItem(ctx, list)) throw errors.denied();
  const body = jsonBody(ctx.req);
  const parsed = parseFormValues(ctx.store, list, body.formValues, 0);
  for (const f of list.fields) {
    if (!f.required || f.internalName === 'Title' || parsed.values[f.internalName] !== undefined) continue;
    if (parsed.results.some((r) => r.FieldName === f.internalName)) continue;
    parsed.results.push({
      ErrorCode: -2146232832,
      ErrorMessage: "You can't leave this blank.",
      FieldName: f.internalName,
      FieldValue: null,
      HasException: true,
      ItemId: 0
    });
    parsed.failed = true;
  }
  if (parsed.failed) return ok({ value: parsed.results });
  const item = ctx.store.addItem(list, ctx.req.user.id, parsed.values);
  applySystem(item, { Editor: ctx.req.user.id, Modified: item.modified, ...parsed.system }, ctx.req.user.id);
  ctx.store.saveItem(list, item);
  for (const r of parsed.results) r.ItemId = item.id;
  return ok({
    value: [
      ...parsed.results,
      { ErrorCode: 0, ErrorMessage: null, FieldName: 'Id', FieldValue: String(item.id), HasException: false, ItemId: item.id }
    ]
  });
}
