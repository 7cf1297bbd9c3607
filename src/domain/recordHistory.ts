import type { PersonRef } from './status';

/**
 * The history of a plan's engagement record (issue 11: "every change is in the history"): each
 * saved version as SharePoint's version history keeps it — who saved it and when are SharePoint's
 * own, never what a browser said — with the parts of the record that changed, in words.
 */
export interface RecordChange {
  /** SharePoint's version label ("3.0"). */
  readonly version: string;
  /** When this version was saved. */
  readonly at: string;
  readonly by: PersonRef | null;
  /** What changed from the version before, in words (the first version: "Started the record"). */
  readonly parts: readonly string[];
}

/** The record's parts, as a person would name them. */
const PART_NAMES: Readonly<Record<string, string>> = {
  responseTarget: 'the response target',
  activities: 'the engagement log',
  themes: 'the themes',
  trace: 'the decision trace',
  report: 'the report',
  feedback: '“you said, we did”',
  evaluation: 'the evaluation'
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (n: number): string => (n === 1 ? '1 entry' : `${n} entries`);

/** What happened to a list of items with ids (activities, themes, trace lines): added, removed, changed. */
function listChange(name: string, before: unknown, after: unknown): string {
  const ids = (v: unknown): Map<string, string> =>
    new Map(
      (Array.isArray(v) ? v : []).map((x, i) => [isRecord(x) && typeof x.id === 'string' ? x.id : `#${i}`, JSON.stringify(x)] as const)
    );
  const was = ids(before);
  const now = ids(after);
  const added = [...now.keys()].filter((k) => !was.has(k)).length;
  const removed = [...was.keys()].filter((k) => !now.has(k)).length;
  const changed = [...now.keys()].filter((k) => was.has(k) && was.get(k) !== now.get(k)).length;
  const what = [added && `${entries(added)} added`, changed && `${entries(changed)} changed`, removed && `${entries(removed)} removed`]
    .filter(Boolean)
    .join(', ');
  return what ? `${name} (${what})` : name;
}

/**
 * The parts of a record that differ between two stored versions (each the parsed JSON SharePoint
 * kept). A version that cannot be read is said so, never skipped.
 */
export function changedParts(before: unknown, after: unknown): string[] {
  if (!isRecord(after)) return ['The record could not be read in this version'];
  if (before === undefined) return ['Started the record'];
  if (!isRecord(before)) return ['The whole record (the version before could not be read)'];
  const keys = [...new Set([...Object.keys(PART_NAMES), ...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => {
      const name = PART_NAMES[k] ?? k;
      const label = name.charAt(0).toUpperCase() + name.slice(1);
      return Array.isArray(before[k]) || Array.isArray(after[k]) ? listChange(label, before[k], after[k]) : label;
    });
}
