/**
 * Issue 15 §5: a 2,000-row, 5 MB stakeholder import cut off by an outage part-way, through the
 * workbench's SharePoint stand-in, the product's stakeholder repository and the browser store
 * the map keeps pending adds in (IndexedDB; fake-indexeddb follows the spec). The whole import is
 * kept before anything is sent, so after a reload it is offered back whole; adding it again adds
 * only the rows SharePoint does not hold yet, by request id: no row lost, none twice.
 */
import 'fake-indexeddb/auto';
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { decodeCsvBytes, importStakeholdersCsv, setRetryClock, type NewStakeholder, type PersonRef } from '../../src/domain';
import { browserStore } from '../../src/ui/common/browserStore';
import { startWorkbench, type Workbench } from '../../webparts/server/app';
import { readyPlanContent } from '../domain/fixtures';

const ROWS = 2000;
const priya: PersonRef = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
/** The key the stakeholder map keeps its pending adds under (useStakeholderMap). */
const pendingKey = (planId: number): string => `pending-stakeholders:${priya.id}:${planId}`;

let wb: Workbench;
/** Batches SharePoint answers before the outage begins; then every batch fails until it ends. */
let batchesBeforeOutage = Infinity;
let batches = 0;
let restoreClock: () => void;

beforeAll(async () => {
  wb = await startWorkbench({
    dataFile: ':memory:',
    port: 0,
    faults: [{ path: '/_api/\\$batch$', methods: ['POST'], unavailable: 1 }],
    // The outage: after `batchesBeforeOutage` batches SharePoint is unavailable (a chance of 0 is a fault).
    faultRandom: (request) => (request.endsWith('/_api/$batch') && (batches += 1) > batchesBeforeOutage ? 0 : 1)
  });
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
  // The retry policy's waits are taken at once (its tries and budget still apply).
  let now = Date.now();
  restoreClock = setRetryClock({ sleep: async (ms) => void (now += ms), now: () => now });
});
afterAll(async () => {
  restoreClock();
  await wb.close();
});

/** A register as Excel would save it: 2,000 rows, each with about 2.5 KB of notes (5 MB in all). */
function bigCsv(): Uint8Array {
  const lines = ['Name,Type,Grid box,Notes'];
  for (let i = 1; i <= ROWS; i += 1) {
    const notes = `Row ${i}: ${'Met at the Riverside community forum; prefers evening sessions. '.repeat(40)}`;
    lines.push(`Sample community group ${i},Group,Keep informed,"${notes}"`);
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

it('2,000 rows cut off by an outage part-way: the whole import is offered back after a reload, and adding it again adds only the rest', async () => {
  const sp = spForUrl(wb.siteUrl, { 'x-workbench-user': String(priya.id) });
  const plan = await new SpPlanRepository(sp).create(readyPlanContent(), priya, 'import-cut-off');
  const bytes = bigCsv();
  expect(bytes.length).toBeGreaterThan(5_000_000);
  const decoded = decodeCsvBytes(bytes);
  const parsed = importStakeholdersCsv(decoded.text ?? '');
  expect(parsed.problems).toEqual([]);
  expect(parsed.ready).toHaveLength(ROWS);
  const batch: NewStakeholder[] = parsed.ready.map((r, i) => ({ requestId: `import-${plan.id}-${i}`, fields: r.fields, history: [] }));

  // As the map does: keep the whole import in the browser first, then add it, 50 to a $batch.
  await browserStore.write(pendingKey(plan.id), batch);
  batches = 0;
  batchesBeforeOutage = 17;
  await expect(new SpStakeholderRepository(sp).addMany(plan.id, batch)).rejects.toMatchObject({ kind: 'unavailable' });
  // The outage ends; the lead reloads.
  batchesBeforeOutage = Infinity;
  const landed = (await new SpStakeholderRepository(sp).listForPlan(plan.id)).length;
  expect(landed).toBeGreaterThan(0);
  expect(landed).toBeLessThan(ROWS);

  // A reload: what the browser kept is the whole import, as it was.
  const kept = await browserStore.read<NewStakeholder[]>(pendingKey(plan.id));
  expect(kept).toHaveLength(ROWS);
  expect(kept?.map((k) => k.requestId)).toEqual(batch.map((b) => b.requestId));
  expect(kept?.[1999].fields.notes).toBe(batch[1999].fields.notes);

  // "Add them now" adds only the rows not added yet.
  const added = await new SpStakeholderRepository(sp).addMany(plan.id, kept ?? []);
  expect(added).toHaveLength(ROWS);
  await browserStore.clear(pendingKey(plan.id));
  const all = await new SpStakeholderRepository(sp).listForPlanChecked(plan.id);
  expect(all.unreadable).toEqual([]);
  expect(all.stakeholders).toHaveLength(ROWS);
  expect(new Set(all.stakeholders.map((s) => s.name)).size).toBe(ROWS);
  const stored = [...wb.store.itemsOf(wb.store.listByTitle('Plan stakeholders')!).values()].filter((s) => s.values.ipPlan === plan.id);
  expect(stored).toHaveLength(ROWS);
  expect(new Set(stored.map((s) => s.values.ipRequestId)).size).toBe(ROWS);
  expect(await browserStore.read(pendingKey(plan.id))).toBeUndefined();
}, 120_000);
