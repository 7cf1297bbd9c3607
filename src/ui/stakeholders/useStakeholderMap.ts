import * as React from 'react';
import {
  isDataError,
  mergeStakeholder,
  moveStakeholder,
  sameValue,
  settleClashes,
  type Clash,
  type GridQuadrant,
  type NewStakeholder,
  type Stakeholder,
  type StakeholderFields
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { newRequestId } from '../common/requestId';
import { useKeptWork } from '../common/keptWork';

/** Something on the map that did not save, with a way to try again (nothing is dropped). */
export interface MapFailure {
  readonly what: string;
  readonly error: unknown;
  retry?(): void;
}

/** A move that did not save, kept so it can be applied later. */
export interface PendingMove {
  readonly id: number;
  readonly name: string;
  readonly from: GridQuadrant | null;
  readonly to: GridQuadrant | null;
  readonly at: string;
  readonly reason: string;
}

/** A stakeholder someone else changed while we were changing it, in the same fields. */
export interface MapConflict {
  readonly mine: Stakeholder;
  readonly theirs: Stakeholder;
  /** The stakeholder as both started from. */
  readonly ancestor: Stakeholder;
  /** The fields both changed, differently (the only ones the person is asked about). */
  readonly clashes: readonly Clash[];
  readonly what: string;
}

/** A plan's stakeholder map as the guide uses it. */
export interface StakeholderMap {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly loaded: number;
  readonly loadError?: unknown;
  readonly items: Stakeholder[];
  readonly busy: boolean;
  readonly failure?: MapFailure;
  readonly conflict?: MapConflict;
  /** Adds that did not reach SharePoint yet (kept in the browser so a reload does not lose them). */
  readonly pendingAdds: NewStakeholder[];
  /** Moves that did not reach SharePoint (kept in the browser too). */
  readonly pendingMoves: PendingMove[];
  /** The browser could not keep the adds or moves not yet saved (storage full or blocked). */
  readonly keptFailed: boolean;
  reload(): void;
  add(fields: StakeholderFields[]): Promise<Stakeholder[] | undefined>;
  retryPendingAdds(): void;
  discardPendingAdds(): void;
  /** Apply kept moves to stakeholders that have not moved since; says how many were left out. */
  retryPendingMoves(): Promise<void>;
  discardPendingMoves(): void;
  save(next: Stakeholder): Promise<boolean>;
  move(id: number, to: GridQuadrant | null, reason?: string): Promise<boolean>;
  /** Give the last move of a stakeholder its reason. */
  explainLastMove(id: number, reason: string): Promise<boolean>;
  remove(s: Stakeholder): Promise<boolean>;
  resolveConflict(choice: 'mine' | 'theirs'): void;
}

/**
 * Load a plan's stakeholders a page at a time and change them one at a time, each at the version
 * read: a change that meets someone else's (412) stops and asks; a failed add is kept and retried
 * with the same request ids, so it never adds twice.
 */
export function useStakeholderMap(planId: number): StakeholderMap {
  const { stakeholders: repo } = useServices();
  const user = useCurrentUser();
  const [status, setStatus] = React.useState<StakeholderMap['status']>('loading');
  const [loaded, setLoaded] = React.useState(0);
  const [loadError, setLoadError] = React.useState<unknown>();
  const [items, setItems] = React.useState<Stakeholder[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<MapFailure>();
  const [conflict, setConflict] = React.useState<MapConflict>();
  // Stakeholders not yet added and moves not yet saved, kept in this browser until they are.
  const keptAdds = useKeptWork<NewStakeholder[]>(`pending-stakeholders:${user.id}:${planId}`);
  const keptMoves = useKeptWork<PendingMove[]>(`pending-moves:${user.id}:${planId}`);
  const pendingAdds = keptAdds.value ?? [];
  const pendingMoves = keptMoves.value ?? [];
  const setPendingAdds = keptAdds.keep;
  const setPendingMoves = (update: (moves: PendingMove[]) => PendingMove[]): void => keptMoves.keep((moves) => update(moves ?? []));
  const [generation, setGeneration] = React.useState(0);
  const itemsRef = React.useRef(items);
  itemsRef.current = items;

  React.useEffect(() => {
    let live = true;
    setStatus('loading');
    setLoaded(0);
    repo
      .listForPlan(planId, (n) => {
        if (live) setLoaded(n);
      })
      .then(
        (found) => {
          if (live) {
            setItems(found);
            setStatus('ready');
          }
        },
        (error: unknown) => {
          if (live) {
            setLoadError(error);
            setStatus('failed');
          }
        }
      );
    return () => {
      live = false;
    };
  }, [repo, planId, generation]);

  const replace = (s: Stakeholder): void => setItems((all) => all.map((x) => (x.id === s.id ? s : x)));

  const addPending = React.useCallback(
    async (batch: NewStakeholder[]): Promise<Stakeholder[] | undefined> => {
      setBusy(true);
      setFailure(undefined);
      // Kept in the browser before anything is sent, so an import cut off by an outage or a
      // closed tab is offered back whole; retrying adds only those not added yet (request ids).
      setPendingAdds(batch);
      try {
        const added = await repo.addMany(planId, batch);
        setItems((all) => [...all.filter((s) => !added.some((a) => a.id === s.id)), ...added]);
        setPendingAdds([]);
        return added;
      } catch (error) {
        setFailure({
          what: `Adding ${batch.length === 1 ? `"${batch[0].fields.name}"` : `${batch.length} stakeholders`}`,
          error,
          retry: () => {
            void addPending(batch);
          }
        });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [repo, planId, setPendingAdds]
  );

  /**
   * Save one stakeholder at the version read. On a conflict (412) it is read again and merged
   * field by field with the other person's change against the version both started from: only
   * fields both changed, differently, are put to the person; everything else saves at once.
   */
  const write = async (
    next: Stakeholder,
    what: string,
    from: Stakeholder | undefined = itemsRef.current.find((s) => s.id === next.id),
    merges = 0
  ): Promise<'saved' | 'conflict' | 'failed'> => {
    setBusy(true);
    setFailure(undefined);
    replace(next);
    try {
      replace(await repo.save(next));
      return 'saved';
    } catch (error) {
      if (from) replace(from);
      if (isDataError(error, 'conflict') && merges < 3) {
        let theirs: Stakeholder;
        try {
          theirs = await repo.get(next.id);
        } catch (reread) {
          // Removed by someone else: take it off this map too, and say so.
          if (isDataError(reread, 'notFound')) setItems((all) => all.filter((s) => s.id !== next.id));
          setFailure({
            what,
            error: reread,
            retry: isDataError(reread, 'notFound')
              ? undefined
              : () => {
                  void write(next, what, from, merges);
                }
          });
          return 'conflict';
        }
        replace(theirs);
        const merge = mergeStakeholder(from ?? theirs, next, theirs);
        if (merge.clashes.length === 0) return write(merge.merged, what, theirs, merges + 1);
        setConflict({ mine: next, theirs, ancestor: from ?? theirs, clashes: merge.clashes, what });
        return 'conflict';
      }
      setFailure({
        what,
        error,
        retry: () => {
          void write(next, what, from, merges);
        }
      });
      return 'failed';
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: Stakeholder): Promise<boolean> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await repo.remove(s.id, s.version);
      setItems((all) => all.filter((x) => x.id !== s.id));
      return true;
    } catch (error) {
      // Changed by someone else since we read it: show the map as it is now rather than delete their change.
      if (isDataError(error, 'conflict')) setGeneration((g) => g + 1);
      setFailure({
        what: `Removing "${s.name}"`,
        error,
        retry: isDataError(error, 'conflict')
          ? undefined
          : () => {
              void remove(s);
            }
      });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const at = (): string => new Date().toISOString();
  const move = async (id: number, to: GridQuadrant | null, reason = '', when = at()): Promise<boolean> => {
    const current = itemsRef.current.find((s) => s.id === id);
    if (!current || current.quadrant === to) return true;
    // Kept (also in the browser) before it is sent, so a move that cannot be saved is applied later; never lost.
    setPendingMoves((moves) => [
      ...moves.filter((m) => m.id !== id),
      { id, name: current.name, from: current.quadrant, to, at: when, reason }
    ]);
    const result = await write(moveStakeholder(current, to, user.displayName, when, reason), `Moving "${current.name}"`);
    if (result !== 'failed') setPendingMoves((moves) => moves.filter((m) => !(m.id === id && m.at === when)));
    if (result === 'failed')
      setFailure((f) =>
        f
          ? {
              ...f,
              retry: () => {
                void move(id, to, reason, when);
              }
            }
          : f
      );
    return result === 'saved';
  };
  const ok = async (p: Promise<'saved' | 'conflict' | 'failed'>): Promise<boolean> => (await p) === 'saved';
  return {
    status,
    loaded,
    loadError,
    items,
    busy,
    failure,
    conflict,
    pendingAdds,
    pendingMoves,
    keptFailed: keptAdds.failed !== undefined || keptMoves.failed !== undefined,
    reload: () => setGeneration((g) => g + 1),
    add: (fields) =>
      addPending(
        fields.map((f) => ({
          requestId: newRequestId(),
          fields: f,
          history: f.quadrant ? [{ at: at(), by: user.displayName, from: null, to: f.quadrant, reason: 'Added to the map' }] : []
        }))
      ),
    retryPendingAdds: () => {
      void addPending(pendingAdds);
    },
    discardPendingAdds: () => {
      setPendingAdds([]);
      setFailure(undefined);
    },
    retryPendingMoves: async () => {
      setFailure(undefined);
      for (const m of pendingMoves) {
        const current = itemsRef.current.find((s) => s.id === m.id);
        // Only where nobody has moved it since: otherwise the older move is dropped, not forced.
        if (current && current.quadrant === m.from) {
          if (!(await move(m.id, m.to, m.reason, m.at))) return;
        } else setPendingMoves((moves) => moves.filter((x) => x.id !== m.id));
      }
    },
    discardPendingMoves: () => setPendingMoves(() => []),
    save: (next) => ok(write(next, `Saving "${next.name}"`)),
    move: (id, to, reason) => move(id, to, reason),
    explainLastMove: (id, reason) => {
      const current = itemsRef.current.find((s) => s.id === id);
      if (!current || current.history.length === 0) return Promise.resolve(false);
      const history = current.history.map((h, i) => (i === current.history.length - 1 ? { ...h, reason: reason.trim() } : h));
      return ok(write({ ...current, history }, `Saving the reason for moving "${current.name}"`));
    },
    remove,
    resolveConflict: (choice) => {
      const c = conflict;
      setConflict(undefined);
      if (!c) return;
      // Both people's changes to other fields, and every recorded move, are kept either way;
      // the choice settles only the fields both changed.
      const merged = settleClashes(mergeStakeholder(c.ancestor, c.mine, c.theirs), choice);
      if (!sameValue(merged, c.theirs)) void write(merged, c.what, c.theirs);
    }
  };
}
