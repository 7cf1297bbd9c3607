/**
 * Fault injection for tests and resilience demos. Off unless configured through the
 * `WORKBENCH_FAULTS` environment variable (JSON) or `POST /_workbench/faults`.
 * Each rule matches a path by regular expression and may add latency, answer 429 with
 * `Retry-After`, or answer 503/504 — as SharePoint Online and Graph do under load
 * (Microsoft Learn: "Avoid getting throttled or blocked in SharePoint Online").
 */
export interface FaultRule {
  /** Regular expression tested against the request path (e.g. "/_api/web/lists"). */
  path: string;
  /** Only these methods (default: all). */
  methods?: string[];
  /** Probability 0–1 of answering 429 Too Many Requests. */
  throttle?: number;
  /** Seconds to put in Retry-After on a 429 (default 1). */
  retryAfterSeconds?: number;
  /** Probability 0–1 of answering 503 Service Unavailable. */
  unavailable?: number;
  /** Probability 0–1 of answering 504 Gateway Timeout. */
  timeout?: number;
  /** Milliseconds added before answering. */
  latencyMs?: number;
  /** Fail only this many times in total, then stop (useful for deterministic tests). */
  times?: number;
  /**
   * Also decide for each part of a SharePoint `$batch` (matched by the part's own method and
   * path): a failed part answers 429/503/504 inside the batch's 200 response and the other parts
   * still run — SharePoint's batches are not transactions (Microsoft Learn, "Make batch requests
   * with the REST APIs").
   */
  inBatch?: boolean;
}

export interface FaultDecision {
  latencyMs: number;
  status?: 429 | 503 | 504;
  retryAfterSeconds?: number;
}

/**
 * Where the injector's chances come from: a number in [0, 1) for a request, named
 * "METHOD path" (a part of a `$batch` is named "METHOD path (in $batch)"). Math.random by
 * default; a test passes a seeded source so a run can be repeated exactly.
 */
export type FaultRandom = (request: string) => number;

export class FaultInjector {
  private rules: FaultRule[] = [];
  private used: number[] = [];
  private counts: Record<string, number> = {};

  public constructor(
    rules: FaultRule[] = [],
    private readonly random: FaultRandom = Math.random
  ) {
    this.set(rules);
  }

  public set(rules: FaultRule[]): void {
    for (const r of rules) new RegExp(r.path); // throws for a bad pattern before anything changes
    this.rules = [...rules];
    this.used = rules.map(() => 0);
  }

  public get(): FaultRule[] {
    return [...this.rules];
  }

  /**
   * How many faults were injected, by status ("429", "503", "504"), and how many requests
   * ("requests") and parts of batches ("batchParts") were decided on, since the workbench started.
   */
  public injected(): Record<string, number> {
    return { ...this.counts };
  }

  /** What to do with a request; `inBatch` for a part of a `$batch` (only rules with `inBatch` apply). */
  public decide(method: string, path: string, inBatch = false): FaultDecision {
    let latencyMs = 0;
    const request = `${method.toUpperCase()} ${path}${inBatch ? ' (in $batch)' : ''}`;
    const counted = inBatch ? 'batchParts' : 'requests';
    this.counts[counted] = (this.counts[counted] ?? 0) + 1;
    for (const [index, rule] of this.rules.entries()) {
      if (inBatch && !rule.inBatch) continue;
      if (!new RegExp(rule.path).test(path)) continue;
      if (rule.methods && !rule.methods.map((m) => m.toUpperCase()).includes(method.toUpperCase())) continue;
      latencyMs += rule.latencyMs ?? 0;
      if (rule.times !== undefined && this.used[index] >= rule.times) continue;
      const pick = (p: number | undefined): boolean => p !== undefined && p > 0 && this.random(request) < p;
      const status = pick(rule.throttle) ? 429 : pick(rule.unavailable) ? 503 : pick(rule.timeout) ? 504 : undefined;
      if (status) {
        this.used[index] += 1;
        this.counts[status] = (this.counts[status] ?? 0) + 1;
        return { latencyMs, status, retryAfterSeconds: status === 429 ? (rule.retryAfterSeconds ?? 1) : undefined };
      }
    }
    return { latencyMs };
  }
}

/** Read fault rules from `WORKBENCH_FAULTS` (a JSON array); none when unset. */
export function faultsFromEnv(value: string | undefined): FaultRule[] {
  if (!value) return [];
  const parsed = JSON.parse(value) as unknown;
  if (!Array.isArray(parsed)) throw new Error('WORKBENCH_FAULTS must be a JSON array of rules.');
  return parsed as FaultRule[];
}
