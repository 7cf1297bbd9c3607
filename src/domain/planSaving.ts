/**
 * Saving a lead's edits to a plan so that nothing is lost, nothing is locked and nobody's work
 * is overwritten (issue 15 §2 and §4). Used by the editor's autosave and by anything else that
 * saves plan content.
 */
import { mergeThreeWay, sameValue, type Clash } from './merge';
import { isDataError, type PlanRepository } from './ports';
import type { PlanContent, StoredPlan } from './plan';
import { writablePlanContent, type StorageProblem } from './planWrite';
import { LEAD_EDITABLE_STATUSES } from './status';
import type { FieldProblem } from './validation';

/** How saving a lead's edits ended. */
export type PlanSaveOutcome =
  /** Saved (or nothing new to save). `content` is the lead's content with anyone else's changes merged in. */
  | { kind: 'saved'; plan: StoredPlan; content: PlanContent; held: FieldProblem[] }
  /** Someone else changed the same fields: the lead chooses. Nothing was written. */
  | { kind: 'clash'; theirs: StoredPlan; ancestor: PlanContent; clashes: Clash[] }
  /** The plan moved on (submitted, accepted…) and the lead may no longer edit it. Nothing was written. */
  | { kind: 'statusChanged'; theirs: StoredPlan }
  /** A part of the plan is too long for SharePoint. Nothing was written. */
  | { kind: 'tooLong'; problems: StorageProblem[] };

/** Most times a save meets someone else's change in a row before it stops and says so. */
const MAX_MERGES = 3;

/**
 * Save `mine` (the lead's content, possibly with fields still invalid) over `from` (the plan as
 * last read or saved). Only valid content is written: each invalid field keeps its last saved
 * value on SharePoint and is reported as `held`. On a conflict (412) the plan is read again and
 * merged field by field against `from`: changes only one side made are kept; only fields both
 * changed differently are a clash. Throttling, unavailability and network failures are thrown
 * for the caller's retry policy; a retry is safe (writes are made at a version).
 */
export async function savePlanEdits(plans: PlanRepository, from: StoredPlan, mine: PlanContent): Promise<PlanSaveOutcome> {
  let base = from;
  let content = mine;
  for (let merges = 0; ; merges += 1) {
    const writable = writablePlanContent(content, base.content);
    if (writable.tooLong.length > 0) return { kind: 'tooLong', problems: writable.tooLong };
    if (sameValue(writable.content, base.content)) return { kind: 'saved', plan: base, content, held: writable.held };
    try {
      const saved = await plans.save({ ...base, content: writable.content });
      return { kind: 'saved', plan: saved, content, held: writable.held };
    } catch (error) {
      if (!isDataError(error, 'conflict') || merges >= MAX_MERGES) throw error;
    }
    // Someone saved since `base` was read — or our own save landed and only its read-back failed.
    const theirs = await plans.get(base.id);
    if (!LEAD_EDITABLE_STATUSES.includes(theirs.status)) return { kind: 'statusChanged', theirs };
    const merge = mergeThreeWay(base.content, content, theirs.content);
    if (merge.clashes.length > 0) return { kind: 'clash', theirs, ancestor: base.content, clashes: merge.clashes };
    base = theirs;
    content = merge.merged;
  }
}
