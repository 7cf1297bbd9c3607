import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/site-groups/web';
import { z } from 'zod';
import {
  DataError,
  engagementLevelSchema,
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
  type TeamRoster
} from '../../domain';
import { toDataError } from '../http';
import { parseItem, storedOf } from './ListGateway';
import { HISTORY, INVOLVEMENT_TEAM_GROUP_NAME, OUTBOX, PLAN, type ListKey } from './lists';
import { PLAN_DETAIL_SELECT, PLAN_EXPAND, toInvolvementPlan } from './planMapper';
import { STAKEHOLDER_SELECT, stakeholderFromRaw } from './SpStakeholderRepository';
import {
  CLAIMS_EXPAND,
  CLAIMS_SELECT,
  DECISION_EXPAND,
  DECISION_SELECT,
  PER_PLAN,
  readEach,
  settle,
  settledValue as value,
  titleOf,
  toClaims,
  toDecision,
  toRoster,
  withStatus
} from './SpPlanSummaries';

// A plan list's reads (claims, decisions, the roster) are in SpPlanSummaries, which the first
// screens load; the rest of a plan's record is read here.
export {
  CLAIMS_EXPAND,
  CLAIMS_SELECT,
  decisionsFor,
  DECISION_EXPAND,
  DECISION_SELECT,
  DECISION_STATUS_SELECT,
  readEach,
  settle,
  statusLabel,
  titleOf,
  toClaims,
  toDecision,
  toDecisionStatus,
  withStatus,
  type Settled
} from './SpPlanSummaries';

const statusByLabel = new Map(Object.entries(PLAN_STATUS_LABELS).map(([key, label]) => [label, key as PlanStatus]));
const personSchema = z.object({ Id: z.number(), Title: z.string().nullable().optional(), EMail: z.string().nullable().optional() });
const toPerson = (p: z.infer<typeof personSchema>): PersonRef => ({
  id: p.Id,
  displayName: p.Title ?? `User ${p.Id}`,
  email: p.EMail ?? ''
});
const AUTHOR = ['Author/Id', 'Author/Title', 'Author/EMail'];

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

const statusSchema = z.string().transform((s, ctx) => {
  const status = statusByLabel.get(s);
  if (!status) ctx.addIssue({ code: 'custom', message: 'not a status' });
  return status as PlanStatus;
});

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
      // Membership hidden from this person (the group shows it to members only): go on the lists' permissions.
      const roster = await members.then((m): TeamRoster => (m.ok ? toRoster(m.value) : UNKNOWN_ROSTER));
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

/** A plan that does not exist, or that this person cannot see. */
export function isMissing(error: unknown): boolean {
  return error instanceof DataError && error.kind === 'notFound';
}
