// End-to-end: starts the workbench exactly as the README says (./webparts/start), drives both
// preview pages in Debian Chromium with Playwright, checks WCAG 2.2 AA with axe in the SharePoint,
// Teams dark and Teams high-contrast themes, then stops it with Ctrl-C and starts it again to show
// the data is kept. Run with `node --test "test/e2e/*.e2e.test.mjs"` (test/run does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  axeViolations,
  CHROMIUM,
  freePort,
  killWorkbench,
  launchChromium,
  pageAs as newPage,
  startWorkbench as start,
  stopWorkbench
} from './helpers.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-'));
let port;
let workbench;
let browser;

const startWorkbench = () => start(port, join(dataDir, 'workbench.sqlite'));
const pageAs = (userId, theme) => newPage(browser, port, userId, theme);

/** A Ctrl-C exit: 0, or 130 (128 + SIGINT, the shell convention tsx follows), or killed by SIGINT. */
const stoppedByCtrlC = ({ code, signal }) => code === 0 || code === 130 || signal === 'SIGINT';

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium); test/run installs it when it can.`);
  port = await freePort();
  workbench = await startWorkbench();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  killWorkbench(workbench);
  rmSync(dataDir, { recursive: true, force: true });
});

test('the first run seeds sample data and prints the preview addresses', () => {
  assert.match(workbench.output, /First run: setting up the lists and adding sample data/);
  assert.match(workbench.output, new RegExp(`http://127\\.0\\.0\\.1:${port}/planner\\.html`));
  assert.match(workbench.output, new RegExp(`http://127\\.0\\.0\\.1:${port}/dashboard\\.html`));
});

for (const theme of ['sharepoint', 'teamsDark', 'teamsContrast']) {
  test(`planner page (${theme}): a project lead sees their sample plans, and axe finds no WCAG 2.2 AA violation`, async () => {
    const page = await pageAs(2, theme);
    await page.goto(`http://127.0.0.1:${port}/planner.html`);
    const table = page.getByRole('table', { name: 'My plans' });
    await table.waitFor({ timeout: 90_000 });
    assert.equal(await table.getByRole('row', { name: /Sample: Overnight opening of Riverside minor injuries unit/ }).count(), 1);
    // Tom's plans are not Priya's.
    assert.equal(await table.getByText('Sample: Moving phlebotomy to the community hub').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test(`dashboard page (${theme}): the involvement team sees every status with its count, and axe is clean`, async () => {
    const page = await pageAs(4, theme);
    await page.goto(`http://127.0.0.1:${port}/dashboard.html`);
    const list = page.getByRole('list', { name: 'Plans by status' });
    await list.waitFor({ timeout: 90_000 });
    for (const status of ['Draft', 'Submitted', 'In review', 'Changes requested', 'Accepted', 'In delivery', 'Reporting', 'Closed']) {
      assert.equal(await page.getByLabel(`${status}: 1 plans`).count(), 1, `count for ${status}`);
    }
    assert.ok(await page.getByText('8 plans in total.').isVisible());
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}

test('a project lead starts a new plan from the planner and it appears in My plans', async () => {
  const page = await pageAs(2);
  await page.goto(`http://127.0.0.1:${port}/planner.html`);
  await page.getByRole('table', { name: 'My plans' }).waitFor({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Start a new plan' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Add a title for the project.').waitFor();
  await page.getByRole('textbox', { name: /Project title/ }).fill('E2E: Community pharmacy opening hours');
  await page.getByRole('button', { name: 'Save draft' }).click();
  // The new draft opens in the guide; My plans lists it.
  await page.getByRole('navigation', { name: 'Sections of the plan' }).waitFor();
  await page.getByRole('button', { name: '← My plans' }).click();
  await page.getByRole('row', { name: /E2E: Community pharmacy opening hours/ }).waitFor();
  await page.context().close();
});

test('the Teams personal app (simulated: tenant root as the current site, no web part property) finds the lists through the tenant property', async () => {
  const page = await pageAs(2);
  await page.goto(`http://127.0.0.1:${port}/personal.html`);
  const table = page.getByRole('table', { name: 'My plans' });
  await table.waitFor({ timeout: 90_000 });
  assert.equal(await table.getByRole('row', { name: /Sample: Overnight opening of Riverside minor injuries unit/ }).count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  // Without the tenant property the app says what an administrator must set, with the command.
  const set = (value) =>
    fetch(`http://127.0.0.1:${port}/_workbench/tenant-properties`, {
      method: 'POST',
      headers: { 'x-workbench-user': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'InvolvementPlannerSiteUrl', value })
    });
  assert.equal((await set(null)).status, 200);
  await page.reload();
  await page.getByText('The planner app has not been told where its lists are').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('main').textContent(), /m365 spo storageentity set .*--key InvolvementPlannerSiteUrl/);
  assert.deepEqual(await axeViolations(page), []);
  assert.equal((await set(`http://127.0.0.1:${port}/sites/involvement`)).status, 200);
  await page.getByRole('button', { name: 'Try again' }).click();
  await table.waitFor({ timeout: 60_000 });
  await page.context().close();
});

test('the Teams channel page loads for the involvement team, and axe is clean', async () => {
  const page = await pageAs(4);
  await page.goto(`http://127.0.0.1:${port}/channel.html`);
  await page.getByRole('heading', { name: /Plan submissions/ }).waitFor({ timeout: 60_000 });
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('Ctrl-C stops the workbench cleanly, and a restart keeps the data without seeding again', async () => {
  const stopped = await stopWorkbench(workbench);
  assert.ok(stoppedByCtrlC(stopped), `exit ${JSON.stringify(stopped)}\n${workbench.output}`);
  assert.match(workbench.output, /Stopping the workbench/);
  workbench = await startWorkbench();
  assert.doesNotMatch(workbench.output, /First run/);
  const page = await pageAs(2);
  await page.goto(`http://127.0.0.1:${port}/planner.html`);
  await page.getByRole('row', { name: /E2E: Community pharmacy opening hours/ }).waitFor({ timeout: 90_000 });
  await page.context().close();
  const again = await stopWorkbench(workbench);
  assert.ok(stoppedByCtrlC(again), JSON.stringify(again));
});
