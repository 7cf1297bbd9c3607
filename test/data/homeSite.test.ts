/**
 * The home site through the stand-in: the tenant property is read from any site (including the
 * tenant root, where the Teams personal app runs), a missing one is "not set", throttling is
 * retried, and an unreachable SharePoint is "unreadable" — never silently the current site.
 */
import { spForUrl } from '../../src/data/client';
import { SpTenantProperties } from '../../src/data/sharepoint/SpTenantProperties';
import { HOME_SITE_PROPERTY, resolveHomeSite } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { startTestWorkbench } from '../workbench/harness';

let wb: Workbench;
beforeAll(async () => {
  wb = await startTestWorkbench();
});
afterAll(() => wb.close());

const setProperty = (value: string | null): Promise<Response> =>
  fetch(`${wb.baseUrl}/_workbench/tenant-properties`, {
    method: 'POST',
    headers: { 'x-workbench-user': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ key: HOME_SITE_PROPERTY, value })
  });

describe('the tenant-wide home site', () => {
  it('is read from the tenant root, as the personal app does, and resolves to the planner site', async () => {
    const tenant = await new SpTenantProperties(spForUrl(wb.baseUrl, { 'x-workbench-user': '2' })).homeSite();
    expect(tenant).toEqual({ status: 'set', value: wb.siteUrl });
    expect(resolveHomeSite({ webPartUrl: '', tenant, currentSiteUrl: wb.baseUrl, surface: 'personalApp' })).toEqual({
      ok: true,
      home: { url: wb.siteUrl, source: 'tenant' }
    });
  });

  it('is "not set" when an administrator removed it, and the personal app says who must set it', async () => {
    await setProperty(null);
    const tenant = await new SpTenantProperties(spForUrl(wb.baseUrl, { 'x-workbench-user': '2' })).homeSite();
    expect(tenant).toEqual({ status: 'notSet' });
    const r = resolveHomeSite({ webPartUrl: '', tenant, currentSiteUrl: wb.baseUrl, surface: 'personalApp' });
    expect(r).toMatchObject({ ok: false, title: 'The planner app has not been told where its lists are' });
    await setProperty(wb.siteUrl);
  });

  it('only an administrator changes it', async () => {
    const refused = await fetch(`${wb.baseUrl}/_workbench/tenant-properties`, {
      method: 'POST',
      headers: { 'x-workbench-user': '2', 'content-type': 'application/json' },
      body: JSON.stringify({ key: HOME_SITE_PROPERTY, value: 'https://evil.example/sites/x' })
    });
    expect(refused.status).toBe(403);
  });

  it('gets through throttling, and an unreachable SharePoint is "unreadable"', async () => {
    wb.faults.set([{ path: 'getStorageEntity', throttle: 1, retryAfterSeconds: 1, times: 1 }]);
    expect(await new SpTenantProperties(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' })).homeSite()).toEqual({
      status: 'set',
      value: wb.siteUrl
    });
    wb.faults.set([]);
    const offline = await new SpTenantProperties(spForUrl('http://127.0.0.1:9/sites/involvement')).homeSite();
    expect(offline.status).toBe('unreadable');
  });
});
