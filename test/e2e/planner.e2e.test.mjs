// End-to-end: a project lead plans a real service change from start to "ready" in the workbench,
// through a reload with unsaved changes, injected throttling (429 + Retry-After) and edits from
// a second browser (merged; only a field both changed is asked about); then downloads both Word files and checks their headings;
// axe checks every section of the guide in the light and dark themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { axeViolations, freePort, killWorkbench, launchChromium, pageAs, setFaults, startWorkbench, stopWorkbench } from './helpers.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-planner-'));
let port;
let workbench;
let browser;
let page;
let planUrl;
const TITLE = 'E2E: Phlebotomy at the Eastfield community hub';

before(async () => {
  port = await freePort();
  workbench = await startWorkbench(port, join(dataDir, 'workbench.sqlite'));
  browser = await launchChromium();
  page = await pageAs(browser, port, 2);
});

after(async () => {
  await browser?.close();
  if (workbench) await stopWorkbench(workbench).catch(() => killWorkbench(workbench));
  rmSync(dataDir, { recursive: true, force: true });
});

const nav = () => page.getByRole('navigation', { name: 'Sections of the plan' });
const openSection = async (name) => {
  await nav().getByRole('button', { name }).click();
};
const saved = async () => {
  await page
    .getByRole('status')
    .filter({ hasText: /Saved \d\d:\d\d/ })
    .waitFor({ timeout: 30_000 });
};
const fill = async (label, value) => {
  await page.getByLabel(label, { exact: false }).first().fill(value);
};

test('a lead starts a plan and fills in "About the project"', async () => {
  await page.goto(`http://127.0.0.1:${port}/planner.html`);
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.getByRole('textbox', { name: /Project title/ }).fill(TITLE);
  await page.getByRole('textbox', { name: /Organisation leading the project/ }).fill('Sample Community Trust');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await nav().waitFor({ timeout: 60_000 });
  planUrl = page.url();
  assert.match(planUrl, /#plan=\d+$/);
  await fill('The current service', 'Blood tests happen at the hospital outpatients department only.');
  await fill('The focus of this involvement', 'Whether blood tests at the new community hub would work for people.');
  await fill('What we already know', 'Outpatient survey 2025: long waits and parking costs.');
  await fill('In scope', 'Adult blood tests booked by GPs.');
  await fill('Not in scope', 'Blood tests for inpatients.');
  await page.getByRole('radio', { name: 'Place' }).check();
  await fill('Place or neighbourhood', 'Eastfield');
  await page.getByLabel('Date the decision will be made').fill('2027-09-30');
  await fill('The body that will make the decision', 'Trust executive committee');
  await saved();
});

test('a reload returns to the plan, and changes that could not be saved are offered back', async () => {
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  assert.equal(
    await page.getByLabel('The current service').inputValue(),
    'Blood tests happen at the hospital outpatients department only.'
  );
  // SharePoint fails every save (the MERGE inside the autosave's $batch): the change stays on this device.
  await setFaults(port, [{ path: '/_api/web/lists/.*/items\\(\\d+\\)$', methods: ['MERGE'], inBatch: true, unavailable: 1, times: 100 }]);
  await fill('Clinical lead', 'Dr Sample Haematologist');
  await page
    .getByRole('status')
    .filter({ hasText: /Not saved — retrying/ })
    .waitFor({ timeout: 30_000 });
  await page.reload();
  await setFaults(port, []);
  await page.getByRole('button', { name: 'Restore my changes' }).click();
  assert.equal(await page.getByLabel('Clinical lead').inputValue(), 'Dr Sample Haematologist');
  await saved();
});

test('saves get through SharePoint throttling (429 + Retry-After)', async () => {
  // The save (the MERGE inside the autosave's $batch) is throttled three times, each with Retry-After.
  await setFaults(port, [
    { path: '/_api/web/lists/.*/items\\(\\d+\\)$', methods: ['MERGE'], inBatch: true, throttle: 1, retryAfterSeconds: 1, times: 3 }
  ]);
  await openSection(/Objectives/);
  await fill('What we want to understand', 'What would make blood tests at the hub easy to get to and book.');
  await page.getByRole('button', { name: 'Add a decision' }).click();
  await page.getByLabel('Decision 1').fill('Whether to open a phlebotomy clinic at the Eastfield hub');
  await saved();
  await setFaults(port, []);
});

test('the level of engagement is recommended from the triage answers', async () => {
  await openSection(/Level of engagement/);
  // The ten triage questions come first; only "does it change what, where or how" is a yes.
  const questions = page.getByRole('radiogroup');
  for (let i = 0; i < 10; i += 1) {
    const group = questions.nth(i);
    const name = await group.getAttribute('aria-labelledby').then((id) => page.locator(`[id="${id}"]`).textContent());
    await group.getByRole('radio', { name: /change what services are provided/.test(name ?? '') ? 'Yes' : 'No', exact: true }).check();
  }
  // Until the level-choosing questions are answered, no level is recommended.
  await page.getByRole('heading', { name: 'Recommended level: not known yet' }).waitFor();
  const answer = async (question, option) => {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option, exact: true }).check();
  };
  await answer(/What do you want from people\?/, 'To work with them on the options and the preferred one');
  await answer(/How far has the change got\?/, 'Developing the options');
  await answer(/How many people, and how wide a range of people/, 'Many people, or several groups');
  await answer(/Are the money, people and time for the engagement agreed\?/, 'Yes, agreed');
  await page.getByRole('heading', { name: 'Recommended level: Involving' }).waitFor();
  await page.getByRole('radio', { name: /^Involving:/ }).check();
  await saved();
});

test('the timeline is proposed backward from the decision date, shown as a chart and a table', async () => {
  await openSection(/Timeline/);
  await page.getByRole('button', { name: /Propose dates from the decision date/ }).click();
  await page.getByRole('img', { name: /Timeline chart from/ }).waitFor();
  const table = page.getByRole('table', { name: /Timeline: the 9 steps/ });
  assert.equal(await table.getByLabel('Step 8 ends').inputValue(), '2027-09-30');
  await saved();
});

test("a site owner changes the planning lead time on the dashboard, and the lead's timeline warnings follow it", async () => {
  const warning = page.getByText(/of planning before you start speaking to people\. Allow at least 17 weeks\./);
  assert.equal(await warning.count(), 0);
  const owner = await pageAs(browser, port, 1);
  await owner.goto(`http://127.0.0.1:${port}/dashboard.html#settings`);
  const lead = owner.getByRole('spinbutton', { name: /Weeks of planning before speaking to people/ });
  await lead.waitFor({ timeout: 60_000 });
  // A bad value is explained and nothing is saved.
  await lead.fill('60');
  await owner.getByRole('button', { name: 'Save the settings' }).click();
  await owner.getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
  await lead.fill('17');
  await owner.getByRole('button', { name: 'Save the settings' }).click();
  await owner.getByText('Settings saved').waitFor({ timeout: 30_000 });
  const history = owner.getByRole('list', { name: 'Changes to the settings, newest first' });
  await history.getByText(/6 weeks → 17 weeks/).waitFor({ timeout: 30_000 });
  assert.match(await history.textContent(), /Sample/);
  // The settings page, with its message and history showing, is axe clean (WCAG 2.2 AA).
  assert.deepEqual(await axeViolations(owner), []);

  // The lead's guide reads the saved settings: the proposed dates now fall short of the new lead time.
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  await openSection(/Timeline/);
  await warning.waitFor({ timeout: 30_000 });

  // Back to the default: the warning goes.
  await owner.getByRole('button', { name: /^Reset to the default: Weeks of planning before speaking to people/ }).click();
  await owner.getByRole('button', { name: 'Save the settings' }).click();
  await history.getByText(/17 weeks → 6 weeks/).waitFor({ timeout: 30_000 });
  await owner.context().close();
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  await openSection(/Timeline/);
  await page.getByRole('table', { name: /Timeline: the 9 steps/ }).waitFor();
  assert.equal(await warning.count(), 0);
});

test('methods, budget, equality and the communications plan', async () => {
  await openSection(/Methods and budget/);
  await page.getByLabel('Choose a method to add').selectOption({ label: 'Focus group or workshop' });
  await page.getByRole('button', { name: 'Add method' }).click();
  await fill('Who it is for (audience)', 'People who have blood tests at the hospital');
  await page.getByLabel('Choose a cost to add').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Add cost' }).click();
  await page.getByText('Total budget: £200.00').waitFor();

  await openSection(/Equality/);
  const impacts = page.getByRole('combobox', { name: /^Likely impact on/ });
  assert.equal(await impacts.count(), 13);
  for (let i = 0; i < 13; i += 1) await impacts.nth(i).selectOption({ label: 'Not known yet' });
  await page.getByRole('radio', { name: 'In progress' }).check();

  await openSection(/Communications/);
  await fill('Objective', 'Hear from 150 people who use blood tests by June 2027.');
  await page.getByRole('button', { name: 'Add an audience' }).click();
  await page.getByLabel('Audience', { exact: true }).fill('People who have blood tests');
  await page.getByLabel('Key messages').fill('No decision has been made. Tell us what would work for you.');
  await page.getByRole('button', { name: 'Add a measure' }).click();
  await page.getByLabel('Measure (KPI)').fill('People who had a blood test and took part');
  await page.getByLabel('Desired outcome').fill('150 people, including carers and people without a car.');
  await fill('Who leads', 'Outpatients manager (sample)');
  await fill('Who approves', 'Trust executive committee (sample)');
  await saved();
});

test('an EIA link without https:// shows its message, the rest saves, and the plan reopens (issue 15 §2)', async () => {
  await openSection(/Equality/);
  const link = () => page.getByRole('textbox', { name: /Link to the equality impact assessment/ });
  await link().fill('www.example.nhs.uk/eia');
  await page
    .getByRole('status')
    .filter({ hasText: /Saved \d\d:\d\d, except 1 field that needs fixing/ })
    .waitFor({ timeout: 30_000 });
  assert.match(
    await page.getByRole('list', { name: 'Fields not saved yet' }).textContent(),
    /Link to the equality impact assessment \(Equality\): Enter a full web address starting with https:\/\//
  );
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  // The plan opens; what was typed is offered back from this device, with its message.
  await page.getByRole('button', { name: 'Restore my changes' }).click();
  await openSection(/Equality/);
  assert.equal(await link().inputValue(), 'www.example.nhs.uk/eia');
  await link().fill('https://www.example.nhs.uk/eia');
  await page.getByRole('list', { name: 'Fields not saved yet' }).waitFor({ state: 'detached', timeout: 30_000 });
  await page
    .getByRole('status')
    .filter({ hasText: /^\s*Saved \d\d:\d\d$/ })
    .waitFor({ timeout: 30_000 });
});

test('the lead builds the stakeholder map: catalogue, shared list, drag and drop, keyboard, CSV with bad rows', async () => {
  await openSection(/Stakeholder map/);
  const box = (name) => page.getByRole('group', { name });
  const chip = (boxName, name) => box(boxName).getByRole('button', { name, exact: true });

  await page.getByRole('button', { name: 'From the catalogue' }).click();
  await page.getByRole('searchbox', { name: /Search the stakeholder catalogue/ }).fill('health');
  await page.getByRole('checkbox', { name: 'Healthwatch' }).check();
  await page.getByRole('checkbox', { name: 'Health overview and scrutiny committee' }).check();
  await page.getByRole('button', { name: 'Add 2 to the map' }).click();
  await page.getByText('Added 2 stakeholders from the catalogue.', { exact: false }).waitFor();

  await page.getByRole('button', { name: 'From the team’s shared list' }).click();
  await page.getByRole('searchbox', { name: /Search the team’s shared list/ }).fill('refugee');
  await page.getByRole('checkbox', { name: 'Sample Eastfield Refugee Welcome' }).check();
  await page.getByRole('button', { name: 'Add 1 to the map' }).click();
  await page.getByText('Added Sample Eastfield Refugee Welcome from the shared list.', { exact: false }).waitFor();
  await box(/^Not placed yet: 3/).waitFor();

  // Drag and drop with the mouse (the tray and the box both in view, as a user would have them).
  await box(/^Keep satisfied/).scrollIntoViewIfNeeded();
  const from = await chip(/^Not placed yet/, 'Healthwatch').boundingBox();
  const to = await box(/^Keep satisfied/).boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 40, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - 20, { steps: 10 });
  await page.mouse.up();
  await page.getByText('Moved Healthwatch from Not placed yet to Keep satisfied.').waitFor();
  await chip(/^Keep satisfied/, 'Healthwatch').waitFor();

  // The keyboard alone: Enter to pick up, arrows to choose, Enter to place; then a reason.
  await chip(/^Not placed yet/, 'Health overview and scrutiny committee').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await page.getByText('Over Manage closely.', { exact: false }).waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Moved Health overview and scrutiny committee from Not placed yet to Manage closely.').waitFor();
  await page
    .getByRole('textbox', { name: /Why did Health overview and scrutiny committee move/ })
    .fill('The change may be a substantial variation');
  await page.getByRole('button', { name: 'Save reason' }).click();
  await page.getByText('Reason saved in the history.').waitFor();
  await chip(/^Not placed yet/, 'Sample Eastfield Refugee Welcome').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await chip(/^Keep informed/, 'Sample Eastfield Refugee Welcome').waitFor();

  // CSV: two bad rows are reported by line and reason; only the good rows are added.
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const csv = [
    'Name,Type,Email,May contact,Lawful basis,Grid box,Reaches,Methods',
    'Eastfield Young Carers,group,,no,,Keep informed,Carers;Age,Focus group or workshop',
    'Dr Sample Partner,person,not-an-email,yes,,Manage closely,,Interview or conversation',
    'Eastfield Maternity Voices,group,,no,,Manage closely,Pregnancy and maternity;Sex,Interview or conversation',
    'Eastfield Interfaith Forum,group,,no,,Somewhere,,',
    'Eastfield Disability Network,organisation,,no,,Keep satisfied,Disability;Race,Survey (online or paper)'
  ].join('\r\n');
  await page.locator('input[type="file"]').setInputFiles({ name: 'eastfield.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const problems = page.getByRole('list', { name: 'Problems in the file' });
  await problems.waitFor();
  const text = await problems.textContent();
  assert.match(text, /Line 3: Email: Enter an email address like name@nhs\.net\./);
  assert.match(text, /Line 3: Lawful basis: Say the lawful basis/);
  assert.match(text, /Line 5: Grid box "Somewhere" should be/);
  await page.getByRole('button', { name: 'Add the 3 good rows and leave out the rest' }).click();
  await page.getByText('Added 3 stakeholders from the file.', { exact: false }).waitFor();
  await chip(/^Manage closely/, 'Eastfield Maternity Voices').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Dr Sample Partner', exact: true }).count(), 0);
});

test('per-stakeholder engagement, and the gaps in who we hear from reach the checklist', async () => {
  await page.getByRole('button', { name: 'Sample Eastfield Refugee Welcome: details and history' }).click();
  const details = page.getByRole('region', { name: 'Sample Eastfield Refugee Welcome: details' });
  await details.getByRole('checkbox', { name: 'Community engagement or outreach' }).check();
  await details.getByLabel('Channel').fill('Tuesday drop-in at the welcome centre');
  await details.getByLabel('Audience in the communications plan').selectOption('People who have blood tests');
  await details.getByRole('button', { name: 'Save changes' }).click();
  await page
    .getByRole('table', { name: 'Who we are not hearing from' })
    .getByRole('row', { name: /^Asylum seekers and refugees Sample Eastfield Refugee Welcome Community engagement or outreach Reached/ })
    .waitFor();

  await openSection(/Review/);
  const gap = page.getByRole('button', {
    name: 'Gender reassignment: No one on the map reaches this group. Add a stakeholder who does, or say what you will do about it.'
  });
  await gap.click();
  const note = page.getByRole('textbox', { name: 'What we will do about gender reassignment' });
  assert.ok(await note.evaluate((el) => el === document.activeElement));
  const notes = page.getByRole('textbox', { name: /^What we will do about/ });
  const count = await notes.count();
  assert.ok(count >= 3, `expected several gaps, found ${count}`);
  for (let i = 0; i < count; i += 1) await notes.nth(i).fill('Ask the VCSE alliance to share the survey with its members (sample).');
  await saved();
  await openSection(/Review/);
  await page.getByText('Everything the involvement team needs is filled in.').waitFor();

  // axe on the editable map with a stakeholder's details open, in every theme.
  await openSection(/Stakeholder map/);
  await page.getByRole('button', { name: 'Healthwatch: details and history' }).click();
  assert.deepEqual(await axeViolations(page), []);
  for (const theme of ['teamsDark', 'teamsContrast']) {
    const themed = await pageAs(browser, port, 2, theme);
    await themed.goto(planUrl);
    await themed
      .getByRole('navigation', { name: 'Sections of the plan' })
      .getByRole('button', { name: /Stakeholder map/ })
      .click();
    await themed.getByRole('heading', { name: 'Power and interest grid' }).waitFor({ timeout: 60_000 });
    await themed.getByRole('button', { name: 'Healthwatch: details and history' }).click();
    assert.deepEqual(await axeViolations(themed), [], theme);
    await themed.context().close();
  }

  // The map and its history survive a reload.
  await page.reload();
  await openSection(/Stakeholder map/);
  await page.getByRole('button', { name: 'Health overview and scrutiny committee: details and history' }).click();
  const history = page.getByRole('region', { name: 'History of Health overview and scrutiny committee on the grid' });
  assert.match(await history.textContent(), /Not placed yet → Manage closely\. Why: The change may be a substantial variation/);
});

test("an edit from another browser is merged: both people's fields are kept, and only a field both changed is asked about", async () => {
  const editElsewhere = async (label, value) => {
    const other = await pageAs(browser, port, 2);
    await other.goto(planUrl);
    await other.getByLabel(label).first().fill(value);
    await other
      .getByRole('status')
      .filter({ hasText: /Saved \d\d:\d\d/ })
      .waitFor({ timeout: 30_000 });
    await other.context().close();
  };
  // Different fields: both kept, nobody asked.
  await editElsewhere('The focus of this involvement', 'Changed in another browser.');
  await openSection(/About the project/);
  await fill('Not in scope', "Children's blood tests.");
  await saved();
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  await openSection(/About the project/);
  assert.equal(await page.getByLabel('The focus of this involvement').first().inputValue(), 'Changed in another browser.');
  assert.equal(await page.getByLabel('Not in scope').first().inputValue(), "Children's blood tests.");

  // The same field: the lead is asked, by the field's on-screen name.
  await editElsewhere('What we already know', 'Their summary of the outpatient survey.');
  await fill('What we already know', 'My summary of the outpatient survey.');
  await fill('In scope', 'Adult blood tests booked by GPs and by practice nurses.');
  await page.getByText('Someone else saved this plan while you were working').waitFor({ timeout: 30_000 });
  const differences = page.getByRole('list', { name: 'Fields that differ' });
  assert.match(
    await differences.textContent(),
    /What we already know.*yours “My summary of the outpatient survey\.”, theirs “Their summary/
  );
  assert.doesNotMatch(await differences.textContent(), /In scope|project\./);
  await page.getByRole('button', { name: 'Keep my changes' }).click();
  await saved();
  await page.reload();
  await nav().waitFor({ timeout: 60_000 });
  await openSection(/About the project/);
  assert.equal(await page.getByLabel('What we already know').first().inputValue(), 'My summary of the outpatient survey.');
  assert.equal(await page.getByLabel('In scope').first().inputValue(), 'Adult blood tests booked by GPs and by practice nurses.');
  assert.equal(await page.getByLabel('The focus of this involvement').first().inputValue(), 'Changed in another browser.');
});

test('the plan reaches "ready to submit"', async () => {
  await openSection(/Review/);
  await page.getByText('Everything the involvement team needs is filled in.').waitFor();
  await page.getByRole('button', { name: 'Mark as ready to submit' }).click();
  await page.getByText('Ready to submit').waitFor();
  await saved();
});

test("the lead submits with one click through SharePoint and Teams faults; the card reaches the team's channel exactly once", async () => {
  await setFaults(port, [
    // SharePoint: the plan's reads throttled, its status write throttled and then unavailable (issue 15 §3).
    { path: '/_api/web/lists/.*/items', methods: ['GET'], throttle: 1, retryAfterSeconds: 1, times: 2 },
    { path: '/_api/web/lists/.*/items\\(\\d+\\)$', methods: ['POST'], throttle: 1, retryAfterSeconds: 1, times: 1 },
    { path: '/_api/web/lists/.*/items\\(\\d+\\)$', methods: ['POST'], unavailable: 1, times: 1 },
    { path: '/graph/v1.0/teams/.*/messages$', methods: ['POST'], throttle: 1, retryAfterSeconds: 1, times: 1 },
    { path: '/graph/v1.0/teams/.*/messages$', methods: ['POST'], unavailable: 1, times: 1 }
  ]);
  await page.getByRole('button', { name: 'Submit to the involvement team' }).click();
  await page.getByText(/Read only: the involvement team has this plan/).waitFor({ timeout: 60_000 });
  await page.getByText(/The involvement team was told in Teams/).waitFor({ timeout: 60_000 });
  // No extra clicks: nothing asked the lead to try again.
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0);
  await setFaults(port, []);
  const channel = await pageAs(browser, port, 4);
  await channel.goto(`http://127.0.0.1:${port}/channel.html`);
  const card = channel.getByRole('listitem').filter({ hasText: TITLE });
  await card.first().waitFor({ timeout: 60_000 });
  assert.equal(await card.count(), 1);
  assert.match(await card.textContent(), /New involvement plan submitted/);
  assert.match(await card.textContent(), /Priya Shah \(Sample\)/);
  assert.deepEqual(await axeViolations(channel), []);
  await channel.context().close();
});

test('the involvement team books scoping, assigns a lead and asks for changes; the lead resubmits; the team accepts', async () => {
  const planId = Number(/#plan=(\d+)/.exec(planUrl)[1]);
  const team = await pageAs(browser, port, 4);
  await team.goto(`http://127.0.0.1:${port}/dashboard.html#review=${planId}`);
  await team.getByRole('list', { name: 'Plan history' }).waitFor({ timeout: 60_000 });
  await team.getByLabel('Date and time').fill('2027-01-12T10:00');
  await team.getByLabel('Other people to invite').fill('not an address');
  await team.getByRole('button', { name: 'Book the scoping meeting in Teams' }).click();
  await team.getByText('These are not email addresses: not an address. Separate addresses with commas.').waitFor();
  await team.getByLabel('Other people to invite').fill('healthwatch@example.org');
  // Booking opens Teams' own "new meeting" form (a popup here) and records the booking in the history.
  const popup = team.waitForEvent('popup');
  await team.getByRole('button', { name: 'Book the scoping meeting in Teams' }).click();
  await team.getByText('Scoping meeting booked.').waitFor();
  await (await popup).close();
  const meeting = new URL(await team.getByRole('link', { name: 'open the meeting form in Teams' }).getAttribute('href'));
  assert.equal(meeting.origin + meeting.pathname, 'https://teams.microsoft.com/l/meeting/new');
  assert.equal(meeting.searchParams.get('subject'), `Scoping meeting: ${TITLE}`);
  assert.equal(meeting.searchParams.get('startTime'), new Date('2027-01-12T10:00').toISOString());
  assert.equal(meeting.searchParams.get('endTime'), new Date('2027-01-12T11:00').toISOString());
  assert.match(meeting.searchParams.get('attendees'), /healthwatch@example\.org/);
  assert.match(meeting.searchParams.get('content'), new RegExp(`#review=${planId}`));
  await team.getByText(/Scoping meeting: 12 January 2027/).waitFor();
  await team.getByLabel('Assign the involvement lead').selectOption({ label: 'Jo Bennett (Sample)' });
  await team.getByRole('button', { name: 'Assign' }).click();
  await team.getByText('Jo Bennett (Sample) is the involvement lead.').waitFor();
  await team.getByRole('button', { name: 'Accept' }).click();
  await team
    .getByRole('alert')
    .filter({ hasText: 'Assign an involvement lead and confirm the level of engagement before accepting.' })
    .waitFor();
  await team.getByLabel('Comment for the project lead').fill('Please add carers as an audience.');
  // The lead is told in the card's thread, exactly once, through throttling and an outage.
  await setFaults(port, [
    { path: '/graph/v1.0/teams/.*/replies$', methods: ['POST'], throttle: 1, retryAfterSeconds: 1, times: 1 },
    { path: '/graph/v1.0/teams/.*/replies$', methods: ['POST'], unavailable: 1, times: 1 }
  ]);
  await team.getByRole('button', { name: 'Request changes' }).click();
  await team.getByText('Changes requested: the plan is back with the project lead.').waitFor();
  await team.getByText(/Priya Shah \(Sample\) was told in Teams/).waitFor({ timeout: 60_000 });
  await setFaults(port, []);
  const channel = await pageAs(browser, port, 4);
  await channel.goto(`http://127.0.0.1:${port}/channel.html`);
  const thread = channel.getByRole('listitem').filter({ hasText: TITLE }).first().getByRole('list', { name: 'Replies' });
  await thread.waitFor({ timeout: 60_000 });
  const replies = thread.getByRole('listitem');
  assert.equal(await replies.count(), 1);
  assert.match(await replies.first().textContent(), /@Priya Shah \(Sample\)/);
  assert.match(await replies.first().textContent(), /Jo Bennett \(Sample\) asked for changes to your plan/);
  assert.match(await replies.first().textContent(), /Please add carers as an audience\./);
  await channel.context().close();

  await page.goto(planUrl);
  await page.reload();
  await page.getByText('The involvement team asked for changes').waitFor({ timeout: 60_000 });
  assert.match(await page.getByText(/Please add carers as an audience/).textContent(), /Jo Bennett/);
  await openSection(/Communications/);
  await page.getByRole('button', { name: 'Add an audience' }).click();
  await page.getByLabel('Audience', { exact: true }).nth(1).fill('Carers');
  await page.getByLabel('Key messages').nth(1).fill('Tell us what would help you and the person you care for.');
  await saved();
  await openSection(/Review/);
  await page.getByRole('button', { name: 'Mark as ready to submit' }).click();
  await saved();
  await page.getByRole('button', { name: 'Resubmit to the involvement team' }).click();
  await page.getByText(/Read only: the involvement team has this plan/).waitFor({ timeout: 30_000 });

  await team.reload();
  await team.getByRole('list', { name: 'Plan history' }).waitFor({ timeout: 60_000 });
  await team.getByLabel('Confirm the level').selectOption({ label: 'Involve' });
  await team.getByRole('button', { name: 'Confirm level' }).click();
  await team.getByText('Level confirmed.').waitFor();
  await team.getByRole('button', { name: 'Accept' }).click();
  await team.getByText('Plan accepted.').waitFor();
  // The review reads the plan again after the decision (and after telling the lead).
  await team
    .getByRole('list', { name: 'Plan history' })
    .getByText(/Submitted → Accepted/)
    .waitFor({ timeout: 60_000 });
  await team.getByText(/Priya Shah \(Sample\) was told in Teams/).waitFor({ timeout: 60_000 });
  const history = await team.getByRole('list', { name: 'Plan history' }).textContent();
  for (const step of [
    'Draft → Submitted',
    'Submitted → In review',
    'In review → Changes requested',
    'Changes requested → Submitted',
    'Submitted → Accepted'
  ])
    assert.ok(history.includes(step), `${step} in ${history}`);
  assert.deepEqual(await axeViolations(team), []);
  await team.context().close();
});

async function wordXml(download) {
  const path = join(dataDir, download.suggestedFilename());
  await download.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  return zip.file('word/document.xml').async('string');
}

async function wordHeadings(download) {
  const xml = await wordXml(download);
  const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]);
  return paragraphs
    .filter((p) => /<w:pStyle w:val="Heading1"\/>/.test(p))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

test('the planning template and the communications plan download as Word files with the template headings', async () => {
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the plan (Word)' }).click()
  ]);
  assert.match(template.suggestedFilename(), /planning-template\.docx$/);
  assert.deepEqual(await wordHeadings(template), [
    'About the project',
    'Objectives',
    'Level of engagement',
    'Legal checks',
    'Stakeholder map',
    'Timeline',
    'Methods',
    'Budget',
    'Equality',
    'Principles self-check',
    'The advice when the plan was submitted'
  ]);
  // The stakeholder map: the grid as a two-by-two table, then the register.
  const text = (await wordXml(template)).replace(/<[^>]+>/g, '');
  // The advice kept at submission, with the settings it was made under.
  assert.match(text, /The record matches the plan’s answers under the same rules\./);
  assert.match(text, /Weeks of planning before speaking to people6 weeks/);
  assert.match(text, /Manage closely \(2\): Eastfield Maternity Voices, Health overview and scrutiny committee/);
  assert.match(text, /Keep informed \(2\): Eastfield Young Carers, Sample Eastfield Refugee Welcome/);
  assert.match(
    text,
    /Sample Eastfield Refugee WelcomeOrganisationKeep informedCommunity engagement or outreachTuesday drop-in at the welcome centre/
  );
  const [comms] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the communications plan (Word)' }).click()
  ]);
  assert.deepEqual(await wordHeadings(comms), [
    'Version table',
    'Introduction and background',
    'Objective',
    'Strategy overview',
    'Situation analysis',
    'Audience',
    'Key messages',
    'Tactics',
    'Timescales and key dates',
    'Evaluation and KPIs',
    'Budget',
    'Project leads and governance'
  ]);
});

test('the print view shows the whole plan', async () => {
  await page.getByRole('button', { name: 'Print view' }).click();
  await page.getByRole('heading', { name: `Involvement planning template: ${TITLE}` }).waitFor();
  assert.ok(
    (await page.getByRole('cell', { name: 'Whether to open a phlebotomy clinic at the Eastfield hub' }).count()) +
      (await page.getByText('Whether to open a phlebotomy clinic at the Eastfield hub').count()) >
      0
  );
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Back to the plan' }).click();
  await nav().waitFor();
});

for (const theme of ['sharepoint', 'teamsDark', 'teamsContrast']) {
  test(`axe finds no WCAG 2.2 AA violation on any section of the guide (${theme})`, async () => {
    const themed = await pageAs(browser, port, 2, theme);
    await themed.goto(planUrl);
    const sections = themed.getByRole('navigation', { name: 'Sections of the plan' }).getByRole('button');
    await sections.first().waitFor({ timeout: 60_000 });
    const names = await sections.allTextContents();
    const failures = [];
    for (let i = 0; i < names.length; i += 1) {
      await sections.nth(i).click();
      const v = await axeViolations(themed);
      if (v.length) failures.push(`${names[i]}: ${v.join('; ')}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(themed.errors, []);
    await themed.context().close();
  });
}

test('the involvement team keeps the shared stakeholder list on the dashboard; a lead cannot change it', async () => {
  const team = await pageAs(browser, port, 4);
  await team.goto(`http://127.0.0.1:${port}/dashboard.html`);
  await team.getByRole('button', { name: 'Add to the shared list' }).click({ timeout: 60_000 });
  const form = team.getByRole('form', { name: 'Add to the shared list' });
  await form.getByRole('button', { name: 'Save' }).click();
  await form.getByText("Add the stakeholder's name.").waitFor();
  await form.getByLabel('Name').fill('Sample Eastfield Deaf Centre');
  await form.getByLabel('Shared email address').fill('hello@deaf-centre-sample.org.uk');
  await form.getByRole('checkbox', { name: 'Disability' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await team.getByText('Sample Eastfield Deaf Centre is saved in the shared list.').waitFor();
  const table = team.getByRole('table', { name: 'Shared stakeholder list' });
  await table.getByRole('row', { name: /Sample Eastfield Deaf Centre Organisation — Disability/ }).waitFor();
  assert.deepEqual(await axeViolations(team), []);
  await team.context().close();

  await page.goto(`http://127.0.0.1:${port}/dashboard.html`);
  await page
    .getByRole('table', { name: 'Shared stakeholder list' })
    .getByRole('row', { name: /Sample Eastfield Deaf Centre/ })
    .waitFor({ timeout: 60_000 });
  assert.equal(await page.getByRole('button', { name: 'Add to the shared list' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Edit Sample Eastfield Deaf Centre' }).count(), 0);
});
