import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
// The first screens ("My plans", the dashboard's counts and queue) read plans through this module
// alone, so it uses zod's tree-shakable API (zod/mini) and nothing that pulls in the plan's whole
// schema: the whole record's reader (SpPlanRecords, planMapper) is fetched with the plan.
import * as z from 'zod/mini';
import {
  DataError,
  DECISION_KINDS,
  ENGAGEMENT_LEVELS,
  isDataError,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  UNKNOWN_ROSTER,
  verifyProcess,
  type EngagementLevel,
  type IgnoredItem,
  type PersonRef,
  type PlanItemClaims,
  type PlanQuery,
  type PlanStatus,
  type PlanSummary,
  type PlanSummaryPage,
  type StatusOverview,
  type TeamDecision,
  type TeamRoster,
  type UnreadablePlan
} from '../../domain';
import { toDataError } from '../http';
import { driftError, ListGateway, odataString, parseItem } from './ListGateway';
import { DECISION, INVOLVEMENT_TEAM_GROUP_NAME, listDefinition, PLAN, type ListKey } from './lists';
import { CLAIMS_EXPAND, CLAIMS_SELECT, PLAN_EXPAND, PLAN_SUMMARY_SELECT, PLANS_PAGE_SIZE } from './planListColumns';

/** A list's title, from the definitions (the only place titles exist). */
export const titleOf = (key: ListKey): string => listDefinition(key).title;

const PLANS = titleOf('plans');
const statusByLabel = new Map(Object.entries(PLAN_STATUS_LABELS).map(([key, label]) => [label, key as PlanStatus]));
/** The stored choice for a status. */
export const statusLabel = (s: PlanStatus): string => PLAN_STATUS_LABELS[s];
const isLevel = (value: unknown): value is EngagementLevel => (ENGAGEMENT_LEVELS as readonly unknown[]).includes(value);

const person = z.object({ Id: z.number(), Title: z.optional(z.nullable(z.string())), EMail: z.optional(z.nullable(z.string())) });
const toPerson = (p: z.infer<typeof person>): PersonRef => ({ id: p.Id, displayName: p.Title ?? `User ${p.Id}`, email: p.EMail ?? '' });
const AUTHOR = ['Author/Id', 'Author/Title', 'Author/EMail'];
const nullableString = z.nullable(z.string());
const nullablePerson = z.optional(z.nullable(person));
/** A status column: one of the planner's status labels. */
const statusText = z.string().check(z.refine((s) => statusByLabel.has(s), 'not a status'));
const statusOf = (label: string): PlanStatus => statusByLabel.get(label) as PlanStatus;

/** The raw shape of an "Involvement plans" item as plan lists read it (JSON light). */
export const planListItemSchema = z.object({
  Id: z.number(),
  'odata.etag': z.optional(z.string()),
  Title: nullableString,
  [PLAN.status]: z.string(),
  [PLAN.projectLead]: z.optional(z.nullable(z.object({ Id: z.number(), Title: z.string(), EMail: z.optional(nullableString) }))),
  [PLAN.involvementLead]: z.optional(z.nullable(z.object({ Id: z.number(), Title: z.string(), EMail: z.optional(nullableString) }))),
  [PLAN.organisation]: nullableString,
  [PLAN.place]: nullableString,
  [PLAN.chosenLevel]: nullableString,
  [PLAN.formalConsultation]: z.nullable(z.boolean()),
  [PLAN.decisionDate]: nullableString,
  [PLAN.nextKeyDate]: nullableString,
  Modified: z.string()
});
/** A raw "Involvement plans" item. */
export type PlanListItem = z.infer<typeof planListItemSchema>;

export { CLAIMS_EXPAND, CLAIMS_SELECT, PLAN_EXPAND, PLAN_SUMMARY_SELECT } from './planListColumns';

const unknownStatusText = (value: unknown): string =>
  `has the value "${String(value)}", which is not a status the planner knows. A site owner can set it, in the list, to one of: ${Object.values(
    PLAN_STATUS_LABELS
  ).join(', ')}.`;

/** What is wrong with a plan whose status the planner does not know, and who can fix it. */
export function unknownStatusProblem(itemId: number, value: unknown): string {
  return driftError(PLANS, PLAN.status, unknownStatusText(value), itemId).detail;
}

const dateOnly = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);

/** Map a raw item to what plan lists show. */
export function toPlanSummary(raw: unknown): PlanSummary {
  const item = parseItem(planListItemSchema, raw, PLANS);
  const status = statusByLabel.get(item[PLAN.status]);
  if (!status) throw driftError(PLANS, PLAN.status, unknownStatusText(item[PLAN.status]), item.Id);
  const lead = item[PLAN.projectLead];
  const involvement = item[PLAN.involvementLead];
  const level = item[PLAN.chosenLevel];
  return {
    id: item.Id,
    title: item.Title ?? '',
    status,
    projectLead: lead ? toPerson(lead) : null,
    involvementLead: involvement ? toPerson(involvement) : null,
    organisation: item[PLAN.organisation] ?? '',
    placeName: item[PLAN.place] ?? '',
    chosenLevel: isLevel(level) ? level : null,
    formalConsultationLikely: item[PLAN.formalConsultation] ?? false,
    decisionDate: dateOnly(item[PLAN.decisionDate]),
    nextKeyDate: dateOnly(item[PLAN.nextKeyDate]),
    modified: item.Modified,
    unconfirmed: []
  };
}

const claimsSchema = z.object({
  Id: z.number(),
  Author: person,
  [PLAN.status]: nullableString,
  [PLAN.projectLead]: nullablePerson,
  [PLAN.involvementLead]: nullablePerson,
  [PLAN.submission]: z.optional(z.nullable(z.number())),
  [PLAN.submissionKey]: z.optional(nullableString),
  [PLAN.scopingMeeting]: z.optional(nullableString)
});

/**
 * What a plan item claims. `confirmedLevel` is what its JSON says the team confirmed, when the
 * JSON was read (a summary does not read it: pass the verified value so it never differs).
 */
export function toClaims(raw: unknown, confirmedLevel: PlanItemClaims['confirmedLevel']): PlanItemClaims {
  const r = parseItem(claimsSchema, raw, PLANS);
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

const decisionSchema = z.object({
  Id: z.number(),
  Created: z.string(),
  Author: person,
  ipPlanId: z.number(),
  [DECISION.seq]: z.number(),
  [DECISION.requestId]: nullableString,
  [DECISION.kind]: z.enum(DECISION_KINDS),
  [DECISION.from]: statusText,
  [DECISION.to]: statusText,
  [DECISION.submission]: z.number(),
  [DECISION.submissionKey]: nullableString,
  [DECISION.involvementLead]: nullablePerson,
  [DECISION.confirmedLevel]: z.nullable(z.enum(ENGAGEMENT_LEVELS)),
  [DECISION.scopingMeeting]: nullableString,
  [DECISION.scopingAttendees]: nullableString,
  [DECISION.comment]: nullableString
});
const namesSchema = z.array(z.string());

/** A decision read with `DECISION_SELECT`. */
export function toDecision(raw: unknown): TeamDecision {
  const d = parseItem(decisionSchema, raw, titleOf('planDecisions'));
  let attendees: string[] = [];
  try {
    attendees = z.parse(namesSchema, JSON.parse(d[DECISION.scopingAttendees] || '[]'));
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
    from: statusOf(d[DECISION.from]),
    to: statusOf(d[DECISION.to]),
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
  [DECISION.from]: statusText,
  [DECISION.to]: statusText,
  [DECISION.submission]: z.number(),
  [DECISION.submissionKey]: nullableString
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
    from: statusOf(d[DECISION.from]),
    to: statusOf(d[DECISION.to]),
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

/** The team's members as read from the "Involvement team" group; unknown when the group hides them from this person. */
export function toRoster(raw: unknown): TeamRoster {
  const parsed = z.safeParse(rosterSchema, raw);
  return parsed.success ? { known: true, memberIds: new Set(parsed.data.map((u) => u.Id)) } : UNKNOWN_ROSTER;
}

/** Settle a batched request, so one failed part never leaves another's failure unhandled. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
export const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then<Settled<T>, Settled<T>>(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error })
  );

/** A settled part's value, or its failure as a `DataError` saying what was being done. */
export async function settledValue<T>(what: string, settled: Promise<Settled<T>>): Promise<T> {
  const s = await settled;
  if (s.ok) return s.value;
  throw await toDataError(s.error, what);
}

/** Most items of one kind read for one plan in a batch (decisions, entries, outbox, stakeholders). */
export const PER_PLAN = 500;

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
        const raws = await settledValue(`Reading the decisions on plan ${id}`, reads[i]);
        byPlan.set(id, readEach(raws, titleOf('planDecisions'), toDecision, []));
      }
      if (members) {
        const m = await members;
        const read = m.ok ? toRoster(m.value) : UNKNOWN_ROSTER;
        if (read.known) roster = read;
      }
    })
  );
  return { byPlan, roster };
}

const MAX_PAGE = 5000;

/** A lead's plans of a page: only those the lead created (a plan naming someone else as its lead is not theirs). */
const mine = (leadUserId: number, page: PlanSummaryPage): PlanSummaryPage => ({
  ...page,
  items: page.items.filter((p) => p.projectLead?.id === leadUserId)
});

/**
 * The plan lists of the first screens — a lead's "My plans", the team's queue and the verified
 * counts — from the "Involvement plans" list, each plan's status verified from the team-only
 * "Plan decisions" list (a lead can write the Status column, so it is never taken on trust).
 */
export class SpPlanSummaries {
  private readonly list: ListGateway;
  private readonly decisionList: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'plans');
    this.decisionList = new ListGateway(sp, 'planDecisions');
  }

  /**
   * A lead's plans: found by the indexed Project lead column, kept only where the lead is who
   * created the plan (a plan naming someone else as its lead is not theirs).
   */
  public async listForLead(leadUserId: number, pageToken?: string): Promise<PlanSummaryPage> {
    return mine(leadUserId, await this.page(`${PLAN.projectLead}Id eq ${leadUserId}`, pageToken));
  }

  /**
   * A lead's first page from plans already read (the start-up `$batch` reads the signed-in
   * person's first page by CAML, the same rows as `listForLead`'s filter): checked against the
   * team's decisions and kept only where the lead created the plan, exactly as `listForLead`.
   */
  public async listForLeadFrom(leadUserId: number, raw: readonly unknown[]): Promise<PlanSummaryPage> {
    return mine(leadUserId, await this.verify(raw));
  }

  public query(filter: PlanQuery, pageToken?: string): Promise<PlanSummaryPage> {
    // Every clause is on an indexed column, so the query works past the 5,000-item threshold.
    const clauses: string[] = [];
    if (filter.status) clauses.push(`${PLAN.status} eq '${odataString(statusLabel(filter.status))}'`);
    if (filter.level) clauses.push(`${PLAN.chosenLevel} eq '${odataString(filter.level)}'`);
    if (filter.organisation?.trim()) clauses.push(`${PLAN.organisation} eq '${odataString(filter.organisation.trim())}'`);
    if (filter.place?.trim()) clauses.push(`${PLAN.place} eq '${odataString(filter.place.trim())}'`);
    if (filter.involvementLeadId) clauses.push(`${PLAN.involvementLead}Id eq ${filter.involvementLeadId}`);
    if (filter.decisionFrom) clauses.push(`${PLAN.decisionDate} ge datetime'${filter.decisionFrom}T00:00:00Z'`);
    if (filter.decisionTo) clauses.push(`${PLAN.decisionDate} le datetime'${filter.decisionTo}T00:00:00Z'`);
    return this.page(clauses.join(' and '), pageToken);
  }

  /**
   * One page of summaries, newest first, paged by item id ($skiptoken=Paged=TRUE&p_ID=<last id>),
   * each checked against the team's decisions (one more round trip for the page): the Status
   * column found the rows; the record says what each is.
   */
  private async page(filter: string, pageToken?: string): Promise<PlanSummaryPage> {
    const raw = await this.list.fetch(`Reading "${this.list.title}"`, (items) => {
      let query = items
        .select(...PLAN_SUMMARY_SELECT, ...CLAIMS_SELECT)
        .expand(...PLAN_EXPAND, ...CLAIMS_EXPAND)
        .orderBy('Id', false)
        .top(PLANS_PAGE_SIZE);
      if (filter) query = query.filter(filter);
      return pageToken ? query.skip(Number(pageToken)) : query;
    });
    return this.verify(raw);
  }

  /** A page of raw plan items, each checked against the team's decisions (one round trip). */
  private async verify(raw: readonly unknown[]): Promise<PlanSummaryPage> {
    const ids = raw.map((r) => (r as { Id?: unknown }).Id).filter((id): id is number => typeof id === 'number');
    const { byPlan, roster } = await decisionsFor(this.sp, ids);
    const items: PlanSummary[] = [];
    const unreadable: UnreadablePlan[] = [];
    for (const r of raw) {
      try {
        const claims = toClaims(r, null);
        const process = verifyProcess(claims, byPlan.get(claims.planId) ?? [], [], roster);
        const stored = toPlanSummary(withStatus(r, process.status));
        items.push({
          ...stored,
          status: process.status,
          projectLead: process.projectLead,
          involvementLead: process.involvementLead,
          chosenLevel: process.confirmedLevel ?? stored.chosenLevel,
          // A summary does not read the plan's JSON, so the level it claims is not compared here.
          unconfirmed: process.unconfirmed.filter((u) => u.what !== 'level')
        });
      } catch (error) {
        const rec = r as { Id?: number; Title?: string };
        unreadable.push({ id: rec.Id ?? 0, title: rec.Title ?? '', problem: error instanceof DataError ? error.detail : String(error) });
      }
    }
    const last = raw[raw.length - 1] as { Id?: number } | undefined;
    return { items, unreadable, next: raw.length === PLANS_PAGE_SIZE && last?.Id ? String(last.Id) : undefined };
  }

  /**
   * Every plan's verified status: the plans' Status, submission and author columns and every team
   * decision, each read a page of 5,000 at a time by id (no threshold at any size), then checked
   * plan by plan. Plans whose Status column says otherwise are listed. This reads every plan (about
   * 4.9 MB at 12,000 plans), so the team runs it when they choose; the dashboard's counts come from
   * the team's tally (`SpStatusTally`) in one request.
   */
  public async statusOverview(counted?: Promise<ReadonlyMap<number, PlanStatus> | undefined>): Promise<StatusOverview> {
    const counts = Object.fromEntries(PLAN_STATUSES.map((st) => [st, 0])) as Record<PlanStatus, number>;
    const [plans, decisions, roster] = await Promise.all([
      this.list.all(
        `Counting "${this.list.title}"`,
        (items) => items.select('Id', 'Title', 'AuthorId', PLAN.status, PLAN.submission, PLAN.submissionKey).top(MAX_PAGE),
        (raw) => raw as Record<string, unknown>
      ),
      this.decisionList.all(
        `Reading "${this.decisionList.title}"`,
        (items) => items.select(...DECISION_STATUS_SELECT).top(MAX_PAGE),
        (raw) => raw
      ),
      this.roster()
    ]);
    const byPlan = new Map<number, TeamDecision[]>();
    for (const d of readEach(decisions, this.decisionList.title, toDecisionStatus, []))
      byPlan.set(d.planId, [...(byPlan.get(d.planId) ?? []), d]);
    const unconfirmed: Array<StatusOverview['unconfirmed'][number]> = [];
    const verifiedOf = new Map<number, { title: string; status: PlanStatus }>();
    for (const p of plans) {
      const id = Number(p.Id);
      const stored = String(p[PLAN.status] ?? '');
      const claims = {
        planId: id,
        createdBy: { id: Number(p.AuthorId), displayName: '', email: '' },
        projectLead: null,
        status: statusByLabel.get(stored) ?? null,
        statusText: stored,
        submission: typeof p[PLAN.submission] === 'number' ? (p[PLAN.submission] as number) : 0,
        submissionKey: typeof p[PLAN.submissionKey] === 'string' ? (p[PLAN.submissionKey] as string) : '',
        involvementLead: null,
        scopingMeetingAt: null,
        confirmedLevel: null
      };
      const process = verifyProcess(claims, byPlan.get(id) ?? [], [], roster);
      counts[process.status] += 1;
      verifiedOf.set(id, { title: String(p.Title ?? ''), status: process.status });
      if (claims.status !== process.status)
        unconfirmed.push({ id, title: String(p.Title ?? ''), stored: stored || 'empty', verified: process.status });
    }
    const countedOf = await counted;
    if (!countedOf) return { counts, unconfirmed };
    const countedDifferently: Array<NonNullable<StatusOverview['countedDifferently']>[number]> = [];
    for (const [id, v] of verifiedOf) {
      const c = countedOf.get(id) ?? 'draft';
      if (c !== v.status) countedDifferently.push({ id, title: v.title, counted: c, verified: v.status });
    }
    return { counts, unconfirmed, countedDifferently };
  }

  private async roster(): Promise<TeamRoster> {
    try {
      const users = await this.sp.web.siteGroups.getByName(INVOLVEMENT_TEAM_GROUP_NAME).users.select('Id')<Array<{ Id: number }>>();
      return { known: true, memberIds: new Set(users.map((u) => u.Id)) };
    } catch {
      // Membership hidden from this person: go on the lists' permissions.
      return UNKNOWN_ROSTER;
    }
  }
}
