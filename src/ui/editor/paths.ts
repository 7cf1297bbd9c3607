/** Immutable get/set by dotted path ("communications.risks.0.risk") on plain JSON data. */

type Json = unknown;

export function getIn(obj: Json, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((acc, key) => (acc === null || acc === undefined ? undefined : (acc as Record<string, unknown>)[key]), obj);
}

export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.');
  const container: unknown = obj;
  const current = (container as Record<string, unknown>)[head];
  const next = rest.length === 0 ? value : setIn(current, rest.join('.'), value);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(head)] = next;
    return copy as unknown as T;
  }
  return { ...(container as object), [head]: next } as T;
}

/** Every leaf value by path, for showing what differs between two versions of a plan. */
export function flatten(obj: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (obj !== null && typeof obj === 'object') {
    const entries = Array.isArray(obj) ? obj.map((v, i) => [String(i), v] as const) : Object.entries(obj as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, Array.isArray(obj) ? '(none)' : '');
    for (const [k, v] of entries) for (const [p, s] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  } else {
    out.set(prefix, obj === null || obj === undefined ? '' : String(obj));
  }
  return out;
}

/** One field that differs between the lead's copy and the saved one. */
export interface FieldChange {
  path: string;
  mine: string;
  theirs: string;
}

/** Fields whose values differ between two plans' contents. */
export function diffContent(mine: Json, theirs: Json): FieldChange[] {
  const a = flatten(mine);
  const b = flatten(theirs);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths]
    .filter((p) => (a.get(p) ?? '') !== (b.get(p) ?? ''))
    .sort()
    .map((path) => ({ path, mine: a.get(path) ?? '', theirs: b.get(path) ?? '' }));
}
