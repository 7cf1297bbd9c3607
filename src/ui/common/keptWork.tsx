import * as React from 'react';
import { browserStore } from './browserStore';
import { ActionBar } from './components';

/** Work kept in this browser until it reaches SharePoint (a plan draft, stakeholders not yet added, moves not yet saved). */
export interface KeptWork<T> {
  /** What is kept now; undefined when nothing is (or until `loaded`). */
  readonly value: T | undefined;
  /** What was kept earlier has been read from the browser's store. */
  readonly loaded: boolean;
  /** Why the last keep failed (storage full or blocked): the work is *not* kept on this device. */
  readonly failed?: unknown;
  /** Keep a new value, or one computed from what is kept. Nothing (or an empty list) clears it. */
  keep(next: T | undefined | ((kept: T | undefined) => T | undefined)): void;
  /** Forget what is kept (it reached SharePoint, or the person discarded it). */
  clear(): void;
}

const isEmpty = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.length === 0);

interface State<T> {
  key: string;
  value: T | undefined;
  loaded: boolean;
  failed?: unknown;
  /** Kept since the screen opened: what was read later must not replace it. */
  touched: boolean;
}

/**
 * The one way screens keep unsaved work in the browser, so a reload, a closed tab or a lost
 * network never loses it. `key` names the work and whose it is (include the user and plan ids).
 * What was kept before is read once (`loaded`); every keep is written at once, and a write the
 * browser refuses is reported in `failed` so the screen never claims work is kept when it is not.
 */
export function useKeptWork<T>(key: string): KeptWork<T> {
  const [state, setState] = React.useState<State<T>>({ key, value: undefined, loaded: false, touched: false });
  const current: State<T> = state.key === key ? state : { key, value: undefined, loaded: false, touched: false };
  if (current !== state) setState(current);
  const latest = React.useRef(current);
  latest.current = current;
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  React.useEffect(() => {
    let live = true;
    browserStore.read<T>(key).then(
      (value) => {
        if (live && mounted.current)
          setState((was) => (was.key !== key || was.touched ? { ...was, loaded: true } : { ...was, value, loaded: true }));
      },
      () => {
        if (live) setState((was) => (was.key === key ? { ...was, loaded: true } : was));
      }
    );
    return () => {
      live = false;
    };
  }, [key]);

  const keep = React.useCallback(
    (next: T | undefined | ((kept: T | undefined) => T | undefined)) => {
      const from = latest.current.key === key ? latest.current.value : undefined;
      const resolved = typeof next === 'function' ? (next as (kept: T | undefined) => T | undefined)(from) : next;
      const value = isEmpty(resolved) ? undefined : resolved;
      const updated: State<T> = { ...latest.current, key, value, touched: true };
      latest.current = updated;
      setState((was) => (was.key === key ? { ...was, value, touched: true } : was));
      const write = value === undefined ? browserStore.clear(key) : browserStore.write(key, value);
      write.then(
        () => {
          if (mounted.current) setState((was) => (was.key === key && was.value === value ? { ...was, failed: undefined } : was));
        },
        (error: unknown) => {
          // Said on screen: the work is not kept on this device.
          if (mounted.current)
            setState((was) => (was.key === key && was.value === value ? { ...was, failed: error ?? new Error('not kept') } : was));
        }
      );
    },
    [key]
  );
  const clear = React.useCallback(() => keep(undefined), [keep]);
  return React.useMemo(
    () => ({ value: current.value, loaded: current.loaded, failed: current.failed, keep, clear }),
    [current.value, current.loaded, current.failed, keep, clear]
  );
}

/** What to say about kept work: kept on this device, or not (and what to do). */
export function keptText(failed: unknown): string {
  return failed === undefined
    ? 'Your changes are kept on this device.'
    : 'This browser could not keep a copy of your changes (its storage may be full or blocked), so keep this page open until they are saved.';
}

/** Props for {@link KeptWorkBar}. */
export type KeptWorkBarProps = {
  title?: string;
  /** What pressing the first button does with the kept work ("Restore my changes", "Add them now"…). */
  restoreLabel: string;
  onRestore(): void;
  discardLabel?: string;
  onDiscard(): void;
  disabled?: boolean;
  children?: React.ReactNode;
};

/** The one bar that offers kept work back: use it, or discard it. */
export function KeptWorkBar({
  title,
  restoreLabel,
  onRestore,
  discardLabel,
  onDiscard,
  disabled,
  children
}: KeptWorkBarProps): JSX.Element {
  return (
    <ActionBar
      title={title}
      actions={[
        { label: restoreLabel, onClick: onRestore, disabled },
        { label: discardLabel ?? 'Discard', onClick: onDiscard }
      ]}
    >
      {children}
    </ActionBar>
  );
}
