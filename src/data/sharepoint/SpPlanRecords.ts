import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
import { z } from 'zod';
import {
  DataError,
  DECISION_KINDS,
  engagementLevelSchema,
  isDataError,
  notificationTargetSchema,
  PLAN_STATUS_LABELS,
  UNKNOWN_ROSTER,
  verifiedPlan,
  verifyProcess,
  type IgnoredItem,
  type NotificationTarget,
  type OutboxEntry,
  type PersonRef,
  type PlanItemClaims,
  type PlanRecord,
  type PlanStatus,
  type RecordOptions,
  type Stakeholder,
  type SubmissionEntry,
  type TeamDecision,
  type TeamRoster
} from '../../domain';
import { toDataError } from '../http';
import { driftError, parseItem, storedOf } from './ListGateway';
import { DECISION, HISTORY, INVOLVEMENT_TEAM_GROUP_NAME, listDefinition, OUTBOX, PLAN, type ListKey } from './lists';
import { PLAN_DETAIL_SELECT, PLAN_EXPAND, toInvolvementPlan } from './planMapper';
import { STAKEHOLDER_SELECT, stakeholderFromRaw } from './SpStakeholderRepository';

/** A list's title, from the definitions (the only place titles exist). */
export const titleOf = (key: ListKey): string => listDefinition(key).title;

const statusByLabel = new Map(Object.entries(PLAN_STATUS_LABELS).map(([key, label]) => [label, key as PlanStatus]));
/** The stored choice for a status. */
export const statusLabel = (s: PlanStatus): string => PLAN_STATUS_LABELS[s];

const personSchema = z.object({ Id: z.number(), Title: z.string().nullable().optional(), EMail: z.string().nullable().optional() });
const toPerson = (p: z.infer<typeof personSchema>): PersonRef => ({
  id: p.Id,
  displayName: p.Title ?? `User ${p.Id}`,
  email: p.EMail ?? ''
});
const AUTHOR = ['Author/Id', 'Author/Title', 'Author/EMail'];

/** What the plan item says about its process (beyond what the plan mapper reads). */
export const CLAIMS_SELECT = [...AUTHOR, PLAN.status, PLAN.submission, PLAN.submissionKey, PLAN.scopingMeeting];
/** The person columns the claims need expanded. */
export const CLAIMS_EXPAND = ['Author'];

const claimsSchema = z.object({
  Id: z.number(),
  Author: personSchema,
  [PLAN.status]: z.string().nullable(),
  [PLAN.projectLead]: personSchema.nullable().optional(),
  [PLAN.involvementLead]: personSchema.nullable().optional(),
  [PLAN.submission]: z.number().nullable().optional(),
  [PLAN.submissionKey]: z.string().nullable().optional(),
  [PLAN.scopingMeeting]: z.string().nullable().optional()
});

/**
 * What a plan item claims. `confirmedLevel` is what its JSON says the team confirmed, when the
 * JSON was read (a summary does not read it: pass the verified value so it never differs).
 */
export function toClaims(raw: unknown, confirmedLevel: PlanItemClaims['confirmedLevel']): PlanItemClaims {
  const r = parseItem(claimsSchema, raw, titleOf('plans'));
  const stored = r[PLAN.status] ?? '';
  const lead = r[PLAN.projectLead];
  const involvement = r[PLAN.involvementLead];
  return {
    planId: r.Id,
    createdBy: toPerson(r.Author),
    projectLead: lead ? toPerson(lead) : null,
    status: statusByLabel.get(stored) ?? null,
    statusText: stored,
    submission: r[PLAN.submission] ?? 0,
    submissionKey: r[PLAN.submissionKey] ?? '',
    involvementLead: involvement ? toPerson(involvement) : null,
    scopingMeetingAt: r[PLAN.scopingMeeting] ?? null,
    confirmedLevel
  };
}

/** The level a plan's JSON says the team confirmed (a claim). */
function claimedLevel(raw: unknown): PlanItemClaims['confirmedLevel'] {
  const text = (raw as Record<string, unknown>)[PLAN.projectJson];
  try {
    const level = (
      JSON.parse(typeof text === 'string' ? text : 'null') as { level?: { chosen?: unknown; confirmedByTeam?: unknown } } | null
    )?.level;
    const chosen = engagementLevelSchema.safeParse(level?.chosen);
    return level?.confirmedByTeam === true && chosen.success ? chosen.data : null;
  } catch {
    return null;
  }
}

/** Replace the stored Status (a copy, maybe one the planner does not know) with the verified one before mapping. */
export const withStatus = (raw: unknown, status: PlanStatus): unknown => ({ ...(raw as object), [PLAN.status]: statusLabel(status) });

export const DECISION_SELECT = [
  'Id',
  'Created',
  ...AUTHOR,
  `${DECISION.plan}Id`,
  DECISION.seq,
  DECISION.requestId,
  DECISION.kind,
  DECISION.from,
  DECISION.to,
  DECISION.submission,
  DECISION.submissionKey,
  `${DECISION.involvementLead}/Id`,
  `${DECISION.involvementLead}/Title`,
  `${DECISION.involvementLead}/EMail`,
  DECISION.confirmedLevel,
  DECISION.scopingMeeting,
  DECISION.scopingAttendees,
  DECISION.comment
];
export const DECISION_EXPAND = ['Author', DECISION.involvementLead];

const statusSchema = z.string().transform((s, ctx) => {
  const status = statusByLabel.get(s);
  if (!status) ctx.addIssue({ code: 'custom', message: 'not a status' });
  return status as PlanStatus;
});

const decisionSchema = z.object({
  Id: z.number(),
  Created: z.string(),
  Author: personSchema,
  ipPlanId: z.number(),
  [DECISION.seq]: z.number(),
  [DECISION.requestId]: z.string().nullable(),
  [DECISION.kind]: z.enum(DECISION_KINDS),
  [DECISION.from]: statusSchema,
  [DECISION.to]: statusSchema,
  [DECISION.submission]: z.number(),
  [DECISION.submissionKey]: z.string().nullable(),
  [DECISION.involvementLead]: personSchema.nullable().optional(),
  [DECISION.confirmedLevel]: engagementLevelSchema.nullable(),
  [DECISION.scopingMeeting]: z.string().nullable(),
  [DECISION.scopingAttendees]: z.string().nullable(),
  [DECISION.comment]: z.string().nullable()
});

function toDecision(raw: unknown): TeamDecision {
  const d = parseItem(decisionSchema, raw, titleOf('planDecisions'));
  let attendees: string[] = [];
  try {
    attendees = z.array(z.string()).parse(JSON.parse(d[DECISION.scopingAttendees] || '[]'));
  } catch {
    throw driftError(titleOf('planDecisions'), DECISION.scopingAttendees, 'is not a list of names.');
  }
  const lead = d[DECISION.involvementLead];
  const scopingAt = d[DECISION.scopingMeeting];
  return {
    id: d.Id,
    planId: d.ipPlanId,
    seq: d[DECISION.seq],
    requestId: d[DECISION.requestId] ?? '',
    kind: d[DECISION.kind],
    from: d[DECISION.from],
    to: d[DECISION.to],
    submission: d[DECISION.submission],
    submissionKey: d[DECISION.submissionKey] ?? '',
    involvementLead: lead ? toPerson(lead) : null,
    confirmedLevel: d[DECISION.confirmedLevel],
    scopingMeeting: scopingAt ? { at: scopingAt, attendees } : null,
    comment: d[DECISION.comment] ?? '',
    author: toPerson(d.Author),
    created: d.Created
  };
}

export const ENTRY_SELECT = [
  'Id',
  'Created',
  ...AUTHOR,
  `${HISTORY.plan}Id`,
  HISTORY.from,
  HISTORY.submission,
  HISTORY.key,
  HISTORY.comment
];

const entrySchema = z.object({
  Id: z.number(),
  Created: z.string(),
  Author: personSchema,
  ipPlanId: z.number(),
  [HISTORY.from]: statusSchema.nullable(),
  [HISTORY.submission]: z.number(),
  [HISTORY.key]: z.string(),
  [HISTORY.comment]: z.string().nullable()
});

function toEntry(raw: unknown): SubmissionEntry {
  const e = parseItem(entrySchema, raw, titleOf('statusHistory'));
  return {
    id: e.Id,
    planId: e.ipPlanId,
    submission: e[HISTORY.submission],
    key: e[HISTORY.key],
    from: e[HISTORY.from],
    comment: e[HISTORY.comment] ?? '',
    author: toPerson(e.Author),
    created: e.Created
  };
}

export const OUTBOX_SELECT = [
  'Id',
  'Title',
  'Modified',
  ...AUTHOR,
  `${OUTBOX.plan}Id`,
  OUTBOX.key,
  OUTBOX.state,
  OUTBOX.attempts,
  OUTBOX.lastError,
  OUTBOX.sentAt,
  OUTBOX.messageId
];

const outboxSchema = z.object({
  Id: z.number(),
  'odata.etag': z.string(),
  Title: z.string().nullable(),
  Modified: z.string(),
  Author: personSchema,
  ipPlanId: z.number(),
  [OUTBOX.key]: z.string(),
  [OUTBOX.state]: z.enum(['Pending', 'Sent', 'Failed']).nullable(),
  [OUTBOX.attempts]: z.number().nullable(),
  [OUTBOX.lastError]: z.string().nullable(),
  [OUTBOX.sentAt]: z.string().nullable(),
  [OUTBOX.messageId]: z.string().nullable()
});

/** An outbox item; a claimed one's Title says "sending" while a post is in flight. */
export function toOutboxEntry(raw: unknown): OutboxEntry {
  const r = parseItem(outboxSchema, raw, titleOf('notificationOutbox'));
  const label = r[OUTBOX.state] ?? 'Pending';
  return {
    id: r.Id,
    version: r['odata.etag'],
    planId: r.ipPlanId,
    key: r[OUTBOX.key],
    state: label === 'Sent' ? 'sent' : label === 'Failed' ? 'failed' : (r.Title ?? '').startsWith('sending') ? 'sending' : 'pending',
    attempts: r[OUTBOX.attempts] ?? 0,
    lastError: r[OUTBOX.lastError] ?? '',
    sentAt: r[OUTBOX.sentAt],
    messageId: r[OUTBOX.messageId] ?? '',
    updatedAt: r.Modified,
    author: toPerson(r.Author)
  };
}

/** Items that could not be read are named (list, item, column) and skipped, never hiding the rest. */
export function readEach<T>(raws: readonly unknown[], list: string, map: (raw: unknown) => T, ignored: IgnoredItem[]): T[] {
  const out: T[] = [];
  for (const raw of raws) {
    try {
      out.push(map(raw));
    } catch (error) {
      if (!isDataError(error, 'schemaDrift')) throw error;
      ignored.push({ list, itemId: (raw as { Id?: number }).Id ?? 0, reason: error.detail });
    }
  }
  return out;
}

const rosterSchema = z.array(z.object({ Id: z.number() }));

/** Settle a batched request, so one failed part never leaves another's failure unhandled. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
export const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then<Settled<T>, Settled<T>>(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error })
  );

async function value<T>(what: string, settled: Promise<Settled<T>>): Promise<T> {
  const s = await settled;
  if (s.ok) return s.value;
  throw await toDataError(s.error, what);
}

/** The raw reads behind a record, as returned by one $batch. */
export interface RawRecord {
  plan: unknown;
  decisions: unknown[];
  entries: unknown[];
  outbox: unknown[];
  roster: TeamRoster;
  stakeholders?: unknown[];
  notificationTarget?: NotificationTarget;
}

/** Most items of one kind read for one plan in the record's batch (decisions, entries, outbox, stakeholders). */
const PER_PLAN = 500;
const STAKEHOLDERS_MAX = 5000;

/**
 * Reads a plan's record — the plan item, its decisions, its history entries, its outbox items, the
 * team's members, and when asked its stakeholders and the channel setting — in one `$batch` round
 * trip, each part filtered on an indexed column, and verifies it.
 */
export class SpPlanRecords {
  public constructor(private readonly sp: SPFI) {}

  /**
   * Queue the reads of a plan's record on a batch (after whatever is queued already: SharePoint
   * runs a batch's requests in order). Returns how to collect them once the batch has run.
   */
  public queue(batched: SPFI, planId: number, options: RecordOptions = {}): () => Promise<RawRecord> {
    const items = (key: ListKey) => batched.web.lists.getByTitle(titleOf(key)).items;
    const perPlan = (key: ListKey, select: string[], expand: string[] = []) => {
      const q = items(key)
        .select(...select)
        .filter(`ipPlanId eq ${planId}`)
        .orderBy('Id', true)
        .top(PER_PLAN);
      return settle((expand.length ? q.expand(...expand) : q)<unknown[]>());
    };
    const plan = settle(
      items('plans')
        .getById(planId)
        .select(...PLAN_DETAIL_SELECT, ...CLAIMS_SELECT)
        .expand(...PLAN_EXPAND, ...CLAIMS_EXPAND)<unknown>()
    );
    const decisions = perPlan('planDecisions', DECISION_SELECT, DECISION_EXPAND);
    const entries = perPlan('statusHistory', ENTRY_SELECT, ['Author']);
    const outbox = perPlan('notificationOutbox', OUTBOX_SELECT, ['Author']);
    const members = settle(batched.web.siteGroups.getByName(INVOLVEMENT_TEAM_GROUP_NAME).users.select('Id')<unknown>());
    const stakeholders = options.stakeholders
      ? settle(
          items('planStakeholders')
            .select(...STAKEHOLDER_SELECT)
            .filter(`ipPlanId eq ${planId}`)
            .orderBy('Id', true)
            .top(STAKEHOLDERS_MAX)<unknown[]>()
        )
      : undefined;
    const target = options.notificationTarget
      ? settle(
          items('settings').select('Id', 'ipValue').filter(`Title eq 'notificationTarget'`).top(1)<Array<{ ipValue?: string | null }>>()
        )
      : undefined;
    return async () => {
      const what = `Reading plan ${planId}`;
      const roster = await members.then((m): TeamRoster => {
        const parsed = m.ok ? rosterSchema.safeParse(m.value) : undefined;
        // Membership hidden from this person (the group shows it to members only): go on the lists' permissions.
        return parsed?.success ? { known: true, memberIds: new Set(parsed.data.map((u) => u.Id)) } : UNKNOWN_ROSTER;
      });
      let notificationTarget: NotificationTarget | undefined;
      if (target) {
        const [setting] = await value(`Reading "${titleOf('settings')}"`, target);
        try {
          const parsed = notificationTargetSchema.safeParse(JSON.parse(setting?.ipValue ?? 'null'));
          notificationTarget = parsed.success ? parsed.data : undefined;
        } catch {
          notificationTarget = undefined;
        }
      }
      return {
        plan: await value(what, plan),
        decisions: await value(`Reading the decisions on plan ${planId}`, decisions),
        entries: await value(`Reading the history of plan ${planId}`, entries),
        outbox: await value(`Reading the notifications of plan ${planId}`, outbox),
        roster,
        stakeholders: stakeholders ? await value(`Reading the stakeholders of plan ${planId}`, stakeholders) : undefined,
        notificationTarget
      };
    };
  }

  /** The raw parts of a plan's record, in one round trip. */
  public async readRaw(planId: number, options: RecordOptions = {}): Promise<RawRecord> {
    const [batched, execute] = this.sp.batched();
    const collect = this.queue(batched, planId, options);
    try {
      await execute();
    } catch (error) {
      throw await toDataError(error, `Reading plan ${planId}`);
    }
    return collect();
  }

  /** A plan's record, in one round trip, verified. */
  public async read(planId: number, options: RecordOptions = {}): Promise<PlanRecord> {
    return buildRecord(await this.readRaw(planId, options), options);
  }
}

/** Verify the raw parts of a record. */
export function buildRecord(raw: RawRecord, options: RecordOptions = {}): PlanRecord {
  const ignored: IgnoredItem[] = [];
  const claims = toClaims(raw.plan, claimedLevel(raw.plan));
  const decisions = readEach(raw.decisions, titleOf('planDecisions'), toDecision, ignored);
  const entries = readEach(raw.entries, titleOf('statusHistory'), toEntry, ignored);
  const outbox = readEach(raw.outbox, titleOf('notificationOutbox'), toOutboxEntry, ignored);
  const verified = verifyProcess(claims, decisions, entries, raw.roster);
  const process = { ...verified, ignored: [...ignored, ...verified.ignored] };
  const plan = {
    ...verifiedPlan(toInvolvementPlan(withStatus(raw.plan, process.status)), process),
    ...storedOf(raw.plan, titleOf('plans'))
  };
  let stakeholders: Stakeholder[] | undefined;
  if (raw.stakeholders) {
    // Only the plan's lead's and the team's entries are the plan's; unreadable ones are skipped.
    const lead = process.projectLead.id;
    const all = readEach(raw.stakeholders, titleOf('planStakeholders'), stakeholderFromRaw, []);
    stakeholders = all.filter((s) => s.authorId === lead || (raw.roster.known && raw.roster.memberIds.has(s.authorId))).map((s) => s.item);
  }
  return {
    plan,
    claims,
    process,
    roster: raw.roster,
    outbox,
    stakeholders,
    notificationTarget: options.notificationTarget ? raw.notificationTarget : undefined
  };
}

/** Plans per $batch when checking a page of summaries against their decisions (SharePoint allows 100 requests a batch). */
const PLANS_PER_BATCH = 50;

/**
 * The decisions on each of a page of plans, and the team's members: one $batch of reads per 50
 * plans (each filtered on the indexed plan lookup), run side by side.
 */
export async function decisionsFor(
  sp: SPFI,
  planIds: readonly number[]
): Promise<{ byPlan: Map<number, TeamDecision[]>; roster: TeamRoster }> {
  const byPlan = new Map<number, TeamDecision[]>(planIds.map((id) => [id, []]));
  let roster: TeamRoster = UNKNOWN_ROSTER;
  const chunks: number[][] = [];
  for (let i = 0; i < planIds.length; i += PLANS_PER_BATCH) chunks.push(planIds.slice(i, i + PLANS_PER_BATCH));
  if (chunks.length === 0) chunks.push([]);
  await Promise.all(
    chunks.map(async (chunk, index) => {
      const [batched, execute] = sp.batched();
      // A fresh items object per request: PnPjs keeps a query's options on the object it was built on.
      const reads = chunk.map((id) =>
        settle(
          batched.web.lists
            .getByTitle(titleOf('planDecisions'))
            .items.select(...DECISION_SELECT)
            .expand(...DECISION_EXPAND)
            .filter(`ipPlanId eq ${id}`)
            .orderBy('Id', true)
            .top(PER_PLAN)<unknown[]>()
        )
      );
      const members =
        index === 0 ? settle(batched.web.siteGroups.getByName(INVOLVEMENT_TEAM_GROUP_NAME).users.select('Id')<unknown>()) : undefined;
      try {
        await execute();
      } catch (error) {
        throw await toDataError(error, `Reading "${titleOf('planDecisions')}"`);
      }
      for (const [i, id] of chunk.entries()) {
        const raws = await value(`Reading the decisions on plan ${id}`, reads[i]);
        byPlan.set(id, readEach(raws, titleOf('planDecisions'), toDecision, []));
      }
      if (members) {
        const m = await members;
        const parsed = m.ok ? rosterSchema.safeParse(m.value) : undefined;
        if (parsed?.success) roster = { known: true, memberIds: new Set(parsed.data.map((u) => u.Id)) };
      }
    })
  );
  return { byPlan, roster };
}

/** Just what deciding a plan's status needs from a decision (for counting every plan). */
export const DECISION_STATUS_SELECT = [
  'Id',
  'AuthorId',
  `${DECISION.plan}Id`,
  DECISION.seq,
  DECISION.kind,
  DECISION.from,
  DECISION.to,
  DECISION.submission,
  DECISION.submissionKey
];

const decisionStatusSchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  ipPlanId: z.number(),
  [DECISION.seq]: z.number(),
  [DECISION.kind]: z.enum(DECISION_KINDS),
  [DECISION.from]: statusSchema,
  [DECISION.to]: statusSchema,
  [DECISION.submission]: z.number(),
  [DECISION.submissionKey]: z.string().nullable()
});

/** A decision read with `DECISION_STATUS_SELECT`: enough to decide the plan's status. */
export function toDecisionStatus(raw: unknown): TeamDecision {
  const d = parseItem(decisionStatusSchema, raw, titleOf('planDecisions'));
  return {
    id: d.Id,
    planId: d.ipPlanId,
    seq: d[DECISION.seq],
    requestId: '',
    kind: d[DECISION.kind],
    from: d[DECISION.from],
    to: d[DECISION.to],
    submission: d[DECISION.submission],
    submissionKey: d[DECISION.submissionKey] ?? '',
    involvementLead: null,
    confirmedLevel: null,
    scopingMeeting: null,
    comment: '',
    author: { id: d.AuthorId, displayName: '', email: '' },
    created: ''
  };
}

/** A plan that does not exist, or that this person cannot see. */
export function isMissing(error: unknown): boolean {
  return error instanceof DataError && error.kind === 'notFound';
}
