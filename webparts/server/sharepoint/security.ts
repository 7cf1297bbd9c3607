/**
 * Role assignments on securable objects (Learn: "Set custom permissions on a list by using the
 * REST interface"; "SecurableObject.BreakRoleInheritance method"; "RoleAssignmentCollection"):
 * breaking and resetting inheritance on a list or an item, adding and removing role assignments,
 * reading them (Enumerate Permissions), and the current or a named user's effective permissions.
 */
import { SAMPLE_USERS, type SampleUser } from '../directory';
import { maskJson, ROLE, type Mask } from '../roles';
import type { ItemRec, ListDef, RoleAssignmentRec } from '../store';
import { errors, ok, SpHttpError, type SpContext, type SpResponse } from './http';
import {
  demand,
  effectiveItemMask,
  itemAssignments,
  itemMask,
  listAssignments,
  listMask,
  listMaskWithLimitedAccess,
  webAssignments,
  webMask
} from './permissions';
import { principalJson, findPrincipal } from './principals';
import { roleDefJson } from './roleDefinitions';

/** A site, list or item whose permissions can be read or changed. */
export interface Securable {
  /** Effective role assignments: its own, or inherited. */
  assignments(): RoleAssignmentRec[];
  hasUnique(): boolean;
  /** The current user's permissions here. */
  mask(): Mask;
  /** What EffectiveBasePermissions reports for the current user. */
  effectiveMask(): Mask;
  /** Someone else's permissions here. */
  maskFor(userId: number): Mask;
  /** Give it its own role assignments (undefined: inherit again). */
  setOwn(assignments: RoleAssignmentRec[] | undefined): void;
  /** Parent's role assignments, copied when inheritance is broken with copyRoleAssignments=true. */
  parentAssignments(): RoleAssignmentRec[];
  /** clearSubscopes: children with their own role assignments inherit again. */
  clearChildren(): void;
  /** The site itself cannot stop inheriting (it is the top-level site). */
  isWeb: boolean;
}

const userFor = (id: number): SampleUser | undefined => SAMPLE_USERS.find((u) => u.id === id);

const topLevelSite = (): SpHttpError =>
  new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This securable object is a site and it is the top level site.');

export function webSecurable(ctx: SpContext): Securable {
  const { store } = ctx;
  return {
    isWeb: true,
    assignments: () => webAssignments(store),
    hasUnique: () => true,
    mask: () => webMask(store, ctx.req.user),
    effectiveMask: () => webMask(store, ctx.req.user),
    maskFor: (id) => {
      const u = userFor(id);
      return u ? webMask(store, u) : 0n;
    },
    setOwn: () => {
      throw topLevelSite();
    },
    parentAssignments: () => webAssignments(store),
    clearChildren: () => undefined
  };
}

export function listSecurable(ctx: SpContext, list: ListDef): Securable {
  const { store } = ctx;
  return {
    isWeb: false,
    assignments: () => listAssignments(store, list),
    hasUnique: () => list.hasUniqueRoleAssignments,
    mask: () => listMask(store, ctx.req.user, list),
    effectiveMask: () => listMaskWithLimitedAccess(store, ctx.req.user, list),
    maskFor: (id) => {
      const u = userFor(id);
      return u ? listMaskWithLimitedAccess(store, u, list) : 0n;
    },
    setOwn: (assignments) => {
      list.hasUniqueRoleAssignments = assignments !== undefined;
      list.roleAssignments = assignments ?? [];
      store.saveList(list);
    },
    parentAssignments: () => webAssignments(store),
    clearChildren: () => {
      for (const item of store.itemsOf(list).values()) {
        if (!item.hasUniqueRoleAssignments) continue;
        item.hasUniqueRoleAssignments = false;
        item.roleAssignments = undefined;
        store.saveItem(list, item);
      }
    }
  };
}

export function itemSecurable(ctx: SpContext, list: ListDef, item: ItemRec): Securable {
  const { store } = ctx;
  return {
    isWeb: false,
    assignments: () => itemAssignments(store, list, item),
    hasUnique: () => item.hasUniqueRoleAssignments === true,
    mask: () => itemMask(store, ctx.req.user, list, item),
    effectiveMask: () => effectiveItemMask(ctx, list, item),
    maskFor: (id) => {
      const u = userFor(id);
      return u ? effectiveItemMask({ ...ctx, req: { ...ctx.req, user: u } }, list, item) : 0n;
    },
    setOwn: (assignments) => {
      item.hasUniqueRoleAssignments = assignments !== undefined;
      item.roleAssignments = assignments;
      store.saveItem(list, item);
    },
    parentAssignments: () => listAssignments(store, list),
    clearChildren: () => undefined
  };
}

/** `breakroleinheritance(copyroleassignments, clearsubscopes)`: needs Manage Permissions; without copying, only the caller keeps access (Full Control). */
export function breakInheritance(ctx: SpContext, target: Securable, copy: boolean, clearSubscopes: boolean): SpResponse {
  demand(target.mask(), 'ManagePermissions');
  if (target.isWeb) throw topLevelSite();
  if (!target.hasUnique()) {
    target.setOwn(
      copy ? target.parentAssignments().map((a) => ({ ...a })) : [{ principalId: ctx.req.user.id, roleDefId: ROLE.fullControl }]
    );
  }
  if (clearSubscopes) target.clearChildren();
  return ok(undefined, 200, {});
}

/** `resetroleinheritance`: inherit the parent's role assignments again. */
export function resetInheritance(_ctx: SpContext, target: Securable): SpResponse {
  demand(target.mask(), 'ManagePermissions');
  if (target.isWeb) throw topLevelSite();
  target.setOwn(undefined);
  return ok(undefined, 200, {});
}

const inheritsError = (): SpHttpError =>
  new SpHttpError(
    400,
    '-2146232832, Microsoft.SharePoint.SPException',
    'This operation is not allowed on an object that inherits permissions.'
  );

function checkChange(ctx: SpContext, target: Securable, principalId: number, roleDefId?: number): void {
  demand(target.mask(), 'ManagePermissions');
  if (!findPrincipal(ctx.store, principalId))
    throw new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', `Can not find the principal with id: ${principalId}.`);
  if (roleDefId !== undefined && !ctx.store.roleDefinitions().some((r) => r.id === roleDefId))
    throw new SpHttpError(400, '-2147024809, System.ArgumentException', 'Value does not fall within the expected range.');
  if (target.isWeb) throw errors.badQuery('The stand-in keeps the site’s own role assignments on its groups; it does not change them.');
  if (!target.hasUnique()) throw inheritsError();
}

/** `roleassignments/addroleassignment(principalid, roledefid)` and `removeroleassignment(...)`. */
export function changeRoleAssignment(ctx: SpContext, target: Securable, add: boolean, principalId: number, roleDefId: number): SpResponse {
  checkChange(ctx, target, principalId, roleDefId);
  const next = target.assignments().filter((r) => !(r.principalId === principalId && r.roleDefId === roleDefId));
  if (add) next.push({ principalId, roleDefId });
  target.setOwn(next);
  return ok(undefined, 200);
}

/** `DELETE roleassignments/getbyprincipalid(id)`: every binding of that principal goes. */
export function removePrincipal(ctx: SpContext, target: Securable, principalId: number): SpResponse {
  checkChange(ctx, target, principalId);
  target.setOwn(target.assignments().filter((r) => r.principalId !== principalId));
  return ok(undefined, 200);
}

function assignmentJson(ctx: SpContext, principalId: number, roleDefIds: number[]): Record<string, unknown> {
  const expand = (ctx.req.query.get('$expand') ?? '').split(',').map((s) => s.trim().toLowerCase());
  const out: Record<string, unknown> = { 'odata.type': 'SP.RoleAssignment', PrincipalId: principalId };
  // Navigation properties come back only when expanded, as in SharePoint's JSON light.
  if (expand.includes('member')) {
    const principal = findPrincipal(ctx.store, principalId);
    out.Member = principal ? principalJson(ctx, principal) : null;
  }
  if (expand.includes('roledefinitionbindings'))
    out.RoleDefinitionBindings = roleDefIds
      .map((id) => ctx.store.roleDefinitions().find((r) => r.id === id))
      .flatMap((r) => (r ? [roleDefJson(r)] : []));
  return out;
}

function grouped(assignments: RoleAssignmentRec[]): Map<number, number[]> {
  const byPrincipal = new Map<number, number[]>();
  for (const a of assignments) byPrincipal.set(a.principalId, [...(byPrincipal.get(a.principalId) ?? []), a.roleDefId]);
  return byPrincipal;
}

/** `GET roleassignments`: one per principal; reading who has access needs Enumerate Permissions. */
export function listRoleAssignments(ctx: SpContext, target: Securable): SpResponse {
  demand(target.mask(), 'EnumeratePermissions');
  return ok({ value: [...grouped(target.assignments())].map(([principalId, ids]) => assignmentJson(ctx, principalId, ids)) });
}

/** `GET roleassignments/getbyprincipalid(id)` or `roleassignments(id)`. */
export function roleAssignmentOf(ctx: SpContext, target: Securable, principalId: number): SpResponse {
  demand(target.mask(), 'EnumeratePermissions');
  const ids = grouped(target.assignments()).get(principalId);
  if (!ids)
    throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', `Can not find the principal with id: ${principalId}.`);
  return ok(assignmentJson(ctx, principalId, ids));
}

/** `GET EffectiveBasePermissions`: the current user's permissions here. */
export const effectivePermissions = (_ctx: SpContext, target: Securable): SpResponse => ok(maskJson(target.effectiveMask()));

/** `GET getusereffectivepermissions(@user)?@user='i:0#.f|membership|…'`: anyone's, with Enumerate Permissions. */
export function userEffectivePermissions(ctx: SpContext, target: Securable, login: string): SpResponse {
  const name = login.replace(/^'|'$/g, '').toLowerCase();
  const user = SAMPLE_USERS.find((u) => u.loginName.toLowerCase() === name || u.email === name);
  if (!user) throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  if (user.id !== ctx.req.user.id) demand(target.mask(), 'EnumeratePermissions');
  return ok(maskJson(target.maskFor(user.id)));
}
