/**
 * "You said, we did" published → a short card in the involvement team's channel (issue 11 §3),
 * through the real adapters against the workbench stand-in: the outbox keyed by the publication,
 * the card rebuilt from the record, a reply in the thread of the plan's submission card, retries
 * under 429 and 503 with one card, and an outbox item planted by another lead not counting.
 */
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpEngagementRecords, SpSignOffs } from '../../src/data/sharepoint/SpEngagementRecords';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildFeedbackNoticeMessage } from '../../src/data/teams/feedbackNoticeMessage';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import {
  UNKNOWN_ROSTER,
  applyAfterEngagementAction,
  applyTeamAction,
  feedbackNoticeKey,
  feedbackNoticeState,
  notifyFeedbackPublished,
  readFeedbackPublication,
  submitPlan,
  type CurrentUser,
  type EngagementRecordContent,
  type FeedbackNoticePorts,
  type SubmissionPorts,
  type TeamAction
} from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { SAMPLE_TEAMS } from '../../webparts/server/directory';
import type { ChannelMessage } from '../../webparts/server/store';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { completeRecord } from '../domain/recordFixtures';
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
const person = (id: number, displayName: string, email: string, isInvolvementTeam = false): CurrentUser => ({
  id,
  displayName,
  email,
  isSiteOwner: false,
  isInvolvementTeam
});
const priya = person(USERS.priya, 'Priya Shah (Sample)', 'priya.shah@sample.nhs.uk');
const tom = person(USERS.tom, 'Tom Hughes (Sample)', 'tom.hughes@sample.nhs.uk');
const jo = person(USERS.jo, 'Jo Bennett (Sample)', 'jo.bennett@sample.nhs.uk', true);

const sp = (user: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });

function portsAs(user: number): SubmissionPorts & FeedbackNoticePorts {
  return {
    workflow: new SpWorkflowRepository(sp(user)),
    outbox: new SpOutboxRepository(sp(user)),
    notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(user) })),
    settings: new SpSettingsRepository(sp(user)),
    involvementSettings: new SpInvolvementSettingsStore(sp(user)),
    records: new SpEngagementRecords(sp(user)),
    signOffs: new SpSignOffs(sp(user)),
    buildMessage: buildSubmissionMessage,
    buildFeedbackNotice: buildFeedbackNoticeMessage,
    links: (planId) => ({ web: `http://127.0.0.1/planner.html#plan=${planId}` }),
    reviewLinks: (planId) => ({ web: `http://127.0.0.1/dashboard.html#review=${planId}`, teams: `https://teams.example/review-${planId}` }),
    sleep: async () => undefined
  };
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(sp(USERS.owner)).ensure();
  await new SpSettingsRepository(sp(USERS.jo)).setNotificationTarget(target);
});
afterAll(async () => wb.close());
afterEach(() => wb.faults.set([]));

/**
 * A plan of Priya's taken the whole way to Reporting as the product does it: submitted (its card
 * posted in the channel), accepted and delivered by Jo, its record saved by Priya with `content`.
 */
async function inReporting(title: string, content: EngagementRecordContent): Promise<{ id: number; card: ChannelMessage }> {
  const planContent = readyPlanContent();
  planContent.project.title = title;
  const plan = await new SpPlanRepository(sp(USERS.priya)).create(planContent, priya, `req-${title}`);
  await new SpStakeholderRepository(sp(USERS.priya)).addMany(
    plan.id,
    readyStakeholders().map((fields, i) => ({ requestId: `req-${title}-s${i}`, fields, history: [] }))
  );
  await submitPlan(portsAs(USERS.priya), plan.id, priya, { web: 'http://127.0.0.1/planner.html' });
  const card = wb.store.channelMessages().find((m) => !m.replyToId && JSON.stringify(m.body).includes(title));
  if (!card) throw new Error('the submission card was not posted');
  const ports = portsAs(USERS.jo);
  const actions: TeamAction[] = [
    { kind: 'bookScoping', at: '2027-01-15T10:00:00Z', attendees: ['Priya'] },
    { kind: 'assignLead', lead: { id: jo.id, displayName: jo.displayName, email: jo.email } },
    { kind: 'confirmLevel', level: 'involve', reason: '' },
    { kind: 'accept', comment: 'Accepted.' },
    { kind: 'startDelivery' }
  ];
  for (const action of actions) await applyTeamAction(ports, await ports.workflow.record(plan.id), action, jo);
  const lead = new SpEngagementRecords(sp(USERS.priya));
  const delivering = await new SpPlanRepository(sp(USERS.priya)).get(plan.id);
  await lead.save({ ...(await lead.start(delivering)), content }, delivering, 12);
  await applyAfterEngagementAction(
    { ...ports, records: new SpEngagementRecords(sp(USERS.jo)), signOffs: new SpSignOffs(sp(USERS.jo)) },
    await new SpPlanRepository(sp(USERS.jo)).get(plan.id),
    { kind: 'moveToReporting', comment: '' },
    jo,
    { reportDueWeeks: 12, today: '2027-04-01' }
  );
  return { id: plan.id, card };
}

const youSaidWeDidCards = (): ChannelMessage[] =>
  wb.store.channelMessages().filter((m) => JSON.stringify(m.body).includes('You said, we did” published'));
const cardTexts = (m: ChannelMessage): string[] => {
  const body = m.body as { attachments: Array<{ content: string }> };
  const card = JSON.parse(body.attachments[0].content) as { body: Array<{ text?: string; inlines?: Array<{ text: string }> }> };
  return card.body.map((b) => b.text ?? (b.inlines ?? []).map((i) => i.text).join(''));
};

it('publishing replies in the thread of the plan’s card with a short card rebuilt from the record, once however often it is sent', async () => {
  const record = completeRecord();
  record.feedback.summary = 'You asked for <b>evening</b> clinics and [this](https://evil.example). We will open two.';
  const { id, card } = await inReporting('Published plan', record);
  const first = await notifyFeedbackPublished(portsAs(USERS.priya), id, priya);
  expect(first).toMatchObject({ kind: 'sent', entry: { key: feedbackNoticeKey(id, record.feedback.publishedOn), state: 'sent' } });
  // Again, by the lead and by the team (a reload, a second click): nothing more is posted.
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  expect(await notifyFeedbackPublished(portsAs(USERS.jo), id, jo)).toMatchObject({ kind: 'sent' });
  const cards = youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Published plan'));
  expect(cards).toHaveLength(1);
  expect(cards[0].replyToId).toBe(card.id);
  // What the lead typed shows exactly as typed: a TextRun, never markup or a link.
  expect(cardTexts(cards[0])).toEqual(
    expect.arrayContaining([
      '“You said, we did” published',
      'Published plan',
      'Project lead: Priya Shah (Sample)',
      'Published: 5 July 2027',
      'What we told people: You asked for <b>evening</b> clinics and [this](https://evil.example). We will open two.'
    ])
  );
  // The outbox item holds the key and the state only.
  const items = await sp(USERS.owner).web.lists.getByTitle('Notification outbox').items.filter(`ipPlanId eq ${id}`)<
    Array<{ ipIdempotencyKey: string; ipPayload: string | null; ipTarget: string | null }>
  >();
  const mine = items.filter((i) => i.ipIdempotencyKey.includes('yousaidwedid'));
  expect(mine).toHaveLength(1);
  expect(mine[0].ipPayload ?? '').toBe('');
  expect(mine[0].ipTarget ?? '').toBe('');
  // After a reload anyone sees it was sent.
  const reread = await readFeedbackPublication(portsAs(USERS.jo), id);
  expect(feedbackNoticeState(reread.record, record.feedback.publishedOn)).toMatchObject({ state: 'sent', author: { id: USERS.priya } });
});

it('gets through 429s with Retry-After and a 503, on the post and on the outbox, with one card', async () => {
  const { id } = await inReporting('Throttled publication', completeRecord());
  wb.faults.set([
    { path: '/replies$', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 2 },
    { path: '/replies$', methods: ['POST'], unavailable: 1, times: 1 },
    { path: 'Notification', methods: ['POST'], throttle: 1, retryAfterSeconds: 0, times: 1 }
  ]);
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  expect(youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Throttled publication'))).toHaveLength(1);
});

it('the lead and a team member telling the team at the same moment: one card', async () => {
  const { id } = await inReporting('Told twice at once', completeRecord());
  // Both add their outbox item before either reads the plan again.
  wb.faults.set([{ path: 'Notification(%20| )outbox', methods: ['POST'], latencyMs: 400 }]);
  const both = await Promise.all([
    notifyFeedbackPublished(portsAs(USERS.priya), id, priya),
    notifyFeedbackPublished(portsAs(USERS.jo), id, jo)
  ]);
  wb.faults.set([]);
  expect(youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Told twice at once'))).toHaveLength(1);
  expect(both.map((b) => b.kind).sort()).toEqual(['pending', 'sent']);
  // Anyone opening it afterwards sees it sent, and nothing more is posted.
  expect(await notifyFeedbackPublished(portsAs(USERS.jo), id, jo)).toMatchObject({ kind: 'sent' });
  expect(youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Told twice at once'))).toHaveLength(1);
});

it('a card that cannot go now is kept as not sent, shown after a reload, and sent once by whoever tries again', async () => {
  const { id } = await inReporting('Failed publication', completeRecord());
  wb.faults.set([{ path: '/replies$', methods: ['POST'], unavailable: 1, times: 20 }]);
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'pending', entry: { state: 'failed' } });
  const { record } = await readFeedbackPublication(portsAs(USERS.jo), id);
  expect(feedbackNoticeState(record, completeRecord().feedback.publishedOn)).toMatchObject({ state: 'failed' });
  wb.faults.set([]);
  // The team member sees it next and finishes it: the lead's entry is claimed, not a second one added.
  expect(await notifyFeedbackPublished(portsAs(USERS.jo), id, jo)).toMatchObject({ kind: 'sent', entry: { author: { id: USERS.priya } } });
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  expect(youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Failed publication'))).toHaveLength(1);
});

it('a "Sent" item another lead planted under the publication\'s key does not count: the card still goes, once', async () => {
  const record = completeRecord();
  const { id } = await inReporting('Planted publication', record);
  const key = feedbackNoticeKey(id, record.feedback.publishedOn);
  const tomOutbox = new SpOutboxRepository(sp(USERS.tom));
  const planted = await tomOutbox.add(id, key, false);
  await tomOutbox.finish(planted, { ok: true, messageId: 'planted' });
  const before = await readFeedbackPublication(portsAs(USERS.jo), id);
  expect(before.record.outbox.some((e) => e.key === key && e.state === 'sent')).toBe(true);
  expect(feedbackNoticeState(before.record, record.feedback.publishedOn)).toBeUndefined();
  // Nor may Tom send it himself.
  await expect(notifyFeedbackPublished(portsAs(USERS.tom), id, tom)).rejects.toMatchObject({ kind: 'forbidden' });
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({
    kind: 'sent',
    entry: { author: { id: USERS.priya } }
  });
  expect(youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Planted publication'))).toHaveLength(1);
});

it('where the lead cannot read the team’s members, the card a team member sent still counts (they made the plan’s decisions); a planted one does not', async () => {
  const record = completeRecord();
  const { id } = await inReporting('Told by the team', record);
  expect(await notifyFeedbackPublished(portsAs(USERS.jo), id, jo)).toMatchObject({ kind: 'sent', entry: { author: { id: USERS.jo } } });
  const seen = await readFeedbackPublication(portsAs(USERS.priya), id);
  // As a lead usually sees it: the Involvement team group's members hidden.
  const asLead = { ...seen.record, roster: UNKNOWN_ROSTER };
  expect(feedbackNoticeState(asLead, record.feedback.publishedOn)).toMatchObject({ state: 'sent', author: { id: USERS.jo } });
  // Another lead's entry is never taken for the team's, even then.
  const key = feedbackNoticeKey(id, record.feedback.publishedOn);
  const planted = { ...asLead, outbox: asLead.outbox.map((e) => (e.key === key ? { ...e, author: { ...e.author, id: USERS.tom } } : e)) };
  expect(feedbackNoticeState(planted, record.feedback.publishedOn)).toBeUndefined();
});

it('a new publication date is a new publication; no date yet is said in words and nothing is posted', async () => {
  const record = completeRecord();
  record.feedback.publishedOn = '';
  const { id } = await inReporting('Not yet published', record);
  await expect(notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).rejects.toMatchObject({
    kind: 'invalidRequest',
    detail: 'Enter and save the date “you said, we did” was published first.'
  });
  const lead = new SpEngagementRecords(sp(USERS.priya));
  const plan = await new SpPlanRepository(sp(USERS.priya)).get(id);
  const stored = await lead.forPlan(id);
  if (!stored) throw new Error('no record');
  const published = { ...stored.content, feedback: { ...stored.content.feedback, publishedOn: '2027-06-01' } };
  const saved = await lead.save({ ...stored, content: published }, plan, 12);
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  await lead.save({ ...saved, content: { ...published, feedback: { ...published.feedback, publishedOn: '2027-06-08' } } }, plan, 12);
  expect(await notifyFeedbackPublished(portsAs(USERS.priya), id, priya)).toMatchObject({ kind: 'sent' });
  const cards = youSaidWeDidCards().filter((m) => JSON.stringify(m.body).includes('Not yet published'));
  expect(cards.map((c) => cardTexts(c).find((t) => t.startsWith('Published:')))).toEqual([
    'Published: 1 June 2027',
    'Published: 8 June 2027'
  ]);
});
