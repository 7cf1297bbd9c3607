import * as React from 'react';
import { isDataError, moveStakeholder, type GridQuadrant, type NewStakeholder, type Stakeholder, type StakeholderFields } from '../../domain';
import { useServices } from '../services';
import { useCurrentUser } from '../ListsGate';
import { newRequestId } from '../screens/NewPlanForm';
import { browserStore } from '../browserStore';

/** Something on the map that did not save, with a way to try again (nothing is dropped). */
export interface MapFailure { readonly what: string; readonly error: unknown; retry?(): void }

/** A stakeholder someone else changed while we were changing it. */
export interface MapConflict { readonly mine: Stakeholder; readonly theirs: Stakeholder; readonly what: string }

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
  reload(): void;
  add(fields: StakeholderFields[]): Promise<Stakeholder[] | undefined>;
  retryPendingAdds(): void;
  discardPendingAdds(): void;
  save(next: Stakeholder): Promise<boolean>;
  move(id: number, to: GridQuadrant | null, reason?: string): Promise<boolean>;
  /** Give the last move of a stakeholder its reason. */
  explainLastMove(id: number, reason: string): Promise<boolean>;
  remove(s: Stakeholder): Promise<boolean>;
  resolveConflict(choice: 'mine' | 'theirs'): void;
  dismissFailure(): void;
}

const pendingKey = (userId: number, planId: number): string => `pending-stakeholders:${userId}:${planId}`;
const readPending = (userId: number, planId: number): NewStakeholder[] => browserStore.read<NewStakeholder[]>(pendingKey(userId, planId)) ?? [];
function writePending(userId: number, planId: number, items: NewStakeholder[]): void {
  if (items.length) browserStore.write(pendingKey(userId, planId), items); else browserStore.clear(pendingKey(userId, planId));
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
  const [pendingAdds, setPendingAdds] = React.useState<NewStakeholder[]>(() => readPending(user.id, planId));
  const [generation, setGeneration] = React.useState(0);
  const itemsRef = React.useRef(items);
  itemsRef.current = items;

  React.useEffect(() => {
    let live = true;
    setStatus('loading');
    setLoaded(0);
    repo.listForPlan(planId, (n) => { if (live) setLoaded(n); }).then(
      (found) => { if (live) { setItems(found); setStatus('ready'); } },
      (error: unknown) => { if (live) { setLoadError(error); setStatus('failed'); } }
    );
    return () => { live = false; };
  }, [repo, planId, generation]);

  const replace = (s: Stakeholder): void => setItems((all) => all.map((x) => (x.id === s.id ? s : x)));

  const addPending = React.useCallback(async (batch: NewStakeholder[]): Promise<Stakeholder[] | undefined> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const added = await repo.addMany(planId, batch);
      setItems((all) => [...all.filter((s) => !added.some((a) => a.id === s.id)), ...added]);
      setPendingAdds([]);
      writePending(user.id, planId, []);
      return added;
    } catch (error) {
      setPendingAdds(batch);
      writePending(user.id, planId, batch);
      setFailure({ what: `Adding ${batch.length === 1 ? `"${batch[0].fields.name}"` : `${batch.length} stakeholders`}`, error, retry: () => { void addPending(batch); } });
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [repo, planId, user.id]);

  const write = async (next: Stakeholder, what: string, keepOnConflict = true): Promise<boolean> => {
    setBusy(true);
    setFailure(undefined);
    const before = itemsRef.current.find((s) => s.id === next.id);
    replace(next);
    try {
      replace(await repo.save(next));
      return true;
    } catch (error) {
      if (before) replace(before);
      if (isDataError(error, 'conflict') && keepOnConflict) {
        try {
          const theirs = await repo.get(next.id as number);
          replace(theirs);
          setConflict({ mine: next, theirs, what });
        } catch (reread) {
          // Removed by someone else: take it off this map too, and say so.
          if (isDataError(reread, 'notFound')) setItems((all) => all.filter((s) => s.id !== next.id));
          setFailure({ what, error: reread });
        }
        return false;
      }
      setFailure({ what, error, retry: () => { void write(next, what, keepOnConflict); } });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: Stakeholder): Promise<boolean> => {
    setBusy(true);
    setFailure(undefined);
    try {
      await repo.remove(s.id as number, s.version as string);
      setItems((all) => all.filter((x) => x.id !== s.id));
      return true;
    } catch (error) {
      // Changed by someone else since we read it: show the map as it is now rather than delete their change.
      if (isDataError(error, 'conflict')) setGeneration((g) => g + 1);
      setFailure({ what: `Removing "${s.name}"`, error, retry: isDataError(error, 'conflict') ? undefined : () => { void remove(s); } });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const at = (): string => new Date().toISOString();
  return {
    status, loaded, loadError, items, busy, failure, conflict, pendingAdds,
    reload: () => setGeneration((g) => g + 1),
    add: (fields) => addPending(fields.map((f) => ({ requestId: newRequestId(), fields: f, history: f.quadrant ? [{ at: at(), by: user.displayName, from: null, to: f.quadrant, reason: 'Added to the map' }] : [] }))),
    retryPendingAdds: () => { void addPending(pendingAdds); },
    discardPendingAdds: () => { setPendingAdds([]); writePending(user.id, planId, []); setFailure(undefined); },
    save: (next) => write(next, `Saving "${next.name}"`),
    move: (id, to, reason = '') => {
      const current = itemsRef.current.find((s) => s.id === id);
      if (!current || current.quadrant === to) return Promise.resolve(true);
      return write(moveStakeholder(current, to, user.displayName, at(), reason), `Moving "${current.name}"`);
    },
    explainLastMove: (id, reason) => {
      const current = itemsRef.current.find((s) => s.id === id);
      if (!current || current.history.length === 0) return Promise.resolve(false);
      const history = current.history.map((h, i) => (i === current.history.length - 1 ? { ...h, reason: reason.trim() } : h));
      return write({ ...current, history }, `Saving the reason for moving "${current.name}"`);
    },
    remove,
    resolveConflict: (choice) => {
      const c = conflict;
      setConflict(undefined);
      if (c && choice === 'mine') {
        // Keep every recorded move from both sides, in time order.
        const history = [...c.theirs.history, ...c.mine.history.filter((h) => !c.theirs.history.some((t) => t.at === h.at && t.by === h.by))].sort((a, b) => a.at.localeCompare(b.at));
        void write({ ...c.mine, version: c.theirs.version, history }, c.what);
      }
    },
    dismissFailure: () => setFailure(undefined)
  };
}
