/**
 * What may be written for a plan (issue 15 §2: input can never lock a plan). Nothing that fails
 * the plan schema, or that SharePoint cannot hold, is ever sent: the valid part of an edit is
 * saved, and each invalid field keeps what the person typed, with its message, until fixed.
 */
import type { z } from 'zod';
import { messageText } from './messages';
import { emptyPlanContent, planContentSchema, type PlanContent, type StoredValueProblem } from './plan';
import { toFieldProblems, type FieldProblem } from './validation';

/** Most characters SharePoint keeps in a "Multiple lines of text" (Note) column of a list. */
export const NOTE_COLUMN_MAX_CHARS = 63_999;
/** Most characters SharePoint keeps in a "Single line of text" column. */
export const SINGLE_LINE_MAX_CHARS = 255;

/**
 * How a plan's content is stored: the template's parts, each as JSON in one Note column. The
 * SharePoint mapper writes exactly these groups, so the limit checked here is the one that applies.
 */
export const PLAN_STORAGE_GROUPS = {
  project: ['project', 'objectives', 'triage', 'level'],
  delivery: ['timeline', 'methods', 'budget', 'equality', 'principles', 'stakeholderMap', 'review'],
  communications: ['communications']
} as const satisfies Record<string, ReadonlyArray<keyof PlanContent>>;
/** One stored group of a plan's content. */
export type PlanStorageGroup = keyof typeof PLAN_STORAGE_GROUPS;

/** The names of the guide's parts in each stored group, for a message that says what to shorten. */
const GROUP_NAMES: Readonly<Record<PlanStorageGroup, string>> = {
  project: '"About the project", "Objectives" and "Level of engagement" together',
  delivery: '"Timeline", "Methods and budget", "Equality" and "Review" together',
  communications: 'The communications and engagement plan'
};

/** The JSON stored for one group. */
export function storedGroupJson(content: PlanContent, group: PlanStorageGroup): string {
  const record = content as unknown as Record<string, unknown>;
  if (group === 'communications') return JSON.stringify(content.communications);
  return JSON.stringify(Object.fromEntries(PLAN_STORAGE_GROUPS[group].map((k) => [k, record[k]])));
}

/** A part of the plan too long for the column that stores it. */
export interface StorageProblem {
  readonly group: PlanStorageGroup;
  readonly length: number;
  readonly text: string;
}

/** Parts of the plan SharePoint could not hold (each group's JSON must fit one Note column). */
export function planStorageProblems(content: PlanContent): StorageProblem[] {
  return (Object.keys(PLAN_STORAGE_GROUPS) as PlanStorageGroup[]).flatMap((group) => {
    const length = storedGroupJson(content, group).length;
    return length > NOTE_COLUMN_MAX_CHARS
      ? [
          {
            group,
            length,
            text: `${GROUP_NAMES[group]} are too long to store: SharePoint keeps at most ${NOTE_COLUMN_MAX_CHARS.toLocaleString('en-GB')} characters there, and they hold ${length.toLocaleString('en-GB')}. Shorten some answers.`
          }
        ]
      : [];
  });
}

type Key = string | number;

function valueAt(obj: unknown, path: readonly Key[]): unknown {
  return path.reduce<unknown>((acc, k) => (acc !== null && typeof acc === 'object' ? (acc as Record<string, unknown>)[k] : undefined), obj);
}

function setAt(obj: unknown, path: readonly Key[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(obj)) {
    const copy = [...(obj as unknown[])];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy;
  }
  const record = obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>) : {};
  return { ...record, [head]: setAt(record[head], rest, value) };
}

function removeAt(obj: unknown, path: readonly Key[]): unknown {
  const parent = valueAt(obj, path.slice(0, -1));
  if (!Array.isArray(parent)) return obj;
  const index = Number(path[path.length - 1]);
  return setAt(
    obj,
    path.slice(0, -1),
    parent.filter((_v, i) => i !== index)
  );
}

/**
 * Put back a valid value where `path` is invalid: what was last saved there, else the empty
 * plan's value; a row that was never saved is left out (it is written once it is valid).
 */
function repair(candidate: unknown, path: readonly Key[], saved: PlanContent): unknown {
  for (const source of [saved, emptyPlanContent()]) {
    const value = valueAt(source, path);
    if (value !== undefined) return setAt(candidate, path, value);
  }
  for (let n = path.length - 1; n > 0; n -= 1) {
    if (typeof path[n] === 'number' || /^\d+$/.test(String(path[n]))) {
      const row = path.slice(0, n + 1);
      const savedRow = valueAt(saved, row);
      return savedRow !== undefined ? setAt(candidate, row, savedRow) : removeAt(candidate, row);
    }
  }
  return setAt(candidate, path.slice(0, 1), valueAt(saved, path.slice(0, 1)));
}

function laterFirst(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] === b[i]) continue;
    const [x, y] = [Number(a[i]), Number(b[i])];
    if (Number.isInteger(x) && Number.isInteger(y)) return y - x;
    return String(a[i]).localeCompare(String(b[i]));
  }
  return b.length - a.length;
}

/** What to write for a plan, and what is held back. */
export interface WritablePlan {
  /** Valid content to send: the edit, with each invalid field as it was last saved. */
  readonly content: PlanContent;
  /** Fields held back, each with its message (shown next to the field; the typed value stays there). */
  readonly held: FieldProblem[];
  /** Parts too long for SharePoint: nothing is written while there are any. */
  readonly tooLong: StorageProblem[];
}

/**
 * The part of `content` that may be written: valid against the plan schema and within
 * SharePoint's column limits. `saved` is the content as last saved (itself valid).
 */
export function writablePlanContent(content: PlanContent, saved: PlanContent): WritablePlan {
  // What was saved may itself hold a value that is not valid (read as stored, see readPlanContent):
  // it is never put back, so a write is always valid.
  if (!planContentSchema.safeParse(saved).success)
    return writablePlanContent(content, writablePlanContent(saved, emptyPlanContent()).content);
  const first = planContentSchema.safeParse(content);
  if (first.success) {
    const tooLong = planStorageProblems(first.data);
    return { content: tooLong.length ? saved : first.data, held: [], tooLong };
  }
  const held = toFieldProblems(first.error);
  let candidate: unknown = content;
  let issues = first.error.issues;
  for (let round = 0; round < 5 && issues.length > 0; round += 1) {
    // Deepest paths and later rows first, so removing a row never shifts another issue's index.
    const paths = issues.map((i) => i.path.filter((k): k is Key => typeof k !== 'symbol')).sort(laterFirst);
    for (const path of paths) candidate = repair(candidate, path, saved);
    const again = planContentSchema.safeParse(candidate);
    if (again.success) {
      const tooLong = planStorageProblems(again.data);
      return { content: tooLong.length ? saved : again.data, held, tooLong };
    }
    issues = again.error.issues;
  }
  return { content: saved, held, tooLong: [] };
}

/** A plan's content read tolerantly: everything that could be read, and what could not. */
export interface ReadPlanContent {
  /** Valid everywhere except the fields in `problems` shown as stored. */
  readonly content: PlanContent;
  readonly problems: StoredValueProblem[];
}

const isPrimitive = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** A stored value as a person could read it in a message. */
function describeStored(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/** A valid stand-in for a value of the right kind that breaks a rule, used only to read the rest around it. */
function standIn(value: string | number | boolean, issue: z.core.$ZodIssue): string | number | boolean {
  const limit = (k: 'minimum' | 'maximum'): number | undefined => {
    const v = (issue as unknown as Record<string, unknown>)[k];
    return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
  };
  if (typeof value === 'string') return issue.code === 'too_big' && limit('maximum') !== undefined ? value.slice(0, limit('maximum')) : '';
  if (typeof value === 'number') {
    if (issue.code === 'too_small' && limit('minimum') !== undefined) return Math.ceil(limit('minimum') ?? 0);
    if (issue.code === 'too_big' && limit('maximum') !== undefined) return Math.floor(limit('maximum') ?? 0);
    return Number.isFinite(value) ? Math.round(value) : 0;
  }
  return value;
}

/** The rule is broken, but the value is of the kind the field holds (text, a number, yes/no), so it can be shown there. */
function rightKind(value: unknown, issue: z.core.$ZodIssue): value is string | number | boolean {
  if (!isPrimitive(value)) return false;
  if (issue.code !== 'invalid_type') return issue.code !== 'invalid_union' && issue.code !== 'invalid_value';
  return issue.expected === 'int' && typeof value === 'number';
}

/**
 * Read a plan's stored content field by field, so one bad value never locks the plan (issue 15
 * §2): a value of the right kind that breaks a rule (a link without https://, text past its
 * limit, a cost below £0, a quantity of 2.5) stays in its field with its message; a value that
 * is not even of the right kind is left out, said, and shown as stored in the message; a list
 * longer than allowed keeps its first entries. Everything else opens and saves as usual; a save
 * never writes the bad values back (see `writablePlanContent`).
 */
export function readPlanContent(raw: unknown): ReadPlanContent {
  const first = planContentSchema.safeParse(raw);
  if (first.success) return { content: first.data, problems: [] };
  const messages = new Map(toFieldProblems(first.error).map((p) => [p.path, p.text] as const));
  const problems: StoredValueProblem[] = [];
  const shownLater: Array<{ path: Key[]; key: string; value: string | number | boolean }> = [];
  let candidate: unknown = raw;
  const issues = [...first.error.issues].sort((a, b) => laterFirst(keysOf(a.path), keysOf(b.path)));
  for (const issue of issues) {
    const path = keysOf(issue.path);
    const key = path.join('.');
    const value = valueAt(raw, path);
    if (issue.code === 'too_big' && Array.isArray(value) && typeof issue.maximum === 'number') {
      candidate = setAt(candidate, path, value.slice(0, Number(issue.maximum)));
      problems.push({
        path: key,
        text: `This holds ${value.length} entries, more than the ${Number(issue.maximum)} allowed: only the first ${Number(issue.maximum)} are shown, and saving keeps only those.`,
        stored: `${value.length} entries`,
        shown: true
      });
    } else if (rightKind(value, issue)) {
      candidate = setAt(candidate, path, standIn(value, issue));
      shownLater.push({ path, key, value });
    }
  }
  // Everything still not valid is not of the right kind: left out (a row) or left empty (a field).
  const rest = writablePlanContent(candidate as PlanContent, emptyPlanContent());
  let content: unknown = rest.content;
  for (const held of rest.held) {
    const path = held.path.split('.');
    // Nothing stored there (a plan saved before the field existed): the field simply starts empty.
    if (valueAt(raw, path) === undefined && valueAt(content, path.slice(0, -1)) !== undefined) continue;
    problems.push({
      path: held.path,
      text: 'The planner could not read what is stored here, so it is left out. Enter it again if it is needed.',
      stored: describeStored(valueAt(raw, path)),
      shown: false
    });
  }
  for (const { path, key, value } of shownLater) {
    const fits = valueAt(content, path) !== undefined;
    if (!fits) {
      if (!problems.some((p) => p.path === key))
        problems.push({
          path: key,
          text: 'The planner could not read the entry this belongs to, so it is left out. Enter it again if it is needed.',
          stored: describeStored(value),
          shown: false
        });
      continue;
    }
    content = setAt(content, path, value);
    const at = problems.findIndex((p) => p.path === key);
    if (at >= 0) problems.splice(at, 1);
    problems.push({ path: key, text: messages.get(key) ?? messageText('value.invalid'), stored: describeStored(value), shown: true });
  }
  return { content: content as PlanContent, problems };
}

function keysOf(path: ReadonlyArray<PropertyKey>): Key[] {
  return path.filter((k): k is Key => typeof k !== 'symbol');
}
