/**
 * A plan's stakeholder map and the team's shared list through the real adapters against the
 * workbench stand-in: paged reads, adds that are safe to retry, version conflicts, permissions.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import {
  SpSharedStakeholderRepository,
  SpStakeholderRepository,
  STAKEHOLDER_PAGE_SIZE
} from '../../src/data/sharepoint/SpStakeholderRepository';
import { emptyStakeholderFields, moveStakeholder, type CurrentUser, type NewStakeholder } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { completePlanContent } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const sp = (u: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(u) });
const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};
const newOnes = (prefix: string, n: number): NewStakeholder[] =>
  Array.from({ length: n }, (_v, i) => ({
    requestId: `${prefix}-${i}`,
    fields: {
      ...emptyStakeholderFields(),
      name: `${prefix} stakeholder ${String(i).padStart(3, '0')}`,
      quadrant: i % 2 ? 'monitor' : null
    },
    history: []
  }));

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
});
afterAll(async () => wb.close());
afterEach(() => {
  wb.faults.set([]);
  jest.restoreAllMocks();
});

async function newPlan(title: string): Promise<number> {
  const content = completePlanContent();
  content.project.title = title;
  return (await new SpPlanRepository(sp(USERS.priya)).create(content, priya, `plan-${title}`)).id;
}

it('loads a map of 2,050 in two pages (2,000 in one request), each request bounded and filtered on the indexed plan column', async () => {
  const id = await newPlan('Big map');
  const other = await newPlan('Other map');
  const repo = new SpStakeholderRepository(sp(USERS.priya));
  await repo.addMany(other, newOnes('other', 3));
  await repo.addMany(id, newOnes('big', 2050));
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const progress: number[] = [];
  const map = await repo.listForPlan(id, (n) => progress.push(n));
  expect(map).toHaveLength(2050);
  expect(map.every((s) => s.planId === id)).toBe(true);
  // A map of 2,000 is one request (issue 12); past that, the next page.
  expect(progress).toEqual([2000, 2050]);
  // The first page rides in one $batch with whose map it is (the plan's author, the team's members).
  const decoded = (url: string): string => decodeURIComponent(url.replace(/\+/g, ' '));
  const requests = fetchSpy.mock.calls.map(([url, init]) =>
    typeof init?.body === 'string' && String(url).endsWith('/$batch')
      ? [...init.body.matchAll(/^GET (\S+) HTTP\/1\.1/gm)].map((m) => decoded(m[1]))
      : [decoded(String(url))]
  );
  expect(requests).toHaveLength(2);
  expect(requests[0].filter((u) => u.includes('Plan stakeholders'))).toHaveLength(1);
  expect(requests[0].some((u) => u.includes('Involvement plans') && u.includes('AuthorId'))).toBe(true);
  const reads = requests.flat().filter((u) => u.includes('Plan stakeholders'));
  expect(reads).toHaveLength(Math.ceil(2050 / STAKEHOLDER_PAGE_SIZE));
  expect(reads[1]).toContain(`Id gt `);
  for (const url of reads) {
    expect(url).toMatch(/\$top=2000/);
    expect(url).toContain(`ipPlanId eq ${id}`);
  }
});

it('adds in batches, survives throttling and outages, and never adds twice when retried', async () => {
  const id = await newPlan('Retry map');
  const repo = new SpStakeholderRepository(sp(USERS.priya));
  wb.faults.set([
    { path: '/_api/\\$batch$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 1 },
    { path: '/_api/\\$batch$', methods: ['POST'], unavailable: 1, times: 1 }
  ]);
  const items = newOnes('retry', 60);
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const added = await repo.addMany(id, items);
  // The throttled and the unavailable batch were refused; the retries went through.
  const batches = await Promise.all(
    fetchSpy.mock.calls.map(([url], i) =>
      String(url).endsWith('/$batch') ? (fetchSpy.mock.results[i].value as Promise<Response>).then((r) => r.status) : undefined
    )
  );
  expect(batches.filter((b) => b !== undefined).slice(0, 3)).toEqual([429, 503, 200]);
  expect(added.map((s) => s.name)).toEqual(items.map((i) => i.fields.name));
  // The same request again (a reload, a second click): nothing new.
  const again = await repo.addMany(id, items);
  expect(again.map((s) => s.id)).toEqual(added.map((s) => s.id));
  expect(await repo.listForPlan(id)).toHaveLength(60);
});

it('saves a move with its history, and refuses a stale save (412) without overwriting', async () => {
  const id = await newPlan('Conflict map');
  const repo = new SpStakeholderRepository(sp(USERS.priya));
  const [s] = await repo.addMany(id, newOnes('conflict', 1));
  const moved = await repo.save(moveStakeholder(s, 'manageClosely', 'Priya', '2027-01-05T10:00:00.000Z', 'Wants to co-design'));
  expect(moved).toMatchObject({
    quadrant: 'manageClosely',
    history: [{ from: null, to: 'manageClosely', reason: 'Wants to co-design', by: 'Priya' }]
  });
  await expect(repo.save(moveStakeholder(s, 'monitor', 'Priya', '2027-01-06T10:00:00.000Z'))).rejects.toMatchObject({ kind: 'conflict' });
  expect((await repo.listForPlan(id))[0].quadrant).toBe('manageClosely');
  await expect(repo.remove(s.id, s.version as string)).rejects.toMatchObject({ kind: 'conflict' });
  await repo.remove(moved.id, moved.version as string);
  expect(await repo.listForPlan(id)).toEqual([]);
});

it('lets only the involvement team change the shared list; everyone on the site reads it', async () => {
  const team = new SpSharedStakeholderRepository(sp(USERS.jo));
  const entry = await team.add(
    {
      name: 'Sample Deaf Centre',
      kind: 'organisation',
      catalogueEntry: 'community-organisations',
      email: 'hello@deaf-sample.org.uk',
      reaches: ['disability'],
      notes: ''
    },
    'shared-deaf'
  );
  expect(await team.add({ ...entry, id: undefined }, 'shared-deaf')).toMatchObject({ id: entry.id });
  const asLead = new SpSharedStakeholderRepository(sp(USERS.priya));
  expect((await asLead.list()).find((e) => e.id === entry.id)).toMatchObject({ name: 'Sample Deaf Centre', reaches: ['disability'] });
  await expect(asLead.add({ ...entry, id: undefined, name: 'Not allowed' }, 'lead-add')).rejects.toMatchObject({ kind: 'forbidden' });
  const saved = await team.save({ ...entry, notes: 'Runs a monthly BSL café' });
  expect(saved.notes).toBe('Runs a monthly BSL café');
  await expect(team.save({ ...entry, notes: 'stale' })).rejects.toMatchObject({ kind: 'conflict' });
  await team.remove(saved.id, saved.version as string);
  expect((await asLead.list()).some((e) => e.id === entry.id)).toBe(false);
});

it('reads the map and whose map it is in one $batch; a failed part of it fails the read, never a map with entries missing or set aside wrongly', async () => {
  const id = await newPlan('Part failures');
  const repo = new SpStakeholderRepository(sp(USERS.priya));
  await repo.addMany(id, newOnes('parts', 3));
  for (const path of ["Plan%20stakeholders'\\)/items$", "Involvement%20plans'\\)/items$"]) {
    const before = wb.faults.injected()['429'] ?? 0;
    wb.faults.set([{ path, methods: ['GET'], inBatch: true, throttle: 1, retryAfterSeconds: 2, times: 1 }]);
    await expect(repo.listForPlanChecked(id)).rejects.toMatchObject({ kind: 'throttled', retryAfterMs: 2000 });
    expect(wb.faults.injected()['429']).toBe(before + 1);
    wb.faults.set([]);
  }
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const read = await repo.listForPlanChecked(id);
  expect(read.stakeholders).toHaveLength(3);
  expect(read.ignored).toEqual([]);
  expect(fetchSpy.mock.calls.map(([url]) => String(url).replace(/^.*\/_api\//, ''))).toEqual(['$batch']);
});
