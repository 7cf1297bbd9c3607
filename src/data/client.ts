import type { ISPFXContext } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { graphfi, GraphBrowser, SPFx as GraphSPFx, type GraphFI } from '@pnp/graph';
import { SafeRetryFetch } from './http';

export { spForSpfx, spForUrl } from './spClient';

/** PnPjs Graph for a web part: SPFx's token, our safe retry (a POST is never re-sent by the client). */
export function graphForSpfx(context: ISPFXContext): GraphFI {
  return graphfi().using(GraphSPFx(context), SafeRetryFetch());
}

/** PnPjs Graph against a base URL (the workbench's Graph stand-in). */
export function graphForUrl(baseUrl: string, headers: Record<string, string> = {}): GraphFI {
  return graphfi().using(GraphBrowser({ baseUrl }), SafeRetryFetch(), InjectHeaders(headers));
}
