/**
 * After-engagement records and the team's sign-offs through the real adapters against the
 * workbench stand-in: one record per plan however often it is started, saves at the version
 * read (412 → conflict), validation before every write, who may write what, the sign-off's
 * author set by the server, and the annual report's indexed, paged read by period.
 */
import { spForUrl } from '../../src/data/client';
import { SpEngagementRecords, SpSignOffs, RECORD_PAGE_SIZE } from '../../src/data/sharepoint/SpEngagementRecords';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { type CurrentUser, type StoredPlan } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { readyPlanContent } from '../domain/fixtures';
import { completeRecord, deliveredRecord } from '../domain/recordFixtures';
import { startTestWorkbench, statusOf, USERS } from '../workbench/harness';

let wb: Workbench;
const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });
const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
});
afterAll(async () => wb.close());
afterEach(() => {
  wb.faults.set([]);
  jest.restoreAllMocks();
});

async function newPlan(title: string): Promise<StoredPlan> {
  const content = readyPlanContent();
  content.project.title = title;
  return new SpPlanRepository(sp(USERS.priya)).create(content, priya, `plan-${title}`);
}

it('"Set up lists" creates the records and sign-offs lists, indexed on the plan and the period', async () => {
  const report = await new SpListProvisioner(sp(USERS.owner)).check();
  expect(report.ready).toBe(true);
  const fields = await sp(USERS.owner).web.lists.getByTitle('Engagement records').fields.select('InternalName', 'Indexed')<
    Array<{ InternalName: string; Indexed: boolean }>
  >();
  expect(fields.filter((f) => f.Indexed && f.InternalName.startsWith('ip')).map((f) => f.InternalName)).toEqual([
    'ipPlan',
    'ipRequestId',
    'ipPeriodEnd'
  ]);
});

it('starts one record per plan, however often it is started or retried through throttling', async () => {
  const plan = await newPlan('Record once');
  const records = new SpEngagementRecords(sp(USERS.priya));
  expect(await records.forPlan(plan.id)).toBeUndefined();
  wb.faults.set([{ path: 'Engagement', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 2 }]);
  const first = await records.start(plan);
  const again = await records.start(plan);
  expect(again.id).toBe(first.id);
  expect((await records.forPlan(plan.id))?.id).toBe(first.id);
  const all = await sp(USERS.owner).web.lists.getByTitle('Engagement records').items.filter(`ipPlanId eq ${plan.id}`)<unknown[]>();
  expect(all).toHaveLength(1);
});

it("saves at the version read: a stale save is a conflict and changes nothing; the involvement team edits the lead's record", async () => {
  const plan = await newPlan('Record versions');
  const lead = new SpEngagementRecords(sp(USERS.priya));
  const started = await lead.start(plan);
  const saved = await lead.save({ ...started, content: deliveredRecord() }, plan, 12);
  expect(saved.content.activities.map((a) => a.participants)).toEqual([40, 110]);
  await expect(lead.save({ ...started, content: completeRecord() }, plan, 12)).rejects.toMatchObject({ kind: 'conflict' });
  expect((await lead.forPlan(plan.id))?.content.themes).toEqual([]);
  const team = new SpEngagementRecords(sp(USERS.jo));
  const byTeam = await team.save({ ...saved, content: completeRecord() }, plan, 12);
  expect(byTeam.modifiedBy).toBe('Jo Bennett (Sample)');
  // Another project lead can neither change it nor start one in its place.
  const tom = new SpEngagementRecords(sp(USERS.tom));
  await expect(tom.save({ ...byTeam, content: deliveredRecord() }, plan, 12)).rejects.toMatchObject({ kind: 'forbidden' });
});

it('validates before every write: an invalid record is refused with a plain message and nothing is sent', async () => {
  const plan = await newPlan('Record invalid');
  const records = new SpEngagementRecords(sp(USERS.priya));
  const started = await records.start(plan);
  const bad = deliveredRecord();
  bad.activities[0].reached = { age: 400 };
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  await expect(records.save({ ...started, content: bad }, plan, 12)).rejects.toMatchObject({
    kind: 'invalidRequest',
    detail: 'This is more than the number of people who took part. Check the numbers. (activities.0.reached.age)'
  });
  expect(fetchSpy).not.toHaveBeenCalled();
  const long = deliveredRecord();
  long.activities = Array.from({ length: 40 }, (_v, i) => ({ ...long.activities[0], id: `a${i}`, notes: 'x'.repeat(1900) }));
  await expect(records.save({ ...started, content: long }, plan, 12)).rejects.toMatchObject({
    kind: 'invalidRequest',
    detail: expect.stringMatching(/too long to save .* SharePoint keeps 63,999/)
  });
});

it("only the involvement team signs off; the signer and time are SharePoint's own; a retried sign-off adds one", async () => {
  const plan = await newPlan('Sign off');
  await expect(new SpSignOffs(sp(USERS.priya)).add(plan.id, completeRecord(), 'I say it is done', 'lead-try')).rejects.toMatchObject({
    kind: 'forbidden'
  });
  const team = new SpSignOffs(sp(USERS.jo));
  wb.faults.set([{ path: 'Engagement%20sign-offs|Engagement sign-offs', methods: ['POST'], unavailable: 1, times: 1 }]);
  const first = await team.add(plan.id, completeRecord(), 'Closed.', 'close-1');
  const again = await team.add(plan.id, completeRecord(), 'Closed.', 'close-1');
  expect(again.id).toBe(first.id);
  const signOffs = await new SpSignOffs(sp(USERS.priya)).forPlan(plan.id);
  expect(signOffs).toHaveLength(1);
  expect(signOffs[0]).toMatchObject({ by: { id: USERS.jo, displayName: 'Jo Bennett (Sample)' }, comment: 'Closed.' });
  expect(signOffs[0].snapshot).toEqual(completeRecord());
  // Add-only: not even the team can change or remove a sign-off once it is added (only site owners, by hand).
  const item = sp(USERS.jo).web.lists.getByTitle('Engagement sign-offs').items.getById(first.id);
  expect(await statusOf(item.update({ ipComment: 'Never closed' }))).toBe(403);
  expect(await statusOf(item.delete())).toBe(403);
  expect((await new SpSignOffs(sp(USERS.priya)).forPlan(plan.id))[0].comment).toBe('Closed.');
});

it('the annual report reads summaries for a period on the indexed period column, a bounded page at a time', async () => {
  const inYear = await newPlan('Annual in year');
  const nextYear = await newPlan('Annual next year');
  const records = new SpEngagementRecords(sp(USERS.priya));
  await records.save({ ...(await records.start(inYear)), content: completeRecord() }, inYear, 12);
  const later = deliveredRecord();
  later.report.engagementClosed = '2027-04-02';
  await records.save({ ...(await records.start(nextYear)), content: later }, nextYear, 12);
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const { summaries: rows, unreadable } = await new SpEngagementRecords(sp(USERS.jo)).listForPeriod('2026-04-01', '2027-03-31');
  expect(unreadable).toEqual([]);
  expect(rows.map((r) => r.planTitle)).toContain('Annual in year');
  expect(rows.map((r) => r.planTitle)).not.toContain('Annual next year');
  expect(rows.find((r) => r.planId === inYear.id)).toMatchObject({
    participants: 150,
    reportDue: '2027-06-20',
    youSaidWeDidPublished: '2027-07-05'
  });
  const urls = fetchSpy.mock.calls.map((c) => decodeURIComponent(String(c[0])).replace(/\+/g, ' '));
  // The records are read a bounded page at a time; who wrote them is checked in $batch reads of the plans.
  const reads = urls.filter((u) => !u.endsWith('/$batch'));
  expect(reads.length).toBeGreaterThan(0);
  expect(reads.every((u) => u.includes(`$top=${RECORD_PAGE_SIZE}`) && u.includes('ipPeriodEnd ge'))).toBe(true);
});

it("a record another lead adds for someone else's plan is never taken for it, in the plan or the annual report (issue 14)", async () => {
  const plan = await newPlan('Planted record');
  // Tom, another project lead, may add to the list: he starts a "record" for Priya's plan and fills it in.
  const tom = new SpEngagementRecords(sp(USERS.tom));
  const planted = await tom.start(plan);
  await tom.save({ ...planted, content: completeRecord() }, plan, 12);
  const lead = new SpEngagementRecords(sp(USERS.priya));
  expect(await lead.forPlan(plan.id)).toBeUndefined();
  const mine = await lead.start(plan);
  expect(mine.id).not.toBe(planted.id);
  expect((await lead.forPlan(plan.id))?.id).toBe(mine.id);
  expect((await new SpEngagementRecords(sp(USERS.jo)).forPlan(plan.id))?.id).toBe(mine.id);
  // Tom's filled-in record ended in the year, Priya's has not: the annual report does not count his.
  const { summaries: rows, unreadable } = await new SpEngagementRecords(sp(USERS.jo)).listForPeriod('2026-04-01', '2027-03-31');
  expect(rows.find((r) => r.planId === plan.id)).toBeUndefined();
  expect(unreadable.find((r) => r.planId === plan.id)).toBeUndefined();
});

it('a lead who writes a broken summary into their own record cannot stop the annual report: that plan is left out and named', async () => {
  const broken = await newPlan('Broken summary');
  const fine = await newPlan('Fine summary');
  const lead = new SpEngagementRecords(sp(USERS.priya));
  const record = await lead.start(broken);
  await lead.save({ ...record, content: completeRecord() }, broken, 12);
  await lead.save({ ...(await lead.start(fine)), content: completeRecord() }, fine, 12);
  // By hand, through REST: the summary is not what the planner writes.
  await sp(USERS.priya).web.lists.getByTitle('Engagement records').items.getById(record.id).update({ ipSummaryJson: '{"planId": "one"' });
  const { summaries, unreadable } = await new SpEngagementRecords(sp(USERS.jo)).listForPeriod('2026-04-01', '2027-03-31');
  expect(summaries.map((r) => r.planTitle)).toContain('Fine summary');
  expect(summaries.find((r) => r.planId === broken.id)).toBeUndefined();
  expect(unreadable).toContainEqual({
    itemId: record.id,
    planId: broken.id,
    problem: `List "Engagement records", column "ipSummaryJson": of item ${record.id} is not valid JSON.`
  });
});

it("every change to a record is in SharePoint's version history: who and when as SharePoint kept them, and what changed", async () => {
  const plan = await newPlan('History');
  const lead = new SpEngagementRecords(sp(USERS.priya));
  let record = await lead.start(plan);
  const withActivity = deliveredRecord();
  record = await lead.save({ ...record, content: withActivity }, plan, 12);
  const team = new SpEngagementRecords(sp(USERS.jo));
  const reported = { ...withActivity, report: { ...withActivity.report, summary: 'What we heard, in short.' } };
  await team.save({ ...record, content: reported }, plan, 12);
  const changes = await team.changes(record.id);
  expect(changes.map((c) => [c.version, c.by?.displayName, c.parts])).toEqual([
    ['3.0', 'Jo Bennett (Sample)', ['The report']],
    ['2.0', 'Priya Shah (Sample)', expect.arrayContaining(['The engagement log (2 entries added)'])],
    ['1.0', 'Priya Shah (Sample)', ['Started the record']]
  ]);
  // The lead reads the same history; nobody can write it.
  expect((await lead.changes(record.id)).length).toBe(3);
});

it('"Set up lists" turns version history on for the records list, and the check reports it when it is off', async () => {
  const list = wb.store.listByTitle('Engagement records');
  if (!list) throw new Error('no list');
  expect(list.enableVersioning).toBe(true);
  list.enableVersioning = false;
  expect((await new SpListProvisioner(sp(USERS.owner)).check()).missing).toContainEqual({ list: 'Engagement records', what: 'versioning' });
  await new SpListProvisioner(sp(USERS.owner)).ensure();
  expect(list.enableVersioning).toBe(true);
});

it('a lead cannot turn off the version history that keeps every change to a record, nor rewrite who made one', async () => {
  const list = sp(USERS.priya).web.lists.getByTitle('Engagement records');
  expect(await statusOf(list.update({ EnableVersioning: false }))).toBe(403);
  expect(wb.store.listByTitle('Engagement records')?.enableVersioning).toBe(true);
  const plan = await newPlan('History forged');
  const lead = new SpEngagementRecords(sp(USERS.priya));
  const record = await lead.start(plan);
  // Editor is SharePoint's own: setting it through REST is refused, and the history still says Priya.
  expect(await statusOf(list.items.getById(record.id).update({ EditorId: USERS.jo }))).toBeGreaterThanOrEqual(400);
  expect((await lead.changes(record.id)).map((c) => c.by?.id)).toEqual([USERS.priya]);
});
