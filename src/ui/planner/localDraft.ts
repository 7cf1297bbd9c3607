import type { PlanContent } from '../../domain';
import { browserStore } from '../browserStore';

/** A copy of a plan kept in the browser, so nothing typed is lost to a reload, a closed tab or no network. */
export interface LocalDraft {
  content: PlanContent;
  /** The version of the saved plan these edits started from. */
  baseVersion: string;
  savedAt: string;
}

const key = (userId: number, planId: number): string => `draft:${userId}:${planId}`;

/** Browser storage for local copies of plans. */
export const localDrafts = {
  read: (userId: number, planId: number): LocalDraft | undefined => browserStore.read<LocalDraft>(key(userId, planId)),
  write: (userId: number, planId: number, draft: LocalDraft): void => browserStore.write(key(userId, planId), draft),
  clear: (userId: number, planId: number): void => browserStore.clear(key(userId, planId))
};
