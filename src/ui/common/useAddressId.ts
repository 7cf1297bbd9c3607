import * as React from 'react';

const read = (key: string): number | undefined => {
  const m = new RegExp(`#${key}=(\\d+)`).exec(window.location.hash);
  return m ? Number(m[1]) : undefined;
};

/**
 * The item a screen has open lives in the address (`#plan=12`, `#review=12`), so a reload or a
 * shared link returns to it. `opened` is where a Teams deep link opened the tab (its sub-entity),
 * used when the address names nothing.
 */
export function useAddressId(key: 'plan' | 'review', opened?: number): [number | undefined, (id: number | undefined) => void] {
  const [id, setId] = React.useState(() => read(key) ?? opened);
  React.useEffect(() => {
    const onHash = (): void => setId(read(key));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [key]);
  const open = React.useCallback(
    (next: number | undefined) => {
      window.location.hash = next === undefined ? '' : `${key}=${next}`;
      setId(next);
    },
    [key]
  );
  return [id, open];
}
