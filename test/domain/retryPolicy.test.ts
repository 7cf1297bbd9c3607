/**
 * The one retry policy used by the data layer, submission and autosave: Retry-After honoured,
 * exponential backoff with a cap, only transient failures retried, only safe requests repeated,
 * and a total time budget.
 */
import {
  backoffMs,
  DataError,
  isRetryableError,
  isSafeToRetry,
  nextRetryDelay,
  RETRY_POLICY,
  retryAfterMs,
  retryDelayMs,
  withRetries,
  type DataErrorKind
} from '../../src/domain';

/** Runs `withRetries` on an operation that fails with `errors` in turn, then succeeds; records the waits. */
async function run(errors: DataError[], clock = { now: 0 }): Promise<{ result: string; waits: number[]; calls: number }> {
  const waits: number[] = [];
  let calls = 0;
  const result = await withRetries(
    async () => {
      calls += 1;
      const error = errors.shift();
      if (error) throw error;
      return 'done';
    },
    {
      now: () => clock.now,
      sleep: async (ms) => {
        waits.push(ms);
        clock.now += ms;
      }
    }
  );
  return { result, waits, calls };
}

describe('how long to wait', () => {
  it('waits what Retry-After asks on 429 and 503, in seconds or as a date', () => {
    expect(retryAfterMs(429, '7')).toBe(7000);
    expect(retryAfterMs(503, '0')).toBe(0);
    const now = Date.parse('2027-01-05T10:00:00Z');
    expect(retryAfterMs(429, 'Tue, 05 Jan 2027 10:00:12 GMT', now)).toBe(12_000);
    expect(retryAfterMs(429, 'Tue, 05 Jan 2027 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores Retry-After on other statuses, and when missing or unreadable', () => {
    expect(retryAfterMs(504, '7')).toBeUndefined();
    expect(retryAfterMs(500, '7')).toBeUndefined();
    expect(retryAfterMs(429, null)).toBeUndefined();
    expect(retryAfterMs(429, 'soon')).toBeUndefined();
  });

  it('lets Retry-After win over the backoff, shorter or longer', () => {
    expect(retryDelayMs(3, 1000)).toBe(1000);
    expect(retryDelayMs(0, 120_000)).toBe(120_000);
    expect(retryDelayMs(2, 0)).toBe(0);
    expect(retryDelayMs(2)).toBe(backoffMs(2));
  });

  it('backs off 500 ms · 2ⁿ, capped at 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffMs(n))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(RETRY_POLICY).toEqual({ baseDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 4, budgetMs: 60_000 });
  });
});

describe('which failures are tried again', () => {
  const kinds: DataErrorKind[] = [
    'notFound',
    'conflict',
    'throttled',
    'unavailable',
    'forbidden',
    'thresholdExceeded',
    'offline',
    'listsMissing',
    'schemaDrift',
    'invalidRequest',
    'server'
  ];

  it('retries throttling, unavailability, network loss and server failures only', () => {
    expect(kinds.filter((k) => isRetryableError(new DataError(k, 'x')))).toEqual(['throttled', 'unavailable', 'offline', 'server']);
    expect(isRetryableError(new Error('throttled'))).toBe(false);
  });

  it('never retries a conflict, a refusal or bad data: one try, and the error as it was', async () => {
    for (const kind of ['conflict', 'forbidden', 'notFound', 'schemaDrift', 'invalidRequest'] as const) {
      const error = new DataError(kind, 'x');
      const waits: number[] = [];
      let calls = 0;
      await expect(
        withRetries(
          async () => {
            calls += 1;
            throw error;
          },
          { sleep: async (ms) => void waits.push(ms) }
        )
      ).rejects.toBe(error);
      expect({ kind, calls, waits }).toEqual({ kind, calls: 1, waits: [] });
    }
  });

  it('retries with the backoff, honouring Retry-After, until it works', async () => {
    const outcome = await run([new DataError('offline', 'x'), new DataError('throttled', 'x', 3000), new DataError('server', 'x')]);
    expect(outcome).toEqual({ result: 'done', waits: [500, 3000, 2000], calls: 4 });
  });

  it('gives up after 4 tries and reports the last failure', async () => {
    const last = new DataError('throttled', 'fourth');
    await expect(run([1, 2, 3].map(() => new DataError('throttled', 'x')).concat(last))).rejects.toBe(last);
  });
});

describe('the time budget', () => {
  it('stops retrying when the next wait would go past 60 seconds', async () => {
    const last = new DataError('throttled', 'second', 31_000);
    // 30 s asked, then 31 s more: 61 s in all is over the budget, so the second failure is reported.
    await expect(run([new DataError('throttled', 'first', 30_000), last])).rejects.toBe(last);
    expect(nextRetryDelay(1, 0, 60_000)).toBe(60_000);
    expect(nextRetryDelay(1, 0, 60_001)).toBeUndefined();
    expect(nextRetryDelay(2, 59_500)).toBeUndefined();
    expect(nextRetryDelay(2, 59_000)).toBe(1000);
  });

  it('counts time spent waiting for answers, not only the waits', async () => {
    const clock = { now: 0 };
    const slow = new DataError('offline', 'x');
    const waits: number[] = [];
    await expect(
      withRetries(
        async () => {
          clock.now += 25_000;
          throw slow;
        },
        { now: () => clock.now, sleep: async (ms) => void waits.push(ms) }
      )
    ).rejects.toBe(slow);
    // 25 s, wait 0.5 s, 25 s, wait 1 s, 25 s: a third wait would end past 60 s.
    expect(waits).toEqual([500, 1000]);
  });
});

describe('which requests are safe to send again', () => {
  it('a read always', () => {
    expect(isSafeToRetry({ method: 'GET' })).toBe(true);
    expect(isSafeToRetry({ method: 'head' })).toBe(true);
  });

  it('an update or delete only at a specific version', () => {
    expect(isSafeToRetry({ method: 'MERGE', ifMatch: '"3"' })).toBe(true);
    expect(isSafeToRetry({ method: 'DELETE', ifMatch: '"3"' })).toBe(true);
    expect(isSafeToRetry({ method: 'MERGE', ifMatch: '*' })).toBe(false);
    expect(isSafeToRetry({ method: 'DELETE' })).toBe(false);
    expect(isSafeToRetry({ method: 'PATCH', ifMatch: null })).toBe(false);
  });

  it('a create only with a request id that is looked for first; never a blind POST', () => {
    expect(isSafeToRetry({ method: 'POST' })).toBe(false);
    expect(isSafeToRetry({ method: 'POST', ifMatch: '"3"' })).toBe(false);
    expect(isSafeToRetry({ method: 'POST', requestId: 'req-1' })).toBe(true);
  });
});
