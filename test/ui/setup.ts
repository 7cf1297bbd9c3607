import '@testing-library/jest-dom';
import { cleanup, configure } from '@testing-library/react';

// The plan's guide, its review and the team's tools are loaded on demand (issue 12): the first
// screen that shows one waits for its code as well, so `findBy…` waits up to 5 s, not 1 s.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks two browser APIs that Fluent UI and the guide use; every browser SPFx supports has them.
class ResizeObserverShim {
  public observe(): void {
    /* jsdom does no layout */
  }
  public unobserve(): void {
    /* jsdom does no layout */
  }
  public disconnect(): void {
    /* jsdom does no layout */
  }
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? ResizeObserverShim });
if (!Element.prototype.scrollIntoView)
  Element.prototype.scrollIntoView = function scrollIntoView(): void {
    /* jsdom does no layout */
  };

// IndexedDB, where the planner keeps unsaved work (jsdom has none; fake-indexeddb follows the spec).
import 'fake-indexeddb/auto';
// It clones values with structuredClone, which every browser has and jsdom's window lacks; what is
// kept is plain JSON, so a JSON copy clones it exactly.
if (typeof globalThis.structuredClone !== 'function')
  Object.assign(globalThis, { structuredClone: <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T });

/** Empty the store of kept work between tests, as a fresh browser profile would be. */
afterEach(async () => {
  // Let writes a test's last actions started land first, so none reaches the next test.
  await new Promise((resolve) => setTimeout(resolve, 200));
  window.localStorage.clear();
  await new Promise<void>((resolve) => {
    const open = indexedDB.open('involvement-planner', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kept');
    open.onsuccess = () => {
      const tx = open.result.transaction('kept', 'readwrite');
      tx.objectStore('kept').clear();
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
    };
    open.onerror = () => resolve();
  });
});

/**
 * Before jsdom is torn down, unmount what is still rendered and let the callbacks already queued
 * (fake-indexeddb answers on setImmediate) run: React flushing effects after teardown throws
 * "The `document` global was defined when React was initialized…" and ends the whole jest run.
 */
afterAll(async () => {
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 300));
});
