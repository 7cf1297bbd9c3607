import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpUserDirectory } from '../../src/data/sharepoint/SpUserDirectory';
import { toInvolvementPlan, toPlanSummary } from '../../src/data/sharepoint/planMapper';
import { emptyPlanContent, type PersonRef } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { completePlanContent } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';
import { RoundTrips } from '../../webparts/tools/roundTrips';

let wb: Workbench;
const priya: PersonRef = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
const repoAs = (user: number) => new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) }));

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
});
afterAll(async () => wb.close());

describe('SpPlanRepository through the stand-in', () => {
  it('creates a draft and reads back the same content', async () => {
    const content = completePlanContent();
    const plan = await repoAs(USERS.priya).create(content, priya, 'req-1');
    expect(plan).toMatchObject({ status: 'draft', projectLead: { id: 2 }, content });
    expect(plan.version).toBe('"1"');
    const again = await repoAs(USERS.priya).get(plan.id);
    expect(again.content).toEqual(content);
  });

  it('never makes a second plan when a create is retried with the same request id', async () => {
    const first = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-dup');
    const second = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-dup');
    expect(second.id).toBe(first.id);
  });

  it('retries a throttled create after Retry-After and still makes exactly one plan', async () => {
    wb.faults.set([{ path: '/items$', methods: ['POST'], throttle: 1, retryAfterSeconds: 1, times: 1 }]);
    const started = Date.now();
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-throttled');
    wb.faults.set([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const mine = await repoAs(USERS.priya).listForLead(2);
    expect(mine.items.filter((p) => p.id === plan.id)).toHaveLength(1);
  });

  it("lists only the lead's own plans, newest first, with the next key date", async () => {
    const tom = { id: 3, displayName: 'Tom Hughes (Sample)', email: 'tom.hughes@sample.nhs.uk' };
    await repoAs(USERS.tom).create(completePlanContent(), tom, 'req-tom');
    const page = await repoAs(USERS.priya).listForLead(2);
    expect(page.items.length).toBeGreaterThanOrEqual(3);
    expect(page.items.every((p) => p.projectLead?.id === 2)).toBe(true);
    const ids = page.items.map((p) => p.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(page.items.find((p) => p.title === 'Overnight opening of Riverside minor injuries unit')?.nextKeyDate).toBe('2027-06-30');
  });

  it('counts plans by status across the list', async () => {
    const counts = await repoAs(USERS.jo).countByStatus();
    expect(counts.draft).toBe(wb.store.itemsOf(wb.store.listByTitle('Involvement plans')!).size);
    expect(counts.closed).toBe(0);
  });

  it('reports a plan with broken stored data in the list instead of dropping it', async () => {
    const list = wb.store.listByTitle('Involvement plans')!;
    const item = wb.store.addItem(list, 2, { Title: 'Broken', ipStatus: 'Draft', ipProjectLead: 2, ipFormalConsultation: 'yes' });
    const page = await repoAs(USERS.priya).listForLead(2);
    expect(page.unreadable).toEqual([{ id: item.id, title: 'Broken', problem: expect.stringContaining('column "ipFormalConsultation"') }]);
  });

  it('shows a plan whose stored status the planner does not know by its verified status, marked unconfirmed', async () => {
    const list = wb.store.listByTitle('Involvement plans')!;
    const item = wb.store.addItem(list, 2, { Title: 'Archived one', ipStatus: 'Archived', ipProjectLead: 2 });
    const page = await repoAs(USERS.priya).listForLead(2);
    const row = page.items.find((p) => p.id === item.id);
    expect(row?.status).toBe('draft');
    expect(row?.unconfirmed).toEqual([expect.objectContaining({ what: 'status', stored: 'Archived', verified: 'Draft' })]);
    // Not dropped from the team's counts without a word either (issue 15 §6): counted by what the
    // record says and listed with what is stored.
    const overview = await repoAs(USERS.jo).statusOverview();
    expect(overview.unconfirmed).toContainEqual({ id: item.id, title: 'Archived one', stored: 'Archived', verified: 'draft' });
    wb.store.deleteItem(list, item.id);
  });

  it('saves with the version it read, and refuses a stale version with "conflict" without overwriting', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-save');
    const mine = { ...plan, content: { ...plan.content, project: { ...plan.content.project, title: 'Mine' } } };
    const saved = await repoAs(USERS.priya).save(mine);
    expect(saved.content.project.title).toBe('Mine');
    expect(saved.version).not.toBe(plan.version);
    const stale = { ...plan, content: { ...plan.content, project: { ...plan.content.project, title: 'Stale copy' } } };
    await expect(repoAs(USERS.priya).save(stale)).rejects.toMatchObject({ kind: 'conflict' });
    expect((await repoAs(USERS.priya).get(plan.id)).content.project.title).toBe('Mine');
  });

  it('saves and reads the plan back in one $batch: the MERGE at the version read, then the read of what SharePoint stored', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-save-batch');
    const trips = new RoundTrips();
    const stop = trips.install();
    let saved;
    try {
      saved = await repoAs(USERS.priya).save({
        ...plan,
        content: { ...plan.content, project: { ...plan.content.project, title: 'One trip' } }
      });
    } finally {
      stop();
    }
    const requests = trips.summary().records;
    expect(requests.map((r) => `${r.method} ${r.path.replace(/^.*\/_api\//, '')}`)).toEqual(['POST $batch']);
    expect(requests[0].batchParts).toBeGreaterThanOrEqual(2);
    expect(saved.content.project.title).toBe('One trip');
    expect(saved.version).toBe('"2"');
  });

  it('refuses a stale version inside the batch with "conflict": nothing is overwritten, whatever the read after it says', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-save-stale');
    await repoAs(USERS.priya).save({ ...plan, content: { ...plan.content, project: { ...plan.content.project, title: 'Theirs' } } });
    await expect(
      repoAs(USERS.priya).save({ ...plan, content: { ...plan.content, project: { ...plan.content.project, title: 'Mine, stale' } } })
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect((await repoAs(USERS.priya).get(plan.id)).content.project.title).toBe('Theirs');
  });

  it('reads the plan again on its own when the save landed but the read-back part failed', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-save-readback');
    wb.faults.set([{ path: "Involvement%20plans'\\)/items\\(\\d+\\)$", methods: ['GET'], inBatch: true, unavailable: 1, times: 1 }]);
    try {
      const saved = await repoAs(USERS.priya).save({
        ...plan,
        content: { ...plan.content, project: { ...plan.content.project, title: 'Read again' } }
      });
      expect(wb.faults.injected()['503']).toBeGreaterThanOrEqual(1);
      expect(saved.content.project.title).toBe('Read again');
      expect(saved.version).toBe('"2"');
    } finally {
      wb.faults.set([]);
    }
  });

  it('reports a throttled batch (429 with Retry-After) or a throttled save part for the retry policy, with nothing written; saving again works', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-save-throttled');
    const mine = { ...plan, content: { ...plan.content, project: { ...plan.content.project, title: 'After throttling' } } };
    for (const rule of [
      { path: '/_api/\\$batch$', methods: ['POST'], throttle: 1, retryAfterSeconds: 2, times: 1 },
      { path: 'items\\(\\d+\\)$', methods: ['MERGE'], inBatch: true, throttle: 1, retryAfterSeconds: 2, times: 1 }
    ]) {
      wb.faults.set([rule]);
      await expect(repoAs(USERS.priya).save(mine)).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 2000 });
      wb.faults.set([]);
      expect((await repoAs(USERS.priya).get(plan.id)).version).toBe(plan.version);
    }
    expect((await repoAs(USERS.priya).save(mine)).content.project.title).toBe('After throttling');
  });

  it('deletes a draft only at the version read', async () => {
    const plan = await repoAs(USERS.priya).create(emptyPlanContent(), priya, 'req-delete');
    await expect(repoAs(USERS.priya).remove(plan.id, '"99"')).rejects.toMatchObject({ kind: 'conflict' });
    await repoAs(USERS.priya).remove(plan.id, plan.version as string);
    await expect(repoAs(USERS.priya).get(plan.id)).rejects.toMatchObject({ kind: 'notFound' });
  });

  it('says "not found" for a plan that does not exist', async () => {
    await expect(repoAs(USERS.priya).get(9999)).rejects.toMatchObject({ kind: 'notFound' });
  });
});

describe('plan mapper drift errors name the list and column', () => {
  const base = {
    Id: 7,
    Title: 'A plan',
    ipStatus: 'Draft',
    ipProjectLead: { Id: 2, Title: 'P', EMail: 'p@x' },
    ipInvolvementLead: null,
    ipOrganisation: 'Org',
    ipPlace: '',
    ipChosenLevel: null,
    ipFormalConsultation: false,
    ipDecisionDate: null,
    ipNextKeyDate: null,
    Modified: '2026-01-01T00:00:00Z'
  };
  const content = emptyPlanContent();
  const full = {
    ...base,
    ipProjectJson: JSON.stringify({
      project: content.project,
      objectives: content.objectives,
      triage: content.triage,
      level: content.level
    }),
    ipDeliveryJson: JSON.stringify({ timeline: [], methods: [], budget: [], equality: content.equality, principles: [] }),
    ipCommsJson: JSON.stringify(content.communications)
  };

  it('maps a good item', () => {
    expect(toInvolvementPlan(full).content).toEqual(content);
  });
  it('a missing column', () => {
    const rest: Partial<typeof base> = { ...base };
    delete rest.ipOrganisation;
    expect(() => toPlanSummary(rest)).toThrow(/List "Involvement plans", column "ipOrganisation": is missing/);
  });
  it('a column of the wrong type', () => {
    expect(() => toPlanSummary({ ...base, ipFormalConsultation: 'yes' })).toThrow(/column "ipFormalConsultation": has the wrong type/);
  });
  it('malformed JSON opens the plan with those answers empty, naming the item and the column (issue 15 §2)', () => {
    const plan = toInvolvementPlan({ ...full, ipCommsJson: '{not json' });
    expect(plan.content).toEqual(content);
    expect(plan.storedProblems?.[0].text).toMatch(/Column "ipCommsJson" of item 7 in "Involvement plans" does not hold/);
  });
  it('JSON of the wrong shape opens the plan with that answer left out and said (issue 15 §2)', () => {
    const plan = toInvolvementPlan({ ...full, ipDeliveryJson: JSON.stringify({ timeline: 'soon' }) });
    expect(plan.content.timeline).toEqual([]);
    expect(plan.storedProblems?.find((p) => p.path === 'timeline')).toMatchObject({ shown: false, stored: 'soon' });
  });
  it('a missing JSON column is still drift for a site owner', () => {
    const rest: Record<string, unknown> = { ...full };
    delete rest.ipCommsJson;
    expect(() => toInvolvementPlan(rest)).toThrow(/column "ipCommsJson": is missing from the list. Ask a site owner to run "Set up lists"/);
  });
});

describe('SpUserDirectory', () => {
  it('knows a site owner, an involvement team member and a lead', async () => {
    const dir = (u: number) => new SpUserDirectory(spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) }));
    expect(await dir(USERS.owner).currentUser()).toMatchObject({ isSiteOwner: true, isInvolvementTeam: false });
    expect(await dir(USERS.jo).currentUser()).toMatchObject({ isSiteOwner: false, isInvolvementTeam: true });
    expect(await dir(USERS.priya).currentUser()).toMatchObject({ id: 2, isSiteOwner: false, isInvolvementTeam: false });
    expect((await dir(USERS.priya).siteOwners()).map((o) => o.displayName)).toEqual(['Sam Okafor (Sample)']);
  });
});
