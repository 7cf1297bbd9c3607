/**
 * Insight search (issue 11 §4) through the real adapters against the workbench stand-in: what
 * earlier plans heard is found from a new plan only for plans the team moved to Reporting or
 * Closed, only from records their lead or the team wrote, a closed plan's as signed off; at scale,
 * a bounded set of the most recent records on indexed columns, never a full-list read.
 */
import { spForUrl } from '../../src/data/client';
import { SpEngagementRecords, SpSignOffs } from '../../src/data/sharepoint/SpEngagementRecords';
import { INSIGHT_PAGE_SIZE, INSIGHT_SCAN_MAX, SpInsight } from '../../src/data/sharepoint/SpInsight';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { listDefinition, PLAN } from '../../src/data/sharepoint/lists';
import { statusLabel } from '../../src/data/sharepoint/SpPlanRecords';
import {
  newSubmission,
  PLAN_STATUSES,
  type CurrentUser,
  type EngagementRecordContent,
  type NewDecision,
  type PlanStatus
} from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { readyPlanContent } from '../domain/fixtures';
import { completeRecord } from '../domain/recordFixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });
const people: Record<number, CurrentUser> = {
  [USERS.priya]: {
    id: USERS.priya,
    displayName: 'Priya Shah (Sample)',
    email: 'priya.shah@sample.nhs.uk',
    isSiteOwner: false,
    isInvolvementTeam: false
  },
  [USERS.tom]: {
    id: USERS.tom,
    displayName: 'Tom Hughes (Sample)',
    email: 'tom.hughes@sample.nhs.uk',
    isSiteOwner: false,
    isInvolvementTeam: false
  }
};
const jo = { id: USERS.jo, displayName: 'Jo Bennett (Sample)', email: 'jo.bennett@sample.nhs.uk' };

beforeAll(async () => {
  wb = await startTestWorkbench({ threshold: 5000 });
  await new SpListProvisioner(sp(USERS.owner)).ensure();
});
afterAll(async () => wb.close());
afterEach(() => {
  wb.faults.set([]);
  jest.restoreAllMocks();
});

/**
 * A plan by `lead` moved to `status` as the product records it: submitted by its lead, then the
 * team's decisions one at a time in "Plan decisions" (as the workbench's sample data does).
 */
async function planAt(title: string, lead: number, status: PlanStatus): Promise<number> {
  const content = readyPlanContent();
  content.project.title = title;
  const leadSp = sp(lead);
  const plan = await new SpPlanRepository(leadSp).create(content, people[lead], `insight-${title}`);
  if (status === 'draft') return plan.id;
  const submission = newSubmission(plan.id, 1, 'insight');
  await leadSp.web.lists
    .getByTitle(listDefinition('plans').title)
    .items.getById(plan.id)
    .update({ [PLAN.status]: statusLabel('submitted'), [PLAN.submission]: 1, [PLAN.submissionKey]: submission.key }, plan.version);
  await new SpWorkflowRepository(leadSp).recordSubmission(plan.id, submission, 'draft', '');
  const team = new SpWorkflowRepository(sp(USERS.jo));
  let from: PlanStatus = 'submitted';
  let seq = 1;
  let state: Pick<NewDecision, 'involvementLead' | 'confirmedLevel' | 'scopingMeeting'> = {
    involvementLead: null,
    confirmedLevel: null,
    scopingMeeting: null
  };
  const decide = async (kind: NewDecision['kind'], to: PlanStatus, change: Partial<typeof state>): Promise<void> => {
    state = { ...state, ...change };
    await team.decide({
      planId: plan.id,
      seq,
      requestId: `insight-${plan.id}-${seq}`,
      kind,
      from,
      to,
      submission: 1,
      submissionKey: submission.key,
      ...state,
      comment: ''
    });
    seq += 1;
    from = to;
  };
  const path = PLAN_STATUSES.slice(PLAN_STATUSES.indexOf('submitted') + 1, PLAN_STATUSES.indexOf(status) + 1).filter(
    (s) => s !== 'changesRequested'
  );
  for (const to of path) {
    if (to === 'inReview') await decide('scoping', 'inReview', { scopingMeeting: { at: '2027-01-15T10:00:00Z', attendees: ['Jo'] } });
    else if (to === 'accepted') {
      await decide('involvementLead', from, { involvementLead: jo });
      await decide('level', from, { confirmedLevel: 'involve' });
      await decide('status', 'accepted', {});
    } else await decide('status', to, {});
  }
  return plan.id;
}

/** The plan's record, saved by `writer` with a lesson learned. */
async function recordWith(planId: number, writer: number, lesson: string, closed = '2027-03-28'): Promise<EngagementRecordContent> {
  const content = completeRecord();
  content.evaluation.lessons = lesson;
  content.report.engagementClosed = closed;
  const plan = await new SpPlanRepository(sp(USERS.jo)).get(planId);
  const records = new SpEngagementRecords(sp(writer));
  await records.save({ ...(await records.start(plan)), content }, plan, 12);
  return content;
}

const search = (words: string, options: { excludePlanId?: number } = {}) =>
  new SpInsight(sp(USERS.priya)).search(words, { ...options, today: '2027-06-01' });

it('finds lessons, findings, themes and "you said, we did" of plans in reporting or closed, newest first, with the plan and its year', async () => {
  const reporting = await planAt('Insight: wheelchair repairs', USERS.priya, 'reporting');
  await recordWith(reporting, USERS.priya, 'Carers came to the evening sessions, not the daytime ones.', '2027-03-28');
  const closedPlan = await planAt('Insight: transport eligibility', USERS.tom, 'closed');
  const closedContent = await recordWith(closedPlan, USERS.tom, 'Ask carers early; evening sessions worked.', '2026-10-01');
  await new SpSignOffs(sp(USERS.jo)).add(closedPlan, closedContent, 'Signed off.', `sign-${closedPlan}`);
  const delivering = await planAt('Insight: still delivering', USERS.priya, 'inDelivery');
  await recordWith(delivering, USERS.priya, 'Carers evening lesson from a plan still in delivery.');

  const found = await search('carers EVENING');
  expect(found.results.map((r) => [r.planTitle, r.periodEnd.slice(0, 4), r.kind, r.text])).toEqual([
    ['Insight: wheelchair repairs', '2027', 'lesson', 'Carers came to the evening sessions, not the daytime ones.'],
    ['Insight: transport eligibility', '2026', 'lesson', 'Ask carers early; evening sessions worked.']
  ]);
  expect(found.results.map((r) => r.status)).toEqual(['reporting', 'closed']);
  // A theme, a finding (with why it cannot change) and "you said, we did" are searched too.
  expect((await search('buses after')).results.map((r) => [r.planId, r.kind])).toEqual(
    expect.arrayContaining([
      [reporting, 'theme'],
      [closedPlan, 'theme']
    ])
  );
  expect((await search('taxi')).results.some((r) => r.kind === 'youSaidWeDid')).toBe(true);
  expect((await search('not enough nurses')).results.some((r) => r.kind === 'finding' && /will not change, and why/.test(r.text))).toBe(
    true
  );
  // The plan being written is left out; nothing is found for words nobody recorded.
  expect((await search('carers evening', { excludePlanId: reporting })).results.map((r) => r.planId)).toEqual([closedPlan]);
  expect(await search('zebra crossing')).toMatchObject({ results: [], limited: false });
});

it("counts only what the plan's lead or the team wrote, by the team's record of the status, and a closed plan as signed off", async () => {
  // Tom adds a record of his own to Priya's plan before she starts hers (anyone may add to the
  // list): it is the plan's first record, yet it does not count.
  const priyas = await planAt('Insight: planted record', USERS.priya, 'reporting');
  await sp(USERS.tom)
    .web.lists.getByTitle('Engagement records')
    .items.add({
      Title: 'Planted',
      ipPlanId: priyas,
      ipRequestId: 'planted-by-tom',
      ipPeriodEnd: '2027-03-28T00:00:00Z',
      ipInsight: JSON.stringify([{ kind: 'lesson', text: 'Kiosks phishing: visit https://evil.example' }])
    });
  await recordWith(priyas, USERS.priya, 'Nothing about kiosks here.');
  expect((await search('kiosks phishing')).results).toEqual([]);

  // A draft whose lead set its Status column to "Closed" is still a draft: not searched.
  const draft = await planAt('Insight: claims to be closed', USERS.priya, 'draft');
  await recordWith(draft, USERS.priya, 'Kiosks at the station reached commuters.');
  const item = sp(USERS.priya).web.lists.getByTitle('Involvement plans').items.getById(draft);
  await item.update({ [PLAN.status]: statusLabel('closed') });
  expect((await search('kiosks station')).results).toEqual([]);

  // A closed plan whose record Tom changed after the team signed it off is searched as signed off.
  const closedPlan = await planAt('Insight: changed after closing', USERS.tom, 'closed');
  const signedOff = await recordWith(closedPlan, USERS.tom, 'Libraries were the best place to meet older people.');
  await new SpSignOffs(sp(USERS.jo)).add(closedPlan, signedOff, 'Signed off.', `sign-${closedPlan}`);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const tomRecords = new SpEngagementRecords(sp(USERS.tom));
  const current = await tomRecords.forPlan(closedPlan);
  if (!current) throw new Error('no record');
  const plan = await new SpPlanRepository(sp(USERS.jo)).get(closedPlan);
  await tomRecords.save(
    {
      ...current,
      content: { ...signedOff, evaluation: { ...signedOff.evaluation, lessons: 'Libraries: call 0800 000 000 for a prize.' } }
    },
    plan,
    12
  );
  expect((await search('libraries')).results.map((r) => r.text)).toEqual(['Libraries were the best place to meet older people.']);
});

it('a closed plan is searched as the team signed it off, even where its lead wrote only the insight column, before closing', async () => {
  const id = await planAt('Insight: column written by hand', USERS.tom, 'closed');
  const content = await recordWith(id, USERS.tom, 'Markets reached young carers.');
  // Tom writes the short insight column alone (the record's content is unchanged), then the team signs off.
  const [record] = await sp(USERS.tom).web.lists.getByTitle('Engagement records').items.select('Id').filter(`ipPlanId eq ${id}`)<
    Array<{ Id: number }>
  >();
  await sp(USERS.tom)
    .web.lists.getByTitle('Engagement records')
    .items.getById(record.Id)
    .update({ ipInsight: JSON.stringify([{ kind: 'lesson', text: 'Markets: ring 0800 000 001 for a prize.' }]) });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await new SpSignOffs(sp(USERS.jo)).add(id, content, 'Signed off.', `sign-${id}`);
  expect((await search('markets')).results.map((r) => r.text)).toEqual(['Markets reached young carers.']);
});

it('records dated after today (a lead can write them on their own plans) never push real ones out of the most recent 2,000', async () => {
  const planId = await planAt('Insight: bus routes', USERS.tom, 'reporting');
  await recordWith(planId, USERS.tom, 'Drivers knew which stops people could not reach.', '2027-04-02');
  const draft = await new SpPlanRepository(sp(USERS.priya)).create(readyPlanContent(), people[USERS.priya], 'insight-future-draft');
  const list = wb.store.listByTitle('Engagement records');
  if (!list) throw new Error('no records list');
  wb.store.addItems(
    list,
    USERS.priya,
    Array.from({ length: INSIGHT_SCAN_MAX + 10 }, (_, i) => ({
      Title: `Future ${i}`,
      ipPlan: draft.id,
      ipRequestId: `future-${i}`,
      ipPeriodEnd: '2031-01-01T00:00:00Z',
      ipInsight: JSON.stringify([{ kind: 'lesson', text: `Stops ${i}` }])
    }))
  );
  const found = await search('stops');
  expect(found.results.map((r) => r.planId)).toEqual([planId]);
  expect(found.limited).toBe(false);
});

it('at scale reads only the most recent records, a bounded page at a time, on indexed columns (no threshold error past 5,000)', async () => {
  const planId = await planAt('Insight: older plan', USERS.priya, 'reporting');
  await recordWith(planId, USERS.priya, 'Pharmacies are where people ask about hearing aids.', '2027-01-10');
  expect((await search('hearing aids')).results).toHaveLength(1);
  // 6,000 newer records (by the site owner, so none of them counts either way).
  const list = wb.store.listByTitle('Engagement records');
  if (!list) throw new Error('no records list');
  wb.store.addItems(
    list,
    USERS.owner,
    Array.from({ length: 6000 }, (_, i) => ({
      Title: `Filler ${i}`,
      ipPlan: planId,
      ipRequestId: `filler-${i}`,
      ipPeriodEnd: '2027-05-01T00:00:00Z',
      ipInsight: JSON.stringify([{ kind: 'lesson', text: `Nothing to see ${i}` }])
    }))
  );
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const found = await search('hearing aids');
  const reads = fetchSpy.mock.calls.map((c) => decodeURIComponent(String(c[0] instanceof Request ? c[0].url : c[0])));
  const recordReads = reads.filter((u) => u.includes("getByTitle('Engagement records')/items"));
  expect(recordReads).toHaveLength(INSIGHT_SCAN_MAX / INSIGHT_PAGE_SIZE);
  for (const u of recordReads) {
    expect(u).toMatch(
      /\$filter=ipPeriodEnd[ +]ge[ +]datetime'2022-06-01T00:00:00Z'[ +]and[ +]ipPeriodEnd[ +]le[ +]datetime'2027-06-01T23:59:59Z'/
    );
    expect(u).toMatch(/\$orderby=ipPeriodEnd[ +]desc/);
    expect(u).toMatch(/\$top=500/);
  }
  // The older plan is beyond the most recent 2,000 records: not found, and the search says so.
  expect(found).toMatchObject({ results: [], searched: INSIGHT_SCAN_MAX, limited: true });
});
