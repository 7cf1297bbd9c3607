import * as React from 'react';

/** Loading and failure as explicit states, so every screen shows one of them. */
export type AsyncState<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

/**
 * Run `load` (memoise it with `useCallback`) and again whenever it changes; `reload` runs it
 * again for "Try again".
 */
export function useAsync<T>(load: () => Promise<T>): [AsyncState<T>, () => void] {
  const [state, setState] = React.useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (value) => {
        if (live) setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', error });
      }
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  return [state, React.useCallback(() => setAttempt((a) => a + 1), [])];
}
