/**
 * Request budgets (issue 12), counted through the product's own adapters and screens against the
 * workbench stand-in with latency added to every call, so requests that wait for another land in
 * a later step. Counts are deterministic; times are only printed by `npm run benchmark`.
 */
import { clearBrowser, plannerLoad, startStand, USER, type Stand } from './scenarios';
import { describeRequests } from '../../webparts/tools/roundTrips';
import { LIST_DEFINITIONS } from '../../src/data/sharepoint/lists';

/**
 * The budgets these tests hold. Issue 12's target for the planner's load is ≤ 4 requests and
 * ≤ 2 sequential; the trust model (issue 14) verifies each listed plan's status from the team's
 * "Plan decisions", which can only be asked once the plans are known: a third step, kept (trust
 * wins over speed) and held here so it gets no worse.
 */
export const BUDGETS = { plannerLoad: { requests: 4, sequential: 3 } } as const;

let stand: Stand;
beforeAll(async () => {
  stand = await startStand(20);
}, 120_000);
afterAll(async () => {
  await stand.close();
});

describe('planner load', () => {
  for (const [who, userId] of [
    ['a project lead', USER.lead],
    ['a site owner', USER.owner]
  ] as const) {
    test(`for ${who} on a first visit: ≤ ${BUDGETS.plannerLoad.requests} requests, ≤ ${BUDGETS.plannerLoad.sequential} one after another`, async () => {
      clearBrowser();
      const trips = await plannerLoad(stand, userId);
      const seen = `${trips.requests} requests, ${trips.sequential} sequential:\n${describeRequests(trips)}`;
      expect(trips.requests <= BUDGETS.plannerLoad.requests && trips.sequential <= BUDGETS.plannerLoad.sequential ? 'within' : seen).toBe(
        'within'
      );
      // The lists check is one $batch with the signed-in user, not a request per list.
      const firstStep = trips.records.filter((r) => r.step === 1 && r.batchParts > 0);
      expect(firstStep).toHaveLength(1);
      expect(firstStep[0].batchParts).toBeGreaterThanOrEqual(LIST_DEFINITIONS.length);
    }, 120_000);
  }

  test('on a later visit the remembered lists check is not repeated: only who is signed in, then the plans', async () => {
    clearBrowser();
    await plannerLoad(stand, USER.lead);
    const again = await plannerLoad(stand, USER.lead);
    expect(again.sequential).toBeLessThanOrEqual(BUDGETS.plannerLoad.sequential);
    // Who is signed in (user, groups, the owners group, whether they may add plans), no list's columns.
    const batch = again.records.find((r) => r.step === 1 && r.batchParts > 0);
    expect(batch?.batchParts).toBe(4);
  }, 120_000);
});
