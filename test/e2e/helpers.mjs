// Shared by the end-to-end tests: start the workbench as the README says, Chromium, axe.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

/** Start `./webparts/start` and resolve when it prints its addresses. */
export function startWorkbench(port, dataFile) {
  const child = spawn(join(root, 'webparts', 'start'), [], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WORKBENCH_PORT: String(port), WORKBENCH_DATA: dataFile }
  });
  child.output = '';
  const collect = (d) => {
    child.output += d.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The workbench did not start within 120 s:\n${child.output}`)), 120_000);
    child.stdout.on('data', () => {
      if (child.output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`The workbench exited early:\n${child.output}`));
    });
  });
}

/** Ctrl-C: SIGINT to the whole process group, as a terminal does. */
export async function stopWorkbench(child) {
  process.kill(-child.pid, 'SIGINT');
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error('The workbench did not stop within 15 s of Ctrl-C')), 15_000)
  );
  return Promise.race([child.exited, timeout]);
}

/** Make sure a workbench is gone (after a failed test). */
export function killWorkbench(child) {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export function launchChromium() {
  // Playwright gives each launch a fresh, empty profile.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * axe with the WCAG 2.2 AA rules. The only nodes left out are Tabster's focus-redirect elements
 * (`data-tabster-dummy`), which Fluent UI v9 makes focusable and aria-hidden on purpose — a known
 * false positive of `aria-hidden-focus` (microsoft/tabster#288; Accessibility Insights suppresses it).
 */
export async function axeViolations(page) {
  // Let CSS transitions finish first: mid-transition colours (a nav button turning "current")
  // are not what anyone reads, and made the contrast check flaky.
  // (Endless animations, such as a spinner's, are left running.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity))
        .map((a) => a.finished.catch(() => undefined))
    )
  );
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  return result.violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy'))) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A new browser context signed in as a sample user, in a theme. */
export async function pageAs(browser, port, userId, theme = 'sharepoint') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // The preview pages are served by Vite's dev server, which transforms modules on first request:
  // on a busy 2-core machine the first load of a page can take well over Playwright's 30 s default.
  context.setDefaultNavigationTimeout(120_000);
  await context.addCookies([{ name: 'workbench_user', value: String(userId), url: `http://127.0.0.1:${port}` }]);
  await context.addInitScript((t) => localStorage.setItem('workbench-theme', t), theme);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/** Set the workbench's fault injection rules. */
export async function setFaults(port, rules) {
  const res = await fetch(`http://127.0.0.1:${port}/_workbench/faults`, {
    method: 'POST',
    headers: { 'x-workbench-user': '1' },
    body: JSON.stringify(rules)
  });
  if (!res.ok) throw new Error(`Could not set faults: ${res.status}`);
}
