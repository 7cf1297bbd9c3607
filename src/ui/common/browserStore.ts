/**
 * Copies of unsaved work kept in the browser (localStorage), so a reload, a closed tab or a lost
 * network never loses what someone typed. Quietly does nothing where storage is blocked: saving
 * to SharePoint still works, only the safety copy is missing.
 */
export const browserStore = {
  read<T>(key: string): T | undefined {
    try {
      const raw = window.localStorage.getItem(`involvement-planner:${key}`);
      return raw ? (JSON.parse(raw) as T) : undefined;
    } catch {
      return undefined;
    }
  },
  write(key: string, value: unknown): void {
    try {
      window.localStorage.setItem(`involvement-planner:${key}`, JSON.stringify(value));
    } catch {
      /* storage full or blocked */
    }
  },
  clear(key: string): void {
    try {
      window.localStorage.removeItem(`involvement-planner:${key}`);
    } catch {
      /* storage blocked */
    }
  }
};
