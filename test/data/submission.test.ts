/**
 * Submitting and notifying through the real adapters against the workbench stand-in:
 * SharePoint lists for status, history and the outbox; Graph for the channel post.
 */
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import {
  deliver,
  notificationPreview,
  sendNotification,
  setRetryClock,
  submitPlan,
  type CurrentUser,
  type SubmissionPorts
} from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { SAMPLE_TEAMS } from '../../webparts/server/directory';
import { completePlanContent, readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const team = SAMPLE_TEAMS[0];
const target = {
  kind: 'teamsChannel' as const,
  teamId: team.id,
  channelId: team.channels[1].id,
  teamName: team.displayName,
  channelName: 'Plan submissions'
};
const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};
const tom: CurrentUser = {
  id: 3,
  displayName: 'Tom Hughes (Sample)',
  email: 'tom.hughes@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};
const links = { web: 'http://127.0.0.1/planner.html#plan=1' };

function portsAs(user: number): SubmissionPorts {
  const sp = spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });
  return {
    workflow: new SpWorkflowRepository(sp),
    outbox: new SpOutboxRepository(sp),
    notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(user) })),
    settings: new SpSettingsRepository(sp),
    involvementSettings: new SpInvolvementSettingsStore(sp),
    buildMessage: buildSubmissionMessage,
    sleep: async () => undefined
  };
}
const messagesFor = (planTitle: string): number =>
  wb.store.channelMessages().filter((m) => JSON.stringify(m.body).includes(planTitle)).length;

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
  await new SpSettingsRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '4' })).setNotificationTarget(target);
});
afterAll(async () => wb.close());
afterEach(() => wb.faults.set([]));

async function readyPlan(title: string, lead: CurrentUser = priya): Promise<number> {
  const content = readyPlanContent();
  content.project.title = title;
  const sp = spForUrl(wb.siteUrl, { 'x-workbench-user': String(lead.id) });
  const plan = await new SpPlanRepository(sp).create(content, lead, `req-${title}`);
  await new SpStakeholderRepository(sp).addMany(
    plan.id,
    readyStakeholders().map((fields, i) => ({ requestId: `req-${title}-s${i}`, fields, history: [] }))
  );
  return plan.id;
}

it('submits a ready plan: status, history and exactly one card in the channel', async () => {
  const id = await readyPlan('Submit once');
  const result = await submitPlan(portsAs(USERS.priya), id, priya, links);
  expect(result.record.plan.status).toBe('submitted');
  // The key now carries a random part written with the status change (issue 14: keys cannot be planted in advance).
  expect(result.notification).toMatchObject({
    kind: 'sent',
    entry: { state: 'sent', key: expect.stringMatching(`^plan-${id}-submission-1-`) }
  });
  expect(messagesFor('Submit once')).toBe(1);
  const history = (await portsAs(USERS.priya).workflow.record(id)).process.history;
  expect(history.map((h) => [h.from, h.to, h.by.id])).toEqual([['draft', 'submitted', 2]]);
});

it('keeps the advice at submission with the plan, under the saved settings, and the card shows it', async () => {
  const jo = new SpInvolvementSettingsStore(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.jo) }));
  const read = await jo.read();
  await jo.save({ ...read.settings, planningLeadWeeks: 9 }, read.version);
  try {
    const id = await readyPlan('Advice kept');
    const result = await submitPlan(portsAs(USERS.priya), id, priya, links);
    const plan = await new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.tom) })).get(id);
    expect(plan.adviceRecord).toMatchObject({
      ok: true,
      record: { settings: { planningLeadWeeks: 9 }, level: { recommended: 'involve' } }
    });
    expect(result.notification.kind).toBe('sent');
    const posted = wb.store.channelMessages().filter((m) => JSON.stringify(m.body).includes('Advice kept'));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0].body)).toContain('planning 9 weeks');
  } finally {
    const now = await jo.read();
    await jo.save({ ...now.settings, planningLeadWeeks: read.settings.planningLeadWeeks }, now.version);
  }
});

it('delivers exactly one message through injected 429s and 503s (Retry-After honoured by the outbox)', async () => {
  const id = await readyPlan('Through faults');
  wb.faults.set([
    { path: '/channels/.*/messages$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 2 },
    { path: '/channels/.*/messages$', methods: ['POST'], unavailable: 1, times: 1 }
  ]);
  const result = await submitPlan(portsAs(USERS.priya), id, priya, links);
  expect(result.notification).toMatchObject({ kind: 'sent', entry: { attempts: 1 } });
  expect(messagesFor('Through faults')).toBe(1);
});

it('a double click submits once and posts once', async () => {
  const id = await readyPlan('Double click');
  const [a, b] = await Promise.all([
    submitPlan(portsAs(USERS.priya), id, priya, links),
    submitPlan(portsAs(USERS.priya), id, priya, links)
  ]);
  expect([a.record.plan.status, b.record.plan.status]).toEqual(['submitted', 'submitted']);
  expect(messagesFor('Double click')).toBe(1);
  expect((await portsAs(USERS.priya).workflow.record(id)).process.history.filter((h) => h.to === 'submitted')).toHaveLength(1);
});

it('a failed notification leaves the plan submitted; a resend posts it once, and again never', async () => {
  const id = await readyPlan('Resend me');
  wb.faults.set([{ path: '/channels/.*/messages$', methods: ['POST'], unavailable: 1, times: 4 }]);
  const first = await submitPlan(portsAs(USERS.priya), id, priya, links);
  expect(first.record.plan.status).toBe('submitted');
  expect(first.notification).toMatchObject({ kind: 'pending', entry: { state: 'failed' } });
  expect(messagesFor('Resend me')).toBe(0);
  wb.faults.set([]);
  const ports = portsAs(USERS.priya);
  expect(await sendNotification(ports, await ports.workflow.record(id, { notificationTarget: true }), links)).toMatchObject({
    kind: 'sent'
  });
  expect(await sendNotification(ports, await ports.workflow.record(id, { notificationTarget: true }), links)).toMatchObject({
    kind: 'sent'
  });
  expect(messagesFor('Resend me')).toBe(1);
});

it('two senders racing on one entry post once: the second meets the claim', async () => {
  const id = await readyPlan('Race');
  wb.faults.set([{ path: '/channels/.*/messages$', methods: ['POST'], unavailable: 1, times: 4 }]);
  await submitPlan(portsAs(USERS.priya), id, priya, links);
  wb.faults.set([]);
  const ports = portsAs(USERS.priya);
  const record = await ports.workflow.record(id, { notificationTarget: true });
  const [entry] = record.outbox;
  const preview = await notificationPreview(ports, record, target, links);
  const outcomes = await Promise.all([
    deliver(ports, entry, { ...preview, claimed: false }),
    deliver(portsAs(USERS.priya), entry, { ...preview, claimed: false })
  ]);
  expect(outcomes.map((o) => o.kind).sort()).toEqual(['pending', 'sent']);
  expect(messagesFor('Race')).toBe(1);
});

it("a lead who is not in the involvement team's Teams team gets a pending notification, not a lost one", async () => {
  const id = await readyPlan('Not a member', tom);
  const result = await submitPlan(portsAs(USERS.tom), id, tom, links);
  expect(result.record.plan.status).toBe('submitted');
  expect(result.notification).toMatchObject({ kind: 'pending', entry: { state: 'failed', lastError: expect.stringContaining('403') } });
});

it("refuses to submit a plan that is not ready, or someone else's plan", async () => {
  const ports = portsAs(USERS.priya);
  const notReady = await new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' })).create(
    completePlanContent(),
    priya,
    'req-not-ready'
  );
  await expect(submitPlan(ports, notReady.id, priya, links)).rejects.toMatchObject({ kind: 'invalidRequest' });
  const toms = await readyPlan('Tom owns this', tom);
  await expect(submitPlan(portsAs(USERS.tom), toms, priya, links)).rejects.toMatchObject({ kind: 'forbidden' });
});

describe('found by the fault-injection suite (issue 15)', () => {
  // Every wait the retry policy asks for is taken at once (as in test/data/faultInjection.test.ts).
  let restore: () => void;
  beforeEach(() => {
    let now = Date.now();
    restore = setRetryClock({
      sleep: async (ms) => {
        now += ms;
      },
      now: () => now
    });
  });
  afterEach(() => restore());

  it('a submit whose $batch is throttled as a whole is tried again under the retry policy: submitted, one card, no error', async () => {
    const id = await readyPlan('Batch throttled');
    wb.faults.set([{ path: '/_api/\\$batch$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 5 }]);
    const result = await submitPlan(portsAs(USERS.priya), id, priya, links);
    expect(result.record.process.status).toBe('submitted');
    expect(result.notification.kind).toBe('sent');
    expect(messagesFor('Batch throttled')).toBe(1);
  });

  it('a card left "sending" because the history write after the claim failed is sent on Resend, once — not "in progress" for 5 minutes', async () => {
    const id = await readyPlan('Left sending');
    // The status change and the claimed outbox entry land; the history part fails, and so does every retry of it.
    wb.faults.set([
      { path: "status%20history'\\)/items$", methods: ['POST'], inBatch: true, throttle: 1, retryAfterSeconds: 0 },
      { path: "status%20history'\\)/items$", methods: ['POST'], throttle: 1, retryAfterSeconds: 0 }
    ]);
    const ports = portsAs(USERS.priya);
    await expect(submitPlan(ports, id, priya, links)).rejects.toMatchObject({ kind: 'throttled' });
    wb.faults.set([]);
    const stuck = await ports.workflow.record(id, { notificationTarget: true });
    expect(stuck.outbox.map((e) => e.state)).toEqual(['sending']);
    // The same browser's Resend finishes its own send; another browser still sees it in progress.
    const other = await sendNotification(portsAs(USERS.priya), stuck, links);
    expect(other).toMatchObject({ kind: 'pending', reason: expect.stringContaining('in progress') });
    expect(await sendNotification(ports, stuck, links)).toMatchObject({ kind: 'sent' });
    expect(messagesFor('Left sending')).toBe(1);
  });

  it('a card that went out but could not be marked sent is only marked on Resend: never a second card', async () => {
    const id = await readyPlan('Posted, not marked');
    const ports = portsAs(USERS.priya);
    // Marking the entry sent fails (every retry of it): the post itself went through.
    wb.faults.set([{ path: "Notification%20outbox'\\)/items\\(\\d+\\)$", methods: ['POST'], throttle: 1, retryAfterSeconds: 0 }]);
    await expect(submitPlan(ports, id, priya, links)).rejects.toMatchObject({ kind: 'throttled' });
    expect(messagesFor('Posted, not marked')).toBe(1);
    wb.faults.set([]);
    const record = await ports.workflow.record(id, { notificationTarget: true });
    expect(await sendNotification(ports, record, links)).toMatchObject({ kind: 'sent' });
    expect(messagesFor('Posted, not marked')).toBe(1);
  });
});
