/**
 * Copies of unsaved work kept in the browser, so a reload, a closed tab or a lost network never
 * loses what someone typed. Kept in IndexedDB, which holds imports of thousands of rows (its quota
 * is a share of the disk, where localStorage stops at about 5 MB); localStorage only where
 * IndexedDB cannot be opened. A write that fails (storage full or blocked) is reported to the
 * caller, never swallowed: the screen then says the work is *not* kept (issue 15 §5).
 */

const PREFIX = 'involvement-planner:';
const DB_NAME = 'involvement-planner';
const STORE = 'kept';

/** Where kept work lives. */
export interface KeptStore {
  /** What is kept under `key`, or undefined. */
  read<T>(key: string): Promise<T | undefined>;
  /** Keep `value` under `key`; rejects when the browser could not keep it. */
  write(key: string, value: unknown): Promise<void>;
  /** Forget what is kept under `key`. */
  clear(key: string): Promise<void>;
}

/** localStorage, where IndexedDB is not available. Earlier versions kept work here too, so it is always read. */
const local = {
  read<T>(key: string): T | undefined {
    try {
      const raw = window.localStorage.getItem(`${PREFIX}${key}`);
      return raw ? (JSON.parse(raw) as T) : undefined;
    } catch {
      return undefined;
    }
  },
  write(key: string, value: unknown): void {
    // Throws QuotaExceededError when full: the caller reports it.
    window.localStorage.setItem(`${PREFIX}${key}`, JSON.stringify(value));
  },
  clear(key: string): void {
    try {
      window.localStorage.removeItem(`${PREFIX}${key}`);
    } catch {
      /* storage blocked: nothing was kept there */
    }
  }
};

let database: Promise<IDBDatabase | undefined> | undefined;

/** The IndexedDB database, opened once; undefined where IndexedDB is missing or refused (private modes, policies). */
function openDatabase(): Promise<IDBDatabase | undefined> {
  database ??= new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') {
        resolve(undefined);
        return;
      }
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
      request.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
  return database;
}

function transact<T>(db: IDBDatabase, mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest | void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let result: T;
    try {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      if (request)
        request.onsuccess = () => {
          result = request.result as T;
        };
      tx.oncomplete = () => resolve(result);
      tx.onerror = () => reject(tx.error ?? new Error('The browser could not keep this.'));
      tx.onabort = () => reject(tx.error ?? new Error('The browser could not keep this.'));
    } catch (error) {
      reject(error);
    }
  });
}

/** Writes to one key go one after another; a write overtaken by a newer one is skipped. */
const sequence = new Map<string, number>();
const queue = new Map<string, Promise<unknown>>();
function inOrder<T>(key: string, op: () => Promise<T>, skipIfOvertaken: boolean): Promise<T | undefined> {
  const n = (sequence.get(key) ?? 0) + 1;
  sequence.set(key, n);
  const run = (queue.get(key) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => (skipIfOvertaken && sequence.get(key) !== n ? undefined : op()));
  queue.set(key, run);
  return run;
}

/** The browser's store for kept work. */
export const browserStore: KeptStore = {
  async read<T>(key: string): Promise<T | undefined> {
    const db = await openDatabase();
    if (!db) return local.read<T>(key);
    try {
      const found = await inOrder(key, () => transact<T | undefined>(db, 'readonly', (s) => s.get(key)), false);
      return found ?? local.read<T>(key);
    } catch {
      return local.read<T>(key);
    }
  },
  async write(key: string, value: unknown): Promise<void> {
    const db = await openDatabase();
    if (!db) {
      local.write(key, value);
      return;
    }
    await inOrder(
      key,
      async () => {
        // Stored as JSON text: the same shape as read back, and the size the browser will count.
        await transact<void>(db, 'readwrite', (s) => s.put(JSON.parse(JSON.stringify(value)) as unknown, key));
        local.clear(key);
      },
      true
    );
  },
  async clear(key: string): Promise<void> {
    local.clear(key);
    const db = await openDatabase();
    if (db) await inOrder(key, () => transact<void>(db, 'readwrite', (s) => s.delete(key)), false);
  }
};
