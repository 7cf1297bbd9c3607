/**
 * The site and its users (Learn: "Users, groups, and roles REST API reference"), and the form
 * digest (`contextinfo`) every write must carry.
 */
import { randomUUID } from 'node:crypto';
import { entraObjectId, SAMPLE_USERS, type SampleUser } from '../directory';
import { maskJson } from '../roles';
import { jsonBody, ok, SpHttpError, unquote, type SpContext, type SpResponse } from './http';
import { webMask } from './permissions';
import { userByLogin, userJson } from './principals';
import type { Params } from './router';

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
    Language: 2057,
    HasUniqueRoleAssignments: true,
    EffectiveBasePermissions: maskJson(webMask(ctx.store, ctx.req.user))
  });
}

export const currentUser = (ctx: SpContext): SpResponse => ok(userJson(ctx.req.user));

export const siteUsers = (): SpResponse => ok({ value: SAMPLE_USERS.map(userJson) });

const userMissing = (): SpHttpError => new SpHttpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');

/** A site user by id (params userId), email (userEmail) or login name (userLogin), or 404. */
export function resolveSiteUser(_ctx: SpContext, params: Params): SampleUser {
  const u =
    params.userId !== undefined
      ? SAMPLE_USERS.find((x) => x.id === Number(params.userId))
      : userByLogin(unquote(params.userEmail ?? params.userLogin ?? ''));
  if (!u) throw userMissing();
  return u;
}

export const siteUser = (ctx: SpContext, params: Params): SpResponse => ok(userJson(resolveSiteUser(ctx, params)));

/** `POST web/ensureuser` with `{ logonName }`: the user, who is already on this sample site. */
export function ensureUser(ctx: SpContext): SpResponse {
  const body = jsonBody(ctx.req);
  const u = userByLogin(typeof body.logonName === 'string' ? body.logonName : '');
  if (!u) throw new SpHttpError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The specified user could not be found.');
  return ok(userJson(u));
}

/**
 * `GET sp.userprofiles.peoplemanager/getpropertiesfor(@v)?@v='<login name>'` (Learn:
 * "PeopleManager.GetPropertiesFor"): the person's user profile, with the Microsoft Entra object
 * id SharePoint keeps as `msOnline-ObjectId`. An unknown account answers an empty profile.
 */
export function userProfile(ctx: SpContext): SpResponse {
  const u = userByLogin(unquote((ctx.req.query.get('@v') ?? '').replace(/^'([^]*)'$/, '$1')));
  if (!u) return ok({ 'odata.null': true });
  return ok({
    AccountName: u.loginName,
    DisplayName: u.title,
    Email: u.email,
    UserProfileProperties: [
      { Key: 'AccountName', Value: u.loginName, ValueType: 'Edm.String' },
      { Key: 'PreferredName', Value: u.title, ValueType: 'Edm.String' },
      { Key: 'msOnline-ObjectId', Value: entraObjectId(u), ValueType: 'Edm.String' }
    ]
  });
}
