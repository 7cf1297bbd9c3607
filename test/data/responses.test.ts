/**
 * Responses ("Engagement responses") through the real adapter against the workbench stand-in:
 * the list set up indexed on the plan, the row key and the retention date; paged reads filtered
 * on the plan; a 5,000-row import added once through injected 429 and 503 (and again, and after
 * a cut-off); saves at the version read (412); who may add and whose rows count; retention dates
 * and the Purview label applied with SetComplianceTag.
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpResponses, RESPONSE_PAGE_SIZE } from '../../src/data/sharepoint/SpResponses';
import { fileFingerprint, importResponses, readResponsesCsv, responsesToAdd, type CurrentUser, type NewResponse } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { readyPlanContent } from '../domain/fixtures';
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
  const content = readyPlanContent();
  content.project.title = title;
  return (await new SpPlanRepository(sp(USERS.priya)).create(content, priya, `plan-${title}`)).id;
}

const rows = (prefix: string, n: number): NewResponse[] =>
  Array.from({ length: n }, (_v, i) => ({
    rowKey: `${prefix}-${i + 2}`,
    source: 'Imported from survey.csv',
    fields: {
      text: `Response ${i + 2}: the bus stops at six.`,
      place: i % 2 ? 'Hexham' : 'Blyth',
      groups: i % 3 ? [] : ['carers'],
      themeIds: []
    }
  }));

const countItems = async (planId: number): Promise<number> =>
  (
    await sp(USERS.owner).web.lists.getByTitle('Engagement responses').items.select('Id').filter(`ipPlanId eq ${planId}`).top(5000)<
      unknown[]
    >()
  ).length;

it('"Set up lists" creates the responses list, its plan lookup indexed with deletes restricted', async () => {
  expect((await new SpListProvisioner(sp(USERS.owner)).check()).ready).toBe(true);
  const fields = await sp(USERS.owner)
    .web.lists.getByTitle('Engagement responses')
    .fields.select('InternalName', 'Indexed', 'RelationshipDeleteBehavior')<
    Array<{ InternalName: string; Indexed: boolean; RelationshipDeleteBehavior?: number }>
  >();
  expect(fields.filter((f) => f.Indexed && f.InternalName.startsWith('ip')).map((f) => f.InternalName)).toEqual([
    'ipPlan',
    'ipRowKey',
    'ipRetainUntil'
  ]);
  expect(fields.find((f) => f.InternalName === 'ipPlan')?.RelationshipDeleteBehavior).toBe(2); // Restrict
  // Running it again changes nothing.
  expect((await new SpListProvisioner(sp(USERS.owner)).ensure()).ready).toBe(true);
});

it('imports a 5,000-row file once through 429 and 503, again adds nothing, and a cut-off import is finished without duplicates', async () => {
  const id = await newPlan('Big survey');
  const repo = new SpResponses(sp(USERS.priya));
  const all = rows('csv-big', 5000);
  // A cut-off import: the first 1,200 rows landed before the tab closed.
  await repo.addMany(id, all.slice(0, 1200));
  const progress: number[] = [];
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const added = await repo.addMany(id, all, (n) => {
    progress.push(n);
    // Once the import is under way, SharePoint throttles one $batch and is unavailable for the next.
    if (progress.length === 2)
      wb.faults.set([
        { path: '/_api/\\$batch$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 1 },
        { path: '/_api/\\$batch$', methods: ['POST'], unavailable: 1, times: 1 }
      ]);
  });
  const batches = await Promise.all(
    fetchSpy.mock.calls.map(([url], i) =>
      String(url).endsWith('/$batch') ? (fetchSpy.mock.results[i].value as Promise<Response>).then((r) => r.status) : undefined
    )
  );
  expect(batches.filter((b) => b === 429 || b === 503)).toEqual([429, 503]);
  expect(added).toHaveLength(5000);
  expect(progress[progress.length - 1]).toBe(5000);
  expect(new Set(added.map((r) => r.rowKey)).size).toBe(5000);
  // The same file imported again: nothing new.
  const again = await repo.addMany(id, all);
  expect(again.map((r) => r.id)).toEqual(added.map((r) => r.id));
  expect(await countItems(id)).toBe(5000);
}, 120_000);

it('reads a plan’s responses a page at a time, each request filtered on the indexed plan column', async () => {
  const id = await newPlan('Paged survey');
  const other = await newPlan('Other survey');
  const repo = new SpResponses(sp(USERS.priya));
  await repo.addMany(other, rows('csv-other', 3));
  await repo.addMany(id, rows('csv-paged', 1100));
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  const progress: number[] = [];
  const read = await repo.forPlan(id, { onProgress: (n) => progress.push(n) });
  expect(read.responses).toHaveLength(1100);
  expect(progress).toEqual([500, 1000, 1100]);
  const reads = fetchSpy.mock.calls
    .map(([url]) => decodeURIComponent(String(url).replace(/\+/g, ' ')))
    .filter((u) => u.includes('Engagement responses'));
  expect(reads).toHaveLength(3);
  for (const url of reads) {
    expect(url).toContain(`$top=${RESPONSE_PAGE_SIZE}`);
    expect(url).toContain(`ipPlanId eq ${id}`);
  }
});

it('imports the rows a CSV file holds, once, keyed by the file and line', async () => {
  const id = await newPlan('CSV survey');
  const text =
    'Your comments,Where do you live,Group\r\n"Buses stop at six, too early",Hexham,Carers\r\n,Blyth,\r\nMore parking please,Blyth,Martians\r\nOpen later,Alnwick,Age\r\n';
  const file = readResponsesCsv(text);
  const checked = importResponses(file, file.guess);
  expect(checked.problems.map((p) => p.text)).toEqual([
    'Line 3: The response (column "Your comments") is empty.',
    'Line 4: The group "Martians" is not a protected characteristic or inequality group we know, such as "Age" or "Carers".'
  ]);
  const repo = new SpResponses(sp(USERS.priya));
  const toAdd = responsesToAdd('survey.csv', fileFingerprint(text), checked.ready);
  const added = await repo.addMany(id, toAdd);
  expect(added.map((r) => [r.text, r.place, r.groups, r.source])).toEqual([
    ['Buses stop at six, too early', 'Hexham', ['carers'], 'Imported from survey.csv'],
    ['Open later', 'Alnwick', ['age'], 'Imported from survey.csv']
  ]);
  expect(added.map((r) => r.rowKey)).toEqual([`csv-${fileFingerprint(text)}-2`, `csv-${fileFingerprint(text)}-5`]);
  expect(added.every((r) => r.retainUntil === null)).toBe(true);
  await repo.addMany(id, toAdd);
  expect(await countItems(id)).toBe(2);
});

it('saves tags at the version read: a stale save is a conflict and changes nothing', async () => {
  const id = await newPlan('Tagging');
  const repo = new SpResponses(sp(USERS.priya));
  const [r] = await repo.addMany(id, rows('hand-tag', 1));
  const tagged = await repo.save({ ...r, themeIds: ['t-buses', 't-parking'] });
  expect(tagged.themeIds).toEqual(['t-buses', 't-parking']);
  await expect(repo.save({ ...r, themeIds: ['t-other'] })).rejects.toMatchObject({ kind: 'conflict' });
  expect((await repo.forPlan(id)).responses[0].themeIds).toEqual(['t-buses', 't-parking']);
  // The involvement team tags the lead's responses too.
  const byTeam = await new SpResponses(sp(USERS.jo)).save({ ...tagged, themeIds: ['t-buses'] });
  expect(byTeam.themeIds).toEqual(['t-buses']);
  // Validated before writing: an empty response is refused and nothing is sent.
  const fetchSpy = jest.spyOn(globalThis, 'fetch');
  await expect(repo.save({ ...byTeam, text: '  ' })).rejects.toMatchObject({
    kind: 'invalidRequest',
    detail: 'Write what the person said. (text)'
  });
  expect(fetchSpy).not.toHaveBeenCalled();
});

it('another lead cannot add responses to a plan, and rows they plant with raw REST do not count', async () => {
  const id = await newPlan('Not Tom’s');
  const priyas = new SpResponses(sp(USERS.priya));
  await priyas.addMany(id, rows('csv-own', 2));
  const tom = new SpResponses(sp(USERS.tom));
  await expect(tom.addMany(id, rows('csv-tom', 2))).rejects.toMatchObject({ kind: 'forbidden' });
  // Planted with the raw REST call Tom's browser allows, under one of Priya's next row keys.
  const planted = await sp(USERS.tom).web.lists.getByTitle('Engagement responses').items.add({
    Title: 'Planted',
    ipPlanId: id,
    ipRowKey: 'csv-own2-2',
    ipResponse: 'Everything is perfect',
    ipThemeIds: '[]',
    ipGroups: '[]'
  });
  for (const user of [USERS.priya, USERS.jo]) {
    const read = await new SpResponses(sp(user)).forPlan(id);
    expect(read.responses.map((r) => r.text)).not.toContain('Everything is perfect');
    expect(read.ignored.map((i) => i.itemId)).toEqual([(planted as { Id: number }).Id]);
  }
  // The planted key never stops Priya's own row being added.
  const after = await priyas.addMany(id, rows('csv-own2', 1));
  expect(after.map((r) => r.rowKey)).toContain('csv-own2-2');
  // Tom cannot change Priya's response either.
  const [mine] = after;
  await expect(tom.save({ ...mine, text: 'Changed by Tom' })).rejects.toMatchObject({ kind: 'forbidden' });
});

it('after the plan closes, a lead’s later change does not count; the team stamps the retention date and the Purview label', async () => {
  const id = await newPlan('Closed survey');
  const lead = new SpResponses(sp(USERS.priya));
  const added = await lead.addMany(id, rows('csv-closed', 3));
  const team = new SpResponses(sp(USERS.jo));
  const stamped = await team.applyRetention(id, '2032-07-05', 'NHS engagement record – 5 years');
  expect(stamped).toBe(3);
  const closedAt = new Date().toISOString();
  const read = await team.forPlan(id, { closedAt });
  expect(read.responses.map((r) => r.retainUntil)).toEqual(['2032-07-05', '2032-07-05', '2032-07-05']);
  // The label is applied to each item, as SharePoint's SetComplianceTag records it.
  const tags = await Promise.all(
    added.map((r) =>
      sp(USERS.owner).web.lists.getByTitle('Engagement responses').items.getById(r.id).select('_ComplianceTag')<Record<string, string>>()
    )
  );
  // (SharePoint answers a column whose name starts with "_" as "OData_" and the name.)
  expect(tags.map((t) => t._ComplianceTag ?? t.OData__ComplianceTag)).toEqual(Array(3).fill('NHS engagement record – 5 years'));
  // Stamping again changes nothing.
  expect(await team.applyRetention(id, '2032-07-05', '')).toBe(0);
  // The lead changes a response after the plan closed: it no longer counts.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const [first] = read.responses;
  await lead.save({ ...first, text: 'Rewritten after closing' });
  const after = await team.forPlan(id, { closedAt });
  expect(after.responses.map((r) => r.text)).not.toContain('Rewritten after closing');
  expect(after.ignored).toEqual([
    { itemId: first.id, reason: 'It was changed after the plan closed by someone not in the involvement team.' }
  ]);
});

it('a Purview label refused for one response is applied when the team next opens the plan; its date is not written twice', async () => {
  const id = await newPlan('Labelled survey');
  await new SpResponses(sp(USERS.priya)).addMany(id, rows('csv-label', 3));
  const team = new SpResponses(sp(USERS.jo));
  // SharePoint is unavailable for one SetComplianceTag part of the $batch; the other parts still run.
  wb.faults.set([{ path: 'SetComplianceTag$', methods: ['POST'], unavailable: 1, times: 1, inBatch: true }]);
  expect(await team.applyRetention(id, '2032-07-05', 'NHS engagement record – 5 years')).toBe(3);
  const labels = async (): Promise<string[]> =>
    (
      await sp(USERS.owner)
        .web.lists.getByTitle('Engagement responses')
        .items.select('Id', '_ComplianceTag')
        .filter(`ipPlanId eq ${id}`)
        .orderBy('Id', true)<Array<Record<string, string | null>>>()
    ).map((t) => t._ComplianceTag ?? t.OData__ComplianceTag ?? '');
  expect((await labels()).filter((t) => t === '')).toHaveLength(1);
  // Every date is stamped, but the next visit still applies the missing label, and only that.
  expect(await team.applyRetention(id, '2032-07-05', 'NHS engagement record – 5 years')).toBe(1);
  expect(await labels()).toEqual(Array(3).fill('NHS engagement record – 5 years'));
  expect((await team.forPlan(id)).responses.map((r) => r.retainUntil)).toEqual(Array(3).fill('2032-07-05'));
  expect(await team.applyRetention(id, '2032-07-05', 'NHS engagement record – 5 years')).toBe(0);
  // A different label named later never replaces one already applied (records management's, say).
  expect(await team.applyRetention(id, '2032-07-05', 'Complaint hold – 10 years')).toBe(0);
  expect(await labels()).toEqual(Array(3).fill('NHS engagement record – 5 years'));
});
