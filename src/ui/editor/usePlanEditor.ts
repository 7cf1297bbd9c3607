import * as React from 'react';
import {
  checkPlanReadiness,
  isRetryableError,
  mergeThreeWay,
  nextRetryDelay,
  sameValue,
  savePlanEdits,
  settleClashes,
  type Clash,
  type FieldProblem,
  type InvolvementSettings,
  type StoredPlan,
  type PlanContent,
  type StorageProblem
} from '../../domain';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';
import { useInvolvementSettings } from '../shell/involvementSettings';
import { draftKey, type LocalDraft } from './localDraft';
import { useKeptWork } from '../common/keptWork';
import { setIn } from './paths';
import type { UpdatePlan } from './EditorContext';

/** What the lead sees about saving. */
export type SaveState =
  /** Saved; `held` lists fields not saved because what was typed is not valid yet (each shows its message). */
  | { kind: 'saved'; at: string; held: readonly FieldProblem[] }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'retrying'; error: unknown; inSeconds: number }
  /** Both the lead and someone else changed these fields: the lead chooses. */
  | { kind: 'conflict'; theirs: StoredPlan; ancestor: PlanContent; clashes: readonly Clash[] }
  /** The plan moved on (submitted, accepted…): the lead's changes cannot be saved to it. */
  | { kind: 'statusChanged'; theirs: StoredPlan }
  /** A part of the plan is too long for SharePoint: nothing is saved until it is shortened. */
  | { kind: 'tooLong'; problems: readonly StorageProblem[] }
  | { kind: 'failed'; error: unknown };

/** The editor's whole state. */
export interface PlanEditor {
  plan: StoredPlan;
  content: PlanContent;
  save: SaveState;
  /** A local copy with changes not on the server, offered back on return. */
  restoreOffer?: LocalDraft;
  /** The local copy could not be written (storage full or blocked): "kept on this device" would not be true. */
  keptFailed: boolean;
  update: UpdatePlan;
  acceptRestore(): void;
  discardRestore(): void;
  resolveConflict(choice: 'mine' | 'theirs'): void;
  saveNow(): void;
}

const AUTOSAVE_DELAY_MS = 1200;

/** Keep a plan's "marked ready" only while its template stays complete (the map is checked on submit). */
function normalise(content: PlanContent, settings: InvolvementSettings): PlanContent {
  if (content.review.markedReady && checkPlanReadiness(content, null, settings).length > 0)
    return { ...content, review: { markedReady: false, markedReadyAt: '' } };
  return content;
}

const savedAt = (plan: StoredPlan): string => plan.modified ?? new Date().toISOString();

/**
 * Edit a plan and never lose work: every change is written to a local copy at once and saved
 * to SharePoint after a short pause. Only valid content is written; a field whose value is not
 * valid yet keeps it, with its message, and the rest saves. Throttling and network loss are
 * retried under the retry policy (Retry-After honoured) within its time budget, then the lead is
 * told and can try again. A save that meets someone else's change (412) merges field by field;
 * only fields both changed are put to the lead.
 */
export function usePlanEditor(initial: StoredPlan): PlanEditor {
  const { plans } = useServices();
  const user = useCurrentUser();
  // The organisation's settings decide what "complete" means (the level-choosing answers, the route).
  const currentSettings = useInvolvementSettings();
  const settings = React.useRef(currentSettings);
  settings.current = currentSettings;
  const planId = initial.id;
  const [base, setBase] = React.useState(initial);
  const [content, setContent] = React.useState(initial.content);
  const [save, setSave] = React.useState<SaveState>({ kind: 'saved', at: savedAt(initial), held: [] });
  const kept = useKeptWork<LocalDraft>(draftKey(user.id, planId));
  const { keep: keepDraft, clear: clearDraft } = kept;
  const [restoreOffer, setRestoreOffer] = React.useState<LocalDraft>();
  const offered = React.useRef(false);
  // What was kept is read from the browser's store once it has loaded; offered back if it differs.
  React.useEffect(() => {
    if (!kept.loaded || offered.current) return;
    offered.current = true;
    if (kept.value && !sameValue(kept.value.content, initial.content)) setRestoreOffer(kept.value);
  }, [kept.loaded, kept.value, initial.content]);
  const latest = React.useRef({ base, content, save });
  latest.current = { base, content, save };
  const timer = React.useRef<number>();
  const retry = React.useRef<{ attempts: number; since: number }>();
  const inFlight = React.useRef(false);

  const schedule = React.useCallback((delayMs: number, run: () => void) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(run, delayMs);
  }, []);

  const setState = (next: SaveState): void => {
    setSave(next);
    latest.current.save = next;
  };
  const setBoth = (plan: StoredPlan, next: PlanContent): void => {
    setBase(plan);
    setContent(next);
    latest.current.base = plan;
    latest.current.content = next;
  };

  const saveToServer = React.useCallback(async (): Promise<void> => {
    const { base: from, content: mine, save: state } = latest.current;
    if (state.kind === 'conflict' || state.kind === 'statusChanged') return;
    if (inFlight.current) {
      schedule(AUTOSAVE_DELAY_MS, () => {
        void saveToServer();
      });
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const outcome = await savePlanEdits(plans, from, mine);
      retry.current = undefined;
      if (outcome.kind === 'saved') {
        const typedSince = !sameValue(latest.current.content, mine);
        // Keep what the lead typed while the save was on its way, on top of anyone else's merged changes.
        const next = typedSince ? mergeThreeWay(mine, latest.current.content, outcome.content).merged : outcome.content;
        setBoth(outcome.plan, next);
        if (typedSince || !sameValue(next, mine))
          keepDraft({
            content: next,
            baseVersion: outcome.plan.version,
            baseContent: outcome.plan.content,
            savedAt: new Date().toISOString()
          });
        if (typedSince) {
          setState({ kind: 'pending' });
          schedule(AUTOSAVE_DELAY_MS, () => {
            void saveToServer();
          });
        } else {
          // A field held back stays in the local copy, so a reload still offers what was typed.
          if (outcome.held.length === 0) clearDraft();
          setState({ kind: 'saved', at: savedAt(outcome.plan), held: outcome.held });
        }
      } else if (outcome.kind === 'clash') {
        setState({ kind: 'conflict', theirs: outcome.theirs, ancestor: outcome.ancestor, clashes: outcome.clashes });
      } else if (outcome.kind === 'statusChanged') {
        setState({ kind: 'statusChanged', theirs: outcome.theirs });
      } else {
        setState({ kind: 'tooLong', problems: outcome.problems });
      }
    } catch (error) {
      if (isRetryableError(error)) {
        const now = Date.now();
        const r = retry.current ?? { attempts: 0, since: now };
        r.attempts += 1;
        retry.current = r;
        // The one retry policy, within its time budget; then the lead is told and can try again.
        const waitMs = nextRetryDelay(r.attempts, now - r.since, error.retryAfterMs);
        if (waitMs !== undefined) {
          setState({ kind: 'retrying', error, inSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
          schedule(waitMs, () => {
            void saveToServer();
          });
          return;
        }
      }
      retry.current = undefined;
      setState({ kind: 'failed', error });
    } finally {
      inFlight.current = false;
    }
  }, [plans, schedule, keepDraft, clearDraft]);

  React.useEffect(() => {
    const online = (): void => {
      if (latest.current.save.kind === 'retrying' || latest.current.save.kind === 'failed') void saveToServer();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(timer.current);
    };
  }, [saveToServer]);

  const update = React.useCallback<UpdatePlan>(
    (path, value) => {
      const next = normalise(setIn(latest.current.content, path, value), settings.current);
      setContent(next);
      latest.current.content = next;
      keepDraft({
        content: next,
        baseVersion: latest.current.base.version,
        baseContent: latest.current.base.content,
        savedAt: new Date().toISOString()
      });
      const kind = latest.current.save.kind;
      if (kind === 'conflict' || kind === 'statusChanged' || kind === 'retrying') return;
      setState({ kind: 'pending' });
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
    keptFailed: kept.failed !== undefined,
    update,
    acceptRestore: () => {
      if (!restoreOffer) return;
      // Save from the version the local copy started from: if the plan changed since, the save
      // meets a conflict and is merged, rather than overwriting someone else's work.
      const from = {
        ...latest.current.base,
        version: restoreOffer.baseVersion || latest.current.base.version,
        content: restoreOffer.baseContent ?? latest.current.base.content
      };
      setBoth(from, restoreOffer.content);
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
      // Merge again with what the lead has now (they may have typed since), settling each clash as chosen.
      const merged = settleClashes(mergeThreeWay(state.ancestor, latest.current.content, state.theirs.content), choice);
      setBoth(state.theirs, merged);
      keepDraft({
        content: merged,
        baseVersion: state.theirs.version,
        baseContent: state.theirs.content,
        savedAt: new Date().toISOString()
      });
      setState({ kind: 'pending' });
      void saveToServer();
    },
    saveNow: () => {
      window.clearTimeout(timer.current);
      retry.current = undefined;
      if (latest.current.save.kind === 'failed' || latest.current.save.kind === 'tooLong') setState({ kind: 'pending' });
      void saveToServer();
    }
  };
}
