/**
 * Who may do what (Learn: "Understanding permission levels"; list "Item-level permissions"):
 * a user's permission level on a list comes from their site groups, or from the list's own role
 * assignments once it breaks inheritance; the list's ReadSecurity/WriteSecurity ("read/edit own
 * items only") then narrows what a contributor sees and edits. Also the routes that read and
 * change a list's role assignments.
 */
import { GROUP, SAMPLE_GROUPS, type SampleUser } from '../directory';
import { ROLE, roleRank, type ItemRec, type ListDef } from '../store';
import { errors, ok, type SpContext, type SpResponse } from './http';

/** Permission level a user has on a list: site groups, or the list's own role assignments. */
export function effectiveRank(user: SampleUser, list?: ListDef): number {
  if (user.isSiteAdmin) return roleRank(ROLE.fullControl);
  if (list?.hasUniqueRoleAssignments) {
    return Math.max(
      0,
      ...list.roleAssignments
        .filter((r) => r.principalId === user.id || user.groups.includes(r.principalId))
        .map((r) => roleRank(r.roleDefId))
    );
  }
  return Math.max(
    0,
    ...SAMPLE_GROUPS.filter((g) => user.groups.includes(g.id) && g.siteRole !== null).map((g) => roleRank(g.siteRole as number))
  );
}

export const FULL_CONTROL = roleRank(ROLE.fullControl);
export const EDIT = roleRank(ROLE.edit);
export const CONTRIBUTE = roleRank(ROLE.contribute);
export const READ = roleRank(ROLE.read);

export function canReadItem(user: SampleUser, list: ListDef, item: ItemRec): boolean {
  const rank = effectiveRank(user, list);
  return rank >= EDIT || (rank >= READ && (list.readSecurity === 1 || item.authorId === user.id));
}

export function canEditItem(user: SampleUser, list: ListDef, item: ItemRec): boolean {
  const rank = effectiveRank(user, list);
  if (rank >= EDIT) return true;
  if (rank < CONTRIBUTE || !canReadItem(user, list, item)) return false;
  return list.writeSecurity === 1 || (list.writeSecurity === 2 && item.authorId === user.id);
}

/** Refuse (403) unless the user has at least `rank` on the list (or the site, without a list). */
export function requireRank(ctx: SpContext, rank: number, list?: ListDef): void {
  if (effectiveRank(ctx.req.user, list) < rank) throw errors.denied();
}

/** `breakroleinheritance(copyroleassignments, clearsubscopes)` on a list. */
export function breakListInheritance(ctx: SpContext, list: ListDef, copy: boolean): SpResponse {
  requireRank(ctx, FULL_CONTROL, list);
  if (!list.hasUniqueRoleAssignments) {
    list.roleAssignments = copy
      ? SAMPLE_GROUPS.filter((g) => g.siteRole !== null).map((g) => ({ principalId: g.id, roleDefId: g.siteRole as number }))
      : [{ principalId: GROUP.owners, roleDefId: ROLE.fullControl }];
    list.hasUniqueRoleAssignments = true;
    ctx.store.saveList(list);
  }
  return ok(undefined, 200, {});
}

/** `roleassignments/addroleassignment(...)` and `removeroleassignment(...)` on a list. */
export function changeListRoleAssignment(ctx: SpContext, list: ListDef, add: boolean, principalId: number, roleDefId: number): SpResponse {
  requireRank(ctx, FULL_CONTROL, list);
  list.roleAssignments = list.roleAssignments.filter((r) => !(r.principalId === principalId && r.roleDefId === roleDefId));
  if (add) list.roleAssignments.push({ principalId, roleDefId });
  ctx.store.saveList(list);
  return ok(undefined, 200);
}

/** Reading who has access needs the Enumerate Permissions right (Full Control here). */
export function listRoleAssignments(ctx: SpContext, list: ListDef): SpResponse {
  requireRank(ctx, FULL_CONTROL, list);
  return ok({ value: list.roleAssignments.map((r) => ({ PrincipalId: r.principalId, RoleDefinitionBindings: [{ Id: r.roleDefId }] })) });
}
