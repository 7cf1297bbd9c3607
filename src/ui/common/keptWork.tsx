import * as React from 'react';
import { browserStore } from './browserStore';
import { ActionBar } from './components';

/** Work kept in this browser until it reaches SharePoint (a plan draft, stakeholders not yet added, moves not yet saved). */
export interface KeptWork<T> {
  /** What is kept now; undefined when nothing is. */
  readonly value: T | undefined;
  /** Keep a new value, or one computed from what is kept. Nothing (or an empty list) clears it. */
  keep(next: T | undefined | ((kept: T | undefined) => T | undefined)): void;
  /** Forget what is kept (it reached SharePoint, or the person discarded it). */
  clear(): void;
}

const isEmpty = (value: unknown): boolean => value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * The one way screens keep unsaved work in the browser, so a reload, a closed tab or a lost
 * network never loses it. `key` names the work and whose it is (include the user and plan ids).
 */
export function useKeptWork<T>(key: string): KeptWork<T> {
  const [kept, setKept] = React.useState(() => ({ key, value: browserStore.read<T>(key) }));
  // Another piece of work (a different plan or stakeholder) in the same place: read what it has kept.
  const current = kept.key === key ? kept : { key, value: browserStore.read<T>(key) };
  if (current !== kept) setKept(current);
  const keep = React.useCallback(
    (next: T | undefined | ((kept: T | undefined) => T | undefined)) => {
      setKept((was) => {
        const from = was.key === key ? was.value : browserStore.read<T>(key);
        const resolved = typeof next === 'function' ? (next as (kept: T | undefined) => T | undefined)(from) : next;
        if (isEmpty(resolved)) browserStore.clear(key);
        else browserStore.write(key, resolved);
        return { key, value: isEmpty(resolved) ? undefined : resolved };
      });
    },
    [key]
  );
  const clear = React.useCallback(() => keep(undefined), [keep]);
  return React.useMemo(() => ({ value: current.value, keep, clear }), [current.value, keep, clear]);
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
