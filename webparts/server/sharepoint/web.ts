/**
 * The site, its users and its groups (Learn: "Users, groups, and roles REST API reference"), and
 * the form digest (`contextinfo`) every write must carry.
 */
import { randomUUID } from 'node:crypto';
import { GROUP, SAMPLE_GROUPS, SAMPLE_USERS, type SampleUser } from '../directory';
import { ok, SpHttpError, type SpContext, type SpResponse } from './http';
import type { Params } from './router';

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

export const groupJson = (g: { id: number; title: string }): Record<string, unknown> => ({
  'odata.type': 'SP.Group',
  Id: g.id,
  Title: g.title,
  LoginName: g.title,
  PrincipalType: 8
});

/** `POST contextinfo`: a form digest for the `X-RequestDigest` header. */
export function contextInfo(ctx: SpContext): SpResponse {
  const { siteUrl } = ctx.options;
  return ok({
    FormDigestValue: `0x${randomUUID().replace(/-/g, '').toUpperCase()},${new Date().toUTCString()}`,
    FormDigestTimeoutSeconds: 1800,
    WebFullUrl: siteUrl,
    SiteFullUrl: siteUrl,
    LibraryVersion: '16.0.0.0'
  });
}

export function web(ctx: SpContext): SpResponse {
  const { siteUrl } = ctx.options;
  return ok({
    'odata.type': 'SP.Web',
    Id: '0f1e2d3c-4b5a-4968-8776-655443322110',
    Title: 'Involvement (Sample site)',
    Url: siteUrl,
    ServerRelativeUrl: new URL(siteUrl).pathname,
    Language: 2057
  });
}

export const currentUser = (ctx: SpContext): SpResponse => ok(userJson(ctx.req.user));

export const currentUserGroups = (ctx: SpContext): SpResponse =>
  ok({ value: SAMPLE_GROUPS.filter((g) => ctx.req.user.groups.includes(g.id)).map(groupJson) });

export const siteUsers = (): SpResponse => ok({ value: SAMPLE_USERS.map(userJson) });

/** `web/siteusers/getById(id)`, `web/siteusers(id)`, `web/getuserbyid(id)`; params.userId. */
export function siteUser(_ctx: SpContext, params: Params): SpResponse {
  const u = SAMPLE_USERS.find((x) => x.id === Number(params.userId));
  if (!u) throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
  return ok(userJson(u));
}

export const siteGroups = (): SpResponse => ok({ value: SAMPLE_GROUPS.map(groupJson) });

/** A group by id, by name or as the site's associated owner/member/visitor group, or its users; params groupId, groupName, assoc, users. */
export function siteGroup(_ctx: SpContext, params: Params): SpResponse {
  const assoc = params.assoc?.toLowerCase();
  const group = SAMPLE_GROUPS.find(
    (g) =>
      (params.groupId && g.id === Number(params.groupId)) ||
      (params.groupName && g.title.toLowerCase() === params.groupName.toLowerCase()) ||
      (assoc === 'owner' && g.id === GROUP.owners) ||
      (assoc === 'member' && g.id === GROUP.members) ||
      (assoc === 'visitor' && g.id === GROUP.visitors)
  );
  if (!group) throw new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
  return params.users ? ok({ value: SAMPLE_USERS.filter((u) => u.groups.includes(group.id)).map(userJson) }) : ok(groupJson(group));
}
