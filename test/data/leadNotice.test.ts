/**
 * Telling the lead (issue 16) through the real adapters against the workbench stand-in: the
 * team's decision in SharePoint, the notice in the outbox, the reply in the card's thread through
 * Graph with the lead mentioned by the object id from their SharePoint profile.
 */
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpUserDirectory } from '../../src/data/sharepoint/SpUserDirectory';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildLeadNoticeMessage } from '../../src/data/teams/leadNoticeMessage';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import {
  applyTeamAction,
  latestLeadNoticeDecision,
  leadNoticeKey,
  leadNoticeState,
  notifyLead,
  submitPlan,
  type CurrentUser,
  type LeadNoticePorts,
  type SubmissionPorts
} from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { entraObjectId, SAMPLE_TEAMS, SAMPLE_USERS } from '../../webparts/server/directory';
import type { ChannelMessage } from '../../webparts/server/store';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
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
const jo: CurrentUser = {
  id: 4,
  displayName: 'Jo Bennett (Sample)',
  email: 'jo.bennett@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: true
};

function portsAs(user: number): SubmissionPorts & LeadNoticePorts {
  const sp = spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });
  return {
    workflow: new SpWorkflowRepository(sp),
    outbox: new SpOutboxRepository(sp),
    notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(user) })),
    settings: new SpSettingsRepository(sp),
    involvementSettings: new SpInvolvementSettingsStore(sp),
    users: new SpUserDirectory(sp),
    buildMessage: buildSubmissionMessage,
    buildLeadNotice: buildLeadNoticeMessage,
    leadLink: (planId) => `https://teams.microsoft.com/l/entity/app/my-plans?context=plan-${planId}`,
    sleep: async () => undefined
  };
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
  await new SpSettingsRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '4' })).setNotificationTarget(target);
});
afterAll(async () => wb.close());
afterEach(() => wb.faults.set([]));

/** A plan submitted by Priya whose card is in the channel; returns its id and the card's message. */
async function submitted(title: string): Promise<{ id: number; card: ChannelMessage }> {
  const content = readyPlanContent();
  content.project.title = title;
  const sp = spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.priya) });
  const plan = await new SpPlanRepository(sp).create(content, priya, `req-${title}`);
  await new SpStakeholderRepository(sp).addMany(
    plan.id,
    readyStakeholders().map((fields, i) => ({ requestId: `req-${title}-s${i}`, fields, history: [] }))
  );
  await submitPlan(portsAs(USERS.priya), plan.id, priya, { web: 'http://127.0.0.1/planner.html' });
  const card = wb.store.channelMessages().find((m) => !m.replyToId && JSON.stringify(m.body).includes(title));
  if (!card) throw new Error('the card was not posted');
  return { id: plan.id, card };
}

/** Jo asks for changes; returns the plan's record after it and the team's decision. */
async function requestChanges(id: number, comment: string) {
  const ports = portsAs(USERS.jo);
  const before = await ports.workflow.record(id, { notificationTarget: true });
  const { record: updated } = await applyTeamAction(ports, before, { kind: 'requestChanges', comment }, jo);
  const change = latestLeadNoticeDecision(updated);
  if (!change) throw new Error('no decision recorded');
  return { updated, change };
}

const repliesTo = (card: ChannelMessage): ChannelMessage[] => wb.store.channelMessages().filter((m) => m.replyToId === card.id);

it('replies in the card thread, mentioning the lead by the object id in their SharePoint profile, exactly once', async () => {
  const { id, card } = await submitted('Tell Priya');
  const { updated, change } = await requestChanges(id, 'Add the <b>dates</b> and [this](https://evil.example)');
  const first = await notifyLead(portsAs(USERS.jo), updated, change);
  expect(first).toMatchObject({ kind: 'sent', entry: { key: `plan-${id}-notice-${change.id}` } });
  const again = await notifyLead(portsAs(USERS.jo), updated, change);
  expect(again).toMatchObject({ kind: 'sent' });

  const replies = repliesTo(card);
  expect(replies).toHaveLength(1);
  const body = replies[0].body as { body: { content: string }; mentions: unknown[]; attachments: Array<{ content: string }> };
  const priyaUser = SAMPLE_USERS.find((u) => u.id === USERS.priya);
  if (!priyaUser) throw new Error('no sample Priya');
  expect(body.mentions).toEqual([
    {
      id: 0,
      mentionText: 'Priya Shah (Sample)',
      mentioned: { user: { id: entraObjectId(priyaUser), displayName: 'Priya Shah (Sample)', userIdentityType: 'aadUser' } }
    }
  ]);
  expect(body.body.content).toContain('<at id="0">Priya Shah (Sample)</at>');
  // What Jo typed is shown as typed: a TextRun, never markup or a link.
  const cardJson = JSON.parse(body.attachments[0].content) as { body: Array<{ inlines?: Array<{ text: string }> }> };
  const texts = cardJson.body.flatMap((b) => b.inlines?.map((i) => i.text) ?? []);
  expect(texts).toContain('Comment: Add the <b>dates</b> and [this](https://evil.example)');
  expect(texts).toContain('Jo Bennett (Sample) asked for changes to your plan "Tell Priya".');
});

it('gets through 429s with Retry-After and a 503 with one reply', async () => {
  const { id, card } = await submitted('Throttled notice');
  const { updated, change } = await requestChanges(id, 'Please add a budget.');
  wb.faults.set([
    { path: '/replies$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 2 },
    { path: '/replies$', methods: ['POST'], unavailable: 1, times: 1 }
  ]);
  expect(await notifyLead(portsAs(USERS.jo), updated, change)).toMatchObject({ kind: 'sent' });
  expect(repliesTo(card)).toHaveLength(1);
});

it('a notice that cannot go now is kept as not sent, shown after a reload, and sent once by whoever presses "Send again"', async () => {
  const { id, card } = await submitted('Failed notice');
  const { updated, change } = await requestChanges(id, 'Say who you will involve.');
  wb.faults.set([{ path: '/replies$', methods: ['POST'], unavailable: 1, times: 10 }]);
  expect(await notifyLead(portsAs(USERS.jo), updated, change)).toMatchObject({ kind: 'pending', entry: { state: 'failed' } });
  expect(repliesTo(card)).toHaveLength(0);
  // After a reload, anyone in the team sees it was not sent.
  expect(leadNoticeState(await portsAs(USERS.jo).workflow.record(id), change)).toMatchObject({ state: 'failed' });
  wb.faults.set([]);
  expect(await notifyLead(portsAs(USERS.jo), updated, change)).toMatchObject({ kind: 'sent' });
  expect(await notifyLead(portsAs(USERS.jo), updated, change)).toMatchObject({ kind: 'sent' });
  expect(repliesTo(card)).toHaveLength(1);
});

it('the Graph stand-in refuses a mention that does not match the body, as Graph does', async () => {
  const { card } = await submitted('Bad mention');
  const notifier = new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(USERS.jo) }));
  const payload = JSON.stringify({
    body: { contentType: 'html', content: '<at id="0">Someone else</at> hello' },
    mentions: [
      { id: 0, mentionText: 'Priya', mentioned: { user: { id: 'not-a-user', displayName: 'Priya', userIdentityType: 'aadUser' } } }
    ]
  });
  expect(await notifier.post(target, payload, card.id)).toMatchObject({ ok: false, retryable: false });
  expect(repliesTo(card)).toHaveLength(0);
});

it('a "Sent" notice the lead planted under the decision\'s key does not count: the team still tells them, once', async () => {
  const { id, card } = await submitted('Planted notice');
  const { change } = await requestChanges(id, 'Add the dates.');
  // Priya (a lead may add and edit her own outbox items) plants the notice's key as sent.
  const priyaOutbox = new SpOutboxRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.priya) }));
  const planted = await priyaOutbox.add(id, leadNoticeKey(id, change.id), false);
  await priyaOutbox.finish(planted, { ok: true, messageId: 'planted' });
  const reread = await portsAs(USERS.jo).workflow.record(id, { notificationTarget: true });
  expect(reread.outbox.some((e) => e.key === leadNoticeKey(id, change.id) && e.state === 'sent')).toBe(true);
  expect(leadNoticeState(reread, change)).toBeUndefined();
  expect(await notifyLead(portsAs(USERS.jo), reread, change)).toMatchObject({ kind: 'sent' });
  expect(repliesTo(card)).toHaveLength(1);
  expect(leadNoticeState(await portsAs(USERS.jo).workflow.record(id), change)).toMatchObject({ state: 'sent', author: { id: USERS.jo } });
});
