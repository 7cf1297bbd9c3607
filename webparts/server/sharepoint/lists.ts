/**
 * Lists (Learn: "Working with lists and list items with REST"): the list JSON, finding a list by
 * title or id (404 when missing, 403 when the user cannot read it), creating lists and changing
 * their settings.
 */
import type { ListDef } from '../store';
import { errors, jsonBody, ok, SpHttpError, unquote, type SpContext, type SpResponse } from './http';
import { entityName } from './fields';
import type { Params } from './router';
import { hasPermission, maskJson } from '../roles';
import { canOpenList, demand, listMask, listMaskWithLimitedAccess, webMask } from './permissions';

/** A list addressed as `getByTitle('…')`, `(guid'…')` or `getById('…')`; named groups title, guid, listId. */
export const LIST = String.raw`web/lists(?:/getByTitle\('(?<title>(?:[^']|'')*)'\)|\(guid'(?<guid>[0-9a-f-]+)'\)|/getById\('(?<listId>[0-9a-f-]+)'\))`;

export function listJson(ctx: SpContext, list: ListDef): Record<string, unknown> {
  return {
    'odata.type': 'SP.List',
    'odata.id': `${ctx.options.siteUrl}/_api/Web/Lists(guid'${list.id}')`,
    Id: list.id,
    Title: list.title,
    Description: list.description,
    BaseTemplate: list.baseTemplate,
    ItemCount: ctx.store.itemsOf(list).size,
    Created: list.created,
    ReadSecurity: list.readSecurity,
    WriteSecurity: list.writeSecurity,
    EnableVersioning: list.enableVersioning === true,
    HasUniqueRoleAssignments: list.hasUniqueRoleAssignments,
    EffectiveBasePermissions: maskJson(listMaskWithLimitedAccess(ctx.store, ctx.req.user, list)),
    EntityTypeName: `${list.title.replace(/[^A-Za-z0-9]/g, '')}List`,
    ListItemEntityTypeFullName: entityName(list)
  };
}

/** The list a path names: 404 when it does not exist, 403 when the user cannot open it. */
export function resolveList(ctx: SpContext, params: Params): ListDef {
  const title = params.title === undefined ? undefined : unquote(params.title);
  const id = params.guid ?? params.listId ?? '';
  const list = title !== undefined ? ctx.store.listByTitle(title) : ctx.store.listById(id);
  if (!list) throw errors.listMissing(title ?? id, ctx.options.siteUrl);
  if (!canOpenList(ctx, list)) throw errors.denied();
  return list;
}

/** `GET web/lists`: SharePoint lists only the lists the user can open. */
export function allLists(ctx: SpContext): SpResponse {
  return ok({
    value: ctx.store
      .allLists()
      .filter((l) => hasPermission(listMask(ctx.store, ctx.req.user, l), 'Open'))
      .map((l) => listJson(ctx, l))
  });
}

/** `POST web/lists`: needs Manage Lists on the site. */
export function createList(ctx: SpContext): SpResponse {
  demand(webMask(ctx.store, ctx.req.user), 'ManageLists');
  const body = jsonBody(ctx.req);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw errors.argument('The list needs a Title.');
  if (ctx.store.listByTitle(title))
    throw new SpHttpError(
      500,
      '-2130575342, Microsoft.SharePoint.SPException',
      `A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.`
    );
  const list = ctx.store.createList(
    title,
    typeof body.Description === 'string' ? body.Description : '',
    typeof body.BaseTemplate === 'number' ? body.BaseTemplate : 100
  );
  if (body.EnableVersioning === true) {
    list.enableVersioning = true;
    ctx.store.saveList(list);
  }
  return ok(listJson(ctx, list), 201);
}

/** `MERGE` on a list: ReadSecurity, WriteSecurity, EnableVersioning, Description, Title; needs Manage Lists. */
export function updateList(ctx: SpContext, list: ListDef): SpResponse {
  demand(listMask(ctx.store, ctx.req.user, list), 'ManageLists');
  const body = jsonBody(ctx.req);
  for (const [key, value] of Object.entries(body)) {
    if (key === 'ReadSecurity' && (value === 1 || value === 2)) list.readSecurity = value;
    else if (key === 'WriteSecurity' && (value === 1 || value === 2 || value === 4)) list.writeSecurity = value;
    else if (key === 'Description' && typeof value === 'string') list.description = value;
    else if (key === 'EnableVersioning' && typeof value === 'boolean') list.enableVersioning = value;
    else if (key === 'Title' && typeof value === 'string' && value.trim()) list.title = value.trim();
    else throw errors.badQuery(`The property '${key}' cannot be set on SP.List here.`);
  }
  ctx.store.saveList(list);
  return ok(undefined, 204);
}
