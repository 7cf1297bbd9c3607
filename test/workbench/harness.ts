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
