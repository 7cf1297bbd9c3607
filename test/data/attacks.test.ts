/**
 * Issue 14's attacks, each performed as a project lead with raw REST calls their own browser
 * session could make (plain fetch with their identity, a form digest from contextinfo), against
 * the workbench stand-in set up by "Set up lists"; then what the involvement team, the queue, the
 * counts, the card and the channel see is asserted through the product's own adapters.
 */
import '@pnp/sp/fields';
import { graphForUrl, spForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import {
  applyTeamAction,
  buildDefensibleRecord,
  DEFAULT_SETTINGS,
  completeRecord,
  notificationPreview,
  sendNotification,
  submitPlan,
  type CurrentUser,
  type PlanRecord,
  type SubmissionPorts
} from '../../src/domain';
import type { Workbench } from '../../webparts/server/app';
import { SAMPLE_TEAMS } from '../../webparts/server/directory';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';
import { restAs, startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const team = SAMPLE_TEAMS[0];
const target = {
  kind: 'teamsChannel' as const,
  teamId: team.id,
  channelId: team.channels[1].id,
  teamName: team.displayName,
  channelName: 'Plan submissions'
};
const otherChannel = { teamId: team.id, channelId: team.channels[0].id };
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
const links = { web: 'https://example.test/planner#plan' };
const PHISHING = 'https://phish.example/login';

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
const plansAs = (user: number): SpPlanRepository => new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) }));
const recordAs = (user: number, id: number): Promise<PlanRecord> => portsAs(user).workflow.record(id, { notificationTarget: true });

/** One REST call as `user`, as their browser would send it (JSON light, a form digest on writes). */
const rest = (user: number, method: 'GET' | 'POST' | 'MERGE' | 'DELETE', path: string, body?: unknown) =>
  restAs(wb, user, method, path, body);
const items = (list: string): string => `web/lists/getByTitle('${list}')/items`;
const login = (email: string): string => `i:0#.f|membership|${email}`;

/** Add an item naming someone else as its author (SharePoint allows it to anyone who may add). */
async function addAs(user: number, list: string, author: string, fields: Record<string, string>): Promise<{ status: number; id?: number }> {
  const formValues = [
    ...Object.entries(fields).map(([FieldName, FieldValue]) => ({ FieldName, FieldValue })),
    { FieldName: 'Author', FieldValue: `[{'Key':'${login(author)}'}]` }
  ];
  const r = await rest(user, 'POST', `web/lists/getByTitle('${list}')/AddValidateUpdateItemUsingPath`, {
    listItemCreateInfo: { FolderPath: { DecodedUrl: `/sites/involvement/Lists/${list}` } },
    formValues,
    bNewDocumentUpdate: false
  });
  const values = (r.json.value ?? []) as Array<{ FieldName: string; FieldValue: string; HasException: boolean }>;
  const id = values.find((v) => v.FieldName === 'Id' && !v.HasException)?.FieldValue;
  return { status: r.status, id: id ? Number(id) : undefined };
}

const messagesFor = (title: string) => wb.store.channelMessages().filter((m) => JSON.stringify(m.body).includes(title));

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

/** Submitted by its lead, then accepted by the team through the product. */
async function acceptedPlan(title: string, lead: CurrentUser = priya): Promise<number> {
  const id = await readyPlan(title, lead);
  await submitPlan(portsAs(lead.id), id, lead, links);
  const ports = portsAs(USERS.jo);
  let record = await recordAs(USERS.jo, id);
  record = (await applyTeamAction(ports, record, { kind: 'bookScoping', at: '2027-01-12T10:00:00Z', attendees: [] }, jo)).record;
  record = (await applyTeamAction(ports, record, { kind: 'assignLead', lead: jo }, jo)).record;
  record = (await applyTeamAction(ports, record, { kind: 'confirmLevel', level: 'involve', reason: 'As agreed.' }, jo)).record;
  record = (await applyTeamAction(ports, record, { kind: 'accept', comment: 'Accepted.' }, jo)).record;
  expect(record.plan.status).toBe('accepted');
  return id;
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.owner) })).ensure();
  await new SpSettingsRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.jo) })).setNotificationTarget(target);
  // A site set up by an earlier version had the card and the channel in outbox columns; leads can still fill them.
  const outbox = spForUrl(wb.siteUrl, { 'x-workbench-user': String(USERS.owner) }).web.lists.getByTitle('Notification outbox');
  for (const name of ['ipPayload', 'ipTarget'])
    await outbox.fields.createFieldAsXml({ SchemaXml: `<Field Type="Note" Name="${name}" DisplayName="${name}" />`, Options: 8 });
});
afterAll(async () => wb.close());
afterEach(() => wb.faults.set([]));

describe('1. the channel: nothing planted is posted, nothing planted silences or blocks a submission', () => {
  it('an outbox item a lead planted with a phishing card and another channel never reaches the channel; "Send now" posts the plan’s own card where configured', async () => {
    const id = await readyPlan('Planted card');
    // The lead's own post fails (not a member of the team's Teams team), so the notification waits for the team.
    wb.faults.set([{ path: '/channels/.*/messages$', methods: ['POST'], unavailable: 1, times: 4 }]);
    const submitted = await submitPlan(portsAs(USERS.priya), id, priya, links);
    expect(submitted.notification.kind).toBe('pending');
    wb.faults.set([]);
    const key = String((await rest(USERS.tom, 'GET', `${items('Involvement plans')}(${id})?$select=ipSubmissionKey`)).json.ipSubmissionKey);
    const phishing = JSON.stringify({ body: { contentType: 'html', content: `<a href="${PHISHING}">Sign in to review</a>` } });
    const plant = (user: number, plantedKey: string, state: string) =>
      rest(user, 'POST', items('Notification outbox'), {
        Title: `pending ${plantedKey}`,
        ipPlanId: id,
        ipIdempotencyKey: plantedKey,
        ipDeliveryState: state,
        ipPayload: phishing,
        ipTarget: JSON.stringify({ kind: 'teamsChannel', ...otherChannel, teamName: 'x', channelName: 'General' })
      });
    // Another lead plants the real key; the plan's own lead plants it too, with the phishing card and another channel.
    expect((await plant(USERS.tom, key, 'Pending')).status).toBe(201);
    expect((await plant(USERS.priya, key, 'Pending')).status).toBe(201);
    expect((await plant(USERS.tom, `plan-${id}-submission-1`, 'Pending')).status).toBe(201);

    // The team's "Send now": only the plan's own notification is offered, and what is previewed is what is posted.
    const team = portsAs(USERS.jo);
    const unsent = await team.outbox.unsent();
    expect(unsent.filter((e) => e.planId === id).length).toBe(4);
    const record = await recordAs(USERS.jo, id);
    const preview = await notificationPreview(team, record, record.notificationTarget!, links);
    expect(preview.target).toEqual(target);
    expect(preview.payload).not.toContain('phish');
    expect(await sendNotification(team, record, links)).toMatchObject({ kind: 'sent' });
    // Every planted entry is tried too (as a careless sender would): none posts again.
    expect(await sendNotification(team, await recordAs(USERS.jo, id), links)).toMatchObject({ kind: 'sent' });

    const posted = messagesFor('Planted card');
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ teamId: target.teamId, channelId: target.channelId, fromUserId: USERS.jo });
    expect(posted[0].body).toEqual(JSON.parse(preview.payload));
    expect(wb.store.channelMessages().some((m) => JSON.stringify(m.body).includes('phish'))).toBe(false);
    expect(
      wb.store.channelMessages(otherChannel.teamId, otherChannel.channelId).filter((m) => JSON.stringify(m.body).includes('Planted'))
    ).toEqual([]);
  });

  it('a planted "Sent" or "Pending" entry under another lead’s key — even one naming that lead as its author — neither silences nor blocks their card', async () => {
    const id = await readyPlan('Not silenced');
    for (const state of ['Sent', 'Pending']) {
      expect(
        (
          await rest(USERS.tom, 'POST', items('Notification outbox'), {
            Title: `sent plan-${id}-submission-1`,
            ipPlanId: id,
            ipIdempotencyKey: `plan-${id}-submission-1`,
            ipDeliveryState: state,
            ipMessageId: '1'
          })
        ).status
      ).toBe(201);
    }
    const forged = await addAs(USERS.tom, 'Notification outbox', priya.email, {
      Title: `sent plan-${id}-submission-1`,
      ipPlan: String(id),
      ipIdempotencyKey: `plan-${id}-submission-1`,
      ipDeliveryState: 'Sent'
    });
    expect(forged.id).toBeDefined();

    const result = await submitPlan(portsAs(USERS.priya), id, priya, links);
    expect(result.notification).toMatchObject({ kind: 'sent', entry: { author: { id: USERS.priya } } });
    expect(messagesFor('Not silenced')).toHaveLength(1);
    // Opening it again (the lead, the team) changes nothing and posts nothing more.
    await completeRecord(portsAs(USERS.priya), await recordAs(USERS.priya, id), priya, links);
    await completeRecord(portsAs(USERS.jo), await recordAs(USERS.jo, id), jo, links);
    expect(messagesFor('Not silenced')).toHaveLength(1);
  });
});

describe('2. status and the team’s decisions', () => {
  it('a lead marking their own plan Accepted (with an involvement lead, level and scoping meeting) shows as unconfirmed, counted and reviewed as a draft', async () => {
    const id = await readyPlan('Self accepted');
    const before = await plansAs(USERS.jo).statusOverview();
    const raw = (await rest(USERS.priya, 'GET', `${items('Involvement plans')}(${id})?$select=ipProjectJson`)).json;
    const project = JSON.parse(String(raw.ipProjectJson)) as { level: Record<string, unknown> };
    project.level = { ...project.level, chosen: 'devolve', confirmedByTeam: true };
    const edit = await rest(USERS.priya, 'MERGE', `${items('Involvement plans')}(${id})`, {
      ipStatus: 'Accepted',
      ipInvolvementLeadId: USERS.jo,
      ipChosenLevel: 'devolve',
      ipScopingMeeting: '2027-01-12T10:00:00Z',
      ipProjectJson: JSON.stringify(project)
    });
    expect(edit.status).toBe(204);

    // The queue finds it by the stored column, and shows what the record says.
    const queue = await plansAs(USERS.jo).query({ status: 'accepted' });
    const row = queue.items.find((p) => p.id === id);
    expect(row).toMatchObject({ status: 'draft', involvementLead: null });
    expect(row?.unconfirmed.map((u) => u.what).sort()).toEqual(['involvementLead', 'scopingMeeting', 'status']);
    // The counts come from the record.
    const after = await plansAs(USERS.jo).statusOverview();
    expect(after.counts.accepted).toBe(before.counts.accepted);
    expect(after.counts.draft).toBe(before.counts.draft);
    expect(after.unconfirmed).toContainEqual(expect.objectContaining({ id, stored: 'Accepted', verified: 'draft' }));
    // The review (and the Word export and card, which are built from it) shows the record.
    const record = await recordAs(USERS.jo, id);
    expect(record.plan).toMatchObject({ status: 'draft', involvementLead: null, scopingMeeting: null });
    expect(record.plan.content.level.confirmedByTeam).toBe(false);
    expect(record.process.unconfirmed.map((u) => u.what).sort()).toEqual(['involvementLead', 'level', 'scopingMeeting', 'status']);
    // The card says what the lead chose (theirs to say), never that the team confirmed or accepted anything.
    expect(
      buildSubmissionMessage(record.plan, links, 1, buildDefensibleRecord(record.plan.content, DEFAULT_SETTINGS, new Date().toISOString()))
    ).not.toMatch(/Accepted|[Cc]onfirmed|Jo Bennett/);

    // A team member merely opening the plan does not wipe the evidence: it stays unconfirmed until they correct it.
    const opened = await completeRecord(portsAs(USERS.jo), record, jo, links);
    expect(opened.record.process.unconfirmed.map((u) => u.what)).toContain('status');
    // The team puts the stored copies right.
    await portsAs(USERS.jo).workflow.mirror(record);
    expect((await recordAs(USERS.jo, id)).process.unconfirmed).toEqual([]);
  });

  it('a plan created already Accepted, naming another lead as its project lead, is a draft whose lead is its creator', async () => {
    const template = (await rest(USERS.priya, 'GET', `${items('Involvement plans')}(${await readyPlan('Template')})`)).json;
    const copy = Object.fromEntries(
      Object.entries(template).filter(([k]) => /^ip(Project|Delivery|Comms|Team)Json$|^ipSchemaVersion$/.test(k))
    );
    const made = await rest(USERS.priya, 'POST', items('Involvement plans'), {
      ...copy,
      Title: 'Born accepted',
      ipStatus: 'Accepted',
      ipProjectLeadId: USERS.tom,
      ipSubmission: 1,
      ipSubmissionKey: 'plan-0-submission-1-x'
    });
    expect(made.status).toBe(201);
    const id = Number(made.json.Id);
    const record = await recordAs(USERS.jo, id);
    expect(record.plan.status).toBe('submitted');
    expect(record.plan.projectLead?.id).toBe(USERS.priya);
    expect(record.process.unconfirmed.map((u) => u.what)).toEqual(expect.arrayContaining(['status', 'projectLead']));
    // It is not Tom's plan: it does not appear in his plans.
    expect((await plansAs(USERS.tom).listForLead(USERS.tom)).items.map((p) => p.id)).not.toContain(id);
    // And never accepted on the team's dashboard.
    expect((await plansAs(USERS.jo).query({ status: 'accepted' })).items.find((p) => p.id === id)?.status).not.toBe('accepted');
  });

  it('a lead cannot delete an accepted (or submitted) plan; another lead cannot delete it either', async () => {
    const accepted = await acceptedPlan('Keep accepted');
    const submitted = await readyPlan('Keep submitted');
    await submitPlan(portsAs(USERS.priya), submitted, priya, links);
    for (const id of [accepted, submitted]) {
      expect((await rest(USERS.priya, 'DELETE', `${items('Involvement plans')}(${id})`)).status).toBeGreaterThanOrEqual(400);
      expect((await rest(USERS.tom, 'DELETE', `${items('Involvement plans')}(${id})`)).status).toBeGreaterThanOrEqual(400);
    }
    expect((await recordAs(USERS.jo, accepted)).plan.status).toBe('accepted');
    expect((await recordAs(USERS.jo, submitted)).plan.status).toBe('submitted');
  });

  it('history a lead adds ("Submitted → Accepted, by a team member") to their own or another lead’s plan changes nothing, and cannot be edited or deleted', async () => {
    const own = await readyPlan('Own history');
    await submitPlan(portsAs(USERS.priya), own, priya, links);
    const others = await readyPlan('Tom history', tom);
    await submitPlan(portsAs(USERS.tom), others, tom, links);
    const ownKey = (await recordAs(USERS.priya, own)).process.submission!.key;
    const added: number[] = [];
    for (const [planId, key] of [
      [own, ownKey],
      [others, `plan-${others}-submission-1`]
    ] as const) {
      const r = await rest(USERS.priya, 'POST', items('Plan status history'), {
        Title: 'Submitted → Accepted',
        ipPlanId: planId,
        ipFromStatus: 'Submitted',
        ipToStatus: 'Accepted',
        ipSubmission: 1,
        ipKey: key,
        ipComment: 'Accepted by Jo Bennett'
      });
      expect(r.status).toBe(201);
      added.push(Number(r.json.Id));
      const forged = await addAs(USERS.priya, 'Plan status history', jo.email, {
        Title: 'Submitted → Accepted',
        ipPlan: String(planId),
        ipFromStatus: 'Submitted',
        ipToStatus: 'Accepted',
        ipSubmission: '1',
        ipKey: key,
        ipComment: 'Accepted'
      });
      expect(forged.id).toBeDefined();
    }
    for (const id of [own, others]) {
      const record = await recordAs(USERS.jo, id);
      expect(record.plan.status).toBe('submitted');
      expect(record.process.history.map((h) => `${h.from}>${h.to}`)).toEqual(['draft>submitted']);
      expect(record.process.history[0].by.id).toBe(id === own ? USERS.priya : USERS.tom);
    }
    // Add only: the lead's own entries cannot be changed or removed.
    expect((await rest(USERS.priya, 'MERGE', `${items('Plan status history')}(${added[0]})`, { ipComment: 'edited' })).status).toBe(403);
    expect((await rest(USERS.priya, 'DELETE', `${items('Plan status history')}(${added[0]})`)).status).toBe(403);
  });

  it('a lead cannot add to the team’s decisions, even naming a team member as author, nor join the involvement team', async () => {
    const id = await readyPlan('No decisions');
    await submitPlan(portsAs(USERS.priya), id, priya, links);
    const decision = {
      Title: 'accept',
      ipPlanId: id,
      ipSeq: 1,
      ipKind: 'status',
      ipFromStatus: 'Submitted',
      ipToStatus: 'Accepted',
      ipSubmission: 1
    };
    expect((await rest(USERS.priya, 'POST', items('Plan decisions'), decision)).status).toBe(403);
    expect(
      (
        await addAs(USERS.priya, 'Plan decisions', jo.email, {
          Title: 'accept',
          ipPlan: String(id),
          ipSeq: '1',
          ipKind: 'status',
          ipFromStatus: 'Submitted',
          ipToStatus: 'Accepted',
          ipSubmission: '1'
        })
      ).status
    ).toBe(403);
    const groups = (await rest(USERS.priya, 'GET', `web/sitegroups?$select=Id,Title`)).json.value as Array<{ Id: number; Title: string }>;
    const teamGroup = groups.find((g) => g.Title === 'Involvement team')!;
    const join = await rest(USERS.priya, 'POST', `web/sitegroups(${teamGroup.Id})/users`, { LoginName: login(priya.email) });
    expect(join.status).toBe(403);
    expect((await recordAs(USERS.jo, id)).plan.status).toBe('submitted');
  });
});

describe('3. a plan’s records belong to the plan', () => {
  it('stakeholders another lead adds to a plan (one malformed) are not part of its map, are listed for the team, and hide nothing', async () => {
    const id = await readyPlan('Poisoned map');
    const own = (await new SpStakeholderRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' })).listForPlan(id)).length;
    const bad = await rest(USERS.tom, 'POST', items('Plan stakeholders'), {
      Title: 'Broken',
      ipPlanId: id,
      ipKind: 'group',
      ipQuadrant: 'keepSatisfied',
      ipEngagementJson: '{not json'
    });
    expect(bad.status).toBe(201);
    const planted = await rest(USERS.tom, 'POST', items('Plan stakeholders'), { Title: 'Planted', ipPlanId: id, ipKind: 'group' });
    expect(planted.status).toBe(201);
    for (const user of [USERS.priya, USERS.jo]) {
      const read = await new SpStakeholderRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) })).listForPlanChecked(id);
      expect(read.stakeholders).toHaveLength(own);
      expect(read.stakeholders.map((s) => s.name)).not.toEqual(expect.arrayContaining(['Broken']));
      expect(read.stakeholders.map((s) => s.name)).not.toContain('Planted');
      expect([...read.ignored, ...read.unreadable].map((i) => i.itemId).sort()).toEqual(
        [Number(bad.json.Id), Number(planted.json.Id)].sort()
      );
    }
    // And the plan still submits with its own map.
    expect((await submitPlan(portsAs(USERS.priya), id, priya, links)).record.plan.status).toBe('submitted');
  });
});

describe('issue 15, item 1: a submission is one repairable record', () => {
  /** What the first part of the submit $batch writes: the plan item moves to Submitted with its number and key. Nothing after it landed. */
  async function cutOffAfterStatus(id: number, number: number): Promise<string> {
    const key = `plan-${id}-submission-${number}-cutoff${number}`;
    const r = await rest(USERS.priya, 'MERGE', `${items('Involvement plans')}(${id})`, {
      ipStatus: 'Submitted',
      ipSubmission: number,
      ipSubmissionKey: key
    });
    expect(r.status).toBe(204);
    return key;
  }

  it('a submission whose history and outbox writes failed is completed by the lead who opens it next: one entry, one card', async () => {
    const id = await readyPlan('Cut off, lead opens');
    const key = await cutOffAfterStatus(id, 1);
    const before = await recordAs(USERS.priya, id);
    expect(before.process).toMatchObject({ status: 'submitted', missingEntries: [{ number: 1, key }] });
    const opened = await completeRecord(portsAs(USERS.priya), before, priya, links);
    expect(opened.notification).toMatchObject({ kind: 'sent', entry: { key } });
    expect(opened.record.process.history.map((h) => `${h.from}>${h.to}`)).toEqual(['draft>submitted']);
    // Opening again, by the lead or the team, adds nothing and posts nothing.
    await completeRecord(portsAs(USERS.priya), await recordAs(USERS.priya, id), priya, links);
    await completeRecord(portsAs(USERS.jo), await recordAs(USERS.jo, id), jo, links);
    const after = await recordAs(USERS.jo, id);
    expect(after.process.history).toHaveLength(1);
    expect(after.outbox).toHaveLength(1);
    expect(messagesFor('Cut off, lead opens')).toHaveLength(1);
  });

  it('when the team opens it first, the history is completed and the notification shows as pending for "Send now", never silence and never twice', async () => {
    const id = await readyPlan('Cut off, team opens');
    await cutOffAfterStatus(id, 1);
    const opened = await completeRecord(portsAs(USERS.jo), await recordAs(USERS.jo, id), jo, links);
    expect(opened.notification).toMatchObject({ kind: 'pending' });
    expect(opened.record.process.missingEntries).toEqual([]);
    expect(messagesFor('Cut off, team opens')).toHaveLength(0);
    // The lead opening it does not post behind the team's back; "Send now" posts it once.
    expect((await completeRecord(portsAs(USERS.priya), await recordAs(USERS.priya, id), priya, links)).notification).toMatchObject({
      kind: 'pending'
    });
    expect(await sendNotification(portsAs(USERS.jo), await recordAs(USERS.jo, id), links)).toMatchObject({ kind: 'sent' });
    expect(await sendNotification(portsAs(USERS.jo), await recordAs(USERS.jo, id), links)).toMatchObject({ kind: 'sent' });
    expect(messagesFor('Cut off, team opens')).toHaveLength(1);
  });

  it('a resubmission after "request changes" has its own key and its own card, also when it was cut off part-way', async () => {
    const id = await readyPlan('Resubmitted');
    const first = await submitPlan(portsAs(USERS.priya), id, priya, links);
    expect(first.notification.kind).toBe('sent');
    const team = portsAs(USERS.jo);
    await applyTeamAction(team, await recordAs(USERS.jo, id), { kind: 'requestChanges', comment: 'Add the carers network.' }, jo);
    const key = await cutOffAfterStatus(id, 2);
    const opened = await completeRecord(portsAs(USERS.priya), await recordAs(USERS.priya, id), priya, links);
    expect(opened.notification).toMatchObject({ kind: 'sent', entry: { key } });
    expect(key).not.toBe(first.record.process.submission?.key);
    expect(messagesFor('Resubmitted')).toHaveLength(2);
    const history = (await recordAs(USERS.jo, id)).process.history;
    expect(history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'draft>submitted',
      'submitted>changesRequested',
      'changesRequested>submitted'
    ]);
    expect(history[1]).toMatchObject({ by: { id: USERS.jo }, comment: 'Add the carers network.' });
  });
});

describe('readers', () => {
  it('a site visitor is known not to be able to add plans (so "Start a new plan" is not offered); a member can', async () => {
    const { SpUserDirectory } = await import('../../src/data/sharepoint/SpUserDirectory');
    const me = (user: number) => new SpUserDirectory(spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) })).currentUser();
    expect((await me(USERS.reader)).mayCreatePlans).toBe(false);
    expect((await me(USERS.priya)).mayCreatePlans).toBe(true);
    // And SharePoint agrees: the visitor's add is refused.
    expect((await rest(USERS.reader, 'POST', items('Involvement plans'), { Title: 'Visitor plan' })).status).toBe(403);
  });
});
