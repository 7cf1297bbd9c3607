/**
 * Who may do what, as SharePoint Online decides it:
 * - A user's permissions on a securable object (the site, a list, an item) are the union of the
 *   permission levels bound to them or to a group they belong to, on the nearest object that has
 *   its own role assignments; a list or item without them inherits its parent's (Learn:
 *   "Authorization, users, groups, and the object model in SharePoint"). Site collection
 *   administrators hold every permission.
 * - A list's item-level permissions (ReadSecurity 2 "read items that were created by the user",
 *   WriteSecurity 2 "create items and edit items that were created by the user", 4 "none") narrow
 *   reading, editing and deleting for everyone without Override List Behaviors (CancelCheckout):
 *   "Users with the Cancel Checkout permission can read and edit all items" (list Advanced
 *   settings; Learn: "ReadSecurity element", "WriteSecurity element"). Edit does not include it;
 *   Design and Full Control do.
 * - Granting someone permissions on an item gives them Limited Access up to the list, so they can
 *   open the list to reach that item (Learn: "Guest roles (Limited Access)").
 */
import type { SampleUser } from '../directory';
import { EMPTY_MASK, FULL_MASK, hasPermission, maskOf, type Mask, type PermissionName } from '../roles';
import type { ItemRec, ListDef, RoleAssignmentRec, Store } from '../store';
import { errors, type SpContext } from './http';

/** The site's own role assignments: each group that holds a permission level on the site. */
export function webAssignments(store: Store): RoleAssignmentRec[] {
  return store
    .siteGroups()
    .filter((g) => g.siteRoleDefId !== null)
    .map((g) => ({ principalId: g.id, roleDefId: g.siteRoleDefId as number }));
}

export function listAssignments(store: Store, list: ListDef): RoleAssignmentRec[] {
  return list.hasUniqueRoleAssignments ? list.roleAssignments : webAssignments(store);
}

export function itemAssignments(store: Store, list: ListDef, item: ItemRec): RoleAssignmentRec[] {
  return item.hasUniqueRoleAssignments ? (item.roleAssignments ?? []) : listAssignments(store, list);
}

/** Is `principalId` this user, or a group they belong to? */
export function isPrincipal(store: Store, user: SampleUser, principalId: number): boolean {
  return principalId === user.id || store.groupIdsOf(user.id).includes(principalId);
}

export function roleMask(store: Store, roleDefId: number): Mask {
  const def = store.roleDefinitions().find((r) => r.id === roleDefId);
  return def ? BigInt(def.mask) : EMPTY_MASK;
}

function maskFrom(store: Store, user: SampleUser, assignments: RoleAssignmentRec[]): Mask {
  if (user.isSiteAdmin) return FULL_MASK;
  return assignments.filter((a) => isPrincipal(store, user, a.principalId)).reduce((m, a) => m | roleMask(store, a.roleDefId), EMPTY_MASK);
}

export const webMask = (store: Store, user: SampleUser): Mask => maskFrom(store, user, webAssignments(store));
export const listMask = (store: Store, user: SampleUser, list: ListDef): Mask => maskFrom(store, user, listAssignments(store, list));
export const itemMask = (store: Store, user: SampleUser, list: ListDef, item: ItemRec): Mask =>
  item.hasUniqueRoleAssignments ? maskFrom(store, user, itemAssignments(store, list, item)) : listMask(store, user, list);

/** The caller's mask on an item, reusing the list's within one request. */
function callerItemMask(ctx: SpContext, list: ListDef, item: ItemRec): Mask {
  if (item.hasUniqueRoleAssignments) return itemMask(ctx.store, ctx.req.user, list, item);
  const key = `${ctx.req.user.id}:${list.id}`;
  ctx.masks ??= new Map();
  let mask = ctx.masks.get(key);
  if (mask === undefined) {
    mask = listMask(ctx.store, ctx.req.user, list);
    ctx.masks.set(key, mask);
  }
  return mask;
}

const LIMITED_ACCESS: Mask = maskOf('Open', 'BrowseUserInfo', 'ViewFormPages', 'UseClientIntegration', 'UseRemoteAPIs');

/** Permissions on a list, plus Limited Access when the user holds permissions on one of its items. */
export function listMaskWithLimitedAccess(store: Store, user: SampleUser, list: ListDef): Mask {
  const mask = listMask(store, user, list);
  if (hasPermission(mask, 'Open')) return mask;
  for (const item of store.itemsOf(list).values()) {
    if (item.hasUniqueRoleAssignments && itemMask(store, user, list, item) !== EMPTY_MASK) return mask | LIMITED_ACCESS;
  }
  return mask;
}

/** Can the user open the list at all (otherwise 403)? */
export const canOpenList = (ctx: SpContext, list: ListDef): boolean =>
  hasPermission(listMaskWithLimitedAccess(ctx.store, ctx.req.user, list), 'Open');

/** Item-level permissions of the list (read/edit own items) do not bind this mask. */
const overridesItemLevel = (mask: Mask): boolean => hasPermission(mask, 'CancelCheckout');

export function canViewItem(ctx: SpContext, list: ListDef, item: ItemRec): boolean {
  const { user } = ctx.req;
  const mask = callerItemMask(ctx, list, item);
  return hasPermission(mask, 'ViewListItems') && (list.readSecurity === 1 || item.authorId === user.id || overridesItemLevel(mask));
}

function writeAllowed(user: SampleUser, list: ListDef, item: ItemRec, mask: Mask): boolean {
  return overridesItemLevel(mask) || list.writeSecurity === 1 || (list.writeSecurity === 2 && item.authorId === user.id);
}

export function canEditItem(ctx: SpContext, list: ListDef, item: ItemRec): boolean {
  const mask = callerItemMask(ctx, list, item);
  return canViewItem(ctx, list, item) && hasPermission(mask, 'EditListItems') && writeAllowed(ctx.req.user, list, item, mask);
}

export function canDeleteItem(ctx: SpContext, list: ListDef, item: ItemRec): boolean {
  const mask = callerItemMask(ctx, list, item);
  return canViewItem(ctx, list, item) && hasPermission(mask, 'DeleteListItems') && writeAllowed(ctx.req.user, list, item, mask);
}

/** Add Items on the list, unless its item-level permissions say "Create and Edit access: None". */
export function canAddItem(ctx: SpContext, list: ListDef): boolean {
  const mask = listMask(ctx.store, ctx.req.user, list);
  return hasPermission(mask, 'AddListItems') && (list.writeSecurity !== 4 || overridesItemLevel(mask));
}

/**
 * What the user may do with one item, as its EffectiveBasePermissions: their permissions there,
 * without Edit/Delete Items where the list's item-level permissions stop them.
 */
export function effectiveItemMask(ctx: SpContext, list: ListDef, item: ItemRec): Mask {
  const { user } = ctx.req;
  let mask = callerItemMask(ctx, list, item);
  if (!canViewItem(ctx, list, item)) return EMPTY_MASK;
  if (!writeAllowed(user, list, item, mask)) mask &= ~maskOf('EditListItems', 'DeleteListItems');
  return mask;
}

/** Refuse with 403 unless `mask` holds `permission`. */
export function demand(mask: Mask, permission: PermissionName): void {
  if (!hasPermission(mask, permission)) throw errors.denied();
}
