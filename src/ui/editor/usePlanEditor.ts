import * as React from 'react';
import { checkReadiness, isDataError, isRetryableError, retryDelayMs, type StoredPlan, type PlanContent } from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { draftKey, type LocalDraft } from './localDraft';
import { useKeptWork } from '../common/keptWork';
import { diffContent, setIn, type FieldChange } from './paths';
import type { UpdatePlan } from './EditorContext';

/** What the lead sees about saving. */
export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying'; error: unknown; inSeconds: number }
  | { kind: 'conflict'; theirs: StoredPlan; changes: FieldChange[] }
  | { kind: 'failed'; error: unknown };

/** The editor's whole state. */
export interface PlanEditor {
  plan: StoredPlan;
  content: PlanContent;
  save: SaveState;
  /** A local copy with changes not on the server, offered back on return. */
  restoreOffer?: LocalDraft;
  update: UpdatePlan;
  acceptRestore(): void;
  discardRestore(): void;
  resolveConflict(choice: 'mine' | 'theirs'): void;
  saveNow(): void;
}

const AUTOSAVE_DELAY_MS = 1200;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Keep a plan's "marked ready" only while its template stays complete (the map is checked on submit). */
function normalise(content: PlanContent): PlanContent {
  if (content.review.markedReady && checkReadiness(content, null).length > 0)
    return { ...content, review: { markedReady: false, markedReadyAt: '' } };
  return content;
}

/**
 * Edit a plan and never lose work: every change is written to a local copy at once and saved
 * to SharePoint after a short pause. Throttling and network loss are retried after the wait the
 * server asked for; a save that meets someone else's change (412) stops and asks the lead.
 */
export function usePlanEditor(initial: StoredPlan): PlanEditor {
  const { plans } = useServices();
  const user = useCurrentUser();
  const planId = initial.id;
  const [base, setBase] = React.useState(initial);
  const [content, setContent] = React.useState(initial.content);
  const [save, setSave] = React.useState<SaveState>({ kind: 'saved', at: initial.modified ?? new Date().toISOString() });
  const { value: keptDraft, keep: keepDraft, clear: clearDraft } = useKeptWork<LocalDraft>(draftKey(user.id, planId));
  const [restoreOffer, setRestoreOffer] = React.useState<LocalDraft | undefined>(() =>
    keptDraft && !same(keptDraft.content, initial.content) ? keptDraft : undefined
  );
  const latest = React.useRef({ base, content, save });
  latest.current = { base, content, save };
  const timer = React.useRef<number>();
  const attempt = React.useRef(0);
  const inFlight = React.useRef(false);

  const schedule = React.useCallback((delayMs: number, run: () => void) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(run, delayMs);
  }, []);

  const saveToServer = React.useCallback(async (): Promise<void> => {
    const { base: from, content: toSave, save: state } = latest.current;
    if (state.kind === 'conflict') return;
    if (inFlight.current) {
      schedule(AUTOSAVE_DELAY_MS, () => {
        void saveToServer();
      });
      return;
    }
    if (same(from.content, toSave)) {
      setSave({ kind: 'saved', at: from.modified ?? new Date().toISOString() });
      return;
    }
    inFlight.current = true;
    setSave({ kind: 'saving' });
    try {
      const saved = await plans.save({ ...from, content: toSave });
      attempt.current = 0;
      setBase(saved);
      latest.current.base = saved;
      if (same(latest.current.content, toSave)) {
        clearDraft();
        setSave({ kind: 'saved', at: saved.modified ?? new Date().toISOString() });
      } else {
        setSave({ kind: 'pending' });
        schedule(AUTOSAVE_DELAY_MS, () => {
          void saveToServer();
        });
      }
    } catch (error) {
      if (isDataError(error, 'conflict')) {
        try {
          const theirs = await plans.get(planId);
          setSave({ kind: 'conflict', theirs, changes: diffContent(latest.current.content, theirs.content) });
        } catch (readError) {
          setSave({ kind: 'failed', error: readError });
        }
        return;
      }
      if (isRetryableError(error)) {
        const waitMs = retryDelayMs(attempt.current, error.retryAfterMs);
        attempt.current += 1;
        setSave({ kind: 'retrying', error, inSeconds: Math.ceil(waitMs / 1000) });
        schedule(waitMs, () => {
          void saveToServer();
        });
        return;
      }
      setSave({ kind: 'failed', error });
    } finally {
      inFlight.current = false;
    }
  }, [plans, planId, schedule, clearDraft]);

  React.useEffect(() => {
    const online = (): void => {
      if (latest.current.save.kind === 'retrying') void saveToServer();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [saveToServer]);

  const update = React.useCallback<UpdatePlan>(
    (path, value) => {
      const next = normalise(setIn(latest.current.content, path, value));
      setContent(next);
      latest.current.content = next;
      keepDraft({
        content: next,
        baseVersion: latest.current.base.version,
        savedAt: new Date().toISOString()
      });
      if (latest.current.save.kind === 'conflict') return;
      if (latest.current.save.kind !== 'retrying') setSave({ kind: 'pending' });
      if (latest.current.save.kind !== 'retrying')
        schedule(AUTOSAVE_DELAY_MS, () => {
          void saveToServer();
        });
    },
    [schedule, saveToServer, keepDraft]
  );

  return {
    plan: base,
    content,
    save,
    restoreOffer,
    update,
    acceptRestore: () => {
      if (!restoreOffer) return;
      // Save from the version the local copy started from: if the plan changed since, the save
      // meets a conflict and the lead chooses, rather than overwriting someone else's work.
      const from = { ...latest.current.base, version: restoreOffer.baseVersion || latest.current.base.version };
      setBase(from);
      latest.current.base = from;
      setContent(restoreOffer.content);
      latest.current.content = restoreOffer.content;
      setRestoreOffer(undefined);
      void saveToServer();
    },
    discardRestore: () => {
      clearDraft();
      setRestoreOffer(undefined);
    },
    resolveConflict: (choice) => {
      const state = latest.current.save;
      if (state.kind !== 'conflict') return;
      setBase(state.theirs);
      latest.current.base = state.theirs;
      if (choice === 'theirs') {
        setContent(state.theirs.content);
        latest.current.content = state.theirs.content;
        clearDraft();
        setSave({ kind: 'saved', at: state.theirs.modified ?? new Date().toISOString() });
        latest.current.save = { kind: 'saved', at: '' };
        return;
      }
      setSave({ kind: 'pending' });
      latest.current.save = { kind: 'pending' };
      void saveToServer();
    },
    saveNow: () => {
      window.clearTimeout(timer.current);
      void saveToServer();
    }
  };
}
