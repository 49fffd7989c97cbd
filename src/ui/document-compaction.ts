/**
 * Compacting a map's stored updates (document-storage.ts): every update y-indexeddb stored is
 * read, they are applied to a Yjs document of their own and its whole state is stored as one
 * update in their place, in one IndexedDB transaction, so a tab adding an update meanwhile waits
 * for it and nothing is lost. It is y-indexeddb's trim, but it never touches the open document:
 * y-indexeddb applies the stored updates to the open document again and encodes it on the page's
 * thread, about 1 s at 20,000 nodes. The worker (compaction-worker.ts) runs this off the page.
 */
import * as Y from 'yjs';

/** y-indexeddb's store of updates, keyed by an auto-increment number. */
export const UPDATES_STORE = 'updates';

export interface Compaction {
  /** How many stored updates became one. */
  readonly merged: number;
  /** The size of the one update now stored in their place, in bytes. */
  readonly bytes: number;
}

/** The database of one map's stored updates, as y-indexeddb made it. */
export function openStore(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    // A database that is not there yet has nothing to compact: it is not made here.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
    request.onblocked = () => reject(new Error('IndexedDB is blocked'));
  });
}

/** Merges the stored updates of `db` into one; resolves once the transaction has committed. */
export function compactStore(db: IDBDatabase): Promise<Compaction> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(UPDATES_STORE, 'readwrite');
    const store = transaction.objectStore(UPDATES_STORE);
    const values = store.getAll();
    const keys = store.getAllKeys();
    let result: Compaction = { merged: 0, bytes: 0 };
    // Requests answer in order, so both lists are in when the keys are.
    keys.onsuccess = () => {
      const updates = values.result as Uint8Array[];
      const last = keys.result[keys.result.length - 1];
      if (updates.length < 2 || last === undefined) return;
      const doc = new Y.Doc();
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update);
      });
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      store.add(state);
      store.delete(IDBKeyRange.upperBound(last));
      result = { merged: updates.length, bytes: state.length };
    };
    transaction.oncomplete = () => resolve(result);
    transaction.onerror = () => reject(transaction.error ?? new Error('the compaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('the compaction was aborted'));
  });
}

/** Opens the database named `name`, compacts it and closes it. */
export async function compactStoreNamed(factory: IDBFactory, name: string): Promise<Compaction> {
  const db = await openStore(factory, name);
  try {
    return await compactStore(db);
  } finally {
    db.close();
  }
}

/** What the compaction worker answers. */
export type CompactionReply = { readonly ok: true; readonly compaction: Compaction } | { readonly ok: false; readonly message: string };

/** Compacts the database named `name` in a worker, or on the page where no worker starts. */
export function compactInWorker(factory: IDBFactory, name: string): Promise<Compaction> {
  const onPage = () => compactStoreNamed(factory, name);
  // A factory other than the page's own (a test's) is not the one a worker would open.
  if (typeof Worker !== 'function' || factory !== globalThis.indexedDB) return onPage();
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./compaction-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(onPage());
      return;
    }
    worker.onmessage = ({ data }: MessageEvent<CompactionReply>) => {
      worker.terminate();
      if (data.ok) resolve(data.compaction);
      else reject(new Error(data.message));
    };
    // A worker that cannot start (a policy forbids it) leaves the work to the page.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(onPage());
    };
    worker.postMessage(name);
  });
}
