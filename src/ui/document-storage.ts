/**
 * Autosave of an open document to IndexedDB through y-indexeddb: every change is stored as it
 * happens (one small Yjs update per edit), and a reload applies the stored updates back. When
 * IndexedDB is missing or refuses (private mode), or runs out of room, autosave turns itself off
 * and says so; the map goes on in memory, and what was stored before is left as it was (the
 * stored updates are a prefix of the history, which always reads back).
 *
 * y-indexeddb merges the stored updates once there are 500 of them, on the page's thread, by
 * applying them all to the open document again and encoding its whole state: over a second on
 * 20,000 nodes, with the page frozen. Autosave stores each update itself instead, and merges them
 * in a worker (document-compaction.ts); y-indexeddb still reads them back.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { compactInWorker, UPDATES_STORE, type Compaction } from './document-compaction.ts';

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

/** Stored updates are merged into one past this many (y-indexeddb's own threshold)… */
const COMPACT_AFTER = 500;
/** …once no update has come for this long, so that typing does not start one merge per keystroke. */
const COMPACT_DELAY_MS = 1000;

export class Autosave {
  #status: AutosaveStatus = { state: 'starting' };
  #persistence: IndexeddbPersistence | undefined;
  readonly #factory: IDBFactory | undefined;
  readonly #name: string;
  /** Updates in the store since the last merge, as far as this tab knows. */
  #stored = 0;
  #compactTimer: ReturnType<typeof setTimeout> | undefined;
  #compacting: Promise<Compaction | undefined> | undefined;
  readonly #listeners = new Set<(status: AutosaveStatus) => void>();
  /** Resolves once stored changes are in the document, or autosave is off: then the map may open. */
  readonly loaded: Promise<void>;

  constructor(doc: Y.Doc, key: string, factory: IDBFactory | undefined = pageIndexedDb()) {
    this.#factory = factory;
    this.#name = storedMapName(key);
    this.loaded = this.#start(doc, factory);
  }

  get status(): AutosaveStatus {
    return this.#status;
  }

  onStatus(listener: (status: AutosaveStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Merges the stored updates into one, in a worker; resolves when the merge is stored (undefined
   * when autosave is off). Autosave calls it itself once COMPACT_AFTER updates are stored.
   */
  compact(): Promise<Compaction | undefined> {
    clearTimeout(this.#compactTimer);
    this.#compactTimer = undefined;
    const factory = this.#factory;
    if (this.#persistence === undefined || factory === undefined) return Promise.resolve(undefined);
    this.#compacting ??= (async () => {
      const counted = this.#stored;
      try {
        const compaction = await compactInWorker(factory, this.#name);
        this.#stored = Math.max(0, this.#stored - counted) + 1;
        return compaction;
      } catch {
        // The updates stay stored as they were; the next merge tries again.
        return undefined;
      } finally {
        this.#compacting = undefined;
      }
    })();
    return this.#compacting;
  }

  destroy(): Promise<void> {
    clearTimeout(this.#compactTimer);
    const persistence = this.#persistence;
    this.#persistence = undefined;
    this.#listeners.clear();
    return persistence === undefined ? Promise.resolve() : persistence.destroy().catch(() => undefined);
  }

  async #start(doc: Y.Doc, factory: IDBFactory | undefined): Promise<void> {
    const refused = await probeIndexedDb(factory);
    if (refused !== undefined) {
      this.#set({ state: 'off', reason: refused });
      return;
    }
    let persistence: IndexeddbPersistence;
    try {
      persistence = new IndexeddbPersistence(this.#name, doc);
    } catch (error) {
      this.#set({ state: 'off', reason: error instanceof Error ? error.message : 'IndexedDB refused to open' });
      return;
    }
    this.#persistence = persistence;
    this.#takeOverStoring(doc, persistence);
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
      this.#countStored(persistence);
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

  /**
   * Stores each update of the document as y-indexeddb does, without its merge on the page's thread
   * (y-indexeddb removes its handler on destroy by this same field).
   */
  #takeOverStoring(doc: Y.Doc, persistence: IndexeddbPersistence): void {
    doc.off('update', persistence._storeUpdate);
    persistence._storeUpdate = (update: Uint8Array, origin: unknown) => {
      const db = persistence.db;
      if (db === null || origin === persistence || this.#persistence !== persistence) return;
      db.transaction(UPDATES_STORE, 'readwrite').objectStore(UPDATES_STORE).add(update);
      this.#stored += 1;
      this.#scheduleCompaction();
    };
    doc.on('update', persistence._storeUpdate);
  }

  /** What earlier visits left in the store counts towards the next merge. */
  #countStored(persistence: IndexeddbPersistence): void {
    const counting = persistence.db?.transaction(UPDATES_STORE, 'readonly').objectStore(UPDATES_STORE).count();
    if (counting === undefined) return;
    counting.onsuccess = () => {
      this.#stored += counting.result;
      this.#scheduleCompaction();
    };
  }

  #scheduleCompaction(): void {
    if (this.#stored < COMPACT_AFTER) return;
    clearTimeout(this.#compactTimer);
    this.#compactTimer = setTimeout(() => void this.compact(), COMPACT_DELAY_MS);
  }

  /** Stops writing: nothing more goes to the database, so nothing stored is touched again. */
  #stop(status: AutosaveStatus): void {
    clearTimeout(this.#compactTimer);
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
