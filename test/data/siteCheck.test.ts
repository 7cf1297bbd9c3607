import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpListsPort, SpSiteCheck } from '../../src/data/sharepoint/SpSiteCheck';
import { SpUserDirectory } from '../../src/data/sharepoint/SpUserDirectory';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { DEFAULT_SETTINGS, type CurrentUser } from '../../src/domain';
import { readyPlanContent } from '../domain/fixtures';

import type { Workbench } from '../../webparts/server/app';
import { startTestWorkbench, USERS } from '../workbench/harness';

// The start-up check (issue 12): who is signed in and the lists' columns in one $batch. It must
// find what the provisioner's own check finds in the lists' shape, including the trust model's
// restricted deletes (issue 14).

let wb: Workbench;
const sp = (user: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });
const startUp = (user: number) => {
  const site = new SpSiteCheck(sp(user));
  return Promise.all([new SpUserDirectory(sp(user), site).currentUser(), new SpListsPort(sp(user), site).check()]);
};

beforeEach(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
});
afterEach(async () => wb.close());

it('finds a set-up site ready, for a site owner and for a project lead, and says who is signed in', async () => {
  const [owner, ownerReport] = await startUp(USERS.owner);
  expect(ownerReport).toEqual({ ready: true, missing: [], conflicts: [] });
  expect(owner.isSiteOwner).toBe(true);
  const [lead, leadReport] = await startUp(USERS.priya);
  expect(leadReport.ready).toBe(true);
  expect(lead).toMatchObject({ id: USERS.priya, isSiteOwner: false, mayCreatePlans: true });
});

it('reports a lookup whose deletes are no longer restricted, as the provisioner does, and Set up lists repairs it', async () => {
  const lookup = wb.store.listByTitle('Plan decisions')?.fields.find((f) => f.internalName === 'ipPlan');
  if (!lookup) throw new Error('no lookup');
  lookup.relationshipDeleteBehavior = 0;
  const expected = { list: 'Plan decisions', column: 'ipPlan', what: 'deleteRule' };
  expect((await new SpListProvisioner(sp(USERS.owner)).check()).missing).toContainEqual(expected);
  const [, report] = await startUp(USERS.owner);
  expect(report.ready).toBe(false);
  expect(report.missing).toContainEqual(expected);
  expect((await new SpListsPort(sp(USERS.owner), new SpSiteCheck(sp(USERS.owner))).ensure()).ready).toBe(true);
  expect((await startUp(USERS.owner))[1].ready).toBe(true);
});

it('reports a missing column and a missing index', async () => {
  const plans = wb.store.listByTitle('Involvement plans');
  if (!plans) throw new Error('no list');
  plans.fields = plans.fields.filter((f) => f.internalName !== 'ipPlace');
  const org = plans.fields.find((f) => f.internalName === 'ipOrganisation');
  if (org) org.indexed = false;
  const [, report] = await startUp(USERS.priya);
  expect(report.missing).toEqual([
    { list: 'Involvement plans', column: 'ipOrganisation', what: 'index' },
    { list: 'Involvement plans', column: 'ipPlace', what: 'column' }
  ]);
});

it('"Set up lists" applies the saved choice of who can read plans (issue 10): only their authors and the team when it is No', async () => {
  const priya: CurrentUser = {
    id: USERS.priya,
    displayName: 'Priya Shah',
    email: 'priya@x.nhs.uk',
    isSiteOwner: false,
    isInvolvementTeam: false
  };
  const plan = await new SpPlanRepository(sp(USERS.priya)).create(readyPlanContent(), priya, 'req-read-access');
  const canRead = async (user: number): Promise<boolean> =>
    new SpPlanRepository(sp(user)).get(plan.id).then(
      () => true,
      () => false
    );
  const settings = new SpInvolvementSettingsStore(sp(USERS.owner));
  const setUp = () => new SpListsPort(sp(USERS.owner), new SpSiteCheck(sp(USERS.owner))).ensure();
  expect(await canRead(USERS.tom)).toBe(true);

  await settings.save({ ...DEFAULT_SETTINGS, otherUsersCanRead: false }, (await settings.read()).version);
  await setUp();
  expect(wb.store.listByTitle('Involvement plans')?.readSecurity).toBe(2);
  expect(await canRead(USERS.tom)).toBe(false);
  expect(await canRead(USERS.priya)).toBe(true);
  expect(await canRead(USERS.jo)).toBe(true);

  await settings.save({ ...DEFAULT_SETTINGS, otherUsersCanRead: true }, (await settings.read()).version);
  await setUp();
  expect(await canRead(USERS.tom)).toBe(true);
});

it('"Set up lists" on a site with no lists yet (no saved settings to read) creates them, readable by all staff by default', async () => {
  const fresh = await startTestWorkbench();
  try {
    const owner = spForUrl(fresh.siteUrl, { 'x-workbench-user': String(USERS.owner) });
    const report = await new SpListsPort(owner, new SpSiteCheck(owner)).ensure();
    expect(report.ready).toBe(true);
    expect(fresh.store.listByTitle('Involvement plans')?.readSecurity).toBe(1);
  } finally {
    await fresh.close();
  }
});

describe('"My plans" in the start-up $batch (issue 12): the lead\'s first page by CAML\'s <UserID/>', () => {
  it("reads the same plans, verified the same way, as listing them by the lead's id, and is used once", async () => {
    const { SpPlanSummaries } = await import('../../src/data/sharepoint/SpPlanSummaries');
    const priya = { id: USERS.priya, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
    const tom = { id: USERS.tom, displayName: 'Tom Hughes (Sample)', email: 'tom.hughes@sample.nhs.uk' };
    const mine = await new SpPlanRepository(sp(USERS.priya)).create(readyPlanContent(), priya, 'startup-mine');
    // A plan Tom made naming Priya as its lead is not hers; a Status Priya wrote herself is not taken on trust.
    await new SpPlanRepository(sp(USERS.tom)).create(readyPlanContent(), { ...tom, id: USERS.priya }, 'startup-not-hers');
    await sp(USERS.priya).web.lists.getByTitle('Involvement plans').items.getById(mine.id).update({ ipStatus: 'Accepted' });
    const site = new SpSiteCheck(sp(USERS.priya));
    site.readMyPlans();
    const [user] = await Promise.all([
      new SpUserDirectory(sp(USERS.priya), site).currentUser(),
      new SpListsPort(sp(USERS.priya), site).check()
    ]);
    const early = site.takeMyPlans(user.id);
    expect(early).toHaveLength(2);
    const summaries = new SpPlanSummaries(sp(USERS.priya));
    const fromStartUp = await summaries.listForLeadFrom(user.id, early!);
    expect(fromStartUp).toEqual(await summaries.listForLead(user.id));
    expect(fromStartUp.items.map((p) => [p.id, p.status])).toEqual([[mine.id, 'draft']]);
    expect(fromStartUp.items[0].unconfirmed).toEqual([expect.objectContaining({ what: 'status', stored: 'Accepted' })]);
    // Used once, and only for who it was read for.
    expect(site.takeMyPlans(user.id)).toBeUndefined();
    site.readMyPlans();
    await site.snapshot(false);
    expect(site.takeMyPlans(USERS.tom)).toBeUndefined();
  });

  it('does not stop the start-up when the plans cannot be read that way: "My plans" then reads them itself', async () => {
    wb.faults.set([{ path: 'GetItems$', methods: ['POST'], inBatch: true, unavailable: 1 }]);
    const site = new SpSiteCheck(sp(USERS.priya));
    site.readMyPlans();
    const [user, report] = await Promise.all([
      new SpUserDirectory(sp(USERS.priya), site).currentUser(),
      new SpListsPort(sp(USERS.priya), site).check()
    ]);
    expect(report.ready).toBe(true);
    expect(site.takeMyPlans(user.id)).toBeUndefined();
    wb.faults.set([]);
  });
});
