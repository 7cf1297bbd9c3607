import * as React from 'react';

/**
 * The same object of handlers on every render, each calling the newest version. Memoised
 * children (the grid's hundreds of chips) then re-render only when their own props change.
 */
export function useStableHandlers<T extends { [K in keyof T]: (...args: never[]) => unknown }>(handlers: T): T {
  const latest = React.useRef(handlers);
  latest.current = handlers;
  const [stable] = React.useState(
    () =>
      Object.fromEntries(
        Object.keys(handlers).map((name) => [
          name,
          (...args: never[]) => (latest.current[name as keyof T] as (...args: never[]) => unknown)(...args)
        ])
      ) as unknown as T
  );
  return stable;
}
