/**
 * The dashboard's counts from the team's tally (issue 12), through the stand-in: the same counts
 * as checking every plan, one small request when nothing has changed, right when two people count
 * at once, and nothing a project lead can write moves them (issue 14).
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpPlanSummaries } from '../../src/data/sharepoint/SpPlanSummaries';
import { SpStatusTally, TALLY_ITEM } from '../../src/data/sharepoint/SpStatusTally';
import { countsFromTally, PLAN_STATUS_LABELS, type PlanStatus, type StatusTally } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { RoundTrips } from '../../webparts/tools/roundTrips';
import { restAs, startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const sp = (user: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });
const tallyAs = (user: number) => new SpStatusTally(sp(user));
const checkAll = async () => (await new SpPlanSummaries(sp(USERS.jo)).statusOverview()).counts;
const list = (title: string) => {
  const found = wb.store.listByTitle(title);
  if (!found) throw new Error(`no list ${title}`);
  return found;
};

let n = 0;
/** A plan by `lead`, submitted `submissions` times (each with its history entry, as submitting writes them). */
function plan(lead: number, submissions = 0): number {
  n += 1;
  const item = wb.store.addItem(list('Involvement plans'), lead, {
    Title: `Tally plan ${n}`,
    ipStatus: submissions ? 'Submitted' : 'Draft',
    ipProjectLead: lead,
    ipSubmission: submissions,
    ipSubmissionKey: submissions ? `plan-${n}-submission-${submissions}` : null,
    ipRequestId: `tally-${n}`
  });
  for (let s = 1; s <= submissions; s += 1) entry(item.id, lead, s);
  return item.id;
}
function entry(planId: number, author: number, submission: number): number {
  return wb.store.addItem(list('Plan status history'), author, {
    Title: 'submission',
    ipPlan: planId,
    ipFromStatus: submission === 1 ? 'Draft' : 'Changes requested',
    ipToStatus: 'Submitted',
    ipSubmission: submission,
    ipKey: `plan-${planId}-submission-${submission}`,
    ipComment: ''
  }).id;
}
/** The team's next decision on a plan (the plan's Status column follows it, as the team's action writes it). */
function decide(planId: number, seq: number, from: PlanStatus, to: PlanStatus, submission = 1, author: number = USERS.jo): void {
  wb.store.addItem(list('Plan decisions'), author, {
    Title: 'decision',
    ipPlan: planId,
    ipSeq: seq,
    ipRequestId: `tally-decision-${planId}-${seq}-${author}`,
    ipKind: 'status',
    ipFromStatus: PLAN_STATUS_LABELS[from],
    ipToStatus: PLAN_STATUS_LABELS[to],
    ipSubmission: submission,
    ipSubmissionKey: `plan-${planId}-submission-${submission}`,
    ipScopingAttendees: '[]',
    ipComment: ''
  });
  update('Involvement plans', planId, { ipStatus: PLAN_STATUS_LABELS[to] });
}
/** Change an item's columns as SharePoint would on a save (a new version). */
function update(title: string, id: number, values: Record<string, unknown>): void {
  const item = wb.store.itemsOf(list(title)).get(id);
  if (!item) throw new Error(`no item ${id}`);
  wb.store.saveItem(list(title), { ...item, version: item.version + 1, values: { ...item.values, ...values } });
}
const savedTally = () =>
  [...wb.store.itemsOf(list('Involvement settings')).values()]
    .filter((it) => it.values.Title === TALLY_ITEM)
    .sort((a, b) => a.id - b.id)[0];

beforeAll(async () => {
  wb = await startTestWorkbench({ threshold: 5000 });
  await new SpListProvisioner(sp(USERS.owner)).ensure();
  // A mix of every status, including a plan sent back for changes and submitted again.
  plan(USERS.priya);
  plan(USERS.tom);
  plan(USERS.priya, 1);
  const inReview = plan(USERS.priya, 1);
  decide(inReview, 1, 'submitted', 'inReview');
  const accepted = plan(USERS.tom, 1);
  decide(accepted, 1, 'submitted', 'accepted');
  const changes = plan(USERS.priya, 1);
  decide(changes, 1, 'submitted', 'changesRequested');
  const resubmitted = plan(USERS.priya, 1);
  decide(resubmitted, 1, 'submitted', 'changesRequested');
  entry(resubmitted, USERS.priya, 2);
  update('Involvement plans', resubmitted, { ipStatus: 'Submitted', ipSubmission: 2, ipSubmissionKey: `plan-${resubmitted}-submission-2` });
  const closed = plan(USERS.tom, 1);
  decide(closed, 1, 'submitted', 'accepted');
  decide(closed, 2, 'accepted', 'inDelivery');
  decide(closed, 3, 'inDelivery', 'reporting');
  decide(closed, 4, 'reporting', 'closed');
});
afterAll(async () => wb.close());

describe("the dashboard's counts from the team's tally", () => {
  it('match every plan checked one by one, and the tally is saved for the next look', async () => {
    expect(savedTally()).toBeUndefined();
    const counts = await tallyAs(USERS.jo).counts();
    expect(counts).toEqual(await checkAll());
    expect(counts).toEqual({
      draft: 2,
      submitted: 2,
      inReview: 1,
      changesRequested: 1,
      accepted: 1,
      inDelivery: 0,
      reporting: 0,
      closed: 1
    });
    expect(JSON.parse(String(savedTally()?.values.ipValue))).toMatchObject({ v: 1, counts: { submitted: 2, closed: 1 } });
  });

  it('a second look with nothing new is one request of under 50 KB; a new decision moves just that plan', async () => {
    await tallyAs(USERS.jo).counts();
    const trips = new RoundTrips();
    const stop = trips.install();
    try {
      const again = await tallyAs(USERS.jo).counts();
      const look = trips.summary();
      expect([look.requests, look.bytes < 50 * 1024]).toEqual([1, true]);
      const draft = plan(USERS.priya, 1);
      decide(draft, 1, 'submitted', 'accepted');
      trips.reset();
      const moved = await tallyAs(USERS.jo).counts();
      // The tally with the newest items, that plan's items, then the save: 3, whatever the number of plans.
      expect(trips.summary().requests).toBe(3);
      expect(moved).toEqual({ ...again, accepted: again.accepted + 1 });
      expect(moved).toEqual(await checkAll());
    } finally {
      stop();
    }
  });

  it('two team members counting at once after new decisions agree, and the tally saved is what a recount gives', async () => {
    const before = await tallyAs(USERS.jo).counts();
    const a = plan(USERS.priya, 1);
    const b = plan(USERS.tom, 1);
    decide(a, 1, 'submitted', 'inReview');
    decide(b, 1, 'submitted', 'changesRequested');
    // Both read the same tally; the saves land one after the other, so the second is refused (412)
    // and counts again from the first one's.
    wb.faults.set([{ path: "getByTitle\\('Involvement(%20| )settings'\\)/items\\(", methods: ['POST', 'MERGE'], latencyMs: 300 }]);
    const trips = new RoundTrips();
    const stop = trips.install();
    let both: Array<Record<PlanStatus, number>>;
    try {
      both = await Promise.all([tallyAs(USERS.jo).counts(), tallyAs(USERS.owner).counts()]);
    } finally {
      stop();
      wb.faults.set([]);
    }
    const expected = { ...before, inReview: before.inReview + 1, changesRequested: before.changesRequested + 1 };
    expect(both).toEqual([expected, expected]);
    expect(trips.summary().records.filter((r) => r.status === 412)).toHaveLength(1);
    const saved = JSON.parse(String(savedTally()?.values.ipValue)) as StatusTally;
    expect(countsFromTally(saved, wb.store.itemsOf(list('Involvement plans')).size)).toEqual(expected);
    expect((await tallyAs(USERS.jo).recountAndSave()).counts).toEqual(expected);
    expect(await checkAll()).toEqual(expected);
  });

  it("nothing a project lead writes moves the counts: the plan's Status, its submission number, entries on others' plans, or the tally", async () => {
    const before = await tallyAs(USERS.jo).counts();
    const mine = plan(USERS.priya);
    const toms = plan(USERS.tom, 1);
    const expected = { ...before, draft: before.draft + 1, submitted: before.submitted + 1 };
    expect(await tallyAs(USERS.jo).counts()).toEqual(expected);
    // Priya marks her draft Accepted (the Status column and a submission number are hers to write)…
    update('Involvement plans', mine, { ipStatus: 'Accepted', ipSubmission: 3 });
    // …adds a submission entry to Tom's plan (the history list is add-only, open to everyone)…
    entry(toms, USERS.priya, 2);
    // …and tries to write the tally itself.
    const tally = savedTally();
    const path = `web/lists/getByTitle('Involvement settings')/items(${tally?.id ?? 0})`;
    const forged = { ipValue: JSON.stringify({ v: 1, mark: { decisions: 10 ** 9, entries: 10 ** 9 }, counts: { accepted: 999 } }) };
    const refused = await restAs(wb, USERS.priya, 'MERGE', path, forged);
    const added = await restAs(wb, USERS.priya, 'POST', "web/lists/getByTitle('Involvement settings')/items", {
      Title: TALLY_ITEM,
      ...forged
    });
    expect(added.status).toBe(403);
    expect(refused.status).toBe(403);
    // The same request from a team member is accepted (so the refusal above is the list's permissions).
    expect((await restAs(wb, USERS.jo, 'MERGE', path, { ipValue: tally?.values.ipValue })).status).toBe(204);
    expect(await tallyAs(USERS.jo).counts()).toEqual(expected);
    // Priya herself sees the same counts, and saves nothing (the tally is the team's to keep).
    const version = savedTally()?.version;
    entry(mine, USERS.priya, 1);
    const withHers = { ...expected, draft: expected.draft - 1, submitted: expected.submitted + 1 };
    expect(await tallyAs(USERS.priya).counts()).toEqual(withHers);
    expect(savedTally()?.version).toBe(version);
    expect(await tallyAs(USERS.jo).counts()).toEqual(withHers);
  });

  it('a tally that cannot be right (a negative count, more plans than there are) is counted again from the lists', async () => {
    const right = await tallyAs(USERS.jo).counts();
    const tally = savedTally();
    if (!tally) throw new Error('no tally');
    const stored = JSON.parse(String(tally.values.ipValue));
    update('Involvement settings', tally.id, { ipValue: JSON.stringify({ ...stored, counts: { ...stored.counts, accepted: -3 } }) });
    expect(await tallyAs(USERS.jo).counts()).toEqual(right);
    update('Involvement settings', tally.id, { ipValue: JSON.stringify({ ...stored, counts: { ...stored.counts, closed: 10 ** 6 } }) });
    expect(await tallyAs(USERS.jo).counts()).toEqual(right);
    update('Involvement settings', tally.id, { ipValue: 'not JSON' });
    expect(await tallyAs(USERS.jo).counts()).toEqual(right);
    expect(JSON.parse(String(savedTally()?.values.ipValue)).counts.closed).toBe(right.closed);
  });
});

describe('what the review of the tally tried', () => {
  const team = () => wb.store.siteGroups().find((g) => g.title === 'Involvement team');

  it("500 entries Priya adds to Tom's plan do not hide his submission, before or after the team's decision", async () => {
    const toms = plan(USERS.tom);
    wb.store.addItems(
      list('Plan status history'),
      USERS.priya,
      Array.from({ length: 500 }, (_, i) => ({
        Title: 'planted',
        ipPlan: toms,
        ipFromStatus: 'Draft',
        ipToStatus: 'Submitted',
        ipSubmission: 1,
        ipKey: `planted-${i}`,
        ipComment: ''
      }))
    );
    expect(await tallyAs(USERS.jo).counts()).toEqual(await checkAll());
    entry(toms, USERS.tom, 1);
    update('Involvement plans', toms, { ipStatus: 'Submitted', ipSubmission: 1, ipSubmissionKey: `plan-${toms}-submission-1` });
    expect(await tallyAs(USERS.jo).counts()).toEqual(await checkAll());
    decide(toms, 1, 'submitted', 'accepted');
    const counts = await tallyAs(USERS.jo).counts();
    expect(counts).toEqual(await checkAll());
    expect((await tallyAs(USERS.jo).recountAndSave()).counts).toEqual(counts);
  });

  it('someone joining or leaving the team: the tally is counted again with the team as it is now', async () => {
    const group = team();
    if (!group) throw new Error('no team group');
    await tallyAs(USERS.jo).counts();
    // Tom joins, records a decision, and leaves again: the check no longer counts his decision.
    const p = plan(USERS.priya, 1);
    group.memberIds.push(USERS.tom);
    wb.store.saveSiteGroups();
    decide(p, 1, 'submitted', 'accepted', 1, USERS.tom);
    expect(await tallyAs(USERS.jo).counts()).toEqual(await checkAll());
    group.memberIds = group.memberIds.filter((id) => id !== USERS.tom);
    wb.store.saveSiteGroups();
    decide(p, 2, 'accepted', 'inDelivery');
    const counts = await tallyAs(USERS.jo).counts();
    expect(counts).toEqual(await checkAll());
  });

  it('an entry a lead numbers ahead of time does not turn an honest resubmission into "Changes requested"', async () => {
    const p = plan(USERS.priya, 1);
    entry(p, USERS.priya, 99);
    decide(p, 1, 'submitted', 'changesRequested');
    entry(p, USERS.priya, 2);
    update('Involvement plans', p, { ipStatus: 'Submitted', ipSubmission: 2, ipSubmissionKey: `plan-${p}-submission-2` });
    expect(await tallyAs(USERS.jo).counts()).toEqual(await checkAll());
  });

  it("a submission that did not finish (its history entry written, the plan's save refused) is named by the check", async () => {
    // submit's $batch is not a transaction: the plan's save can be refused (412) after the entry is added.
    const p = plan(USERS.priya);
    entry(p, USERS.priya, 1);
    const counts = await tallyAs(USERS.jo).counts();
    const checked = await new SpPlanRepository(sp(USERS.jo)).statusOverview();
    expect(counts.submitted).toBe(checked.counts.submitted + 1);
    expect(checked.countedDifferently).toEqual([{ id: p, title: `Tally plan ${n}`, counted: 'submitted', verified: 'draft' }]);
    // The lead submits again: the two agree.
    update('Involvement plans', p, { ipStatus: 'Submitted', ipSubmission: 1, ipSubmissionKey: `plan-${p}-submission-1` });
    const again = await new SpPlanRepository(sp(USERS.jo)).statusOverview();
    expect(again.countedDifferently).toEqual([]);
    expect(await tallyAs(USERS.jo).counts()).toEqual(again.counts);
  });
});
