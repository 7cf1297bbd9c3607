/**
 * Reading who wrote each plan (issue 14's check on every per-plan record) without one request per
 * plan (issue 11's annual report at tens of thousands of plans): reads on the always-indexed Id
 * column, each returning at most 5,000 items, twenty to a $batch.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { idFilters, planOwners } from '../../src/data/sharepoint/planOwners';
import { toPlanItemValues } from '../../src/data/sharepoint/planMapper';
import { dataCall } from '../../src/data/http';
import { emptyPlanContent } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { startTestWorkbench, USERS } from '../workbench/harness';

describe('idFilters', () => {
  it('reads a dense run of ids as ranges of at most 5,000', () => {
    const ids = Array.from({ length: 12_000 }, (_, i) => i + 1);
    expect(idFilters(ids)).toEqual(['Id ge 1 and Id le 5000', 'Id ge 5001 and Id le 10000', 'Id ge 10001 and Id le 12000']);
  });

  it('names a few scattered ids instead of reading thousands of other plans', () => {
    expect(idFilters([9000, 3, 7, 3])).toEqual(['Id eq 3 or Id eq 7', 'Id eq 9000']);
  });

  it('never names more than 40 ids in one read, and every id is read exactly once', () => {
    const ids = Array.from({ length: 300 }, (_, i) => i * 10 + 1);
    const filters = idFilters(ids);
    const named = filters.flatMap((f) => [...f.matchAll(/Id eq (\d+)/g)].map((m) => Number(m[1])));
    expect(filters.every((f) => (f.match(/Id eq/g) ?? []).length <= 40)).toBe(true);
    expect(named.sort((a, b) => a - b)).toEqual(ids);
  });
});

describe('planOwners through the stand-in', () => {
  let wb: Workbench;
  beforeAll(async () => {
    wb = await startTestWorkbench();
    await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.owner) })).ensure();
    const list = wb.store.listByTitle('Involvement plans');
    if (!list) throw new Error('no plans list');
    const base = toPlanItemValues(emptyPlanContent(), '2026-11-23');
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({ ...base, Title: `Plan ${from + i}`, ipRequestId: `o-${from + i}` }));
    wb.store.addItems(list, USERS.priya, rows(6_000, 0));
    wb.store.addItems(list, USERS.tom, rows(6_000, 6_000));
  });
  afterAll(async () => wb.close());

  it("reads 12,000 plans' authors and the team in one $batch, each author as SharePoint set it", async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const ids = Array.from({ length: 12_000 }, (_, i) => i + 1);
    const owners = await planOwners(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.jo) }), ids, (calls) =>
      dataCall('test', calls)
    );
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    fetchSpy.mockRestore();
    expect(owners.authors.size).toBe(12_000);
    expect(owners.authors.get(1)).toBe(USERS.priya);
    expect(owners.authors.get(12_000)).toBe(USERS.tom);
    expect(owners.roster.known).toBe(true);
  });

  it('a plan that does not exist is absent, never given an author', async () => {
    const owners = await planOwners(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.jo) }), [5, 999_999], (calls) =>
      dataCall('test', calls)
    );
    expect([...owners.authors.keys()]).toEqual([5]);
  });
});
