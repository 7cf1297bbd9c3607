/** A port whose every member is an async method (so it can be loaded on first use). */
export type AsyncPort<T> = { [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never };

/**
 * A port whose adapter (and the code behind it) is fetched on first use: each method waits for
 * `load`, then calls the adapter. A failed fetch (no network) rejects that call like any other
 * failure, so the screen's own "Try again" covers it; the next call fetches again.
 */
export function lazyPort<T extends AsyncPort<T>>(load: () => Promise<T>): T {
  let loading: Promise<T> | undefined;
  const adapter = (): Promise<T> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return new Proxy({} as T, {
    // Not a thenable, and nothing but the port's methods.
    get: (_target, key) =>
      typeof key === 'symbol' || key === 'then'
        ? undefined
        : async (...args: unknown[]): Promise<unknown> => {
            const port = await adapter();
            const method = port[key as keyof T] as unknown as (...a: unknown[]) => Promise<unknown>;
            return method.apply(port, args);
          }
  });
}

// Fetching a chunk of code is the data layer's (the lists check fetches its own); shared here for the ports.
export { fetchCode } from '../../data/http';
