import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { LIST_DEFINITIONS } from '../../src/data/sharepoint/lists';
import { buildSiteScript } from '../../src/data/sharepoint/siteScript';

import type { Workbench } from '../../webparts/server/app';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const as = (user: number) => new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) }));

beforeEach(async () => {
  wb = await startTestWorkbench();
});
afterEach(async () => wb.close());

it('reports every list missing on an empty site', async () => {
  const report = await as(USERS.owner).check();
  expect(report.ready).toBe(false);
  expect(report.missing.filter((m) => m.what === 'list').map((m) => m.list)).toEqual(LIST_DEFINITIONS.map((l) => l.title));
});

it('creates every list, column and index for a site owner, and a second run changes nothing', async () => {
  const first = await as(USERS.owner).ensure();
  expect(first).toEqual({ ready: true, missing: [], conflicts: [] });
  const shape = (): string =>
    JSON.stringify(
      wb.store
        .allLists()
        .map((l) => [l.title, l.fields.map((f) => [f.internalName, f.type, f.indexed]), l.roleAssignments, l.readSecurity, l.writeSecurity])
    );
  const snapshot = shape();
  const second = await as(USERS.owner).ensure();
  expect(second.ready).toBe(true);
  expect(shape()).toBe(snapshot);
  const plans = wb.store.listByTitle('Involvement plans');
  expect(plans?.fields.filter((f) => f.indexed).length).toBeLessThanOrEqual(20);
  expect(plans?.fields.find((f) => f.internalName === 'ipStatus')).toMatchObject({ type: 'Choice', indexed: true });
  expect(wb.store.listByTitle('Plan stakeholders')?.fields.find((f) => f.internalName === 'ipPlan')).toMatchObject({
    type: 'Lookup',
    indexed: true,
    lookupListId: plans?.id
  });
});

it('adds a column and an index that went missing, without touching the rest', async () => {
  await as(USERS.owner).ensure();
  const plans = wb.store.listByTitle('Involvement plans');
  if (!plans) throw new Error('no list');
  plans.fields = plans.fields.filter((f) => f.internalName !== 'ipPlace');
  const org = plans.fields.find((f) => f.internalName === 'ipOrganisation');
  if (org) org.indexed = false;
  const report = await as(USERS.owner).check();
  expect(report.missing).toEqual([
    { list: 'Involvement plans', column: 'ipOrganisation', what: 'index' },
    { list: 'Involvement plans', column: 'ipPlace', what: 'column' }
  ]);
  expect((await as(USERS.owner).ensure()).ready).toBe(true);
});

it('tells a project lead a set-up site is ready, though they cannot see the owners-only list or permissions', async () => {
  await as(USERS.owner).ensure();
  expect(await as(USERS.priya).check()).toEqual({ ready: true, missing: [], conflicts: [] });
  expect((await as(USERS.owner).check()).ready).toBe(true);
});

it('refuses a project lead with "forbidden", and creates nothing', async () => {
  await expect(as(USERS.priya).ensure()).rejects.toMatchObject({ kind: 'forbidden' });
  expect(wb.store.allLists()).toEqual([]);
});

it('does not take throttling for "missing": it reports throttled and creates nothing', async () => {
  wb.faults.set([{ path: '/_api/web/lists$', methods: ['GET'], throttle: 1, retryAfterSeconds: 0 }]);
  await expect(as(USERS.owner).ensure()).rejects.toMatchObject({ kind: 'throttled' });
  wb.faults.set([]);
  expect(wb.store.allLists()).toEqual([]);
});

it('builds a site script with the same lists and columns', () => {
  const script = buildSiteScript() as { actions: Array<{ listName: string; subactions: Array<{ verb: string; schemaXml?: string }> }> };
  expect(script.actions.map((a) => a.listName)).toEqual(LIST_DEFINITIONS.map((l) => l.title));
  const plans = script.actions[0].subactions.filter((s) => s.verb === 'addSPFieldXml');
  expect(plans).toHaveLength(LIST_DEFINITIONS[0].columns.length);
  expect(plans.find((s) => s.schemaXml?.includes('Name="ipStatus"'))?.schemaXml).toMatch(/Indexed="TRUE"/);
});

describe('permissions set by provisioning', () => {
  const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });

  beforeEach(async () => {
    await as(USERS.owner).ensure();
  });

  it('lets a project lead edit only their own plan, and the involvement team edit any plan', async () => {
    const priya = await sp(USERS.priya).web.lists.getByTitle('Involvement plans').items.add({ Title: "Priya's plan" });
    await expect(
      sp(USERS.tom)
        .web.lists.getByTitle('Involvement plans')
        .items.getById(priya.Id as number)
        .update({ Title: 'Tom was here' })
    ).rejects.toMatchObject({ status: 403 });
    await sp(USERS.jo)
      .web.lists.getByTitle('Involvement plans')
      .items.getById(priya.Id as number)
      .update({ Title: 'Reviewed by the team' });
    expect(
      (
        await sp(USERS.priya)
          .web.lists.getByTitle('Involvement plans')
          .items.getById(priya.Id as number)()
      ).Title
    ).toBe('Reviewed by the team');
  });

  it('lets everyone read the shared stakeholder list and settings, and only the team change them', async () => {
    await sp(USERS.jo).web.lists.getByTitle('Organisation stakeholders').items.add({ Title: 'Sample Healthwatch' });
    expect(await sp(USERS.priya).web.lists.getByTitle('Organisation stakeholders').items()).toHaveLength(1);
    await expect(
      sp(USERS.priya).web.lists.getByTitle('Organisation stakeholders').items.add({ Title: 'Not allowed' })
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      sp(USERS.priya).web.lists.getByTitle('Involvement settings').items.add({ Title: 'notificationTarget' })
    ).rejects.toMatchObject({ status: 403 });
  });

  it('can keep plans private to their leads and the team (the "others: none" setting)', async () => {
    await new SpListProvisioner(sp(USERS.owner), false).ensure();
    await sp(USERS.priya).web.lists.getByTitle('Involvement plans').items.add({ Title: 'Private plan' });
    expect(await sp(USERS.tom).web.lists.getByTitle('Involvement plans').items()).toHaveLength(0);
    expect(await sp(USERS.jo).web.lists.getByTitle('Involvement plans').items()).toHaveLength(1);
  });
});
