import { HttpRequestError, type Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import {
  DataError,
  isSafeToRetry,
  nextRetryDelay,
  retryAfterMs,
  RETRY_POLICY,
  RETRYABLE_STATUSES,
  retryNow,
  sleepMs,
  type RetryableRequest,
  type RetryPolicy
} from '../domain';

/** The wait a response asks for (Retry-After on 429 or 503), in milliseconds, if it says. */
export function retryAfterOf(response: Response | undefined): number | undefined {
  return response ? retryAfterMs(response.status, response.headers.get('retry-after')) : undefined;
}

/** The request line of each part of an OData `$batch` body ("GET https://…"), changesets included. */
const BATCH_REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1\r?$/gm;

/** A POST that only reads: a list's items by a CAML query (List.GetItems takes the query in its body). */
const READ_BY_POST = /\/_api\/web\/lists\/getByTitle\('(?:[^']|'')*'\)\/GetItems(?:\(\))?$/i;

const isRead = (method: string, partUrl: string): boolean => {
  if (method === 'GET' || method === 'HEAD') return true;
  try {
    return method === 'POST' && READ_BY_POST.test(decodeURIComponent(new URL(partUrl).pathname));
  } catch {
    return false;
  }
};

/**
 * True when `init` carries a SharePoint `$batch` whose every part is a read (GET, or a CAML read
 * by GetItems): the batch changes nothing, so sending it again is as safe as any read. A batch with
 * any write in it is not (its parts are not a transaction; the caller reads again and completes instead).
 */
export function isReadOnlyBatch(url: string, init: RequestInit): boolean {
  if (!/\/_api\/\$batch$/i.test(new URL(url).pathname) || typeof init.body !== 'string') return false;
  const parts = [...init.body.matchAll(BATCH_REQUEST_LINE)];
  return parts.length > 0 && parts.every((m) => isRead(m[1], m[2]));
}

/**
 * The request as the retry policy sees it: SharePoint sends MERGE and DELETE as a POST naming
 * them in X-HTTP-Method, and a `$batch` of reads only is a read.
 */
function describe(url: string, init: RequestInit): RetryableRequest {
  const headers = new Headers(init.headers);
  if (isReadOnlyBatch(url, init)) return { method: 'GET' };
  return { method: headers.get('X-HTTP-Method') ?? init.method ?? 'GET', ifMatch: headers.get('IF-Match') };
}

/**
 * Sends requests with fetch and retries throttling (429) and unavailability (503/504) under the
 * planner's retry policy, honouring Retry-After (Learn: "Avoid getting throttled or blocked in
 * SharePoint Online") — but only requests that cannot apply twice (reads, a `$batch` of reads only,
 * updates at a version). A POST that creates something
 * is never retried here (PnPjs' own retry would, and could make a duplicate); the list gateway
 * retries creates safely with a request id.
 */
export function SafeRetryFetch(policy: RetryPolicy = RETRY_POLICY): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.clear();
    instance.on.send(async (url: URL, init: RequestInit): Promise<Response> => {
      const safe = isSafeToRetry(describe(url.toString(), init));
      const started = retryNow();
      for (let attempts = 1; ; attempts += 1) {
        const response = await fetch(url.toString(), init);
        if (!RETRYABLE_STATUSES.includes(response.status) || !safe) return response;
        const wait = nextRetryDelay(attempts, retryNow() - started, retryAfterOf(response), policy);
        if (wait === undefined) return response;
        await sleepMs(wait);
      }
    });
    return instance;
  };
}

/** Turn any failure from PnPjs or fetch into a typed `DataError`, once. */
export async function toDataError(error: unknown, what: string): Promise<DataError> {
  if (error instanceof DataError) return error;
  if (error instanceof HttpRequestError || (typeof error === 'object' && error !== null && 'status' in error && 'response' in error)) {
    const http = error as HttpRequestError;
    let body = '';
    try {
      body = await http.response.clone().text();
    } catch {
      /* body already read by PnPjs: fall back to its message */ body = http.message;
    }
    const detail = `${what}: HTTP ${http.status} ${body.slice(0, 500)}`;
    if (http.status === 404) return new DataError('notFound', detail);
    if (http.status === 412) return new DataError('conflict', detail);
    if (http.status === 429) return new DataError('throttled', detail, retryAfterOf(http.response));
    if (RETRYABLE_STATUSES.includes(http.status)) return new DataError('unavailable', detail, retryAfterOf(http.response));
    if (http.status === 401 || http.status === 403) return new DataError('forbidden', detail);
    if (http.status === 500 && /SPQueryThrottledException/.test(body)) return new DataError('thresholdExceeded', detail);
    if (http.status === 400) return new DataError('invalidRequest', detail);
    return new DataError('server', detail);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || /fetch failed|failed to fetch|networkerror|load failed/i.test(message))
    return new DataError('offline', `${what}: ${message}`);
  return new DataError('server', `${what}: ${message}`);
}

/** Run calls to SharePoint or Graph; any failure becomes one typed `DataError` saying what was being done. */
export async function dataCall<T>(what: string, calls: () => Promise<T>): Promise<T> {
  try {
    return await calls();
  } catch (error) {
    throw await toDataError(error, what);
  }
}

/**
 * Fetch a chunk of the app's code. A failure (the network dropped) becomes an `offline`
 * `DataError` saying which part could not be downloaded, which screens show with "Try again";
 * the next call fetches again.
 */
export function fetchCode<T>(load: () => Promise<T>, what: string): Promise<T> {
  return load().catch((error: unknown) => {
    throw new DataError(
      'offline',
      `The part of the planner that ${what} could not be downloaded (${error instanceof Error ? error.message : String(error)}).`
    );
  });
}
