import type { SPFI } from '@pnp/sp';
import { z } from 'zod';
import {
  DataError,
  emptyRecordContent,
  inTeam,
  insightOf,
  engagementRecordContentSchema,
  recordSummary,
  toFieldProblems,
  type EngagementRecord,
  type EngagementRecordContent,
  type EngagementRecordRepository,
  type PeriodRecords,
  type RecordChange,
  changedParts,
  type UnreadableRecord,
  type RecordSummary,
  type SignOff,
  type SignOffRepository,
  type StoredPlan
} from '../../domain';
import { describeZod, driftError, ListGateway, MISSING_COLUMN, parseItem, storedOf } from './ListGateway';
import { planOwners, type PlanOwners } from './planOwners';
import { RECORD, SIGN_OFF } from './lists';

/** SharePoint's limit on a plain multiple-lines-of-text column. */
export const NOTE_LIMIT = 63_999;
/** Records read per request for the annual report. */
export const RECORD_PAGE_SIZE = 2000;

const RECORD_PLAN_ID = `${RECORD.plan}Id` as const;
const SIGN_OFF_PLAN_ID = `${SIGN_OFF.plan}Id` as const;

const person = z.object({ Id: z.number(), Title: z.string(), EMail: z.string().nullable().optional() });

const recordItemSchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  [RECORD_PLAN_ID]: z.number(),
  [RECORD.contentJson]: z.string().nullable(),
  Modified: z.string(),
  Editor: person.nullable().optional()
});
const RECORD_SELECT = ['Id', 'AuthorId', `${RECORD.plan}Id`, RECORD.contentJson, 'Modified', 'Editor/Id', 'Editor/Title', 'Editor/EMail'];

const summaryItemSchema = z.object({
  Id: z.number(),
  AuthorId: z.number(),
  [RECORD_PLAN_ID]: z.number(),
  [RECORD.summaryJson]: z.string().nullable()
});

/** One version from SharePoint's version history of a record. */
const versionSchema = z.object({
  VersionLabel: z.string(),
  Created: z.string(),
  Editor: z.object({ LookupId: z.number(), LookupValue: z.string(), Email: z.string().nullable().optional() }).nullable().optional(),
  [RECORD.contentJson]: z.string().nullable().optional()
});

/** A version's JSON, or undefined when it is not JSON (said as "could not be read"). */
function parseJson(text: string | null): unknown {
  if (!text) return emptyRecordContent();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** True when a plan's record was written by its lead (the plan's author) or a member of the involvement team. */
const byOwner = (owners: PlanOwners, planId: number, authorId: number): boolean =>
  owners.authors.get(planId) === authorId || inTeam(owners.roster, authorId);

/** What a stored summary must look like (checked when read, never trusted blindly). */
const summarySchema: z.ZodType<RecordSummary> = z.object({
  planId: z.number().int().positive(),
  planTitle: z.string(),
  level: z.enum(['inform', 'consult', 'involve', 'collaborate', 'devolve']).nullable(),
  organisation: z.string(),
  place: z.string(),
  formalConsultation: z.boolean(),
  periodEnd: z.string().nullable(),
  activities: z.number().int().min(0),
  participants: z.number().int().min(0),
  responses: z.number().int().min(0),
  reached: z.record(z.string(), z.number().int().min(0)),
  plannedGroups: z.array(z.string()),
  spentGbp: z.number(),
  budgetGbp: z.number(),
  reportDue: z.string().nullable(),
  reportPublished: z.string().nullable(),
  reportDelayExplained: z.boolean(),
  youSaidWeDidPublished: z.string().nullable(),
  highlights: z.array(z.object({ said: z.string(), did: z.string(), changes: z.boolean() }))
});

/** Read a record's JSON, naming the list and column if it is broken. */
export function readContent(list: string, json: string | null): EngagementRecordContent {
  if (!json) return emptyRecordContent();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw driftError(list, RECORD.contentJson, 'is not valid JSON.');
  }
  const result = engagementRecordContentSchema.safeParse(parsed);
  if (!result.success) throw driftError(list, RECORD.contentJson, `is not a valid record (${describeZod(result.error)}).`);
  return result.data;
}

/**
 * Check a record before it is written: the same schema it is read with (so nothing is written
 * that could not be read back), and within SharePoint's column size.
 */
export function recordValuesToWrite(content: EngagementRecordContent): string {
  const result = engagementRecordContentSchema.safeParse(content);
  if (!result.success) {
    const first = toFieldProblems(result.error)[0];
    throw new DataError('invalidRequest', `${first.text} (${first.path})`);
  }
  const json = JSON.stringify(result.data);
  if (json.length > NOTE_LIMIT)
    throw new DataError(
      'invalidRequest',
      `The record is too long to save (${json.length.toLocaleString('en-GB')} characters; SharePoint keeps ${NOTE_LIMIT.toLocaleString('en-GB')}). Shorten the notes or quotes.`
    );
  return json;
}

const asDateTime = (date: string | null): string | null => (date ? `${date}T00:00:00Z` : null);

/** Plans' after-engagement records in the "Engagement records" list. */
export class SpEngagementRecords implements EngagementRecordRepository {
  private readonly list: ListGateway;

  public constructor(private readonly sp: SPFI) {
    this.list = new ListGateway(sp, 'engagementRecords');
  }

  private owners(planIds: readonly number[]): Promise<PlanOwners> {
    return planOwners(this.sp, planIds, (execute) => this.list.run('Reading who may write the plans’ records', execute));
  }

  private parse(raw: unknown): EngagementRecord {
    const item = parseItem(recordItemSchema, raw, this.list.title);
    return {
      ...storedOf(raw, this.list.title),
      planId: item[RECORD_PLAN_ID],
      content: readContent(this.list.title, item[RECORD.contentJson]),
      modified: item.Modified,
      modifiedBy: item.Editor?.Title ?? ''
    };
  }

  private get(id: number): Promise<EngagementRecord> {
    return this.list.get(`Reading engagement record ${id}`, id, { select: RECORD_SELECT, expand: ['Editor'] }, (raw) => this.parse(raw));
  }

  /**
   * The plan's record: the first written by the plan's lead or a member of the involvement team
   * (issue 14). An item anyone else added for the plan — another lead can add to the list — is
   * never taken for it.
   */
  public async forPlan(planId: number): Promise<EngagementRecord | undefined> {
    const [found, owners] = await Promise.all([
      this.list.query(
        `Reading the engagement record of plan ${planId}`,
        (items) =>
          items
            .select(...RECORD_SELECT)
            .expand('Editor')
            .filter(`${RECORD.plan}Id eq ${planId}`)
            .orderBy('Id', true)
            .top(50),
        (raw) => ({ raw, authorId: parseItem(recordItemSchema.pick({ AuthorId: true }), raw, this.list.title).AuthorId })
      ),
      this.owners([planId])
    ]);
    const counted = found.find((f) => byOwner(owners, planId, f.authorId));
    return counted ? this.parse(counted.raw) : undefined;
  }

  /**
   * Start the plan's record once. If the lead or the team has one already it is returned. The
   * request id has a random part, so no one can plant an item under it in advance; a retry of a
   * lost answer in this call finds the item this call added.
   */
  public async start(plan: StoredPlan): Promise<EngagementRecord> {
    const existing = await this.forPlan(plan.id);
    if (existing) return existing;
    const content = emptyRecordContent();
    const values = {
      Title: plan.content.project.title.trim() || 'Untitled plan',
      [`${RECORD.plan}Id`]: plan.id,
      [RECORD.contentJson]: recordValuesToWrite(content),
      [RECORD.summaryJson]: JSON.stringify(recordSummary(plan, content, 12)),
      [RECORD.insight]: JSON.stringify(insightOf(content))
    };
    const requestId = `record-plan-${plan.id}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const added = await this.list.addOnce(
      `Starting the engagement record of plan ${plan.id}`,
      RECORD.requestId,
      { requestId, values },
      (id) => this.get(id)
    );
    // Two people starting at once: the first one counts for both.
    return (await this.forPlan(plan.id)) ?? added;
  }

  public async save(record: EngagementRecord, plan: StoredPlan, reportDueWeeks: number): Promise<EngagementRecord> {
    const json = recordValuesToWrite(record.content);
    const summary = recordSummary(plan, record.content, reportDueWeeks);
    await this.list.update(`Saving the engagement record of plan ${plan.id}`, record.id, record.version, {
      Title: plan.content.project.title.trim() || 'Untitled plan',
      [RECORD.contentJson]: json,
      [RECORD.summaryJson]: JSON.stringify(summary),
      // What a new plan's "What we already know" searches (issue 11 §4), kept short beside the record.
      [RECORD.insight]: JSON.stringify(insightOf(record.content)),
      [RECORD.periodEnd]: asDateTime(summary.periodEnd)
    });
    return this.get(record.id);
  }

  /**
   * Records whose engagement ended in the period, for the annual report: only each plan's counted
   * record (the first by its lead or the team), and the plan it is about is the item's lookup,
   * never the plan id written in its summary.
   */
  public async changes(recordId: number): Promise<RecordChange[]> {
    const title = this.list.title;
    const versions = await this.list.run(`Reading the changes to record ${recordId}`, () =>
      this.list.items.getById(recordId).versions.select('VersionLabel', 'Created', 'Editor', RECORD.contentJson)<unknown[]>()
    );
    const rows = versions.map((raw) => {
      const v = versionSchema.safeParse(raw);
      if (!v.success) throw driftError(title, 'versions', `of item ${recordId} are not as expected (${describeZod(v.error)}).`);
      return v.data;
    });
    // Oldest first to compare each version with the one before; shown newest first.
    const oldestFirst = [...rows].sort((a, b) => Number(a.VersionLabel) - Number(b.VersionLabel));
    const parsed = oldestFirst.map((v) => parseJson(v[RECORD.contentJson] ?? null));
    return oldestFirst
      .map((v, i) => ({
        version: v.VersionLabel,
        at: v.Created,
        by: v.Editor ? { id: v.Editor.LookupId, displayName: v.Editor.LookupValue, email: v.Editor.Email ?? '' } : null,
        parts: changedParts(i === 0 ? undefined : (parsed[i - 1] ?? null), parsed[i] ?? emptyRecordContent())
      }))
      .reverse();
  }

  public async listForPeriod(from: string, to: string, onProgress?: (loaded: number) => void): Promise<PeriodRecords> {
    const title = this.list.title;
    // One range on the indexed "Engagement ended" column, paged: never a full-list read.
    const rows = await this.list.all(
      `Reading "${title}" for ${from} to ${to}`,
      (items) =>
        items
          .select('Id', 'AuthorId', RECORD_PLAN_ID, RECORD.summaryJson)
          .filter(`${RECORD.periodEnd} ge datetime'${from}T00:00:00Z' and ${RECORD.periodEnd} le datetime'${to}T23:59:59Z'`)
          .orderBy('Id', true)
          .top(RECORD_PAGE_SIZE),
      (raw) => readSummaryRow(title, raw),
      { onPage: onProgress }
    );
    const owners = await this.owners(rows.flatMap((r) => (r.planId === null ? [] : [r.planId])));
    const seen = new Set<number>();
    const summaries: RecordSummary[] = [];
    const unreadable: UnreadableRecord[] = [];
    for (const r of rows) {
      // Only a record its plan's lead or the team wrote is counted, or listed as unreadable.
      if (r.planId === null || r.authorId === null || !byOwner(owners, r.planId, r.authorId)) {
        if (r.planId === null && 'problem' in r) unreadable.push({ itemId: r.itemId, planId: null, problem: r.problem });
        continue;
      }
      if (seen.has(r.planId)) continue;
      seen.add(r.planId);
      if ('problem' in r) unreadable.push({ itemId: r.itemId, planId: r.planId, problem: r.problem });
      else summaries.push(r.summary);
    }
    return { summaries, unreadable };
  }
}

/** One row of the period read: its summary, or what is wrong with it (a broken row never stops the report). */
type SummaryRow = { itemId: number; planId: number | null; authorId: number | null } & ({ summary: RecordSummary } | { problem: string });

function readSummaryRow(title: string, raw: unknown): SummaryRow {
  const ids = raw as Record<string, unknown>;
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const row = { itemId: num(ids.Id) ?? 0, planId: num(ids[RECORD_PLAN_ID]), authorId: num(ids.AuthorId) };
  try {
    const item = parseItem(summaryItemSchema, raw, title);
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(item[RECORD.summaryJson] ?? ''));
    } catch {
      throw driftError(title, RECORD.summaryJson, `of item ${item.Id} is not valid JSON.`);
    }
    const summary = summarySchema.safeParse(parsed);
    if (!summary.success) throw driftError(title, RECORD.summaryJson, `of item ${item.Id} is not valid (${describeZod(summary.error)}).`);
    return { ...row, summary: { ...summary.data, planId: item[RECORD_PLAN_ID] } };
  } catch (error) {
    // A column missing from the list is the site's problem, not a row's: that stops the report with "Set up lists".
    if (!(error instanceof DataError) || error.detail.endsWith(MISSING_COLUMN)) throw error;
    return { ...row, problem: error.detail };
  }
}

const signOffItemSchema = z.object({
  Id: z.number(),
  [SIGN_OFF_PLAN_ID]: z.number(),
  [SIGN_OFF.snapshotJson]: z.string().nullable(),
  [SIGN_OFF.comment]: z.string().nullable(),
  [SIGN_OFF.requestId]: z.string().nullable(),
  Created: z.string(),
  Author: person
});
const SIGN_OFF_SELECT = [
  'Id',
  `${SIGN_OFF.plan}Id`,
  SIGN_OFF.snapshotJson,
  SIGN_OFF.comment,
  SIGN_OFF.requestId,
  'Created',
  'Author/Id',
  'Author/Title',
  'Author/EMail'
];

/**
 * The involvement team's sign-offs in "Engagement sign-offs", a list only the team can add to.
 * Who signed and when are SharePoint's own Author and Created, never a column anyone writes.
 */
export class SpSignOffs implements SignOffRepository {
  private readonly list: ListGateway;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, 'signOffs');
  }

  private parse(raw: unknown): SignOff {
    const title = this.list.title;
    const item = parseItem(signOffItemSchema, raw, title);
    const author = item.Author;
    return {
      id: item.Id,
      planId: item[SIGN_OFF_PLAN_ID],
      snapshot: readContent(title, item[SIGN_OFF.snapshotJson]),
      comment: item[SIGN_OFF.comment] ?? '',
      by: { id: author.Id, displayName: author.Title, email: author.EMail ?? '' },
      at: item.Created
    };
  }

  public forPlan(planId: number): Promise<SignOff[]> {
    return this.list.all(
      `Reading the sign-offs of plan ${planId}`,
      (items) =>
        items
          .select(...SIGN_OFF_SELECT)
          .expand('Author')
          .filter(`${SIGN_OFF.plan}Id eq ${planId}`)
          .orderBy('Id', true)
          .top(100),
      (raw) => this.parse(raw)
    );
  }

  public add(planId: number, snapshot: EngagementRecordContent, comment: string, requestId: string): Promise<SignOff> {
    const values = {
      Title: `Plan ${planId} signed off`,
      [`${SIGN_OFF.plan}Id`]: planId,
      [SIGN_OFF.snapshotJson]: recordValuesToWrite(snapshot),
      [SIGN_OFF.comment]: comment
    };
    return this.list.addOnce(`Signing off plan ${planId}`, SIGN_OFF.requestId, { requestId, values }, (id) =>
      this.list.get(`Reading sign-off ${id}`, id, { select: SIGN_OFF_SELECT, expand: ['Author'] }, (raw) => this.parse(raw))
    );
  }
}
