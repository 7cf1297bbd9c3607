import type { PlanContent } from '../../domain';

/** A copy of a plan kept in the browser, so nothing typed is lost to a reload, a closed tab or no network. */
export interface LocalDraft {
  content: PlanContent;
  /** The version of the saved plan these edits started from. */
  baseVersion: string;
  /** The saved content these edits started from, so restoring them merges with anyone's later changes. */
  baseContent?: PlanContent;
  savedAt: string;
}

/** Where a person's local copy of a plan is kept (see `useKeptWork`). */
export const draftKey = (userId: number, planId: number): string => `draft:${userId}:${planId}`;
