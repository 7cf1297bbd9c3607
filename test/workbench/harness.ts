import { spfi, SPBrowser, type SPFI } from '@pnp/sp';
import { graphfi, GraphBrowser, type GraphFI } from '@pnp/graph';
import { InjectHeaders } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/fields';
import '@pnp/sp/site-users/web';
import '@pnp/sp/batching';
import '@pnp/graph/users';
import '@pnp/graph/teams';
import { startWorkbench, type Workbench } from '../../webparts/server/app';
import type { FaultRule } from '../../webparts/server/faults';

/** A workbench on a free port with an in-memory database, for one test file. */
export async function startTestWorkbench(options: { threshold?: number; faults?: FaultRule[] } = {}): Promise<Workbench> {
  return startWorkbench({ dataFile: ':memory:', port: 0, ...options });
}

/** Unmodified PnPjs with browser behaviours, signed in as a sample user (by id). */
export function spAs(wb: Workbench, userId: number): SPFI {
  return spfi(wb.siteUrl).using(SPBrowser({ baseUrl: wb.siteUrl }), InjectHeaders({ 'x-workbench-user': String(userId) }));
}

/** Unmodified PnPjs Graph client, signed in as a sample user. */
export function graphAs(wb: Workbench, userId: number): GraphFI {
  return graphfi().using(GraphBrowser({ baseUrl: wb.graphUrl }), InjectHeaders({ 'x-workbench-user': String(userId) }));
}

export const USERS = { owner: 1, priya: 2, tom: 3, jo: 4, reader: 5 } as const;

/** The HTTP status of a PnPjs failure. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    return (error as { status?: number }).status ?? -1;
  }
  throw new Error('Expected the request to fail');
}

/** One REST call as `user`, as their browser would send it (JSON light, a form digest from contextinfo on writes). */
export async function restAs(
  wb: Workbench,
  user: number,
  method: 'GET' | 'POST' | 'MERGE' | 'DELETE',
  path: string,
  body?: unknown
): Promise<{ status: number; json: Record<string, unknown> }> {
  const base = { 'x-workbench-user': String(user), Accept: 'application/json;odata=nometadata' };
  let digest = '';
  if (method !== 'GET') {
    const info = await fetch(`${wb.siteUrl}/_api/contextinfo`, { method: 'POST', headers: base });
    digest = ((await info.json()) as { FormDigestValue: string }).FormDigestValue;
  }
  const response = await fetch(`${wb.siteUrl}/_api/${path}`, {
    method: method === 'GET' ? 'GET' : 'POST',
    headers: {
      ...base,
      'Content-Type': 'application/json;odata=nometadata',
      ...(digest ? { 'X-RequestDigest': digest } : {}),
      ...(method === 'MERGE' || method === 'DELETE' ? { 'X-HTTP-Method': method, 'IF-MATCH': '*' } : {})
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
