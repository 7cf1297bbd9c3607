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
    const planList = stand.wb.store.listByTitle('Involvement plans')!;
    const have = stand.wb.store.itemsOf(planList).size;
    const firstNew = planList.nextItemId;
    addPlans(stand, plans - have);
    // A third of the new plans submitted, and half of those accepted by the team.
    const submitted = Array.from({ length: plans - have }, (_, i) => firstNew + i).filter((id) => id % 3 === 0);
    stand.wb.store.addItems(
      stand.wb.store.listByTitle('Plan status history')!,
      3,
      submitted.map((id) => ({
        Title: 'b',
        ipPlan: id,
        ipFromStatus: 'Draft',
        ipToStatus: 'Submitted',
        ipSubmission: 1,
        ipKey: `k-${id}`,
        ipComment: ''
      }))
    );
    const accepted = submitted.filter((id) => id % 2 === 0);
    stand.wb.store.addItems(
      stand.wb.store.listByTitle('Plan decisions')!,
      4,
      accepted.map((id) => ({
        Title: 'b',
        ipPlan: id,
        ipSeq: 1,
        ipRequestId: `d-${id}`,
        ipKind: 'status',
        ipFromStatus: 'Submitted',
        ipToStatus: 'Accepted',
        ipSubmission: 1,
        ipSubmissionKey: `k-${id}`,
        ipScopingAttendees: '[]',
        ipComment: ''
      }))
    );
    const before = await counts(stand); // the first look since these were added moves the tally on
    const { summary, total, byStatus } = await counts(stand);
    expect(total).toBe(plans);
    expect(byStatus).toEqual(before.byStatus);
    expect(byStatus.accepted).toBeGreaterThanOrEqual(accepted.length);
    const seen = `${summary.requests} requests, ${summary.bytes} bytes:\n${describeRequests(summary)}`;
    expect(summary.requests <= COUNTS_BUDGET.requests && summary.bytes < COUNTS_BUDGET.bytes ? 'within' : seen).toBe('within');
  }, 300_000);
}
