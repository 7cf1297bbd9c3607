// End-to-end: starts the workbench exactly as the README says (./webparts/start), drives both
// preview pages in Debian Chromium with Playwright, checks WCAG 2.2 AA with axe in the SharePoint,
// Teams dark and Teams high-contrast themes, then stops it with Ctrl-C and starts it again to show
// the data is kept. Run with `node --test "test/e2e/*.e2e.test.mjs"` (test/run does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-'));
let port;
let workbench;
let browser;

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

/** Start `./webparts/start` and resolve when it prints its addresses. */
function startWorkbench() {
  const child = spawn(join(root, 'webparts', 'start'), [], {
    cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WORKBENCH_PORT: String(port), WORKBENCH_DATA: join(dataDir, 'workbench.sqlite') }
  });
  child.output = '';
  const collect = (d) => { child.output += d.toString(); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The workbench did not start within 120 s:\n${child.output}`)), 120_000);
    child.stdout.on('data', () => {
      if (child.output.includes('Press Ctrl-C to stop.')) { clearTimeout(timer); resolve(child); }
    });
    child.on('exit', () => { clearTimeout(timer); reject(new Error(`The workbench exited early:\n${child.output}`)); });
  });
}

/** A Ctrl-C exit: 0, or 130 (128 + SIGINT, the shell convention tsx follows), or killed by SIGINT. */
const stoppedByCtrlC = ({ code, signal }) => code === 0 || code === 130 || signal === 'SIGINT';

/** Ctrl-C: SIGINT to the whole process group, as a terminal does. */
async function stopWorkbench(child) {
  process.kill(-child.pid, 'SIGINT');
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('The workbench did not stop within 15 s of Ctrl-C')), 15_000));
  return Promise.race([child.exited, timeout]);
}

/**
 * axe with the WCAG 2.2 AA rules. The only nodes left out are Tabster's focus-redirect elements
 * (`data-tabster-dummy`), which Fluent UI v9 makes focusable and aria-hidden on purpose — a known
 * false positive of `aria-hidden-focus` (microsoft/tabster#288; Accessibility Insights suppresses it).
 */
async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function pageAs(userId, theme = 'sharepoint') {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  await context.addCookies([{ name: 'workbench_user', value: String(userId), url: `http://127.0.0.1:${port}` }]);
  await context.addInitScript((t) => localStorage.setItem('workbench-theme', t), theme);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is needed at ${CHROMIUM} (apt-get install chromium); test/run installs it when it can.`);
  port = await freePort();
  workbench = await startWorkbench();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }); // Playwright gives each launch a fresh, empty profile.
});

after(async () => {
  await browser?.close();
  if (workbench && workbench.exitCode === null) {
    try { process.kill(-workbench.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
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
  await page.getByRole('row', { name: /E2E: Community pharmacy opening hours/ }).waitFor();
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
