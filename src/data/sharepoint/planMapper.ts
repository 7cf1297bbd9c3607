import { z } from 'zod';
import {
  DataError,
  isFormalConsultationLikely,
  readDefensibleRecord,
  type StoredAdviceRecord,
  PLAN_STORAGE_GROUPS,
  planContentSchema,
  planStorageProblems,
  readPlanContent,
  scopingMeetingSchema,
  storedGroupJson,
  toFieldProblems,
  type InvolvementPlan,
  type PlanContent,
  type PlanStorageGroup,
  type StoredValueProblem
} from '../../domain';
import { describeZod, driftError, MISSING_COLUMN } from './ListGateway';
import { listDefinition, PLAN } from './lists';
import { PLAN_SUMMARY_SELECT, toPlanSummary } from './SpPlanSummaries';

// What plan lists read is in SpPlanSummaries (the first screens' module); the whole plan is read here.
export {
  PLAN_EXPAND,
  PLAN_SUMMARY_SELECT,
  planListItemSchema,
  statusLabel,
  toPlanSummary,
  unknownStatusProblem,
  type PlanListItem
} from './SpPlanSummaries';

const PLANS = listDefinition('plans').title;
/** Version of the JSON stored in the note columns; bump with a migration when the shape changes. */
export const PLAN_SCHEMA_VERSION = 1;

/** Columns the whole plan needs beyond the summary. */
export const PLAN_DETAIL_SELECT = [
  ...PLAN_SUMMARY_SELECT,
  PLAN.projectJson,
  PLAN.deliveryJson,
  PLAN.commsJson,
  PLAN.teamJson,
  PLAN.adviceRecord,
  PLAN.scopingMeeting,
  PLAN.schemaVersion,
  'Created'
];

const teamJsonSchema = z.object({ scopingAttendees: z.array(z.string()) });

const drift = (column: string, problem: string): DataError => driftError(PLANS, column, problem);

function parseJsonColumn<T>(schema: z.ZodType<T>, raw: Record<string, unknown>, column: string, itemId: number): T {
  const text = raw[column];
  if (text === undefined) throw drift(column, MISSING_COLUMN);
  const fix = 'A site owner can correct or clear the value in the list.';
  const bad = (problem: string): DataError => driftError(PLANS, column, `${problem} ${fix}`, itemId);
  if (typeof text !== 'string' || text.trim() === '') throw bad("is empty, so this plan's details cannot be read.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('does not hold valid JSON. The plan may have been edited outside the planner.');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw bad(`holds data the planner does not recognise: ${describeZod(result.error)}.`);
  return result.data;
}

/** The parts of a plan's content each JSON column holds (see PLAN_STORAGE_GROUPS). */
const CONTENT_COLUMNS = [
  { column: PLAN.projectJson, group: 'project' },
  { column: PLAN.deliveryJson, group: 'delivery' },
  { column: PLAN.commsJson, group: 'communications' }
] as const;

/**
 * The lead's content as stored, read field by field (issue 15 §2): a value that is not valid is
 * shown in its field with its message, or left out and said, and the rest of the plan opens. A
 * column missing from the list is drift (a site owner runs "Set up lists"); a column whose text
 * is not JSON at all is read as empty and said, so the plan still opens and can be put right.
 */
function readContent(record: Record<string, unknown>, itemId: number): { content: PlanContent; problems: StoredValueProblem[] } {
  const assembled: Record<string, unknown> = {};
  const unreadable: StoredValueProblem[] = [];
  for (const { column, group } of CONTENT_COLUMNS) {
    const text = record[column];
    if (text === undefined) throw drift(column, MISSING_COLUMN);
    let json: unknown;
    try {
      json = typeof text === 'string' && text.trim() !== '' ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      json = undefined;
    }
    if (group === 'communications') {
      assembled.communications = json;
    } else if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
      for (const key of PLAN_STORAGE_GROUPS[group]) assembled[key] = (json as Record<string, unknown>)[key];
    }
    if (json === undefined || json === null || typeof json !== 'object')
      unreadable.push({
        path: group,
        text: `Column "${column}" of item ${itemId} in "${PLANS}" does not hold what the planner stores there, so these answers are empty here. Saving the plan stores them again; an earlier version may be in the item's version history.`,
        stored: typeof text === 'string' ? (text.length > 200 ? `${text.slice(0, 197)}…` : text) : String(text),
        shown: false
      });
  }
  const read = readPlanContent(assembled);
  // A part that could not be read at all is said once, not once for every field in it.
  const partsUnreadable = new Set(unreadable.map((u) => u.path as PlanStorageGroup));
  const inUnreadablePart = (path: string): boolean =>
    [...partsUnreadable].some((group) => (PLAN_STORAGE_GROUPS[group] as readonly string[]).includes(path.split('.')[0]));
  return { content: read.content, problems: [...unreadable, ...read.problems.filter((p) => !inUnreadablePart(p.path))] };
}

/**
 * Read the record of the advice kept with a plan: absent when there is none, else readable or
 * what is wrong with it (a broken record never stops the plan being read).
 */
export function toStoredAdviceRecord(text: unknown): StoredAdviceRecord | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: `The column "${PLAN.adviceRecord}" does not hold valid JSON. It may have been edited outside the planner.`
    };
  }
  const read = readDefensibleRecord(json);
  return read.ok
    ? { ok: true, record: read.value }
    : {
        ok: false,
        problem: `The column "${PLAN.adviceRecord}" holds a record the planner does not recognise (${read.problems
          .slice(0, 3)
          .map((p) => p.path || '(value)')
          .join(', ')}).`
      };
}

/** Map a raw item to a whole, validated plan. Broken data raises `schemaDrift` naming the column. */
export function toInvolvementPlan(raw: unknown): InvolvementPlan {
  const summary = toPlanSummary(raw);
  const record = raw as Record<string, unknown>;
  const { content, problems } = readContent(record, summary.id);
  const team = record[PLAN.teamJson] ? parseJsonColumn(teamJsonSchema, record, PLAN.teamJson, summary.id) : { scopingAttendees: [] };
  const scopingAt = record[PLAN.scopingMeeting];
  const scoping =
    typeof scopingAt === 'string' ? scopingMeetingSchema.safeParse({ at: scopingAt, attendees: team.scopingAttendees }) : undefined;
  const adviceRecord = toStoredAdviceRecord(record[PLAN.adviceRecord]);
  return {
    id: summary.id,
    version: typeof record['odata.etag'] === 'string' ? record['odata.etag'] : undefined,
    status: summary.status,
    projectLead: summary.projectLead,
    involvementLead: summary.involvementLead,
    scopingMeeting: scoping?.success ? scoping.data : null,
    content,
    ...(problems.length > 0 ? { storedProblems: problems } : {}),
    created: typeof record.Created === 'string' ? record.Created : undefined,
    modified: summary.modified,
    ...(adviceRecord ? { adviceRecord } : {})
  };
}

/** The next date in the plan's timeline or key dates on or after `today`, for "My plans". */
export function nextKeyDate(content: PlanContent, today: string): string | null {
  const dates = [
    ...content.timeline.flatMap((s) => (s.skipped ? [] : [s.start, s.end])),
    ...content.communications.keyDates.map((k) => k.date),
    content.project.decisionDate
  ]
    .filter((d) => d && d >= today)
    .sort();
  return dates[0] ?? null;
}

const asDateTime = (date: string | null): string | null => (date ? `${date}T00:00:00Z` : null);

/**
 * Never write what could not be read back (issue 15 §2): content that fails the plan schema, or a
 * part too long for its note column, is refused before any request, naming the fields.
 */
export function checkWritable(content: PlanContent): PlanContent {
  const result = planContentSchema.safeParse(content);
  if (!result.success) {
    const problems = toFieldProblems(result.error);
    const listed = problems
      .slice(0, 5)
      .map((p) => `${p.path}: ${p.text}`)
      .join(' ');
    throw new DataError('invalidContent', `${problems.length === 1 ? 'This answer is' : 'These answers are'} not valid yet. ${listed}`);
  }
  const tooLong = planStorageProblems(result.data);
  if (tooLong.length > 0) throw new DataError('invalidContent', tooLong.map((p) => p.text).join(' '));
  return result.data;
}

/** The column values to write for a plan's content (the lead's part); refused if the content is not valid. */
export function toPlanItemValues(plan: PlanContent, today: string): Record<string, unknown> {
  const content = checkWritable(plan);
  return {
    Title: content.project.title.trim() || 'Untitled plan',
    [PLAN.organisation]: content.project.organisation,
    [PLAN.place]: content.project.placeName,
    [PLAN.systemLevel]: content.project.systemLevel,
    [PLAN.recommendedLevel]: content.level.recommended,
    [PLAN.chosenLevel]: content.level.chosen,
    [PLAN.formalConsultation]: isFormalConsultationLikely(content),
    [PLAN.decisionDate]: asDateTime(content.project.decisionDate || null),
    [PLAN.nextKeyDate]: asDateTime(nextKeyDate(content, today)),
    [PLAN.schemaVersion]: PLAN_SCHEMA_VERSION,
    // The groups whose length writablePlanContent checks against a note column's limit.
    [PLAN.projectJson]: storedGroupJson(content, 'project'),
    [PLAN.deliveryJson]: storedGroupJson(content, 'delivery'),
    [PLAN.commsJson]: storedGroupJson(content, 'communications')
  };
}
