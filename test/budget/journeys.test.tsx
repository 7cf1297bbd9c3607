/**
 * Request budgets for what a project lead and the involvement team do after the first screen
 * (issue 12): open a plan, autosave one field, submit, the dashboard's start-up and a
 * 2,000-stakeholder map. Counted through the product's own screens and adapters against the
 * stand-in with 20 ms added to every call. Each budget is what the product does today, held so
 * it gets no worse; where issue 12's target is lower, the gap is named beside it. Times are only
 * printed by `npm run benchmark`.
 */
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import { emptyStakeholderFields, GRID_QUADRANTS, submitPlan, type CurrentUser } from '../../src/domain';
import { describeRequests, type RoundTripSummary } from '../../webparts/tools/roundTrips';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { autosave, clearBrowser, dashboardLoad, openPlan, startStand, USER, type Stand } from './scenarios';

const priya: CurrentUser = {
  id: USER.lead,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};

let stand: Stand;
beforeAll(async () => {
  stand = await startStand(20);
}, 120_000);
afterAll(async () => {
  await stand.close();
});
afterEach(() => clearBrowser());

/**
 * The budgets these tests hold: what the product does today, with issue 12's target where it has
 * one. Autosave is one `$batch`: the save at the version read (If-Match), then the plan read back
 * (the version and what SharePoint stored: never a write we could not read back) — issue 12's 1.
 */
export const JOURNEY_BUDGETS = {
  openPlan: { requests: 4, sequential: 2 },
  autosave: { requests: 1, sequential: 1 },
  /** Issue 12's target: ≤ 3 REST round trips, then the Graph post and marking the outbox entry sent. */
  submit: { requests: 3, sequential: 3 },
  dashboardLoad: { requests: 11, sequential: 3 },
  /** One `$batch`: the map's items, and who may write them (the plan's lead and the team). */
  map2000: { requests: 1, sequential: 1 }
} as const;

const isGraph = (path: string): boolean => path.startsWith('/graph/');
const within = (trips: RoundTripSummary, budget: { requests: number; sequential: number }): string =>
  trips.requests <= budget.requests && trips.sequential <= budget.sequential
    ? 'within'
    : `${trips.requests} requests, ${trips.sequential} sequential:\n${describeRequests(trips)}`;

test(`opening a plan from "My plans": ≤ ${JOURNEY_BUDGETS.openPlan.requests} requests, ≤ ${JOURNEY_BUDGETS.openPlan.sequential} one after another`, async () => {
  expect(within(await openPlan(stand), JOURNEY_BUDGETS.openPlan)).toBe('within');
}, 120_000);

test(`autosaving one field: ≤ ${JOURNEY_BUDGETS.autosave.requests} requests, ≤ ${JOURNEY_BUDGETS.autosave.sequential} one after another`, async () => {
  const trips = await autosave(stand);
  expect(within(trips, JOURNEY_BUDGETS.autosave)).toBe('within');
  // One $batch: the save, one MERGE at the version read (412 on a stale version, never a silent
  // overwrite), first; then the reads of the plan's record, so what shows is what SharePoint stored.
  const batch = trips.records.find((r) => r.batchParts > 0);
  expect(batch?.batchMethods[0]).toBe('MERGE');
  expect(batch?.batchMethods.filter((m) => m === 'MERGE')).toHaveLength(1);
  expect(batch?.batchMethods.slice(1).every((m) => m === 'GET')).toBe(true);
}, 120_000);

test(`the dashboard's start-up for the involvement team: ≤ ${JOURNEY_BUDGETS.dashboardLoad.requests} requests, ≤ ${JOURNEY_BUDGETS.dashboardLoad.sequential} one after another`, async () => {
  expect(within(await dashboardLoad(stand), JOURNEY_BUDGETS.dashboardLoad)).toBe('within');
}, 120_000);

describe('with a ready plan of the lead’s', () => {
  let planId: number;
  const sp = () => spForUrl(stand.wb.siteUrl, { 'x-workbench-user': String(USER.lead) });
  beforeAll(async () => {
    const content = readyPlanContent();
    content.project.title = 'Budget: submit';
    planId = (await new SpPlanRepository(sp()).create(content, priya, 'budget-submit')).id;
    await new SpStakeholderRepository(sp()).addMany(
      planId,
      readyStakeholders().map((fields, i) => ({ requestId: `budget-submit-s${i}`, fields, history: [] }))
    );
  }, 120_000);

  test(`submitting: ≤ ${JOURNEY_BUDGETS.submit.sequential} REST round trips, then one Graph post and one write marking it sent`, async () => {
    await stand.trips.settled();
    stand.trips.reset();
    await submitPlan(
      {
        workflow: new SpWorkflowRepository(sp()),
        outbox: new SpOutboxRepository(sp()),
        notifier: new GraphChannelNotifier(graphForUrl(stand.wb.graphUrl, { 'x-workbench-user': String(USER.lead) })),
        settings: new SpSettingsRepository(sp()),
        involvementSettings: new SpInvolvementSettingsStore(sp()),
        buildMessage: buildSubmissionMessage,
        sleep: async () => undefined
      },
      planId,
      priya,
      { web: `http://localhost/planner.html#plan=${planId}` }
    );
    await stand.trips.settled();
    const all = stand.trips.summary();
    const markSent = all.records.filter((r) => r.method === 'MERGE' && r.path.includes('Notification outbox'));
    const rest = stand.trips.summary((r) => !isGraph(r.path) && !markSent.includes(r));
    expect(within(rest, JOURNEY_BUDGETS.submit)).toBe('within');
    expect(all.records.filter((r) => isGraph(r.path)).map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201']);
    expect(markSent).toHaveLength(1);
  }, 120_000);

  test(`reading a map of 2,000 stakeholders with who may write them: ≤ ${JOURNEY_BUDGETS.map2000.requests} request`, async () => {
    await new SpStakeholderRepository(sp()).addMany(
      planId,
      Array.from({ length: 2000 - readyStakeholders().length }, (_, i) => ({
        requestId: `budget-map-${i}`,
        fields: { ...emptyStakeholderFields(), name: `Stakeholder ${i}`, quadrant: GRID_QUADRANTS[i % 4] },
        history: []
      }))
    );
    await stand.trips.settled();
    stand.trips.reset();
    const read = await new SpStakeholderRepository(sp()).listForPlanChecked(planId);
    await stand.trips.settled();
    const trips = stand.trips.summary();
    expect(read.stakeholders).toHaveLength(2000);
    expect(within(trips, JOURNEY_BUDGETS.map2000)).toBe('within');
    // One $batch: the map's items (up to 2,000 in one read) and whose map it is (the plan's author, the team's members).
    expect(trips.records[0].batchUrls.filter((u) => u.includes('Plan stakeholders'))).toHaveLength(1);
    expect(trips.records[0].batchUrls.some((u) => u.includes('Involvement plans') && u.includes('AuthorId'))).toBe(true);
  }, 300_000);
});
