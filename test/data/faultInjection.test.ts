/**
 * The fault-injection suite (issue 15, "Tests"): whole plan journeys through the workbench's
 * SharePoint and Graph stand-ins and the product's own adapters and workflows, while the
 * stand-in answers half of all requests (and half of the parts inside a `$batch`) with 429 and
 * Retry-After, a fifth with 503, and adds latency. The people act as the screens let them: the
 * editor's autosave retries under the retry policy and then offers Try again; after a failed
 * submission or team action the screen reads the plan again (which completes whatever was left
 * part-way) and the person presses the button again; "Resend" and "Send again" when a message
 * is shown as not sent. Then the faults stop and the stored record is checked: no plan lost or
 * duplicated, history complete and in order, one card per submission, every decision once.
 *
 * The faults are drawn from a seeded generator, one stream per request ("METHOD path"), and the
 * people act one at a time, so a seed replays exactly (the last test runs one seed twice and
 * compares). Waits run on a virtual clock: every Retry-After and backoff is honoured in full, in
 * virtual time, so thousands of faults take seconds.
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
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import { buildLeadNoticeMessage } from '../../src/data/teams/leadNoticeMessage';
import {
  applyTeamAction,
  completeRecord,
  countedOutboxEntry,
  emptyPlanContent,
  emptyStakeholderFields,
  isDataError,
  isRetryableError,
  latestLeadNoticeDecision,
  leadNoticeState,
  nextRetryDelay,
  notifyLead,
  retryNow,
  savePlanEdits,
  sendNotification,
  setRetryClock,
  submitPlan,
  type CurrentUser,
  type LeadNoticePorts,
  type NewStakeholder,
  type PlanContent,
  type PlanRecord,
  type StoredPlan,
  type SubmissionPorts,
  type TeamAction
} from '../../src/domain';
import { startWorkbench, type Workbench } from '../../webparts/server/app';
import type { FaultRule } from '../../webparts/server/faults';
import { SAMPLE_TEAMS } from '../../webparts/server/directory';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';

/** Plans per run: each goes the whole journey. */
const PLANS = 3;
const STAKEHOLDERS = 50;
/**
 * The issue's fault mix: 50% of requests 429 (Retry-After 1 s), 20% 503 (0.4 of the rest), 1 ms
 * latency each. And inside a `$batch`, 20% of the writes 429 and 10% 503 on their own while the
 * other parts run, so submissions and decisions are cut off part-way.
 */
const FAULTS: FaultRule[] = [
  { path: '.', throttle: 0.5, retryAfterSeconds: 1, unavailable: 0.4, latencyMs: 1 },
  {
    path: '.',
    methods: ['POST', 'MERGE', 'PATCH', 'PUT', 'DELETE'],
    inBatch: true,
    throttle: 0.2,
    retryAfterSeconds: 1,
    unavailable: 0.125
  }
];
/** A person gives up after pressing Try again this often for one step (the test then fails). */
const MAX_CLICKS = 25;

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
const CHANGES_COMMENT = 'Please say how you will reach night workers, and add a second focus group.';

/** FNV-1a: a 32-bit hash of a string, to seed one stream per request. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One seeded stream per request name: the n-th "GET …/items(7)" gets the same chance in every run of a seed. */
function seededChances(seed: number): (request: string) => number {
  const streams = new Map<string, () => number>();
  return (name) => {
    // A Teams message id is made from the time it was posted: one stream for every reply.
    const request = name.replace(/\/messages\/\d+/g, '/messages/{id}');
    let next = streams.get(request);
    if (!next) {
      next = mulberry32(hash(`${seed}|${request}`));
      streams.set(request, next);
    }
    return next();
  };
}

/** Virtual time for the product's retries: each wait is recorded and taken at once. */
class VirtualClock {
  private offsetMs = 0;
  private readonly startedAt = Date.now();
  public readonly waits: number[] = [];
  /** Only the waits move it, so a time budget is used up the same way in every run of a seed. */
  public now(): number {
    return this.startedAt + this.offsetMs;
  }
  public async sleep(ms: number): Promise<void> {
    this.offsetMs += ms;
    this.waits.push(ms);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const describeError = (error: unknown): string => (isDataError(error) ? `"${error.kind}": ${error.message}` : String(error));

type Ports = SubmissionPorts & LeadNoticePorts;

interface Actor {
  user: CurrentUser;
  ports: Ports;
  plans: SpPlanRepository;
  stakeholders: SpStakeholderRepository;
}

/** What one seeded run did and found. */
interface RunReport {
  seed: number;
  faults: Record<string, number>;
  /** Times a person was shown a failure and pressed Try again (or Resend / Send again). */
  clicks: number;
  /** Kinds of failure people were shown. */
  shown: Record<string, number>;
  waits: { count: number; virtualSeconds: number; retryAfter: number; backoff: number; other: number[] };
  planIds: number[];
  /** Parts of cut-off submissions left behind, not counted (history and outbox items naming a key the plan never took). */
  leftovers: number;
  /** A fingerprint of everything stored, to compare two runs of one seed. */
  fingerprint: string;
  realMs: number;
}

async function run(seed: number): Promise<{ wb: Workbench; report: RunReport; actors: { lead: Actor; team: Actor } }> {
  const started = Date.now();
  const wb = await startWorkbench({ dataFile: ':memory:', port: 0, faultRandom: seededChances(seed) });
  const clock = new VirtualClock();
  const restore = setRetryClock(clock);
  let seq = 0;
  const random = (): string => `s${seed}r${(seq += 1)}`;
  const actor = (user: CurrentUser): Actor => {
    const headers = { 'x-workbench-user': String(user.id) };
    const sp = spForUrl(wb.siteUrl, headers);
    return {
      user,
      plans: new SpPlanRepository(sp),
      stakeholders: new SpStakeholderRepository(sp),
      ports: {
        workflow: new SpWorkflowRepository(sp),
        outbox: new SpOutboxRepository(sp),
        notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, headers)),
        settings: new SpSettingsRepository(sp),
        involvementSettings: new SpInvolvementSettingsStore(sp),
        users: new SpUserDirectory(sp),
        buildMessage: buildSubmissionMessage,
        buildLeadNotice: buildLeadNoticeMessage,
        leadLink: (planId) => `https://teams.microsoft.com/l/entity/app/my-plans?context=plan-${planId}`,
        random
      }
    };
  };
  const lead = actor(priya);
  const teamMember = actor(jo);
  const links = (id: number) => ({ web: `http://127.0.0.1/planner.html#plan=${id}` });
  const report: RunReport = {
    seed,
    faults: {},
    clicks: 0,
    shown: {},
    waits: { count: 0, virtualSeconds: 0, retryAfter: 0, backoff: 0, other: [] },
    planIds: [],
    leftovers: 0,
    fingerprint: '',
    realMs: 0
  };

  /** A person doing one thing on screen: on failure they see the message, the screen recovers, and they press Try again. */
  const onScreen = async <T>(what: string, action: () => Promise<T>, recover?: () => Promise<void>): Promise<T> => {
    for (let clicks = 0; ; clicks += 1) {
      try {
        return await action();
      } catch (error) {
        if (clicks >= MAX_CLICKS || !isDataError(error)) throw error;
        report.shown[error.kind] = (report.shown[error.kind] ?? 0) + 1;
        report.clicks += 1;
        if (!isRetryableError(error)) throw new Error(`${what}: the person was shown ${describeError(error)}`);
        if (recover) await recover();
      }
    }
  };

  /** The editor's autosave: the retry policy first (as usePlanEditor schedules it), then "Try again". */
  const autosave = async (from: StoredPlan, mine: PlanContent): Promise<StoredPlan> =>
    onScreen(`Saving plan ${from.id}`, async () => {
      const since = retryNow();
      for (let attempts = 1; ; attempts += 1) {
        try {
          const outcome = await savePlanEdits(lead.plans, from, mine);
          if (outcome.kind !== 'saved') throw new Error(`Saving plan ${from.id} ended in "${outcome.kind}"`);
          if (outcome.held.length > 0) throw new Error(`Saving plan ${from.id} held back ${outcome.held.map((h) => h.path).join(', ')}`);
          return outcome.plan;
        } catch (error) {
          const wait = isRetryableError(error) ? nextRetryDelay(attempts, retryNow() - since, error.retryAfterMs) : undefined;
          if (wait === undefined) throw error;
          await clock.sleep(wait);
        }
      }
    });

  /** Opening a plan as the submission panel and the review do: read it and complete what was left part-way. */
  const open = (who: Actor, id: number): Promise<PlanRecord> =>
    onScreen(`Opening plan ${id}`, async () => {
      const record = await who.ports.workflow.record(id, { notificationTarget: true });
      return (await completeRecord(who.ports, record, who.user, links(id))).record;
    });

  /** The lead presses Resend while their card shows "Notification pending". */
  const resendUntilSent = async (id: number): Promise<void> => {
    for (let clicks = 0; ; clicks += 1) {
      const record = await open(lead, id);
      const entry = record.process.submission
        ? countedOutboxEntry(record.outbox, id, record.process.submission, record.process.projectLead, record.roster)
        : undefined;
      if (record.process.status !== 'submitted' || entry?.state === 'sent') return;
      if (clicks >= MAX_CLICKS) throw new Error(`The card for plan ${id} was never sent`);
      report.clicks += 1;
      await onScreen(`Resending plan ${id}`, () => sendNotification(lead.ports, record, links(id)));
    }
  };

  /** The team's "Send again" while the review shows the lead was not told yet. */
  const tellLeadUntilSent = async (id: number): Promise<void> => {
    for (let clicks = 0; ; clicks += 1) {
      const record = await open(teamMember, id);
      const decision = latestLeadNoticeDecision(record);
      if (!decision || decision.to !== record.process.status || leadNoticeState(record, decision)?.state === 'sent') return;
      if (clicks >= MAX_CLICKS) throw new Error(`The lead of plan ${id} was never told`);
      report.clicks += 1;
      await onScreen(`Telling the lead of plan ${id}`, () => notifyLead(teamMember.ports, record, decision));
    }
  };

  /** A team action as the review does it: on failure read again; press again only if it did not happen. */
  const teamAct = async (id: number, action: TeamAction, done: (r: PlanRecord) => boolean): Promise<void> => {
    for (let clicks = 0; ; clicks += 1) {
      const record = await open(teamMember, id);
      if (done(record)) break;
      if (clicks >= MAX_CLICKS) throw new Error(`${action.kind} on plan ${id} never happened`);
      try {
        const result = await applyTeamAction(teamMember.ports, record, action, jo);
        const decision = latestLeadNoticeDecision(result.record);
        // The review tells the lead at once; a notice that fails is shown with "Send again".
        if (result.record.process.status !== record.process.status && decision?.author.id === jo.id)
          await notifyLead(teamMember.ports, result.record, decision).catch(() => undefined);
        break;
      } catch (error) {
        if (!isDataError(error)) throw error;
        report.shown[error.kind] = (report.shown[error.kind] ?? 0) + 1;
        report.clicks += 1;
        if (!isRetryableError(error)) throw new Error(`${action.kind} on plan ${id}: the team was shown ${describeError(error)}`);
      }
    }
    await tellLeadUntilSent(id);
  };

  /** The lead submits (or resubmits): on failure the panel reads the plan again and they press Submit again. */
  const submit = async (id: number, number: number): Promise<void> => {
    for (let clicks = 0; ; clicks += 1) {
      const record = await open(lead, id);
      if (record.process.submission?.number === number && record.process.status === 'submitted') break;
      if (clicks >= MAX_CLICKS) throw new Error(`Submission ${number} of plan ${id} never happened`);
      try {
        await submitPlan(lead.ports, id, priya, links(id));
        break;
      } catch (error) {
        if (!isDataError(error)) throw error;
        report.shown[error.kind] = (report.shown[error.kind] ?? 0) + 1;
        report.clicks += 1;
        if (!isRetryableError(error)) throw new Error(`Submitting plan ${id}: the lead was shown ${describeError(error)}`);
      }
    }
    await resendUntilSent(id);
  };

  try {
    await journey();
  } catch (error) {
    await wb.close();
    throw error;
  } finally {
    report.faults = wb.faults.injected();
    wb.faults.set([]);
    restore();
  }
  async function journey(): Promise<void> {
    // Set up with the faults off, as an administrator would.
    await new SpListProvisioner(spForUrl(wb.siteUrl, { 'x-workbench-user': '1' })).ensure();
    await teamMember.ports.settings.setNotificationTarget(target);
    wb.faults.set(FAULTS);

    const ready = readyPlanContent();
    const titles = Array.from({ length: PLANS }, (_, i) => `Fault run ${seed} plan ${i + 1} (Sample)`);
    const plans: StoredPlan[] = [];
    // 1. Create each plan (the new-plan form keeps its request id across Try again) and fill in every section.
    for (const title of titles) {
      const requestId = `create-${title}`;
      const content = emptyPlanContent();
      content.project.title = title;
      let plan = await onScreen(`Creating "${title}"`, () => lead.plans.create(content, priya, requestId));
      const sections: Array<(c: PlanContent) => void> = [
        (c) => (c.project = { ...ready.project, title }),
        (c) => (c.objectives = ready.objectives),
        (c) => (c.triage = ready.triage),
        (c) => (c.level = ready.level),
        (c) => (c.timeline = ready.timeline),
        (c) => (c.methods = ready.methods),
        (c) => (c.budget = ready.budget),
        (c) => (c.equality = ready.equality),
        (c) => (c.communications = ready.communications),
        (c) => (c.stakeholderMap = ready.stakeholderMap),
        (c) => (c.review = { markedReady: true, markedReadyAt: '2026-12-01T09:00:00.000Z' })
      ];
      for (const edit of sections) {
        const next: PlanContent = JSON.parse(JSON.stringify(plan.content)) as PlanContent;
        edit(next);
        plan = await autosave(plan, next);
      }
      plans.push(plan);
    }
    report.planIds = plans.map((p) => p.id);

    // 2. 50 stakeholders each, in one add (kept and offered back whole on failure; "Add them now" adds only the missing).
    for (const plan of plans) {
      const rows: NewStakeholder[] = [
        ...readyStakeholders(),
        ...Array.from({ length: STAKEHOLDERS - readyStakeholders().length }, (_, k) => ({
          ...emptyStakeholderFields(),
          name: `Sample community group ${k + 1}`,
          kind: 'group' as const,
          quadrant: 'keepInformed' as const
        }))
      ].map((fields, k) => ({
        requestId: `plan-${plan.id}-stakeholder-${k}`,
        fields,
        history: fields.quadrant
          ? [{ at: '2026-12-01T09:00:00.000Z', by: priya.displayName, from: null, to: fields.quadrant, reason: 'Added to the map' }]
          : []
      }));
      await onScreen(`Adding stakeholders to plan ${plan.id}`, () => lead.stakeholders.addMany(plan.id, rows));
    }

    // 3. Submit; the team asks for changes with a comment; the lead edits and resubmits; the team
    //    books the scoping meeting, assigns an involvement lead, confirms the level and accepts.
    for (const plan of plans) await submit(plan.id, 1);
    for (const plan of plans)
      await teamAct(plan.id, { kind: 'requestChanges', comment: CHANGES_COMMENT }, (r) => r.process.status === 'changesRequested');
    for (const plan of plans) {
      const opened = await open(lead, plan.id);
      const current = await onScreen(`Reading plan ${plan.id}`, () => lead.plans.get(plan.id));
      expect(opened.process.status).toBe('changesRequested');
      const next: PlanContent = JSON.parse(JSON.stringify(current.content)) as PlanContent;
      next.methods = [...next.methods, { method: 'focus-group', audience: 'Night workers', notes: 'A second focus group, at night.' }];
      await autosave(current, next);
      await submit(plan.id, 2);
    }
    for (const plan of plans) {
      await teamAct(
        plan.id,
        { kind: 'bookScoping', at: '2027-01-12T10:00:00.000Z', attendees: ['Jo Bennett (Sample)', 'Priya Shah (Sample)'] },
        (r) => r.process.scopingMeeting !== null
      );
      await teamAct(
        plan.id,
        { kind: 'assignLead', lead: { id: jo.id, displayName: jo.displayName, email: jo.email } },
        (r) => r.process.involvementLead !== null
      );
      await teamAct(plan.id, { kind: 'confirmLevel', level: 'involve', reason: '' }, (r) => r.process.confirmedLevel !== null);
      await teamAct(plan.id, { kind: 'accept', comment: 'Accepted (sample).' }, (r) => r.process.status === 'accepted');
    }
  }
  report.waits = {
    count: clock.waits.length,
    virtualSeconds: Math.round(clock.waits.reduce((a, b) => a + b, 0) / 1000),
    retryAfter: clock.waits.filter((w) => w === 1000).length,
    backoff: clock.waits.filter((w) => [500, 2000, 4000].includes(w)).length,
    other: [...new Set(clock.waits.filter((w) => ![500, 1000, 2000, 4000].includes(w)))]
  };
  report.realMs = Date.now() - started;
  return { wb, report, actors: { lead, team: teamMember } };
}

/** Everything a run stored, faults off, read through the product (and the stand-in's store for duplicates). */
async function checkStored(wb: Workbench, report: RunReport, actors: { lead: Actor; team: Actor }): Promise<string> {
  const { lead, team: teamMember } = actors;
  const lists = (title: string) => [...wb.store.itemsOf(wb.store.listByTitle(title)!).values()];
  const plansStored = lists('Involvement plans');
  const lines: string[] = [];
  expect(plansStored).toHaveLength(PLANS);
  expect(new Set(plansStored.map((p) => p.values.Title)).size).toBe(PLANS);
  const messages = wb.store.channelMessages(target.teamId, target.channelId);
  for (const id of report.planIds) {
    // The team opens each plan once more: stored copies behind its decisions are put right on open.
    const opened = await completeRecord(teamMember.ports, await teamMember.ports.workflow.record(id, { notificationTarget: true }), jo, {
      web: 'x'
    });
    const record = await lead.ports.workflow.record(id, { notificationTarget: true, stakeholders: true });
    const { process } = record;
    const title = record.plan.content.project.title;
    expect(opened.record.process.status).toBe('accepted');
    expect(process.status).toBe('accepted');
    expect(record.plan.status).toBe('accepted');
    expect(process.unconfirmed).toEqual([]);
    // A submission whose status change failed inside its batch leaves the batch's other parts
    // behind: they name a key the plan never took, so they do not count (and are never history).
    const leftovers = process.ignored.filter((i) => i.reason === 'Names a submission this plan does not have.');
    expect(process.ignored.filter((i) => !leftovers.includes(i))).toEqual([]);
    report.leftovers += leftovers.length;
    expect(process.missingEntries).toEqual([]);
    // History complete and in order, with the team's comment.
    expect(process.history.map((h) => `${h.from ?? 'new'}→${h.to}`)).toEqual([
      'draft→submitted',
      'submitted→changesRequested',
      'changesRequested→submitted',
      'submitted→inReview',
      'inReview→inReview',
      'inReview→inReview',
      'inReview→accepted'
    ]);
    expect(process.history[1].comment).toBe(CHANGES_COMMENT);
    // Every decision once, in order.
    expect(process.decisions.map((d) => [d.seq, d.kind, d.to])).toEqual([
      [1, 'status', 'changesRequested'],
      [2, 'scoping', 'inReview'],
      [3, 'involvementLead', 'inReview'],
      [4, 'level', 'inReview'],
      [5, 'status', 'accepted']
    ]);
    const decisionsStored = lists('Plan decisions').filter((d) => d.values.ipPlan === id);
    expect(decisionsStored).toHaveLength(5);
    // Two submissions, each with one history entry and one sent card.
    expect(process.submissions.map((s) => s.number)).toEqual([1, 2]);
    for (const s of process.submissions) {
      expect(lists('Plan status history').filter((h) => h.values.ipKey === s.key)).toHaveLength(1);
      const entries = lists('Notification outbox').filter((o) => o.values.ipIdempotencyKey === s.key);
      expect(entries).toHaveLength(1);
      expect(countedOutboxEntry(record.outbox, id, s, process.projectLead, record.roster)?.state).toBe('sent');
    }
    const cards = messages.filter((m) => !m.replyToId && JSON.stringify(m.body).includes(title));
    const notices = messages.filter((m) => m.replyToId && JSON.stringify(m.body).includes(title));
    expect(cards).toHaveLength(2);
    // The lead was told of "changes requested" and "accepted", once each, in the thread of the card decided on.
    expect(notices).toHaveLength(2);
    // 50 stakeholders, none twice, all readable.
    const map = await lead.stakeholders.listForPlanChecked(id);
    expect(map.unreadable).toEqual([]);
    expect(map.stakeholders).toHaveLength(STAKEHOLDERS);
    expect(new Set(map.stakeholders.map((s) => s.name)).size).toBe(STAKEHOLDERS);
    expect(lists('Plan stakeholders').filter((s) => s.values.ipPlan === id)).toHaveLength(STAKEHOLDERS);
    // The plan reads whole: no field held back, none unreadable.
    const plan = await lead.plans.get(id);
    expect(plan.storedProblems ?? []).toEqual([]);
    lines.push(
      `${title}|${process.history.map((h) => `${h.from}>${h.to}:${h.by.id}`).join(',')}|${process.submissions.map((s) => s.key).join(',')}|${map.stakeholders.length}`
    );
  }
  // The dashboard: every plan listed and counted, nothing unreadable.
  const queue = await teamMember.plans.query({});
  expect(queue.unreadable).toEqual([]);
  expect(queue.items.filter((p) => report.planIds.includes(p.id))).toHaveLength(PLANS);
  expect((await teamMember.plans.countByStatus()).accepted).toBe(PLANS);
  return [...lines, JSON.stringify(report.faults), String(report.clicks), String(report.waits.count)].join('\n');
}

/** Three seeds in the suite; `FAULT_SEEDS=4,5,6 npx jest test/data/faultInjection.test.ts` tries others. */
const SEEDS = process.env.FAULT_SEEDS ? process.env.FAULT_SEEDS.split(',').map(Number) : [1, 2, 3];
const reports: RunReport[] = [];

afterAll(() => {
  // The numbers behind the README's reliability section, per seed: FAULT_REPORT=1 npx jest test/data/faultInjection.test.ts
  if (process.env.FAULT_REPORT) console.log(reports.map((r) => JSON.stringify({ ...r, fingerprint: undefined })).join('\n'));
});

describe.each(SEEDS)('seed %i: %#', (seed) => {
  it(`${PLANS} plans go the whole journey at 50% 429 + 20% 503 + latency; with the faults off nothing is lost, doubled or out of order`, async () => {
    const { wb, report, actors } = await run(seed);
    try {
      expect(report.faults['429']).toBeGreaterThan(100);
      expect(report.faults['503']).toBeGreaterThan(20);
      // Every wait was the Retry-After asked for (1 s) or the policy's backoff.
      expect(report.waits.other).toEqual([]);
      expect(Object.keys(report.shown).every((k) => ['throttled', 'unavailable'].includes(k))).toBe(true);
      report.fingerprint = await checkStored(wb, report, actors);
      reports.push(report);
    } finally {
      await wb.close();
    }
  }, 120_000);
});

it('a seed replays exactly: the same faults, the same clicks, the same stored record', async () => {
  const { wb, report, actors } = await run(SEEDS[0]);
  try {
    report.fingerprint = await checkStored(wb, report, actors);
    const first = reports.find((r) => r.seed === SEEDS[0]);
    expect(report.fingerprint).toBe(first?.fingerprint);
  } finally {
    await wb.close();
  }
}, 120_000);
