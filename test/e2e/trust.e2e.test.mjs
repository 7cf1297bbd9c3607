// End-to-end (issue 14): a project lead, from their own browser session, marks their own draft
// "Accepted" and plants a notification with a phishing card for the team's channel. The team's
// dashboard shows the plan as unconfirmed (counted as a draft), and nothing planted reaches the channel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, killWorkbench, launchChromium, pageAs, startWorkbench, stopWorkbench } from './helpers.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-trust-'));
let port;
let workbench;
let browser;
const TITLE = 'E2E: forged acceptance';

before(async () => {
  port = await freePort();
  workbench = await startWorkbench(port, join(dataDir, 'workbench.sqlite'));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (workbench) await stopWorkbench(workbench).catch(() => killWorkbench(workbench));
  rmSync(dataDir, { recursive: true, force: true });
});

test("a lead's forged 'Accepted' shows as unconfirmed on the dashboard, and a planted outbox item never reaches the channel", async () => {
  const lead = await pageAs(browser, port, 2);
  await lead.goto(`http://127.0.0.1:${port}/planner.html`);
  // The lead's own session, raw REST: copy a draft's content into a new plan of their own stored as "Accepted",
  // then plant a notification for it with a phishing card and another channel.
  const planted = await lead.evaluate(async (title) => {
    const api = `${location.origin}/sites/involvement/_api`;
    const json = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata' };
    const digest = (await (await fetch(`${api}/contextinfo`, { method: 'POST', headers: json })).json()).FormDigestValue;
    const headers = { ...json, 'X-RequestDigest': digest };
    const plans = `${api}/web/lists/getByTitle('Involvement plans')/items`;
    const mine = (await (await fetch(`${plans}?$filter=ipStatus eq 'Draft'&$top=1`, { headers })).json()).value[0];
    const copy = Object.fromEntries(
      Object.entries(mine).filter(([k]) => /^ip(Project|Delivery|Comms|Team)Json$|^ipSchemaVersion$/.test(k))
    );
    const made = await fetch(plans, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...copy, Title: title, ipStatus: 'Accepted', ipProjectLeadId: 2, ipInvolvementLeadId: 4 })
    });
    const plan = await made.json();
    const outbox = await fetch(`${api}/web/lists/getByTitle('Notification outbox')/items`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        Title: `pending plan-${plan.Id}-submission-1`,
        ipPlanId: plan.Id,
        ipIdempotencyKey: `plan-${plan.Id}-submission-1`,
        ipDeliveryState: 'Pending'
      })
    });
    return { plan: made.status, outbox: outbox.status, id: plan.Id };
  }, TITLE);
  assert.deepEqual([planted.plan, planted.outbox], [201, 201]);
  await lead.context().close();

  const team = await pageAs(browser, port, 4);
  await team.goto(`http://127.0.0.1:${port}/dashboard.html`);
  await team.getByRole('button', { name: 'Check every plan’s stored status' }).click({ timeout: 60_000 });
  const unconfirmed = team.getByRole('list', { name: 'Plans with an unconfirmed status' });
  await unconfirmed.waitFor({ timeout: 60_000 });
  const row = unconfirmed.getByRole('listitem').filter({ hasText: TITLE });
  assert.match(await row.textContent(), /stored as “Accepted”, the record says “Draft”/);
  // Opening it shows what the record says, and the team can correct the stored copy.
  await row.getByRole('button', { name: TITLE }).click();
  await team.getByText('Unconfirmed', { exact: true }).waitFor({ timeout: 60_000 });
  await team.getByText(/Status: stored “Accepted”, the record says “Draft”/).waitFor();
  await team.getByText(/Involvement lead: stored “Jo Bennett \(Sample\)”, the record says “nobody”/).waitFor();

  const channel = await pageAs(browser, port, 4);
  await channel.goto(`http://127.0.0.1:${port}/channel.html`);
  await channel
    .getByRole('list', { name: 'Channel messages' })
    .or(channel.getByText(/No messages yet/))
    .first()
    .waitFor({ timeout: 60_000 });
  assert.equal(await channel.getByRole('listitem').filter({ hasText: TITLE }).count(), 0);
  await team.context().close();
  await channel.context().close();
});
