/**
 * SharePoint groups and their membership (Learn: "SP.Group object", "Users, groups, and roles
 * REST API reference"; "Create and manage SharePoint groups"): listing and finding groups,
 * creating them (Create Groups permission), changing their settings or owner (the owner and site
 * collection administrators), and adding or removing members — refused (403) to anyone who is not
 * the group's owner, unless the group lets its members edit its membership.
 */
import { GROUP, SAMPLE_USERS } from '../directory';
import type { SiteGroupRec } from '../store';
import { errors, jsonBody, ok, SpHttpError, unquote, type SpContext, type SpResponse } from './http';
import { demand, webMask } from './permissions';
import { canEditMembership, canManageGroup, canViewMembership, findPrincipal, groupJson, userByLogin, userJson } from './principals';
import type { Params } from './router';

const groupMissing = (): SpHttpError => new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
const userMissing = (): SpHttpError => new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');

/** The group a path names: params groupId, groupName, or assoc (Owner/Member/Visitor: the site's associated groups). */
export function resolveGroup(ctx: SpContext, params: Params): SiteGroupRec {
  const groups = ctx.store.siteGroups();
  const assoc = params.assoc?.toLowerCase();
  const associated: Record<string, number> = { owner: GROUP.owners, member: GROUP.members, visitor: GROUP.visitors };
  const id = params.groupId !== undefined ? Number(params.groupId) : assoc ? associated[assoc] : undefined;
  const name = unquote(params.groupName ?? '').toLowerCase();
  const group = id !== undefined ? groups.find((g) => g.id === id) : groups.find((g) => g.title.toLowerCase() === name);
  if (!group) throw groupMissing();
  return group;
}

export const siteGroups = (ctx: SpContext): SpResponse => ok({ value: ctx.store.siteGroups().map((g) => groupJson(ctx, g)) });

export const getGroup = (ctx: SpContext, group: SiteGroupRec): SpResponse => ok(groupJson(ctx, group));

export const currentUserGroups = (ctx: SpContext): SpResponse =>
  ok({
    value: ctx.store
      .siteGroups()
      .filter((g) => g.memberIds.includes(ctx.req.user.id))
      .map((g) => groupJson(ctx, g))
  });

/** `GET web/siteusers(id)/groups`, `web/getuserbyid(id)/groups`. */
export function userGroups(ctx: SpContext, userId: number): SpResponse {
  if (!SAMPLE_USERS.some((u) => u.id === userId)) throw userMissing();
  return ok({
    value: ctx.store
      .siteGroups()
      .filter((g) => g.memberIds.includes(userId))
      .map((g) => groupJson(ctx, g))
  });
}

/** `GET …/users`: the members, unless only members may view the membership. */
export function groupUsers(ctx: SpContext, group: SiteGroupRec): SpResponse {
  if (!canViewMembership(ctx.store, ctx.req.user, group)) throw errors.denied();
  return ok({ value: SAMPLE_USERS.filter((u) => group.memberIds.includes(u.id)).map(userJson) });
}

/** `GET …/users/getById(id)`, `…/users/getByEmail('…')`, `…/users('!@v::login')`. */
export function groupUser(ctx: SpContext, group: SiteGroupRec, params: Params): SpResponse {
  if (!canViewMembership(ctx.store, ctx.req.user, group)) throw errors.denied();
  const user =
    params.memberId !== undefined
      ? SAMPLE_USERS.find((u) => u.id === Number(params.memberId))
      : userByLogin(unquote(params.memberEmail ?? params.memberLogin ?? ''));
  if (!user || !group.memberIds.includes(user.id)) throw userMissing();
  return ok(userJson(user));
}

function requireMembershipRights(ctx: SpContext, group: SiteGroupRec): void {
  if (!canEditMembership(ctx.store, ctx.req.user, group)) throw errors.denied();
}

/** `POST …/users` with `{ LoginName }` (PnPjs `siteGroups.getByName(…).users.add(loginName)`). */
export function addGroupUser(ctx: SpContext, group: SiteGroupRec): SpResponse {
  requireMembershipRights(ctx, group);
  const body = jsonBody(ctx.req);
  const login = typeof body.LoginName === 'string' ? body.LoginName : '';
  const user = userByLogin(login);
  if (!user) throw new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The user does not exist or is not unique.');
  if (!group.memberIds.includes(user.id)) {
    group.memberIds.push(user.id);
    ctx.store.saveSiteGroups();
  }
  return ok(userJson(user), 201);
}

/** `POST …/users/removeById(id)` or `…/users/removeByLoginName(@v)?@v='login'`. */
export function removeGroupUser(ctx: SpContext, group: SiteGroupRec, params: Params): SpResponse {
  requireMembershipRights(ctx, group);
  const login = params.removeLogin ?? ctx.req.query.get('@v') ?? '';
  const user =
    params.removeId !== undefined
      ? SAMPLE_USERS.find((u) => u.id === Number(params.removeId))
      : userByLogin(unquote(login.replace(/^'|'$/g, '')));
  if (!user) throw userMissing();
  group.memberIds = group.memberIds.filter((id) => id !== user.id);
  ctx.store.saveSiteGroups();
  return ok(undefined, 200);
}

const BOOL_SETTINGS = {
  AllowMembersEditMembership: 'allowMembersEditMembership',
  OnlyAllowMembersViewMembership: 'onlyAllowMembersViewMembership'
} as const;

/** `POST web/sitegroups`: needs Create Groups on the site; the creator owns the new group. */
export function createGroup(ctx: SpContext): SpResponse {
  demand(webMask(ctx.store, ctx.req.user), 'CreateGroups');
  const body = jsonBody(ctx.req);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw errors.argument('The group needs a Title.');
  if (ctx.store.siteGroups().some((g) => g.title.toLowerCase() === title.toLowerCase()))
    throw new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
  const group: SiteGroupRec = {
    id: ctx.store.nextPrincipalId(),
    title,
    description: typeof body.Description === 'string' ? body.Description : '',
    ownerId: ctx.req.user.id,
    allowMembersEditMembership: body.AllowMembersEditMembership === true,
    onlyAllowMembersViewMembership: body.OnlyAllowMembersViewMembership === true,
    memberIds: [],
    siteRoleDefId: null
  };
  ctx.store.siteGroups().push(group);
  ctx.store.saveSiteGroups();
  return ok(groupJson(ctx, group), 201);
}

/** `MERGE` on a group: Title, Description, AllowMembersEditMembership, OnlyAllowMembersViewMembership; owner or administrator only. */
export function updateGroup(ctx: SpContext, group: SiteGroupRec): SpResponse {
  if (!canManageGroup(ctx.store, ctx.req.user, group)) throw errors.denied();
  for (const [key, value] of Object.entries(jsonBody(ctx.req))) {
    if (key === 'Title' && typeof value === 'string' && value.trim()) group.title = value.trim();
    else if (key === 'Description' && typeof value === 'string') group.description = value;
    else if (key in BOOL_SETTINGS && typeof value === 'boolean') group[BOOL_SETTINGS[key as keyof typeof BOOL_SETTINGS]] = value;
    else throw errors.badQuery(`The property '${key}' cannot be set on SP.Group here.`);
  }
  ctx.store.saveSiteGroups();
  return ok(undefined, 204);
}

/** `POST …/SetUserAsOwner(id)`: owner or administrator only. */
export function setGroupOwner(ctx: SpContext, group: SiteGroupRec, ownerId: number): SpResponse {
  if (!canManageGroup(ctx.store, ctx.req.user, group)) throw errors.denied();
  if (!findPrincipal(ctx.store, ownerId)) throw userMissing();
  group.ownerId = ownerId;
  ctx.store.saveSiteGroups();
  return ok(undefined, 200);
}

/** `POST web/sitegroups/removeById(id)`: the group goes, and with it every permission it held. */
export function removeGroup(ctx: SpContext, groupId: number): SpResponse {
  const group = ctx.store.siteGroups().find((g) => g.id === groupId);
  if (!group) throw groupMissing();
  if (!canManageGroup(ctx.store, ctx.req.user, group)) throw errors.denied();
  const groups = ctx.store.siteGroups();
  groups.splice(groups.indexOf(group), 1);
  ctx.store.saveSiteGroups();
  for (const list of ctx.store.allLists()) {
    if (list.roleAssignments.some((r) => r.principalId === groupId)) {
      list.roleAssignments = list.roleAssignments.filter((r) => r.principalId !== groupId);
      ctx.store.saveList(list);
    }
    for (const item of ctx.store.itemsOf(list).values()) {
      if (!item.roleAssignments?.some((r) => r.principalId === groupId)) continue;
      item.roleAssignments = item.roleAssignments.filter((r) => r.principalId !== groupId);
      ctx.store.saveItem(list, item);
    }
  }
  return ok(undefined, 200);
}
