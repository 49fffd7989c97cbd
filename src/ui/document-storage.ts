/**
 * Autosave of an open document to IndexedDB through y-indexeddb: every change is stored as it
 * happens (one small Yjs update per edit), and a reload applies the stored updates back. When
 * IndexedDB is missing or refuses (private mode), or runs out of room, autosave turns itself off
 * and says so; the map goes on in memory, and what was stored before is left as it was (the
 * stored updates are a prefix of the history, which always reads back).
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

export type AutosaveStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'on' }
  | { readonly state: 'off'; readonly reason: string }
  | { readonly state: 'full' };

/** The database of one map's updates. */
export function storedMapName(key: string): string {
  return `argmap-map:${key}`;
}

/** The page's IndexedDB; undefined where reading it throws (as some private modes make it). */
export function pageIndexedDb(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    return undefined;
  }
}

/** Whether the browser lets this page open a database at all (private modes may not). */
export function probeIndexedDb(factory: IDBFactory | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    if (factory === undefined) {
      resolve('this browser has no IndexedDB');
      return;
    }
    try {
      const request = factory.open('argmap-probe');
      request.onsuccess = () => {
        request.result.close();
        resolve(undefined);
      };
      request.onerror = () => resolve(request.error?.message ?? 'IndexedDB refused to open');
      request.onblocked = () => resolve('IndexedDB is blocked');
    } catch (error) {
      resolve(error instanceof Error ? error.message : 'IndexedDB refused to open');
    }
  });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'QuotaExceededError' : (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

/** How long a first load from IndexedDB may take before the map opens without it. */
const LOAD_TIMEOUT_MS = 5000;

export class Autosave {
  #status: AutosaveStatus = { state: 'starting' };
  #persistence: IndexeddbPersistence | undefined;
  readonly #listeners = new Set<(status: AutosaveStatus) => void>();
  /** Resolves once stored changes are in the document, or autosave is off: then the map may open. */
  readonly loaded: Promise<void>;

  constructor(doc: Y.Doc, key: string, factory: IDBFactory | undefined = pageIndexedDb()) {
    this.loaded = this.#start(doc, key, factory);
  }

  get status(): AutosaveStatus {
    return this.#status;
  }

  onStatus(listener: (status: AutosaveStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): Promise<void> {
    const persistence = this.#persistence;
    this.#persistence = undefined;
    this.#listeners.clear();
    return persistence === undefined ? Promise.resolve() : persistence.destroy().catch(() => undefined);
  }

  async #start(doc: Y.Doc, key: string, factory: IDBFactory | undefined): Promise<void> {
    const refused = await probeIndexedDb(factory);
    if (refused !== undefined) {
      this.#set({ state: 'off', reason: refused });
      return;
    }
    let persistence: IndexeddbPersistence;
    try {
      persistence = new IndexeddbPersistence(storedMapName(key), doc);
    } catch (error) {
      this.#set({ state: 'off', reason: error instanceof Error ? error.message : 'IndexedDB refused to open' });
      return;
    }
    this.#persistence = persistence;
    const opened = persistence._db.then(
      (db) => {
        // A failed write's request error and its transaction's abort both reach the database.
        const onFailure = (event: Event) => {
          const error = (event.target as IDBRequest | IDBTransaction | null)?.error;
          this.#stop(isQuotaError(error) ? { state: 'full' } : { state: 'off', reason: error?.message ?? 'a write failed' });
        };
        db.addEventListener('error', onFailure);
        db.addEventListener('abort', onFailure);
      },
      (error: unknown) => this.#stop({ state: 'off', reason: error instanceof Error ? error.message : 'IndexedDB refused to open' }),
    );
    const synced = persistence.whenSynced.then(() => {
      if (this.#status.state === 'starting') this.#set({ state: 'on' });
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        if (this.#status.state === 'starting') this.#stop({ state: 'off', reason: 'IndexedDB did not answer' });
        resolve();
      }, LOAD_TIMEOUT_MS);
    });
    // Once open, wait for the stored changes; a database that failed to open has nothing to wait for.
    await Promise.race([opened.then(() => (this.#status.state === 'starting' ? synced : undefined)), timeout]);
    clearTimeout(timer);
  }

  /** Stops writing: nothing more goes to the database, so nothing stored is touched again. */
  #stop(status: AutosaveStatus): void {
    const persistence = this.#persistence;
    this.#persistence = undefined;
    persistence?.destroy().catch(() => undefined);
    this.#set(status);
  }

  #set(status: AutosaveStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
