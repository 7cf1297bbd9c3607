import type { SPFI } from '@pnp/sp';
import { SpListProvisioner } from '../../data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../data/sharepoint/SpPlanRepository';
import { SpUserDirectory } from '../../data/sharepoint/SpUserDirectory';
import type { Services } from '../../ui';

/** Build the ports from one PnPjs instance: used by both web parts and by the local workbench. */
export function composeServices(sp: SPFI): Services {
  return { plans: new SpPlanRepository(sp), users: new SpUserDirectory(sp), provisioner: new SpListProvisioner(sp) };
}

/** Check the "site that holds the lists" property: empty (this site) or an https address. */
export function validateSiteUrl(value: string): string {
  if (!value.trim()) return '';
  return /^https:\/\/[^/\s]+\/(sites|teams)\/[^\s]+$/i.test(value.trim())
    ? ''
    : 'Enter the full address of a SharePoint site, for example https://contoso.sharepoint.com/sites/involvement, or leave it empty to use this site.';
}
