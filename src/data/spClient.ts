import { spfi, DefaultHeaders, DefaultInit, RequestDigest, SPFx, type ISPFXContext, type SPFI } from '@pnp/sp';
import { DefaultParse, InjectHeaders } from '@pnp/queryable';
import { combine } from '@pnp/core';
import { SafeRetryFetch } from './http';

// SharePoint only: the web parts' first chunk imports this, not client.ts, so PnPjs's Graph
// client is fetched only with the parts that post to Teams.

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
