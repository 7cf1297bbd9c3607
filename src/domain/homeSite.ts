/**
 * Where the planner's lists live (its "home" site), found the same way on every surface — a
 * SharePoint page, a Teams channel tab and the Teams personal app: the web part's own property
 * if someone set it, else the tenant-wide setting an administrator set, else the current site.
 * In the Teams personal app the current site is the tenant's root site (`teamshostedapp.aspx`)
 * and nobody can open the property pane, so there the tenant-wide setting is required.
 */

/** The tenant property (storage entity) that names the home site for every surface. */
export const HOME_SITE_PROPERTY = 'InvolvementPlannerSiteUrl';

/** Where the web part is running. */
export type HostSurface = 'page' | 'channelTab' | 'personalApp';

/** What reading the tenant-wide setting found. */
export type TenantSetting = { status: 'set'; value: string } | { status: 'notSet' } | { status: 'unreadable'; detail: string };

/** The site in use and why. */
export interface HomeSite {
  readonly url: string;
  readonly source: 'webPart' | 'tenant' | 'currentSite';
}

/** The outcome of resolving the home site: the site, or a message saying what to fix and who can. */
export type HomeSiteResolution = { ok: true; home: HomeSite } | { ok: false; title: string; message: string };

/**
 * An https address of a SharePoint site (…/sites/x or …/teams/x, or a tenant's root). Plain http
 * only on this computer (127.0.0.1 or localhost), where the local workbench runs.
 */
export function isSiteAddress(value: string): boolean {
  return /^(https:\/\/[a-z0-9.-]+|http:\/\/(127\.0\.0\.1|localhost)(:\d+)?)(\/(sites|teams)\/[^\s/?#]+)?\/?$/i.test(value.trim());
}

const trimSlash = (url: string): string => url.trim().replace(/\/+$/, '');

/** The command an administrator pastes to set the home site for every surface (CLI for Microsoft 365). */
export function setHomeSiteCommand(siteUrl: string, appCatalogUrl = 'https://<tenant>.sharepoint.com/sites/appcatalog'): string {
  return `m365 spo storageentity set --appCatalogUrl ${appCatalogUrl} --key ${HOME_SITE_PROPERTY} --value ${siteUrl} --description "Site that holds the Involvement Planner lists"`;
}

/**
 * Resolve the home site in order: the web part property, the tenant-wide setting, the current
 * site. A bad or unreadable value is never skipped silently (that could open the wrong site's
 * lists): it is reported with who can fix it.
 */
export function resolveHomeSite(input: {
  webPartUrl: string | undefined;
  tenant: TenantSetting;
  currentSiteUrl: string;
  surface: HostSurface;
}): HomeSiteResolution {
  const own = input.webPartUrl?.trim();
  if (own) {
    if (!isSiteAddress(own))
      return {
        ok: false,
        title: 'The web part points at an address that is not a SharePoint site',
        message: `Its "Site that holds the lists" is "${own}". A site owner can correct it in the web part's settings, for example https://contoso.sharepoint.com/sites/involvement, or leave it empty.`
      };
    return { ok: true, home: { url: trimSlash(own), source: 'webPart' } };
  }
  if (input.tenant.status === 'set') {
    const value = input.tenant.value.trim();
    if (!isSiteAddress(value))
      return {
        ok: false,
        title: 'The tenant-wide planner site is not a SharePoint site address',
        message: `The tenant property ${HOME_SITE_PROPERTY} is "${value}". A SharePoint administrator can correct it: ${setHomeSiteCommand('https://<tenant>.sharepoint.com/sites/<site>')}`
      };
    return { ok: true, home: { url: trimSlash(value), source: 'tenant' } };
  }
  if (input.tenant.status === 'unreadable')
    return {
      ok: false,
      title: 'We could not find where the planner keeps its lists',
      message: `Reading the tenant property ${HOME_SITE_PROPERTY} failed (${input.tenant.detail}). Check your connection and try again; if it keeps happening, tell your Microsoft 365 administrator.`
    };
  if (input.surface === 'personalApp')
    return {
      ok: false,
      title: 'The planner app has not been told where its lists are',
      message: `In the Teams app the planner needs the tenant property ${HOME_SITE_PROPERTY}. Ask your Microsoft 365 administrator to set it to the site where "Set up lists" was run: ${setHomeSiteCommand('https://<tenant>.sharepoint.com/sites/<site>')}`
    };
  return { ok: true, home: { url: trimSlash(input.currentSiteUrl), source: 'currentSite' } };
}

/** Reads the tenant-wide setting (a port: SharePoint's tenant properties in the web parts). */
export interface TenantPropertyReader {
  homeSite(): Promise<TenantSetting>;
}
