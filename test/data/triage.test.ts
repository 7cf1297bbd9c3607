/**
 * The involvement team's queue and actions through the stand-in, including 12,000 plans
 * (beyond SharePoint's 5,000-item list view threshold).
 */
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { SpUserDirectory } from '../../src/data/sharepoint/SpUserDirectory';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import { graphForUrl } from '../../src/data/client';
import { toPlanItemValues } from '../../src/data/sharepoint/planMapper';
import { applyTeamAction, submitPlan, type CurrentUser, type SubmissionPorts } from '../../src/domain';
import { readyStakeholders } from '../domain/fixtures';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import type { Workbench } from '../../webparts/server/app';
import { readyPlanContent } from '../domain/fixtures';
import { startTestWorkbench, USERS } from '../workbench/harness';

let wb: Workbench;
const jo: CurrentUser = {
  id: 4,
  displayName: 'Jo Bennett (Sample)',
  email: 'jo.bennett@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: true
};
const priya: CurrentUser = {
  id: 2,
  displayName: 'Priya Shah (Sample)',
  email: 'priya.shah@sample.nhs.uk',
  isSiteOwner: false,
  isInvolvementTeam: false
};
const sp = (user: number) => spForUrl(wb.siteUrl, { 'x-workbench-user': String(user) });
const portsAs = (user: number): SubmissionPorts => ({
  workflow: new SpWorkflowRepository(sp(user)),
  outbox: new SpOutboxRepository(sp(user)),
  settings: new SpSettingsRepository(sp(user)),
  involvementSettings: new SpInvolvementSettingsStore(sp(user)),
  notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': String(user) })),
  buildMessage: buildSubmissionMessage,
  sleep: async () => undefined
});
const links = { web: 'http://127.0.0.1/planner.html#plan=1' };

beforeAll(async () => {
  wb = await startTestWorkbench({ threshold: 5000 });
  await new SpListProvisioner(sp(USERS.owner)).ensure();
  const base = toPlanItemValues(readyPlanContent(), '2026-11-23');
  const statuses = ['Draft', 'Submitted', 'In review', 'Accepted'];
  const rows = Array.from({ length: 12000 }, (_, i) => ({
    ...base,
    Title: `Bulk plan ${i + 1}`,
    ipStatus: statuses[i % 4],
    ipProjectLead: 2,
    ipOrganisation: i % 2 ? 'Sample North ICB' : 'Sample Hospitals Trust',
    ipPlace: i % 3 ? 'Riverside' : 'Hillside',
    ipInvolvementLead: i % 4 === 3 ? 4 : null,
    ipRequestId: `bulk-${i}`,
    ipDecisionDate: `2027-0${(i % 9) + 1}-15T00:00:00Z`
  }));
  const list = wb.store.listByTitle('Involvement plans');
  if (!list) throw new Error('no list');
  // Submitted and later plans carry their submission; "In review" and "Accepted" ones have the
  // team's decision that makes them so (issue 14: a Status column alone no longer makes a plan
  // look reviewed or accepted — the fixture now holds the record behind each status).
  const first = list.nextItemId;
  wb.store.addItems(
    list,
    2,
    rows.map((r, i) => (i % 4 === 0 ? r : { ...r, ipSubmission: 1, ipSubmissionKey: `plan-${first + i}-submission-1-bulk` }))
  );
  // Each submission's history entry, as submitting writes it (the dashboard's counts read these).
  const history = wb.store.listByTitle('Plan status history');
  if (!history) throw new Error('no history list');
  wb.store.addItems(
    history,
    2,
    rows.flatMap((_, i) =>
      i % 4 === 0
        ? []
        : [
            {
              Title: 'bulk',
              ipPlan: first + i,
              ipFromStatus: 'Draft',
              ipToStatus: 'Submitted',
              ipSubmission: 1,
              ipKey: `plan-${first + i}-submission-1-bulk`,
              ipComment: ''
            }
          ]
    )
  );
  const decisions = wb.store.listByTitle('Plan decisions');
  if (!decisions) throw new Error('no decisions list');
  wb.store.addItems(
    decisions,
    4,
    rows.flatMap((_, i) =>
      i % 4 >= 2
        ? [
            {
              Title: 'bulk',
              ipPlan: first + i,
              ipSeq: 1,
              ipRequestId: `bulk-decision-${i}`,
              ipKind: i % 4 === 2 ? 'scoping' : 'status',
              ipFromStatus: 'Submitted',
              ipToStatus: i % 4 === 2 ? 'In review' : 'Accepted',
              ipSubmission: 1,
              ipSubmissionKey: `plan-${first + i}-submission-1-bulk`,
              ipInvolvementLead: i % 4 === 3 ? 4 : null,
              ipConfirmedLevel: null,
              ipScopingMeeting: null,
              ipScopingAttendees: '[]',
              ipComment: ''
            }
          ]
        : []
    )
  );
});
afterAll(async () => wb.close());

it('counts 12,000 plans by status', async () => {
  const counts = await new SpPlanRepository(sp(USERS.jo)).countByStatus();
  expect(counts).toMatchObject({ draft: 3000, submitted: 3000, inReview: 3000, accepted: 3000, closed: 0 });
});

it('filters on indexed columns over 12,000 plans and pages through the results', async () => {
  const repo = new SpPlanRepository(sp(USERS.jo));
  const seen = new Set<number>();
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await repo.query(
      { status: 'submitted', organisation: 'Sample North ICB', decisionFrom: '2027-02-01', decisionTo: '2027-06-30' },
      token
    );
    for (const p of page.items) {
      expect(p).toMatchObject({ status: 'submitted', organisation: 'Sample North ICB' });
      expect(p.decisionDate! >= '2027-02-01' && p.decisionDate! <= '2027-06-30').toBe(true);
      seen.add(p.id);
    }
    token = page.next;
    pages += 1;
  } while (token && pages < 50);
  // Submitted = i % 4 === 1 (odd, so North ICB); months 2–6 are 5 of every 9.
  const expected = Array.from({ length: 12000 }, (_, i) => i).filter((i) => i % 4 === 1 && (i % 9) + 1 >= 2 && (i % 9) + 1 <= 6).length;
  expect(seen.size).toBe(expected);
  expect(pages).toBe(Math.ceil(expected / 100));
  // ~17 pages, each checked against the team's decisions (one more $batch a page): slow on a loaded machine.
}, 120_000);

it('filters by involvement lead and place', async () => {
  const page = await new SpPlanRepository(sp(USERS.jo)).query({ involvementLeadId: 4, place: 'Hillside' });
  expect(page.items.length).toBe(100);
  expect(page.items.every((p) => p.involvementLead?.id === 4 && p.placeName === 'Hillside')).toBe(true);
});

it("lists the site's people for choosing an involvement lead", async () => {
  expect((await new SpUserDirectory(sp(USERS.jo)).siteUsers()).map((u) => u.displayName)).toContain('Jo Bennett (Sample)');
});

describe('team actions, each written to the history', () => {
  it('books scoping, assigns a lead, confirms the level, requests changes; the lead resubmits; the team accepts', async () => {
    const plans = new SpPlanRepository(sp(USERS.priya));
    const content = readyPlanContent();
    const created = await plans.create(content, priya, 'triage-journey');
    const id = created.id;
    await new SpStakeholderRepository(sp(USERS.priya)).addMany(
      id,
      readyStakeholders().map((fields, i) => ({ requestId: `triage-s${i}`, fields, history: [] }))
    );
    let record = (await submitPlan(portsAs(USERS.priya), id, priya, links)).record;
    const team = portsAs(USERS.jo);
    record = await team.workflow.record(id);

    record = (
      await applyTeamAction(team, record, { kind: 'bookScoping', at: '2027-01-12T10:00:00Z', attendees: ['Priya Shah', 'Jo Bennett'] }, jo)
    ).record;
    let plan = record.plan;
    expect(plan.status).toBe('inReview');
    expect(plan.scopingMeeting).toEqual({ at: '2027-01-12T10:00:00Z', attendees: ['Priya Shah', 'Jo Bennett'] });
    record = (
      await applyTeamAction(team, record, { kind: 'assignLead', lead: { id: 4, displayName: 'Jo Bennett (Sample)', email: jo.email } }, jo)
    ).record;
    expect(record.plan.involvementLead?.id).toBe(4);
    // Said in plain English, naming the field (issue 15 §2); nothing is sent.
    await expect(applyTeamAction(team, record, { kind: 'confirmLevel', level: 'collaborate', reason: ' ' }, jo)).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: expect.stringMatching(/^Why it differs from the lead's choice: /)
    });
    await expect(applyTeamAction(team, record, { kind: 'accept', comment: '' }, jo)).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: 'Assign an involvement lead and confirm the level of engagement before accepting.'
    });
    record = (
      await applyTeamAction(team, record, { kind: 'requestChanges', comment: 'Please add the carers network to the audiences.' }, jo)
    ).record;
    expect(record.plan.status).toBe('changesRequested');

    record = (await submitPlan(portsAs(USERS.priya), id, priya, links, 'Added the carers network.')).record;
    record = await team.workflow.record(id);
    record = (
      await applyTeamAction(
        team,
        record,
        { kind: 'confirmLevel', level: 'collaborate', reason: 'Carers asked to co-design the service.' },
        jo
      )
    ).record;
    plan = record.plan;
    expect(plan.content.level).toMatchObject({ chosen: 'collaborate', confirmedByTeam: true });
    record = (await applyTeamAction(team, record, { kind: 'accept', comment: 'Accepted at scoping.' }, jo)).record;
    expect(record.plan.status).toBe('accepted');

    const history = (await team.workflow.record(id)).process.history;
    expect(history.map((h) => `${h.from}>${h.to}`)).toEqual([
      'draft>submitted',
      'submitted>inReview',
      'inReview>inReview',
      'inReview>changesRequested',
      'changesRequested>submitted',
      'submitted>submitted',
      'submitted>accepted'
    ]);
    expect(history[3]).toMatchObject({ by: { id: 4 }, comment: 'Please add the carers network to the audiences.' });
  });

  it("refuses a project lead doing the team's actions", async () => {
    const plan = await new SpPlanRepository(sp(USERS.priya)).create(readyPlanContent(), priya, 'not-team');
    const record = await portsAs(USERS.priya).workflow.record(plan.id);
    await expect(applyTeamAction(portsAs(USERS.priya), record, { kind: 'accept', comment: '' }, priya)).rejects.toMatchObject({
      kind: 'forbidden'
    });
  });
});

describe("the team's decision is checked before it is added to Plan decisions (issue 15 §2)", () => {
  const decisionsOn = (id: number): number =>
    [...wb.store.itemsOf(wb.store.listByTitle('Plan decisions')!).values()].filter((d) => d.values.ipPlan === id).length;

  async function submitted(title: string): Promise<number> {
    const content = readyPlanContent();
    content.project.title = title;
    const created = await new SpPlanRepository(sp(USERS.priya)).create(content, priya, `checked-${title}`);
    await new SpStakeholderRepository(sp(USERS.priya)).addMany(
      created.id,
      readyStakeholders().map((fields, i) => ({ requestId: `checked-${title}-s${i}`, fields, history: [] }))
    );
    await submitPlan(portsAs(USERS.priya), created.id, priya, links);
    return created.id;
  }

  it('asking for changes without a comment, or with one past 4,000 characters, names the field and adds nothing', async () => {
    const id = await submitted('Checked decision');
    const team = portsAs(USERS.jo);
    const record = await team.workflow.record(id);
    await expect(applyTeamAction(team, record, { kind: 'requestChanges', comment: '  ' }, jo)).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: 'Comment for the project lead: say what needs to change. It is required when you ask for changes.'
    });
    await expect(applyTeamAction(team, record, { kind: 'requestChanges', comment: 'x'.repeat(4001) }, jo)).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: 'Comment for the project lead: shorten it to 4,000 characters or fewer, with the words the planner adds (it has 4,001).'
    });
    await expect(
      applyTeamAction(team, record, { kind: 'confirmLevel', level: 'collaborate', reason: 'y'.repeat(4000) }, jo)
    ).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: expect.stringMatching(/^Why it differs from the lead's choice: shorten it/)
    });
    expect(decisionsOn(id)).toBe(0);
    expect((await team.workflow.record(id)).process.status).toBe('submitted');
    // A comment at the limit is written and reads back whole.
    const done = await applyTeamAction(team, record, { kind: 'requestChanges', comment: 'z'.repeat(4000) }, jo);
    expect(done.record.process.history.at(-1)).toMatchObject({ to: 'changesRequested', comment: 'z'.repeat(4000) });
    expect(decisionsOn(id)).toBe(1);
  });

  it('the repository refuses, before any request, a decision whose request id or submission key SharePoint could not hold', async () => {
    const id = await submitted('Checked repository');
    const team = portsAs(USERS.jo);
    const record = await team.workflow.record(id);
    const base = {
      planId: id,
      seq: 1,
      requestId: 'r'.repeat(256),
      kind: 'status' as const,
      from: 'submitted' as const,
      to: 'accepted' as const,
      submission: 1,
      submissionKey: record.process.submission?.key ?? '',
      involvementLead: null,
      confirmedLevel: null,
      scopingMeeting: null,
      comment: ''
    };
    await expect(team.workflow.decide(base)).rejects.toMatchObject({
      kind: 'invalidContent',
      detail: expect.stringContaining('request id must be 1 to 255 characters')
    });
    expect(decisionsOn(id)).toBe(0);
  });
});
