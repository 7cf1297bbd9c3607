/**
 * Typed dotted paths into plan content ("communications.risks.0.risk"): every field of the guide
 * names what it edits by a path the compiler checks, so a mistyped path fails `npm run typecheck`
 * instead of being dropped silently when the plan is read back.
 */
import type { PlanContent } from '../../domain';

type Leaf = string | number | boolean | null | undefined;

/** Every dotted path into `T`; list items are addressed by their index. */
export type Path<T> = T extends Leaf
  ? never
  : T extends ReadonlyArray<infer E>
    ? `${number}` | `${number}.${Path<E>}`
    : { [K in keyof T & string]-?: K | `${K}.${Path<NonNullable<T[K]>>}` }[keyof T & string];

type Step<T, K extends string> =
  T extends ReadonlyArray<infer E> ? (K extends `${number}` ? E : never) : K extends keyof T ? NonNullable<T>[K] : never;

/** The type of the value at path `P` of `T`. */
export type PathValue<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? PathValue<NonNullable<Step<T, Head>>, Rest>
  : Step<T, P>;

/** A path into a plan's content. */
export type PlanPath = Path<PlanContent>;

/** The value at a path of a plan's content. */
export type PlanValue<P extends PlanPath> = PathValue<PlanContent, P>;

/** Paths of a plan's content whose value is a `V` (text fields take `PlanPathTo<string>`). */
export type PlanPathTo<V, P extends PlanPath = PlanPath> = P extends unknown ? ([PlanValue<P>] extends [V] ? P : never) : never;

/**
 * The path of one item of a list, or of a field of one row ("communications.risks" + 2 + "risk").
 * The list path is checked; the caller says what the item or field holds (a column of a rows
 * editor is checked against the row's fields where the editor is used).
 */
export function rowPath<V>(list: PlanPath, index: number, key?: string): PlanPathTo<V> {
  return (key === undefined ? `${list}.${index}` : `${list}.${index}.${key}`) as PlanPathTo<V>;
}

export function getIn(obj: unknown, path: string): unknown {
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
export function flatten(obj: unknown, prefix = ''): Map<string, string> {
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
export function diffContent(mine: unknown, theirs: unknown): FieldChange[] {
  const a = flatten(mine);
  const b = flatten(theirs);
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths]
    .filter((p) => (a.get(p) ?? '') !== (b.get(p) ?? ''))
    .sort()
    .map((path) => ({ path, mine: a.get(path) ?? '', theirs: b.get(path) ?? '' }));
}
