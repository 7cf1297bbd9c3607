/**
 * Permission levels (role definitions) of the site (Learn: "RoleDefinitionCollection",
 * "Authorization, users, groups, and the object model in SharePoint"): the built-in levels, and
 * custom levels with any combination of base permissions — for example Add Items and View Items
 * without Edit or Delete Items, which the list item-level settings alone cannot express.
 * Creating, changing or deleting one needs Manage Permissions on the site; Full Control and
 * Limited Access cannot be changed or deleted.
 */
import { FIXED_ROLE_DEFINITIONS, maskFromJson, maskJson, type RoleDefRec } from '../roles';
import { errors, jsonBody, ok, SpHttpError, unquote, type SpContext, type SpResponse } from './http';
import { demand, webMask } from './permissions';
import type { Params } from './router';

export const roleDefJson = (r: RoleDefRec): Record<string, unknown> => ({
  'odata.type': 'SP.RoleDefinition',
  Id: r.id,
  Name: r.name,
  Description: r.description,
  Order: r.order,
  RoleTypeKind: r.roleTypeKind,
  Hidden: r.hidden,
  BasePermissions: maskJson(BigInt(r.mask))
});

const missing = (): SpHttpError =>
  new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');

/** `roledefinitions(id)`, `/getById(id)`, `/getbyname('…')`, `/getbytype(kind)`: params roleDefId, roleDefName, roleType. */
export function resolveRoleDefinition(ctx: SpContext, params: Params): RoleDefRec {
  const defs = ctx.store.roleDefinitions();
  const found =
    params.roleDefId !== undefined
      ? defs.find((r) => r.id === Number(params.roleDefId))
      : params.roleDefName !== undefined
        ? defs.find((r) => r.name.toLowerCase() === unquote(params.roleDefName ?? '').toLowerCase())
        : defs.find((r) => r.roleTypeKind === Number(params.roleType) && r.roleTypeKind !== 0);
  if (!found) throw missing();
  return found;
}

export const allRoleDefinitions = (ctx: SpContext): SpResponse => ok({ value: ctx.store.roleDefinitions().map(roleDefJson) });

export const getRoleDefinition = (_ctx: SpContext, def: RoleDefRec): SpResponse => ok(roleDefJson(def));

function readMask(value: unknown): string {
  const mask = maskFromJson(value);
  if (mask === undefined) throw errors.argument('BasePermissions needs High and Low, each a whole number from 0 to 4294967295.');
  return mask.toString();
}

function uniqueName(ctx: SpContext, name: string, except?: RoleDefRec): void {
  if (ctx.store.roleDefinitions().some((r) => r !== except && r.name.toLowerCase() === name.toLowerCase()))
    throw new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', `A permission level named '${name}' already exists.`);
}

/** `POST web/roledefinitions` with `{ Name, Description, Order, BasePermissions: { High, Low } }`. */
export function createRoleDefinition(ctx: SpContext): SpResponse {
  demand(webMask(ctx.store, ctx.req.user), 'ManagePermissions');
  const body = jsonBody(ctx.req);
  const name = typeof body.Name === 'string' ? body.Name.trim() : '';
  if (!name) throw errors.argument('The permission level needs a Name.');
  uniqueName(ctx, name);
  const defs = ctx.store.roleDefinitions();
  const def: RoleDefRec = {
    // Custom permission levels get ids after the built-in ones.
    id: Math.max(1073741925, ...defs.map((r) => r.id)) + 1,
    name,
    description: typeof body.Description === 'string' ? body.Description : '',
    order: typeof body.Order === 'number' ? body.Order : 1000,
    roleTypeKind: 0,
    mask: readMask(body.BasePermissions),
    hidden: false
  };
  defs.push(def);
  ctx.store.saveRoleDefinitions();
  return ok(roleDefJson(def), 201);
}

function requireChangeable(ctx: SpContext, def: RoleDefRec): void {
  demand(webMask(ctx.store, ctx.req.user), 'ManagePermissions');
  if (FIXED_ROLE_DEFINITIONS.includes(def.id))
    throw new SpHttpError(
      400,
      '-2146232832, Microsoft.SharePoint.SPException',
      `The permission level '${def.name}' cannot be changed or deleted.`
    );
}

/** `MERGE` on a permission level: Name, Description, Order, BasePermissions. */
export function updateRoleDefinition(ctx: SpContext, def: RoleDefRec): SpResponse {
  requireChangeable(ctx, def);
  for (const [key, value] of Object.entries(jsonBody(ctx.req))) {
    if (key === 'Name' && typeof value === 'string' && value.trim()) {
      uniqueName(ctx, value.trim(), def);
      def.name = value.trim();
    } else if (key === 'Description' && typeof value === 'string') def.description = value;
    else if (key === 'Order' && typeof value === 'number') def.order = value;
    else if (key === 'BasePermissions') def.mask = readMask(value);
    else throw errors.badQuery(`The property '${key}' cannot be set on SP.RoleDefinition here.`);
  }
  ctx.store.saveRoleDefinitions();
  return ok(undefined, 204);
}

/** `DELETE` on a permission level: every role assignment that used it goes too. */
export function deleteRoleDefinition(ctx: SpContext, def: RoleDefRec): SpResponse {
  requireChangeable(ctx, def);
  const { store } = ctx;
  const defs = store.roleDefinitions();
  defs.splice(defs.indexOf(def), 1);
  store.saveRoleDefinitions();
  for (const group of store.siteGroups()) if (group.siteRoleDefId === def.id) group.siteRoleDefId = null;
  store.saveSiteGroups();
  for (const list of store.allLists()) {
    list.roleAssignments = list.roleAssignments.filter((r) => r.roleDefId !== def.id);
    store.saveList(list);
    for (const item of store.itemsOf(list).values()) {
      if (!item.roleAssignments?.some((r) => r.roleDefId === def.id)) continue;
      item.roleAssignments = item.roleAssignments.filter((r) => r.roleDefId !== def.id);
      store.saveItem(list, item);
    }
  }
  return ok(undefined, 200);
}
