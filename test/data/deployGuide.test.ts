/**
 * The README's "Deploy to a tenant" is checked against what the package really contains, so an
 * administrator following it step by step meets no surprise: the package file names, tenant-wide
 * deployment, exactly the Graph permissions requested, the tenant property the web parts read,
 * the group "Set up lists" looks for, and the Teams app's tabs pointing at the right web parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVOLVEMENT_TEAM_GROUP_NAME } from '../../src/data/sharepoint/lists';
import { HOME_SITE_PROPERTY } from '../../src/domain';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');
const deploy = readme.slice(readme.indexOf('## Deploy to a tenant'), readme.indexOf('### Who may do what'));
const solution = JSON.parse(read('config/package-solution.json')) as {
  solution: { skipFeatureDeployment: boolean; webApiPermissionRequests: Array<{ resource: string; scope: string }> };
  paths: { zippedPackage: string };
};
const manifest = JSON.parse(read('manifest/manifest.json')) as {
  staticTabs: Array<{ entityId: string; contentUrl: string; scopes: string[] }>;
  configurableTabs: Array<{ configurationUrl: string; scopes: string[] }>;
};
const webPartId = (path: string): string => (JSON.parse(read(path)) as { id: string }).id;
const plannerId = webPartId('src/webparts/involvementPlanner/InvolvementPlannerWebPart.manifest.json');
const dashboardId = webPartId('src/webparts/involvementDashboard/InvolvementDashboardWebPart.manifest.json');

describe('the deploy guide matches the package', () => {
  it('adds and deploys the .sppkg the build makes, tenant-wide as the package declares', () => {
    const sppkg = solution.paths.zippedPackage.replace(/^solution\//, '');
    expect(deploy).toContain(`m365 spo app add --filePath sharepoint/solution/${sppkg} --overwrite`);
    expect(solution.solution.skipFeatureDeployment).toBe(true);
    expect(deploy).toContain(`m365 spo app deploy --name ${sppkg} --skipFeatureDeployment`);
  });

  it('lists exactly the delegated Graph permissions the package requests', () => {
    const requested = solution.solution.webApiPermissionRequests.map((r) => `${r.resource}:${r.scope}`).sort();
    const documented = [...deploy.matchAll(/^ {3}- `([A-Za-z.]+)` — /gm)].map((m) => `Microsoft Graph:${m[1]}`).sort();
    expect(documented).toEqual(requested);
    expect(deploy).toContain('m365 spo serviceprincipal permissionrequest approve --resource "Microsoft Graph"');
  });

  it('sets the tenant property the web parts read, and creates the group Set up lists looks for', () => {
    expect(deploy).toContain(
      `m365 spo storageentity set --appCatalogUrl https://contoso.sharepoint.com/sites/appcatalog --key ${HOME_SITE_PROPERTY} `
    );
    expect(deploy).toContain(`Set-PnPStorageEntity -Key ${HOME_SITE_PROPERTY} `);
    expect(deploy).toContain(`--name "${INVOLVEMENT_TEAM_GROUP_NAME}"`);
    expect(deploy).toContain(`--groupName "${INVOLVEMENT_TEAM_GROUP_NAME}"`);
  });

  it('publishes the Teams package the build makes, whose personal app is the planner and whose channel tab is the dashboard', () => {
    expect(read('webparts/tools/package.mjs')).toContain("'involvement-planner-teams.zip'");
    expect(deploy).toContain('m365 teams app publish --filePath sharepoint/solution/involvement-planner-teams.zip');
    expect(manifest.staticTabs).toHaveLength(1);
    expect(manifest.staticTabs[0]).toMatchObject({ entityId: 'my-plans', scopes: ['personal'] });
    expect(manifest.staticTabs[0].contentUrl).toContain(`componentId=${plannerId}`);
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs[0].configurationUrl).toContain(`componentId=${dashboardId}`);
  });
});
