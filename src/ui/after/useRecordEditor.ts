import * as React from 'react';
import {
  engagementRecordContentSchema,
  isDataError,
  sameRecord,
  toFieldProblems,
  withRetries,
  type EngagementRecord,
  type EngagementRecordContent,
  type FieldProblem,
  type StoredPlan
} from '../../domain';
import { useKeptWork } from '../common/keptWork';
import { useServices } from '../shell/services';
import { useCurrentUser } from '../shell/session';

/** Where saving the record stands. */
export type RecordSaveState =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'conflict'; theirs: EngagementRecord }
  | { kind: 'failed'; error: unknown };

/** A change kept in the browser until it reaches SharePoint. */
interface KeptRecord {
  readonly content: EngagementRecordContent;
  /** The version the change was made on. */
  readonly version: string;
  readonly keptAt: string;
}

/** The record editor's state and actions. */
export interface RecordEditor {
  readonly record: EngagementRecord;
  readonly save: RecordSaveState;
  /** A change from an earlier visit that never reached SharePoint, offered back. */
  readonly kept: KeptRecord | undefined;
  /** Why the browser could not keep the last change (then it is not kept on this device). */
  readonly keepFailed: unknown;
  /**
   * Validate and save a change. Invalid input is refused before anything is written (the problems
   * are returned to show at the fields, and nothing typed is lost); throttling and network loss
   * are retried under the retry policy; someone else's save (412) stops and asks.
   */
  change(next: EngagementRecordContent): Promise<boolean>;
  resolveConflict(choice: 'mine' | 'theirs'): Promise<void>;
  restoreKept(): Promise<void>;
  discardKept(): void;
}

/** Edit a plan's after-engagement record: kept in the browser until saved, saved at the version read. */
export function useRecordEditor(
  plan: StoredPlan,
  initial: EngagementRecord,
  /** The organisation's report deadline (weeks after the engagement closed), kept beside the record for the annual report. */
  reportDueWeeks: number
): RecordEditor {
  const { records } = useServices();
  const user = useCurrentUser();
  const [record, setRecord] = React.useState(initial);
  const [save, setSave] = React.useState<RecordSaveState>({ kind: 'saved' });
  const kept = useKeptWork<KeptRecord>(`after-record:${user.id}:${plan.id}`);
  const [dismissed, setDismissed] = React.useState(false);
  // Only work kept on an earlier visit is offered back; what this screen keeps is its own pending save.
  const keptHere = React.useRef(false);
  const offer =
    !dismissed && !keptHere.current && kept.loaded && kept.value && !sameRecord(kept.value.content, record.content)
      ? kept.value
      : undefined;
  const mine = React.useRef<EngagementRecordContent>();

  const write = React.useCallback(
    async (base: EngagementRecord, content: EngagementRecordContent): Promise<boolean> => {
      const valid = engagementRecordContentSchema.safeParse(content);
      if (!valid.success) {
        setSave({ kind: 'invalid', problems: toFieldProblems(valid.error) });
        return false;
      }
      mine.current = valid.data;
      keptHere.current = true;
      kept.keep({ content: valid.data, version: base.version, keptAt: new Date().toISOString() });
      setSave({ kind: 'saving' });
      try {
        const saved = await withRetries(() => records.save({ ...base, content: valid.data }, plan, reportDueWeeks));
        kept.clear();
        setRecord(saved);
        setSave({ kind: 'saved' });
        return true;
      } catch (error) {
        if (isDataError(error, 'conflict')) {
          const theirs = await records.forPlan(plan.id).catch(() => undefined);
          // A save whose answer was lost, tried again at the old version: what is there is ours.
          if (theirs && sameRecord(theirs.content, valid.data)) {
            kept.clear();
            setRecord(theirs);
            setSave({ kind: 'saved' });
            return true;
          }
          if (theirs) {
            setSave({ kind: 'conflict', theirs });
            return false;
          }
        }
        setSave({ kind: 'failed', error });
        return false;
      }
    },
    [records, plan, reportDueWeeks, kept]
  );

  const change = React.useCallback((next: EngagementRecordContent) => write(record, next), [write, record]);

  const resolveConflict = React.useCallback(
    async (choice: 'mine' | 'theirs') => {
      if (save.kind !== 'conflict') return;
      if (choice === 'theirs' || !mine.current) {
        kept.clear();
        setRecord(save.theirs);
        setSave({ kind: 'saved' });
        return;
      }
      await write(save.theirs, mine.current);
    },
    [save, write, kept]
  );

  const restoreKept = React.useCallback(async () => {
    const o = offer;
    setDismissed(true);
    if (!o) return;
    // Saved at the version it was made on: if the record moved on since, the conflict is asked about.
    await write(o.version === record.version ? record : { ...record, version: o.version }, o.content);
  }, [offer, record, write]);

  const discardKept = React.useCallback(() => {
    setDismissed(true);
    kept.clear();
  }, [kept]);

  return { record, save, kept: offer, keepFailed: kept.failed, change, resolveConflict, restoreKept, discardKept };
}
