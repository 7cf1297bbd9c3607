import { spfi, DefaultHeaders, DefaultInit, RequestDigest, SPFx, type ISPFXContext, type SPFI } from '@pnp/sp';
import { DefaultParse, InjectHeaders } from '@pnp/queryable';
import { combine } from '@pnp/core';
import { graphfi, GraphBrowser, SPFx as GraphSPFx, type GraphFI } from '@pnp/graph';
import { SafeRetryFetch } from './http';

/** PnPjs for a web part: SPFx's context for auth and digest, our safe retry for sending. */
export function spForSpfx(context: ISPFXContext, siteUrl?: string): SPFI {
  const sp = siteUrl ? spfi(siteUrl) : spfi();
  return sp.using(SPFx(context), SafeRetryFetch());
}

/**
 * PnPjs for a site reached over plain HTTP with the browser's cookies (the local workbench).
 * `headers` lets tests name the signed-in sample user.
 */
export function spForUrl(siteUrl: string, headers: Record<string, string> = {}): SPFI {
  return spfi(siteUrl).using(
    DefaultHeaders(),
    DefaultInit(),
    SafeRetryFetch(),
    DefaultParse(),
    RequestDigest(),
    InjectHeaders(headers),
    (instance) => {
      instance.on.pre.prepend(async (url: string, init: RequestInit, result: unknown) => [
        /^https?:/i.test(url) ? url : combine(siteUrl, url),
        init,
        result
      ]);
      return instance;
    }
  );
}

/** PnPjs Graph for a web part: SPFx's token, our safe retry (a POST is never re-sent by the client). */
export function graphForSpfx(context: ISPFXContext): GraphFI {
  return graphfi().using(GraphSPFx(context), SafeRetryFetch());
}

/** PnPjs Graph against a base URL (the workbench's Graph stand-in). */
export function graphForUrl(baseUrl: string, headers: Record<string, string> = {}): GraphFI {
  return graphfi().using(GraphBrowser({ baseUrl }), SafeRetryFetch(), InjectHeaders(headers));
}
