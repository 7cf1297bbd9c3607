/**
 * The organisation's involvement settings in the "Involvement settings" list, through the
 * workbench stand-in: defaults until saved, saved at the version read (412 → conflict), who
 * changed what as SharePoint records it (Author, Created), team-only writes, and a stored value
 * that is not valid taking its default without losing the others.
 */
import { spForUrl } from '../../src/data/client';
import { SpInvolvementSettingsStore, SETTINGS_CHANGE_ITEM, SETTINGS_ITEM } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { DEFAULT_SETTINGS, isDataError } from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { spAs, startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const storeAs = (user: number) => new SpInvolvementSettingsStore(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) }));
const settingsItems = async () =>
  spAs(wb, USERS.owner).web.lists.getByTitle('Involvement settings').items.select('Id', 'Title', 'ipValue')<
    Array<{ Id: number; Title: string; ipValue: string }>
  >();

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
});
afterAll(async () => wb.close());

it('reads the defaults, with no version, before anything is saved', async () => {
  const read = await storeAs(USERS.priya).read();
  expect(read).toEqual({ settings: DEFAULT_SETTINGS, version: undefined, problems: [] });
  expect(await storeAs(USERS.jo).history()).toEqual([]);
});

it('saves at the version read, and records who changed what as SharePoint says', async () => {
  const first = await storeAs(USERS.jo).save({ ...DEFAULT_SETTINGS, planningLeadWeeks: 8 }, undefined);
  expect(first.settings.planningLeadWeeks).toBe(8);
  expect(first.version).toBeTruthy();
  const second = await storeAs(USERS.owner).save({ ...first.settings, engagementMinimumMonths: 5 }, first.version);
  expect((await storeAs(USERS.priya).read()).settings).toMatchObject({ planningLeadWeeks: 8, engagementMinimumMonths: 5 });
  expect(second.changeNotRecorded).toBeUndefined();
  const history = await storeAs(USERS.jo).history();
  expect(history.map((h) => [h.by?.displayName, h.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)])).toEqual([
    ['Sam Okafor (Sample)', ['Shortest programme for engagement without formal consultation: 4 months → 5 months']],
    ['Jo Bennett (Sample)', ['Weeks of planning before speaking to people: 6 weeks → 8 weeks']]
  ]);
  expect(history.every((h) => !h.unrecorded && !Number.isNaN(Date.parse(h.at)))).toBe(true);
});

it('never overwrites a save made since the version was read (412 → conflict)', async () => {
  const read = await storeAs(USERS.jo).read();
  await storeAs(USERS.owner).save({ ...read.settings, reportDueWeeksAfterClose: 10 }, read.version);
  const stale = await storeAs(USERS.jo)
    .save({ ...read.settings, planningLeadWeeks: 7 }, read.version)
    .then(
      () => undefined,
      (e: unknown) => e
    );
  expect(isDataError(stale, 'conflict')).toBe(true);
  expect((await storeAs(USERS.jo).read()).settings).toMatchObject({ reportDueWeeksAfterClose: 10, planningLeadWeeks: 8 });
  // Saving "for the first time" when someone already has is a conflict too.
  expect(
    isDataError(
      await storeAs(USERS.jo)
        .save(DEFAULT_SETTINGS, undefined)
        .catch((e: unknown) => e),
      'conflict'
    )
  ).toBe(true);
});

it('refuses values that are not valid before writing anything', async () => {
  const before = (await settingsItems()).length;
  const error = await storeAs(USERS.jo)
    .save({ ...DEFAULT_SETTINGS, planningLeadWeeks: 60 }, (await storeAs(USERS.jo).read()).version)
    .catch((e: unknown) => e);
  expect(isDataError(error, 'invalidRequest')).toBe(true);
  expect((await settingsItems()).length).toBe(before);
});

it('lets only the involvement team and site owners change the settings', async () => {
  const read = await storeAs(USERS.priya).read();
  const error = await storeAs(USERS.priya)
    .save({ ...read.settings, planningLeadWeeks: 12 }, read.version)
    .catch((e: unknown) => e);
  expect(isDataError(error, 'forbidden')).toBe(true);
  expect((await storeAs(USERS.priya).read()).settings.planningLeadWeeks).toBe(8);
});

it('a stored value that is not valid takes its default and is reported; the others are kept', async () => {
  const item = (await settingsItems()).find((i) => i.Title === SETTINGS_ITEM);
  const stored = JSON.parse(item!.ipValue) as Record<string, unknown>;
  await spAs(wb, USERS.owner)
    .web.lists.getByTitle('Involvement settings')
    .items.getById(item!.Id)
    .update({ ipValue: JSON.stringify({ ...stored, consultationMinimumWeeks: 'four' }) });
  const read = await storeAs(USERS.priya).read();
  expect(read.settings).toMatchObject({ planningLeadWeeks: 8, consultationMinimumWeeks: DEFAULT_SETTINGS.consultationMinimumWeeks });
  expect(read.problems.map((p) => p.path)).toEqual(['consultationMinimumWeeks']);
});

it('shows a change whose record could not be written as not recorded, with who saved it', async () => {
  const read = await storeAs(USERS.jo).read();
  const changes = (await settingsItems()).filter((i) => i.Title === SETTINGS_CHANGE_ITEM).length;
  // The record of the change (a second add) fails; the settings themselves are saved.
  wb.faults.set([{ path: '/items$', methods: ['POST'], unavailable: 1, times: 20 }]);
  const saved = await storeAs(USERS.jo).save({ ...read.settings, proposedConsultationWeeks: 10 }, read.version);
  wb.faults.set([]);
  expect(saved.settings.proposedConsultationWeeks).toBe(10);
  expect(saved.changeNotRecorded).toBeTruthy();
  expect((await settingsItems()).filter((i) => i.Title === SETTINGS_CHANGE_ITEM)).toHaveLength(changes);
  const [latest] = await storeAs(USERS.jo).history();
  expect(latest).toMatchObject({ unrecorded: true, by: { displayName: 'Jo Bennett (Sample)' } });
  expect(latest.changes.map((c) => c.key)).toContain('proposedConsultationWeeks');
});
