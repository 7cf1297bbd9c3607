import { DataError, type DataErrorKind } from './ports';

/**
 * How the planner tries again when SharePoint, Microsoft Graph or a Workflows webhook is busy
 * or out of reach. One policy for every caller: the data layer's transport and list gateway,
 * the submission's notification and the plan editor's autosave.
 *
 * It follows Microsoft Learn, "Avoid getting throttled or blocked in SharePoint Online": when
 * the server says how long to wait (Retry-After on 429 and 503), wait exactly that; otherwise
 * back off exponentially. Only what cannot apply twice is tried again.
 */
export interface RetryPolicy {
  /** Wait before the first retry when the server does not say; it doubles with each retry. */
  readonly baseDelayMs: number;
  /** Longest backoff between two tries. A longer Retry-After is still honoured (or the operation stops). */
  readonly maxDelayMs: number;
  /** Most tries of one operation, the first included. */
  readonly maxAttempts: number;
  /** Most time one operation may take, waits included: a retry that would start later is not made. */
  readonly budgetMs: number;
}

/** The planner's retry policy: 500 ms · 2ⁿ capped at 30 s, 4 tries, 60 s in all. */
export const RETRY_POLICY: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 4, budgetMs: 60_000 };

/** HTTP statuses that mean "busy or unavailable, try later": throttled (429), unavailable (503), gateway timeout (504). */
export const RETRYABLE_STATUSES: readonly number[] = [429, 503, 504];

/** Statuses whose Retry-After header the planner honours (RFC 9110 §10.2.3: 429 and 503). */
const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/**
 * Failures worth trying again: `throttled` (429), `unavailable` (503 and 504), `offline` (the
 * network did not answer) and `server` (an unexpected server failure, such as a response cut off
 * in flight). Everything else (conflict, forbidden, not found, bad data) would fail the same way
 * again, so it goes straight to the user.
 */
export const RETRYABLE_KINDS: readonly DataErrorKind[] = ['throttled', 'unavailable', 'offline', 'server'];

/** True when `error` is a failure worth trying again (see `RETRYABLE_KINDS`). */
export function isRetryableError(error: unknown): error is DataError {
  return error instanceof DataError && RETRYABLE_KINDS.includes(error.kind);
}

/**
 * The wait a response asks for, in milliseconds: its Retry-After (seconds, or an HTTP date) on a
 * 429 or 503; `undefined` when there is none or it cannot be read.
 */
export function retryAfterMs(status: number, header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!RETRY_AFTER_STATUSES.includes(status) || !header?.trim()) return undefined;
  const value = header.trim();
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(seconds, 0) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(at - now, 0);
}

/** Exponential backoff before retry number `retry` (0 for the first retry): base · 2ⁿ, capped. */
export function backoffMs(retry: number, policy: RetryPolicy = RETRY_POLICY): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(retry, 0), policy.maxDelayMs);
}

/** How long to wait before retry number `retry`: what the server asked for if it said, else the backoff. */
export function retryDelayMs(retry: number, serverAskedMs?: number, policy: RetryPolicy = RETRY_POLICY): number {
  return serverAskedMs ?? backoffMs(retry, policy);
}

/**
 * Whether to try an operation again, and after how long. `attempts` is how many tries have
 * failed so far (1 after the first), `elapsedMs` the time since the first began. Returns the
 * wait, or `undefined` to stop: the tries are used up, or the wait would go past the budget
 * (so a long Retry-After is reported to the user rather than cut short).
 */
export function nextRetryDelay(
  attempts: number,
  elapsedMs: number,
  serverAskedMs?: number,
  policy: RetryPolicy = RETRY_POLICY
): number | undefined {
  if (attempts >= policy.maxAttempts) return undefined;
  const wait = retryDelayMs(attempts - 1, serverAskedMs, policy);
  return elapsedMs + wait <= policy.budgetMs ? wait : undefined;
}

/** What a request is, for deciding whether sending it again is safe. */
export interface RetryableRequest {
  /** The HTTP method, or the one SharePoint's X-HTTP-Method header names (MERGE, DELETE). */
  readonly method: string;
  /** The If-Match header: a specific ETag makes an update or delete apply at most once. */
  readonly ifMatch?: string | null;
  /** An idempotency key the caller looks up before adding again, so a repeat finds the first. */
  readonly requestId?: string | null;
}

/**
 * Whether a request can be sent again without risk of applying twice: a read always; an update
 * or delete only at a specific version (a repeat meets 412); a create only when it carries a
 * request id that is looked for before adding again. A blind POST is never repeated.
 */
export function isSafeToRetry(request: RetryableRequest): boolean {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD') return true;
  if (['MERGE', 'PATCH', 'PUT', 'DELETE'].includes(method)) return !!request.ifMatch && request.ifMatch.trim() !== '*';
  return method === 'POST' && !!request.requestId;
}

/** The clock retries wait on and measure their time budget with. */
export interface RetryClock {
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** Real time: what the product always uses. */
const REAL_TIME: RetryClock = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now()
};

let retryClock: RetryClock = REAL_TIME;

/**
 * Run every retry in the product (the transport's, the list gateway's, the notification's) on
 * another clock, until the returned function puts real time back. Only the fault-injection
 * suite does this (test/data/faultInjection.test.ts): it waits exactly what Retry-After and the
 * backoff ask for, in virtual time, so hundreds of injected faults run in seconds.
 */
export function setRetryClock(clock: RetryClock): () => void {
  retryClock = clock;
  return () => {
    retryClock = REAL_TIME;
  };
}

/** Waits for the given milliseconds (on the retry clock). */
export const sleepMs = (ms: number): Promise<void> => retryClock.sleep(ms);

/** The time now on the retry clock, for measuring an operation against its budget. */
export const retryNow = (): number => retryClock.now();

/** Hooks for `withRetries`; tests pass a fast `sleep` and a fake clock. */
export interface RetryOptions {
  readonly policy?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

/**
 * Run an operation that is safe to repeat, trying again under the policy while it fails with a
 * retryable `DataError` (see `RETRYABLE_KINDS`); any other failure, or the last, is thrown.
 */
export async function withRetries<T>(operation: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { policy = RETRY_POLICY, sleep = sleepMs, now = retryNow } = options;
  const started = now();
  for (let attempts = 1; ; attempts += 1) {
    try {
      return await operation();
    } catch (error) {
      const wait = isRetryableError(error) ? nextRetryDelay(attempts, now() - started, error.retryAfterMs, policy) : undefined;
      if (wait === undefined) throw error;
      await sleep(wait);
    }
  }
}
