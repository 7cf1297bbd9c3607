// End-to-end (issue 11): an accepted sample plan goes through delivery (two activities with
// participant breakdowns) → reporting (a theme, a CSV of responses with bad rows, tagging by
// keyboard and counts from the tags, a finding that will not change and why, the
// report, "you said, we did" with its reading age and its card in the team's channel, the
// evaluation) → the report and "you said, we did" downloaded as Word and checked → closed with
// the team's sign-off → its lesson found from a new plan's "What we already know" and added with
// its citation; the dashboard's annual report shows the plan and downloads as CSV; axe on the
// record in three themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { axeViolations, freePort, killWorkbench, launchChromium, pageAs, startWorkbench, stopWorkbench } from './helpers.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-after-'));
let port;
let workbench;
let browser;
let lead;
let team;
let planId;
const TITLE = 'Sample: Mental health crisis café';
const today = new Date().toISOString().slice(0, 10);
/** A survey export with a name column (never stored), an empty answer and an unknown group. */
const SURVEY = [
  'Name,Anything else?,Where do you live?,Group',
  'A (E2E),Open at night please,Riverside,Carers',
  'B (E2E),,Riverside,',
  'C (E2E),The café helped me,Hillside,Age',
  'D (E2E),More staff,Hillside,Night owls',
  'E (E2E),Weekends too,Riverside,'
].join('\r\n');

before(async () => {
  port = await freePort();
  workbench = await startWorkbench(port, join(dataDir, 'workbench.sqlite'));
  browser = await launchChromium();
  lead = await pageAs(browser, port, 2);
  team = await pageAs(browser, port, 4);
  const res = await fetch(
    `http://127.0.0.1:${port}/sites/involvement/_api/web/lists/getByTitle('Involvement plans')/items?$select=Id,Title&$filter=Title eq '${encodeURIComponent(TITLE)}'`,
    { headers: { 'x-workbench-user': '1', accept: 'application/json;odata=nometadata' } }
  );
  const body = await res.json();
  planId = (body.value ?? body.d?.results)[0].Id;
});

after(async () => {
  await browser?.close();
  if (workbench) await stopWorkbench(workbench).catch(() => killWorkbench(workbench));
  rmSync(dataDir, { recursive: true, force: true });
});

const reviewUrl = () => `http://127.0.0.1:${port}/dashboard.html#review=${planId}`;
const planUrl = () => `http://127.0.0.1:${port}/planner.html#plan=${planId}`;
// Going to the same address with only the hash would not reload the page: reload it then.
const open = async (page, url) => {
  if (page.url() === url) await page.reload();
  else await page.goto(url);
};
const saved = (page) => page.getByText('Saving…').waitFor({ state: 'detached', timeout: 60_000 });

async function wordText(download) {
  const path = join(dataDir, download.suggestedFilename());
  await download.saveAs(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml').async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' ');
}

async function addActivity(page, { title, participants, groups, audience }) {
  await page.getByRole('button', { name: 'Add an activity' }).click();
  const form = page.getByRole('form', { name: 'New activity' });
  await form.getByLabel('What took place').fill(title);
  await form.getByLabel('First day').fill(today);
  await form.getByLabel('Place or locality').fill('Riverside');
  // The sample plan's one budget line, and who it was for from the plan's audiences.
  await form.getByLabel('VCSE focus groups (Sample) (£)').fill('150');
  await form.getByRole('checkbox', { name: `${audience} (an audience in the plan)` }).check();
  await form.getByLabel('People who took part').fill(String(participants));
  await form.getByLabel('Responses received').fill(String(participants));
  await form.getByLabel('Easy read').check();
  for (const [group, n] of Object.entries(groups)) await form.getByLabel(group, { exact: true }).fill(String(n));
  await form.getByRole('button', { name: 'Save activity' }).click();
  await page.getByRole('rowheader', { name: title }).waitFor({ timeout: 60_000 });
}

test('the team starts delivery; the lead starts the log and records two activities with who took part', async () => {
  await open(team, reviewUrl());
  await team.getByRole('button', { name: 'Start delivery' }).click();
  await team.getByText('The project lead starts the engagement log when they open the plan', { exact: false }).waitFor({ timeout: 60_000 });

  await open(lead, planUrl());
  await lead.getByRole('button', { name: 'Start the engagement log' }).click();
  await addActivity(lead, {
    title: 'Drop-in at the café (E2E)',
    participants: 18,
    groups: { Age: 6, Disability: 4 },
    audience: 'Pregnant women and birthing people (Sample)'
  });
  assert.equal(await lead.getByText('Audiences no activity has been for yet').count(), 1);
  await addActivity(lead, {
    title: 'Online survey (E2E)',
    participants: 40,
    groups: { Race: 9, Carers: 3 },
    audience: 'Anyone who used the service in the last two years (Sample)'
  });
  // Both of the plan's audiences have had an activity; spend is shown against the budget line.
  assert.equal(await lead.getByText('Audiences no activity has been for yet').count(), 0);
  const spend = lead.getByRole('table', { name: 'Spend by budget line' });
  assert.deepEqual(await spend.getByRole('row').allTextContents(), [
    'Budget linePlannedSpentOver or under',
    'VCSE focus groups (Sample)£400.00£300.00£100.00 under budget'
  ]);
  await lead.getByLabel('Date the engagement closed').fill(today);
  await lead.getByRole('button', { name: 'Save date closed' }).click();
  await saved(lead);
  const figures = lead.getByRole('definition');
  assert.ok((await figures.allTextContents()).includes('58'));
  // Monitoring: groups the plan set out to reach and nobody reached yet are named while it runs.
  assert.equal(await lead.getByText('Who we are still not hearing from').count(), 0);
  assert.deepEqual(lead.errors, []);
});

test('the team moves the plan to reporting once the log shows the engagement took place', async () => {
  await open(team, reviewUrl());
  await team.getByRole('rowheader', { name: 'Online survey (E2E)' }).waitFor({ timeout: 60_000 });
  await team.getByRole('button', { name: 'Move to reporting' }).click();
  await team.getByRole('button', { name: 'Close the plan' }).waitFor({ timeout: 60_000 });
  assert.equal(await team.getByRole('button', { name: 'Close the plan' }).isDisabled(), true);
  assert.match(await team.getByRole('list', { name: 'What is still needed' }).textContent(), /Write the "you said, we did" summary/);
});

test('the lead records themes, a finding that will not change and why, the report, "you said, we did" and the evaluation', async () => {
  await open(lead, planUrl());
  await lead.getByRole('button', { name: 'Add a theme' }).click();
  const themeForm = lead.getByRole('form', { name: 'New theme' });
  await themeForm.getByLabel('Theme').fill('Opening hours');
  await themeForm.getByLabel('How many responses raised it').fill('31');
  await themeForm.getByLabel('Quotes (one a line)').fill('Crisis does not stop at 5pm.');
  await themeForm.getByRole('button', { name: 'Save theme' }).click();
  await lead.getByText('Opening hours', { exact: true }).waitFor();

  // Responses from a survey export: the lead picks the columns, sees the bad rows by line, then adds the rest.
  await lead.getByRole('button', { name: 'Import responses from CSV' }).click();
  await lead
    .getByLabel('CSV file of responses')
    .setInputFiles({ name: 'crisis-survey.csv', mimeType: 'text/csv', buffer: Buffer.from(SURVEY) });
  await lead.getByLabel('Column with what people said').selectOption({ label: 'Anything else?' });
  const problems = lead.getByRole('list', { name: 'Problems in the file' });
  await problems.waitFor();
  assert.deepEqual(await problems.getByRole('listitem').allTextContents(), [
    'Line 3: The response (column "Anything else?") is empty.',
    'Line 5: The group "Night owls" is not a protected characteristic or inequality group we know, such as "Age" or "Carers".'
  ]);
  assert.deepEqual(await axeViolations(lead), []);
  await lead.getByRole('button', { name: 'Add 3 responses' }).click();
  await lead.getByText('Added 3 responses from crisis-survey.csv.').waitFor({ timeout: 60_000 });
  // Tagging by keyboard: Tab to the box, Space to tick.
  const tags = lead.getByRole('group', { name: 'Themes of response 1' });
  await tags.getByRole('checkbox', { name: 'Opening hours' }).focus();
  await lead.keyboard.press('Space');
  await lead.getByRole('group', { name: 'Themes of response 3' }).getByRole('checkbox', { name: 'Opening hours' }).check();
  const counts = lead.getByRole('table', { name: /Responses per theme/ });
  await counts
    .getByRole('row', { name: /Opening hours/ })
    .getByRole('cell', { name: '2', exact: true })
    .waitFor({ timeout: 60_000 });
  assert.match(await counts.getByRole('row', { name: /Opening hours/ }).textContent(), /Carers 1/);
  await lead.getByRole('button', { name: 'Use the counts from the tags' }).click();
  await saved(lead);
  await lead.getByText('Opening hours — 2 tagged responses.', { exact: false }).waitFor({ timeout: 60_000 });

  await lead.getByRole('button', { name: 'Add a finding' }).click();
  const finding = lead.getByRole('form', { name: 'New finding' });
  await finding.getByLabel('Opening hours').check();
  await finding.getByLabel('Sample decision this engagement will inform').check();
  await finding.getByLabel('Finding').fill('People want the café open all night.');
  await finding.getByLabel('Recommendation').fill('Open until 2am on Fridays and Saturdays.');
  await finding.getByLabel('Will not change').check();
  await finding.getByRole('button', { name: 'Save finding' }).click();
  // "Will not change" needs the reason: said at the field, nothing lost.
  await finding.getByText('Say why this cannot change', { exact: false }).waitFor();
  await finding.getByLabel('Why it cannot change').fill('There are not enough trained staff to open all night.');
  await finding.getByRole('button', { name: 'Save finding' }).click();
  await lead.getByRole('rowheader', { name: 'People want the café open all night.' }).waitFor({ timeout: 60_000 });

  await lead.getByLabel('Next steps').fill('The board reviews opening hours again in a year.');
  await lead.getByLabel('Date the report was published').fill(today);
  await lead.getByRole('button', { name: 'Save the report' }).click();
  await saved(lead);

  await lead
    .getByLabel('Summary for the public')
    .fill('You asked us to open all night. We cannot do this now because we do not have enough staff. We will look again next year.');
  await lead.getByText(/Estimated reading age: \d+ years/).waitFor();
  await lead.getByLabel('Letters or emails to participants').check();
  await lead.getByLabel('Date participants were told').fill(today);
  await lead.getByLabel('Date it was published').fill(today);
  await lead.getByRole('button', { name: 'Save “you said, we did”' }).click();
  await saved(lead);
  // Publishing tells the involvement team in their channel, once, through the outbox.
  await lead.getByText('The involvement team was told in Teams on', { exact: false }).waitFor({ timeout: 60_000 });
  const channel = await pageAs(browser, port, 4);
  await channel.goto(`http://127.0.0.1:${port}/channel.html`);
  const cards = channel.getByRole('listitem').filter({ hasText: '“You said, we did” published' }).filter({ hasText: TITLE });
  await cards.first().waitFor({ timeout: 60_000 });
  assert.equal(await cards.count(), 1);
  assert.match(await cards.first().textContent(), /What we told people: You asked us to open all night\./);
  await channel.context().close();

  const questions = lead.getByRole('region', { name: 'Evaluation' }).getByRole('textbox');
  for (let i = 0; i < 5; i += 1) await questions.nth(i).fill(`Evaluation answer ${i + 1} (E2E).`);
  await lead.getByLabel('Lessons learned').fill('Ask people at night, where they are.');
  await lead.getByRole('button', { name: 'Save the evaluation' }).click();
  await saved(lead);
  assert.deepEqual(lead.errors, []);
});

test('the report and "you said, we did" download as Word with the toolkit\'s parts', async () => {
  const [report] = await Promise.all([
    lead.waitForEvent('download'),
    lead.getByRole('button', { name: 'Download the report (Word)' }).click()
  ]);
  const text = await wordText(report);
  for (const heading of [
    'Dates and timescales of the engagement',
    'What engagement has taken place',
    'A breakdown of the participants',
    'Themes and findings of the responses, feedback and discussions held',
    'Next steps',
    'What will or will not change because of the engagement findings'
  ])
    assert.ok(text.includes(heading), heading);
  assert.ok(text.includes('There are not enough trained staff to open all night.'));
  // Who each activity was for, spend against the budget line, and each theme's responses by group.
  assert.ok(text.includes('Pregnant women and birthing people (Sample)'));
  assert.ok(text.includes('VCSE focus groups (Sample) £400.00 £300.00 −£100.00'));
  assert.ok(text.includes('Opening hours Carers 1'));
  const [ysd] = await Promise.all([
    lead.waitForEvent('download'),
    lead.getByRole('button', { name: 'Download “you said, we did” (Word)' }).click()
  ]);
  const ysdText = await wordText(ysd);
  assert.ok(ysdText.includes('We cannot change this: There are not enough trained staff'));
  const [html] = await Promise.all([
    lead.waitForEvent('download'),
    lead.getByRole('button', { name: 'Download as a web page (HTML)' }).click()
  ]);
  const path = join(dataDir, html.suggestedFilename());
  await html.saveAs(path);
  const page = readFileSync(path, 'utf8');
  assert.match(page, /<html lang="en-GB">/);
  assert.match(page, /<h1>You said, we did: Sample: Mental health crisis café<\/h1>/);
});

test('the team closes the plan: the record is signed off, and the lead can no longer change it', async () => {
  await open(team, reviewUrl());
  const close = team.getByRole('button', { name: 'Close the plan' });
  await close.waitFor({ timeout: 60_000 });
  assert.equal(await close.isDisabled(), false);
  await close.click();
  // The record's notice (exact: the plan's history also quotes the closing comment, below).
  await team.getByText('Signed off by the involvement team', { exact: true }).waitFor({ timeout: 60_000 });
  const closing = team.getByRole('listitem').filter({ hasText: 'Reporting → Closed' });
  assert.match(await closing.textContent(), /Evaluation questions answered; signed off by the involvement team\./);
  // Closing stamped the responses' retention date: five years on (LSC).
  await team.getByText(/Kept until \d{4}-\d{2}-\d{2}: five years after the plan closed/).waitFor({ timeout: 60_000 });
  await open(lead, planUrl());
  await lead.getByText('Signed off by the involvement team', { exact: true }).waitFor({ timeout: 60_000 });
  assert.equal(await lead.getByRole('button', { name: 'Import responses from CSV' }).count(), 0);
  assert.equal(await lead.getByRole('button', { name: 'Add an activity' }).count(), 0);
});

test('a new plan\'s "What we already know" finds the closed plan\'s lesson and adds it as a cited line, after what the lead wrote', async () => {
  const res = await fetch(
    `http://127.0.0.1:${port}/sites/involvement/_api/web/lists/getByTitle('Involvement plans')/items?$select=Id&$filter=Title eq '${encodeURIComponent('Sample: Overnight opening of Riverside minor injuries unit')}'`,
    { headers: { 'x-workbench-user': '1', accept: 'application/json;odata=nometadata' } }
  );
  const draftId = (await res.json()).value[0].Id;
  await lead.goto(`http://127.0.0.1:${port}/planner.html#plan=${draftId}`);
  await lead.reload();
  const field = lead.getByRole('textbox', { name: /What we already know/ });
  await field.waitFor({ timeout: 60_000 });
  const before = (await field.inputValue()).trimEnd();
  const search = lead.getByRole('search', { name: 'Search what the organisation already heard' });
  await search.getByRole('searchbox', { name: /Words to search for/ }).fill('night where');
  await search.getByRole('searchbox', { name: /Words to search for/ }).press('Enter');
  const found = lead.getByRole('list', { name: 'What we found' }).getByRole('listitem').filter({ hasText: TITLE });
  await found.first().waitFor({ timeout: 60_000 });
  assert.match(await found.first().textContent(), /Lesson learned/);
  await found.first().getByRole('button', { name: 'Add to “What we already know”' }).click();
  const line = `From ${TITLE} (${today.slice(0, 4)}): Ask people at night, where they are.`;
  assert.equal(await field.inputValue(), before ? `${before}\n${line}` : line);
  await saved(lead);
  assert.deepEqual(await axeViolations(lead), []);
  assert.deepEqual(lead.errors, []);
});

test("the dashboard's annual report rolls the plan up with the others and downloads as CSV", async () => {
  await team.goto(`http://127.0.0.1:${port}/dashboard.html`);
  await team.getByRole('button', { name: 'Show the annual report' }).click();
  const highlights = team.getByRole('table', { name: 'You said, we did' });
  await team.getByRole('heading', { name: /^April \d{4} to March \d{4}$/ }).waitFor({ timeout: 60_000 });
  const byLevel = team.getByRole('table', { name: 'Plans by level of engagement' });
  assert.ok((await byLevel.textContent()).length > 0);
  const [csv] = await Promise.all([team.waitForEvent('download'), team.getByRole('button', { name: 'Download the plans (CSV)' }).click()]);
  const path = join(dataDir, csv.suggestedFilename());
  await csv.saveAs(path);
  const rows = readFileSync(path, 'utf8');
  assert.ok(rows.includes('"Sample: Mental health crisis café"'));
  assert.ok(rows.includes('"Reached: Age"'));
  // The closed sample plan's "you said, we did" is among the year's highlights.
  assert.match(await highlights.textContent(), /Sample: Patient transport eligibility/);
  assert.deepEqual(team.errors, []);
});

for (const theme of ['sharepoint', 'teamsDark', 'teamsContrast']) {
  test(`axe finds no WCAG 2.2 AA violation on the after-engagement record (${theme})`, async () => {
    const themed = await pageAs(browser, port, 4, theme);
    await themed.goto(reviewUrl());
    await themed.getByRole('heading', { name: 'After engagement' }).waitFor({ timeout: 60_000 });
    await themed.getByRole('heading', { name: 'Evaluation' }).waitFor({ timeout: 60_000 });
    assert.deepEqual(await axeViolations(themed), []);
    await themed.goto(`http://127.0.0.1:${port}/dashboard.html`);
    await themed.getByRole('button', { name: 'Show the annual report' }).click();
    await themed.getByRole('heading', { name: /^April \d{4} to March \d{4}$/ }).waitFor({ timeout: 60_000 });
    assert.deepEqual(await axeViolations(themed), []);
    assert.deepEqual(themed.errors, []);
    await themed.context().close();
  });
}
