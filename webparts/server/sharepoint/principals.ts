/**
 * Users and SharePoint groups as principals (Learn: "Users, groups, and roles REST API
 * reference"): their JSON, and finding one by id or login name. Users and groups share one id space.
 */
import { SAMPLE_USERS, type SampleUser } from '../directory';
import type { SiteGroupRec, Store } from '../store';
import type { SpContext } from './http';

export type Principal = { kind: 'user'; user: SampleUser } | { kind: 'group'; group: SiteGroupRec };

export const userJson = (u: SampleUser): Record<string, unknown> => ({
  'odata.type': 'SP.User',
  Id: u.id,
  Title: u.title,
  Email: u.email,
  EMail: u.email,
  LoginName: u.loginName,
  IsSiteAdmin: u.isSiteAdmin,
  UserPrincipalName: u.email,
  PrincipalType: 1
});

export function findPrincipal(store: Store, id: number): Principal | undefined {
  const user = SAMPLE_USERS.find((u) => u.id === id);
  if (user) return { kind: 'user', user };
  const group = store.siteGroups().find((g) => g.id === id);
  return group ? { kind: 'group', group } : undefined;
}

/** A user by claims login name (`i:0#.f|membership|…`), plain login or email. */
export function userByLogin(login: string): SampleUser | undefined {
  const key = login.trim().toLowerCase();
  return SAMPLE_USERS.find((u) => u.loginName.toLowerCase() === key || u.email === key || u.email === key.replace(/^.*\|/, ''));
}

/** Is the user the group's owner, or a member of the group that owns it? */
export function ownsGroup(store: Store, user: SampleUser, group: SiteGroupRec): boolean {
  if (group.ownerId === user.id) return true;
  return store.siteGroups().some((g) => g.id === group.ownerId && g.memberIds.includes(user.id));
}

/**
 * Who may add or remove a group's members: site collection administrators, the group's owner
 * (a user, or the members of an owning group), and the group's own members when "Who can edit
 * the membership of the group" is Group Members (AllowMembersEditMembership).
 */
export function canEditMembership(store: Store, user: SampleUser, group: SiteGroupRec): boolean {
  return user.isSiteAdmin || ownsGroup(store, user, group) || (group.allowMembersEditMembership && group.memberIds.includes(user.id));
}

/** Who may change the group's settings, owner or delete it: administrators and the owner. */
export const canManageGroup = (store: Store, user: SampleUser, group: SiteGroupRec): boolean =>
  user.isSiteAdmin || ownsGroup(store, user, group);

/** Who may see the members: everyone, unless "Who can view the membership" is Group Members. */
export const canViewMembership = (store: Store, user: SampleUser, group: SiteGroupRec): boolean =>
  !group.onlyAllowMembersViewMembership || group.memberIds.includes(user.id) || canManageGroup(store, user, group);

export function groupJson(ctx: SpContext, g: SiteGroupRec): Record<string, unknown> {
  const { store } = ctx;
  const { user } = ctx.req;
  const owner = findPrincipal(store, g.ownerId);
  return {
    'odata.type': 'SP.Group',
    Id: g.id,
    Title: g.title,
    LoginName: g.title,
    Description: g.description,
    PrincipalType: 8,
    AllowMembersEditMembership: g.allowMembersEditMembership,
    OnlyAllowMembersViewMembership: g.onlyAllowMembersViewMembership,
    OwnerTitle: owner?.kind === 'user' ? owner.user.title : owner?.kind === 'group' ? owner.group.title : '',
    CanCurrentUserEditMembership: canEditMembership(store, user, g),
    CanCurrentUserManageGroup: canManageGroup(store, user, g),
    CanCurrentUserViewMembership: canViewMembership(store, user, g)
  };
}

export const principalJson = (ctx: SpContext, p: Principal): Record<string, unknown> =>
  p.kind === 'user' ? userJson(p.user) : groupJson(ctx, p.group);
