/**
 * What may be written for a plan (issue 15 §2: input can never lock a plan). Nothing that fails
 * the plan schema, or that SharePoint cannot hold, is ever sent: the valid part of an edit is
 * saved, and each invalid field keeps what the person typed, with its message, until fixed.
 */
import { emptyPlanContent, planContentSchema, type PlanContent } from './plan';
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
