/**
 * Three-way merge of two people's edits against the version both started from (issue 15 §4):
 * a field only one side changed is taken from that side; a field both changed to different
 * values is a clash, the only thing the person is asked about.
 */

/** A field both sides changed, to different values. */
export interface Clash {
  /** Path of the field (or of a whole list, when both sides added or removed rows). */
  readonly path: string;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

/** The merge: both sides' changes where they do not clash; at each clash, their value until the person chooses. */
export interface MergeResult<T> {
  readonly merged: T;
  readonly clashes: Clash[];
}

/** Deep equality of JSON values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!sameValue(ra[k], rb[k])) return false;
  return true;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function mergeAt(path: string, base: unknown, mine: unknown, theirs: unknown, clashes: Clash[]): unknown {
  if (sameValue(mine, theirs)) return theirs;
  if (sameValue(base, mine)) return theirs;
  if (sameValue(base, theirs)) return mine;
  const at = (k: string | number): string => (path ? `${path}.${k}` : String(k));
  if (isRecord(base) && isRecord(mine) && isRecord(theirs)) {
    const out: Record<string, unknown> = {};
    for (const k of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const value = mergeAt(at(k), base[k], mine[k], theirs[k], clashes);
      if (value !== undefined) out[k] = value;
    }
    return out;
  }
  // Rows are merged one by one only while both sides kept the same rows; otherwise the list clashes as a whole.
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs) && mine.length === base.length && theirs.length === base.length)
    return base.map((b: unknown, i) => mergeAt(at(i), b, mine[i], theirs[i], clashes));
  clashes.push({ path, base, mine, theirs });
  return theirs;
}

/** Merge `mine` and `theirs`, both edited from `base`. */
export function mergeThreeWay<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const clashes: Clash[] = [];
  const merged = mergeAt('', base, mine, theirs, clashes) as T;
  return { merged, clashes };
}

function setPath(obj: unknown, parts: readonly string[], value: unknown): unknown {
  if (parts.length === 0) return value;
  const [head, ...rest] = parts;
  if (Array.isArray(obj)) {
    const copy = [...(obj as unknown[])];
    copy[Number(head)] = setPath(copy[Number(head)], rest, value);
    return copy;
  }
  const record = isRecord(obj) ? obj : {};
  return { ...record, [head]: setPath(record[head], rest, value) };
}

/** The merge with every clash settled one way: "keep mine" or "use theirs". */
export function settleClashes<T>(result: MergeResult<T>, choice: 'mine' | 'theirs'): T {
  if (choice === 'theirs') return result.merged;
  return result.clashes.reduce<T>((acc, c) => setPath(acc, c.path ? c.path.split('.') : [], c.mine) as T, result.merged);
}

/** What the person sees for each field of a stakeholder, for a clash they are asked about. */
export const STAKEHOLDER_FIELD_NAMES: Readonly<Record<string, string>> = {
  name: 'Name',
  kind: 'Type',
  catalogueEntry: 'Catalogue',
  email: 'Email',
  phone: 'Phone',
  mayContact: 'May contact',
  lawfulBasis: 'Lawful basis',
  quadrant: 'Box on the grid',
  reaches: 'Groups they reach',
  methods: 'Methods',
  channel: 'Channel',
  owner: 'Owner',
  audience: 'Audience',
  sharedId: 'Shared list entry',
  notes: 'Notes'
};

/** Every recorded move from both sides, once each, oldest first. */
export function mergeMoveHistories<M extends { at: string; by: string }>(...histories: ReadonlyArray<readonly M[]>): M[] {
  const out: M[] = [];
  for (const history of histories) for (const h of history) if (!out.some((o) => o.at === h.at && o.by === h.by)) out.push(h);
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Merge two edits of one stakeholder against the version both started from: each field only one
 * side changed is taken from that side, every move recorded by either side is kept, and the
 * result carries their version (so it saves over theirs, not past it). A move therefore
 * reapplies only the box and its history entry.
 */
export function mergeStakeholder<S extends { version: string; history: ReadonlyArray<{ at: string; by: string }> }>(
  base: S,
  mine: S,
  theirs: S
): MergeResult<S> {
  const strip = (s: S): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...s };
    delete rest.history;
    delete rest.version;
    return rest;
  };
  const result = mergeThreeWay(strip(base), strip(mine), strip(theirs));
  const merged = { ...result.merged, history: mergeMoveHistories(theirs.history, mine.history), version: theirs.version } as unknown as S;
  return { merged, clashes: result.clashes };
}
