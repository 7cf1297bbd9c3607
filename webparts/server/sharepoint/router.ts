/**
 * The stand-in's route table: each route is a method (or several) and a path pattern matched
 * against the decoded path after `/_api/`, without a trailing slash. Patterns use named groups
 * for their parameters; the first route that matches both answers.
 */
import type { SpContext, SpResponse } from './http';

export type Params = Record<string, string | undefined>;

/** Any method: for read-only resources that answer whatever the verb (as the stand-in always has). */
export const ANY: readonly string[] = ['*'];

export interface Route {
  methods: readonly string[];
  pattern: RegExp;
  handle: (ctx: SpContext, params: Params) => SpResponse;
}

/** A route for `methods` on paths matching `pattern` (a case-insensitive, whole-path regex source). */
export function route(methods: string | readonly string[], pattern: string, handle: Route['handle']): Route {
  return { methods: typeof methods === 'string' ? [methods] : methods, pattern: new RegExp(`^${pattern}$`, 'i'), handle };
}

/** The route answering `method` on `path`, and its parameters. */
export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Params } | undefined {
  for (const r of routes) {
    if (r.methods !== ANY && !r.methods.includes(method)) continue;
    const m = r.pattern.exec(path);
    if (m) return { route: r, params: { ...m.groups } };
  }
  return undefined;
}
