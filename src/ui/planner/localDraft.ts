import type { PlanContent } from '../../domain';

/** A copy of a plan kept in the browser, so nothing typed is lost to a reload, a closed tab or no network. */
export interface LocalDraft {
  content: PlanContent;
  /** The version of the saved plan these edits started from. */
  baseVersion: string;
  savedAt: string;
}

const key = (userId: number, planId: number): string => `involvement-planner:draft:${userId}:${planId}`;

/** Browser storage for local copies; quietly does nothing where storage is blocked. */
export const localDrafts = {
  read(userId: number, planId: number): LocalDraft | undefined {
    try {
      const raw = window.localStorage.getItem(key(userId, planId));
      return raw ? (JSON.parse(raw) as LocalDraft) : undefined;
    } catch {
      return undefined;
    }
  },
  write(userId: number, planId: number, draft: LocalDraft): void {
    try { window.localStorage.setItem(key(userId, planId), JSON.stringify(draft)); } catch { /* storage full or blocked: autosave still runs */ }
  },
  clear(userId: number, planId: number): void {
    try { window.localStorage.removeItem(key(userId, planId)); } catch { /* storage blocked */ }
  }
};
