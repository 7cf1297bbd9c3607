/**
 * The dashboard's counts (issue 12): one request of under 50 KB at 300 plans and at 30,000, counted
 * through the product's own adapter against the stand-in with 20 ms added to every call. The first
 * look on a site builds the team's tally (it reads every plan once); every look after reads it.
 */
import { addPlans, clearBrowser, counts, startStand, type Stand } from './scenarios';
import { describeRequests } from '../../webparts/tools/roundTrips';

/** Issue 12's target: 1 request, < 50 KB, the same at 300 or 300,000 plans. */
export const COUNTS_BUDGET = { requests: 1, bytes: 50 * 1024 } as const;

let stand: Stand;
beforeAll(async () => {
  stand = await startStand(20);
}, 120_000);
afterAll(async () => {
  await stand.close();
});
afterEach(() => clearBrowser());

for (const plans of [300, 30_000]) {
  test(`the dashboard's counts at ${plans.toLocaleString('en-GB')} plans: ${COUNTS_BUDGET.requests} request, under 50 KB`, async () => {
    const have = stand.wb.store.itemsOf(stand.wb.store.listByTitle('Involvement plans')!).size;
    addPlans(stand, plans - have);
    await counts(stand); // the first look since these plans were added moves the tally on
    const { summary, total } = await counts(stand);
    expect(total).toBe(plans);
    const seen = `${summary.requests} requests, ${summary.bytes} bytes:\n${describeRequests(summary)}`;
    expect(summary.requests <= COUNTS_BUDGET.requests && summary.bytes < COUNTS_BUDGET.bytes ? 'within' : seen).toBe('within');
  }, 300_000);
}
