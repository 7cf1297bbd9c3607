import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import {
  addDays,
  DataError,
  inTeam,
  insightEntriesSchema,
  insightOf,
  INSIGHT_YEARS,
  matchesWords,
  searchWords,
  verifyProcess,
  type InsightEntry,
  type InsightRepository,
  type InsightResult,
  type InsightSearch,
  type PlanItemClaims,
  type PlanStatus
} from '../../domain';
import { ListGateway, MISSING_COLUMN, parseItem } from './ListGateway';
import { idFilters } from './planOwners';
import { CLAIMS_EXPAND, CLAIMS_SELECT, decisionsFor, toClaims } from './SpPlanRecords';
import { RECORD, SIGN_OFF } from './lists';
import { readContent } from './SpEngagementRecords';

/** Records read per request when searching. */
export const INSIGHT_PAGE_SIZE = 500;
/** Most records one search looks through: the most recent, by the day their engagement ended. */
export const INSIGHT_SCAN_MAX = 2000;
/** Most plans one search checks (who wrote the record, the plan's status, the sign-off) and shows. */
export const INSIGHT_PLANS_MAX = 25;
/** Most entries shown. */
export const INSIGHT_RESULTS_MAX = 30;

const RECORD_PLAN_ID = `${RECORD.plan}Id` as const;
const SIGN_OFF_PLAN_ID = `${SIGN_OFF.plan}Id` as const;

const rowSchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  [RECORD_PLAN_ID]: z.number(),
  [RECORD.periodEnd]: z.string().nullable(),
  [RECORD.insight]: z.string().nullable().optional(),
  Modified: z.string()
});

/** A record read for searching: its insight, or nothing when the column cannot be read (never stops the search). */
interface Row {
  readonly id: number;
  readonly authorId: number;
  readonly planId: number;
  readonly periodEnd: string;
  readonly modified: string;
  readonly entries: readonly InsightEntry[];
}

function readRow(title: string, raw: unknown): Row | undefined {
  let item: z.infer<typeof rowSchema>;
  try {
    item = parseItem(rowSchema, raw, title);
  } catch (error) {
    // A column missing from the list stops the search ("Set up lists"); a broken row (written by
    // hand) is only left out: it never stops the search.
    if (!(error instanceof DataError) || error.detail.endsWith(MISSING_COLUMN)) throw error;
    return undefined;
  }
  let entries: InsightEntry[] = [];
  try {
    const parsed = insightEntriesSchema.safeParse(JSON.parse(item[RECORD.insight] || '[]'));
    if (parsed.success) entries = parsed.data;
  } catch {
    // Not JSON (written by hand): nothing to search in this record.
  }
  return {
    id: item.Id,
    authorId: item.AuthorId,
    planId: item[RECORD_PLAN_ID],
    periodEnd: (item[RECORD.periodEnd] ?? '').slice(0, 10),
    modified: item.Modified,
    entries
  };
}

const signOffRowSchema = z.object({ Id: z.number(), AuthorId: z.number(), [SIGN_OFF_PLAN_ID]: z.number(), Created: z.string() });

/** The day `years` years before today (YYYY-MM-DD). */
function yearsAgo(years: number, today = new Date().toISOString().slice(0, 10)): string {
  return addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4, 10)}`, 0);
}

/**
 * Searching what earlier plans heard (issue 11 §4) on the "Engagement records" list, at any size:
 * 1. the records whose engagement ended in the last five years (and not after today), newest first, on the indexed
 *    "Engagement ended" column, 500 a request and at most 2,000 (the bounded recent set), each
 *    with the short insight kept beside it when it was saved — never the records' JSON, never a
 *    full-list read; the words are matched in the browser;
 * 2. for the first 25 plans that match: their items (author and stored claims) named by id, and
 *    the team's decisions on them ($batch, on the indexed plan lookup), so only plans the team
 *    moved to Reporting or Closed count, and a record counts only when its plan's lead or a member
 *    of the involvement team wrote it (the annual report's rule); plans the person cannot read
 *    are simply not there;
 * 3. for closed plans, the team's sign-offs (team-only list): a record changed after its latest
 *    sign-off is searched as the team signed it off, from the sign-off's snapshot.
 */
export class SpInsight implements InsightRepository {
  private readonly records: ListGateway;
  private readonly plans: ListGateway;
  private readonly signOffs: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.records = new ListGateway(sp, 'engagementRecords');
    this.plans = new ListGateway(sp, 'plans');
    this.signOffs = new ListGateway(sp, 'signOffs');
  }

  public async search(
    query: string,
    options: { excludePlanId?: number; onProgress?: (searched: number) => void; today?: string } = {}
  ): Promise<InsightSearch> {
    const words = searchWords(query);
    if (words.length === 0) return { results: [], searched: 0, limited: false, more: false };
    const title = this.records.title;
    const since = yearsAgo(INSIGHT_YEARS, options.today);
    // Engagement that has ended: a record dated in the future (anyone can write one on their own
    // plan) would otherwise come first and push real ones out of the most recent 2,000.
    const until = options.today ?? new Date().toISOString().slice(0, 10);
    const rows = await this.records.all(
      `Searching "${title}"`,
      (items) =>
        items
          .select('Id', 'AuthorId', RECORD_PLAN_ID, RECORD.periodEnd, RECORD.insight, 'Modified')
          .filter(`${RECORD.periodEnd} ge datetime'${since}T00:00:00Z' and ${RECORD.periodEnd} le datetime'${until}T23:59:59Z'`)
          .orderBy(RECORD.periodEnd, false)
          .top(INSIGHT_PAGE_SIZE),
      (raw) => readRow(title, raw),
      { onPage: options.onProgress, max: INSIGHT_SCAN_MAX }
    );
    const read = rows.filter((r): r is Row => r !== undefined);
    const limited = rows.length >= INSIGHT_SCAN_MAX;
    // Every record of a matching plan is kept: which of them counts is decided once its writers are known.
    const byPlan = new Map<number, Row[]>();
    const order: number[] = [];
    for (const r of read) {
      if (r.planId === options.excludePlanId) continue;
      if (!byPlan.has(r.planId)) byPlan.set(r.planId, []);
      byPlan.get(r.planId)?.push(r);
    }
    for (const r of read)
      if (!order.includes(r.planId) && r.planId !== options.excludePlanId && r.entries.some((e) => matchesWords(e.text, words)))
        order.push(r.planId);
    const more = order.length > INSIGHT_PLANS_MAX;
    const planIds = order.slice(0, INSIGHT_PLANS_MAX);
    if (planIds.length === 0) return { results: [], searched: read.length, limited, more: false };

    const [plans, { byPlan: decisions, roster }] = await Promise.all([this.planClaims(planIds), decisionsFor(this.sp, planIds)]);
    const statusOf = new Map<number, PlanStatus>();
    for (const [id, claims] of plans) statusOf.set(id, verifyProcess(claims, decisions.get(id) ?? [], [], roster).status);
    const counted = new Map<number, Row>();
    for (const id of planIds) {
      const claims = plans.get(id);
      const status = statusOf.get(id);
      if (!claims || (status !== 'reporting' && status !== 'closed')) continue;
      // The plan's record: the first its lead or the team wrote (as the planner opens it).
      const first = [...(byPlan.get(id) ?? [])]
        .sort((a, b) => a.id - b.id)
        .find((r) => r.authorId === claims.createdBy.id || inTeam(roster, r.authorId));
      if (first) counted.set(id, first);
    }
    const closed = [...counted.keys()].filter((id) => statusOf.get(id) === 'closed');
    const signed = await this.signedOffEntries(closed, counted, roster);

    const results: InsightResult[] = [];
    for (const id of planIds) {
      const row = counted.get(id);
      const claims = plans.get(id);
      const status = statusOf.get(id);
      if (!row || !claims || (status !== 'reporting' && status !== 'closed')) continue;
      for (const e of signed.get(id) ?? row.entries)
        if (matchesWords(e.text, words))
          results.push({ planId: id, planTitle: claims.title, periodEnd: row.periodEnd, status, kind: e.kind, text: e.text });
    }
    return {
      results: results.slice(0, INSIGHT_RESULTS_MAX),
      searched: read.length,
      limited,
      more: more || results.length > INSIGHT_RESULTS_MAX
    };
  }

  /** The plans' items (author, stored status and submission, title), named by id: a plan this person cannot read is not there. */
  private async planClaims(planIds: readonly number[]): Promise<Map<number, PlanItemClaims & { title: string }>> {
    const found = new Map<number, PlanItemClaims & { title: string }>();
    for (const filter of idFilters(planIds)) {
      const raws = await this.plans.fetch(`Reading the plans that match`, (items) =>
        items
          .select('Id', 'Title', ...CLAIMS_SELECT)
          .expand(...CLAIMS_EXPAND)
          .filter(filter)
          .top(planIds.length)
      );
      for (const raw of raws) {
        try {
          const claims = toClaims(raw, null);
          found.set(claims.planId, { ...claims, title: String((raw as { Title?: unknown }).Title ?? '') || 'Untitled plan' });
        } catch {
          // A plan item that cannot be read is left out of the results (the dashboard lists it for the team).
        }
      }
    }
    return found;
  }

  /**
   * For closed plans: the insight of the record as the team signed it off (read from the latest
   * sign-off's snapshot), never the lead-writable insight column, so neither a change made after
   * closing nor text written only to that column is taken as the organisation's. Sign-offs count
   * only when a team member added them.
   */
  private async signedOffEntries(
    planIds: readonly number[],
    records: ReadonlyMap<number, Row>,
    roster: Parameters<typeof inTeam>[0]
  ): Promise<Map<number, InsightEntry[]>> {
    const out = new Map<number, InsightEntry[]>();
    if (planIds.length === 0) return out;
    const title = this.signOffs.title;
    const rows = await this.signOffs.query(
      `Reading "${title}"`,
      (items) =>
        items
          .select('Id', 'AuthorId', SIGN_OFF_PLAN_ID, 'Created')
          .filter(planIds.map((id) => `${SIGN_OFF_PLAN_ID} eq ${id}`).join(' or '))
          .orderBy('Id', true)
          .top(5000),
      (raw) => parseItem(signOffRowSchema, raw, title)
    );
    await Promise.all(
      planIds.map(async (id) => {
        const latest = rows
          .filter((s) => s[SIGN_OFF_PLAN_ID] === id && inTeam(roster, s.AuthorId, true))
          .sort((a, b) => a.Created.localeCompare(b.Created) || a.Id - b.Id)
          .pop();
        if (!latest || !records.has(id)) return;
        // Always the snapshot: the record's short insight column is the lead's to write, and the
        // team signed off the record's content, not that column.
        const snapshot = await this.signOffs.get(
          `Reading sign-off ${latest.Id}`,
          latest.Id,
          { select: ['Id', SIGN_OFF.snapshotJson] },
          (raw) => readContent(title, String((raw as Record<string, unknown>)[SIGN_OFF.snapshotJson] ?? ''))
        );
        out.set(id, insightOf(snapshot));
      })
    );
    return out;
  }
}
