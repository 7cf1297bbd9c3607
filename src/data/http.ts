import { HttpRequestError, type Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import { DataError } from '../domain';

/** Longest we wait for a Retry-After before giving up and telling the user. */
const MAX_WAIT_MS = 30_000;
const RETRYABLE = new Set([429, 503, 504]);

/** Milliseconds to wait before trying again: Retry-After (seconds or a date), else backoff. */
export function retryDelayMs(response: Response | undefined, attempt: number): number {
  const header = response?.headers.get('retry-after');
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.min(seconds * 1000, MAX_WAIT_MS);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.min(Math.max(at - Date.now(), 0), MAX_WAIT_MS);
  }
  return Math.min(500 * 2 ** attempt, MAX_WAIT_MS);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isIdempotent(init: RequestInit): boolean {
  const headers = new Headers(init.headers);
  const method = (headers.get('X-HTTP-Method') ?? init.method ?? 'GET').toUpperCase();
  if (method === 'GET') return true;
  // An update or delete carrying a specific ETag cannot apply twice: a repeat gets 412.
  const ifMatch = headers.get('IF-Match');
  return (method === 'MERGE' || method === 'DELETE') && !!ifMatch && ifMatch !== '*';
}

/**
 * Sends requests with fetch and retries throttling (429) and unavailability (503/504),
 * honouring Retry-After (Learn: "Avoid getting throttled or blocked in SharePoint Online") —
 * but only requests that cannot apply twice. A POST that creates something is never retried
 * here (PnPjs' own retry would, and could make a duplicate); the repository retries creates
 * safely with an idempotency key.
 */
export function SafeRetryFetch(retries = 3): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.send.clear();
    instance.on.send(async (url: URL, init: RequestInit): Promise<Response> => {
      const retryable = isIdempotent(init);
      for (let attempt = 0; ; attempt += 1) {
        const response = await fetch(url.toString(), init);
        if (!RETRYABLE.has(response.status) || !retryable || attempt >= retries) return response;
        await sleep(retryDelayMs(response, attempt));
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
    if (RETRYABLE.has(http.status)) return new DataError('throttled', detail, retryDelayMs(http.response, 0));
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

/** Wait as the server asked after a throttled or unavailable response, for callers that retry themselves. */
export async function waitBeforeRetry(error: DataError, attempt: number): Promise<void> {
  await sleep(error.retryAfterMs ?? Math.min(500 * 2 ** attempt, MAX_WAIT_MS));
}
