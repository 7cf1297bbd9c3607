/**
 * Counts what a user waits for: the HTTP requests an action makes and how many of them had to
 * wait for another (sequential steps), by watching `fetch`. Used by `npm run benchmark` and by
 * the request budget tests, both through the product's own adapters against the stand-in.
 *
 * A request's step is one more than the deepest step of any request that had finished before it
 * started. With latency added to every call (the workbench's fault rules), requests sent together
 * share a step and a request that needed another's answer lands in the next one.
 */

/** One request as the browser made it. */
export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly started: number;
  ended: number;
  status: number;
  /** Bytes of the response body. */
  bytes: number;
  /** Requests inside a `$batch` body (0 for a plain request). */
  readonly batchParts: number;
  /** The method of each request inside a `$batch` body, in order (empty for a plain request). */
  readonly batchMethods: readonly string[];
  /** The decoded URL of each request inside a `$batch` body, in order (empty for a plain request). */
  readonly batchUrls: readonly string[];
  step: number;
}

/** What an action cost. */
export interface RoundTripSummary {
  /** HTTP requests (a `$batch` is one). */
  readonly requests: number;
  /** The longest chain of requests each waiting for the one before. */
  readonly sequential: number;
  /** Response bytes, all requests together. */
  readonly bytes: number;
  /** Requests carried inside `$batch` requests. */
  readonly batchedParts: number;
  /** Wall time from the first request to the last answer, in milliseconds. */
  readonly ms: number;
  readonly records: readonly RequestRecord[];
}

type Fetch = typeof fetch;

const partsOf = (init: RequestInit | undefined): RegExpMatchArray[] =>
  typeof init?.body === 'string' ? [...init.body.matchAll(/^(GET|POST|PUT|PATCH|MERGE|DELETE) (\S+) HTTP\/1\.1/gm)] : [];

/** Watches every `fetch` in this process (or window) while installed. */
export class RoundTrips {
  private records: RequestRecord[] = [];
  private inFlight = 0;

  /** Start watching; returns the function that stops. */
  public install(target: { fetch: Fetch } = globalThis): () => void {
    const original = target.fetch;
    const watchedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const parts = partsOf(init);
      const record: RequestRecord = {
        method: (new Headers(init?.headers).get('X-HTTP-Method') ?? init?.method ?? 'GET').toUpperCase(),
        path: decodeURIComponent(url.pathname + url.search),
        started: performance.now(),
        ended: 0,
        status: 0,
        bytes: 0,
        batchParts: parts.length,
        batchMethods: parts.map((m) => m[1]),
        batchUrls: parts.map((m) => decodeURIComponent(m[2])),
        step: 0
      };
      this.records.push(record);
      this.inFlight += 1;
      try {
        const response = await original(input, init);
        const body = await response.clone().arrayBuffer();
        record.status = response.status;
        record.bytes = body.byteLength;
        return response;
      } finally {
        record.ended = performance.now();
        this.inFlight -= 1;
      }
    };
    target.fetch = watchedFetch as Fetch;
    return () => {
      target.fetch = original;
    };
  }

  /** Forget what was seen so far. */
  public reset(): void {
    this.records = [];
  }

  /** Wait until nothing has been in flight for `quietMs`. */
  public async settled(quietMs = 150, timeoutMs = 30000): Promise<void> {
    const until = performance.now() + timeoutMs;
    let quietSince = performance.now();
    while (performance.now() < until) {
      await new Promise((r) => setTimeout(r, 10));
      if (this.inFlight > 0) quietSince = performance.now();
      else if (performance.now() - quietSince >= quietMs) return;
    }
    throw new Error('Requests were still in flight after the timeout.');
  }

  /** What has been seen since the last reset (optionally only matching requests). */
  public summary(filter: (r: RequestRecord) => boolean = () => true): RoundTripSummary {
    const records = this.records.filter((r) => r.ended > 0 && filter(r)).sort((a, b) => a.started - b.started);
    for (const r of records) r.step = 1 + Math.max(0, ...records.filter((q) => q !== r && q.ended <= r.started).map((q) => q.step));
    const first = Math.min(...records.map((r) => r.started));
    const last = Math.max(...records.map((r) => r.ended));
    return {
      requests: records.length,
      sequential: Math.max(0, ...records.map((r) => r.step)),
      bytes: records.reduce((n, r) => n + r.bytes, 0),
      batchedParts: records.reduce((n, r) => n + r.batchParts, 0),
      ms: records.length ? last - first : 0,
      records
    };
  }
}

/** One line per request, for a failing budget test's message. */
export function describeRequests(summary: RoundTripSummary): string {
  return summary.records
    .map((r) => `  step ${r.step}: ${r.method} ${r.path.slice(0, 160)} → ${r.status}${r.batchParts ? ` ($batch of ${r.batchParts})` : ''}`)
    .join('\n');
}
