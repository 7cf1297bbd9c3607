/**
 * The list gateway the repositories share, through unmodified PnPjs against the workbench
 * stand-in: a create whose answer is lost is retried without a duplicate, and broken stored
 * data is reported by list and column.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { emptyPlanContent, type PersonRef } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const priya: PersonRef = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
});
afterAll(async () => wb.close());
afterEach(() => {
  wb.faults.set([]);
  jest.restoreAllMocks();
});

it('retries a create whose answer was lost: it finds the plan it made instead of making a second', async () => {
  // The add lands, but reading it back is refused more times than the transport retries, so
  // the whole create is tried again: it must look before adding.
  wb.faults.set([{ path: '/items\\(\\d+\\)$', methods: ['GET'], throttle: 1, retryAfterSeconds: 0, times: 4 }]);
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const plan = await new SpPlanRepository(sp(USERS.priya)).create(emptyPlanContent(), priya, 'req-lost-answer');
  const adds = fetchSpy.mock.calls.filter(([url, init]) => String(url).endsWith('/items') && init?.method === 'POST');
  expect(adds).toHaveLength(1);
  const plans = wb.store.listByTitle('Involvement plans')!;
  const made = [...wb.store.itemsOf(plans).values()].filter((i) => i.values.ipRequestId === 'req-lost-answer');
  expect(made.map((i) => i.id)).toEqual([plan.id]);
});

it('names a stakeholder with a column of the wrong type by list, item and column, and still reads the rest of the map', async () => {
  const plan = await new SpPlanRepository(sp(USERS.priya)).create(emptyPlanContent(), priya, 'req-drift');
  const list = wb.store.listByTitle('Plan stakeholders')!;
  const good = wb.store.addItem(list, 2, { Title: 'Readable', ipPlan: plan.id, ipKind: 'group', ipMayContact: false });
  const bad = wb.store.addItem(list, 2, { Title: 'Broken', ipPlan: plan.id, ipKind: 'group', ipMayContact: 'yes' });
  const read = await new SpStakeholderRepository(sp(USERS.priya)).listForPlanChecked(plan.id);
  expect(read.stakeholders.map((s) => s.id)).toEqual([good.id]);
  expect(read.unreadable).toEqual([
    expect.objectContaining({
      list: 'Plan stakeholders',
      itemId: bad.id,
      reason: expect.stringContaining(`List "Plan stakeholders", item ${bad.id}, column "ipMayContact": has the wrong type`)
    })
  ]);
  expect(read.unreadable[0].reason).toContain('A site owner can correct the value in the list');
});
