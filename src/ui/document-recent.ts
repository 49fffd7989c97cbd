/**
 * "Recent maps": the maps autosave keeps in this browser, with their title, when they were last
 * changed and how big they are, in a small IndexedDB database of their own. Deleting one also
 * deletes its stored changes. Every function takes the IndexedDB factory, so a page without
 * storage (and a test) passes its own; each one answers, never throws.
 */
import { LANGUAGES, type Bilingual } from '../core/model.ts';
import { pageIndexedDb, storedMapName } from './document-storage.ts';

export interface RecentMap {
  readonly key: string;
  readonly title: Bilingual;
  /** Milliseconds since 1970, when the map last changed. */
  readonly changedAt: number;
  readonly nodes: number;
  readonly edges: number;
}

const DATABASE = 'argmap-recent';
const STORE = 'maps';
/** The texts of the sources a stored map quotes (an article it was made from), by room key. */
const SOURCES = 'sources';

function request<T>(make: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = make();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(DATABASE, 2);
    // Each store is made when missing, whatever version made the database before.
    opening.onupgradeneeded = () => {
      const names = opening.result.objectStoreNames;
      if (!names.contains(STORE)) opening.result.createObjectStore(STORE, { keyPath: 'key' });
      if (!names.contains(SOURCES)) opening.result.createObjectStore(SOURCES);
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('IndexedDB refused to open'));
    opening.onblocked = () => reject(new Error('IndexedDB is blocked'));
  });
}

async function withStore<T>(factory: IDBFactory | undefined, mode: IDBTransactionMode, use: (store: IDBObjectStore) => Promise<T>, name = STORE): Promise<T> {
  if (factory === undefined) throw new Error('this browser has no IndexedDB');
  const db = await open(factory);
  try {
    return await use(db.transaction(name, mode).objectStore(name));
  } finally {
    db.close();
  }
}

/** A stored entry as this version reads it: fields checked one by one, nothing else kept. */
function readEntry(value: unknown): RecentMap | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entry = value as Record<string, unknown>;
  const title = entry['title'] as Record<string, unknown> | null;
  const text: { zh?: string; en?: string } = {};
  for (const language of LANGUAGES) {
    const value = title !== null && typeof title === 'object' ? title[language] : undefined;
    if (typeof value === 'string') text[language] = value;
  }
  const { key, changedAt, nodes, edges } = entry;
  if (typeof key !== 'string' || typeof changedAt !== 'number' || typeof nodes !== 'number' || typeof edges !== 'number') return undefined;
  return { key, title: text, changedAt, nodes, edges };
}

export type Listed = { readonly ok: true; readonly maps: readonly RecentMap[] } | { readonly ok: false; readonly message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : 'IndexedDB failed';
}

/** The stored maps, the most recently changed first. */
export async function listRecentMaps(factory: IDBFactory | undefined = pageIndexedDb()): Promise<Listed> {
  try {
    const values = await withStore(factory, 'readonly', (store) => request(() => store.getAll()));
    const maps = values.flatMap((value) => readEntry(value) ?? []).sort((a, b) => b.changedAt - a.changedAt);
    return { ok: true, maps };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}

export async function rememberRecentMap(entry: RecentMap, factory: IDBFactory | undefined = pageIndexedDb()): Promise<boolean> {
  try {
    await withStore(factory, 'readwrite', (store) => request(() => store.put({ ...entry, title: { ...entry.title } })));
    return true;
  } catch {
    return false;
  }
}

/** Keeps the texts of the sources a stored map quotes, so that they come back with it. */
export async function rememberSourceTexts(key: string, texts: ReadonlyMap<string, string>, factory: IDBFactory | undefined = pageIndexedDb()): Promise<boolean> {
  try {
    await withStore(factory, 'readwrite', (store) => request(() => store.put([...texts].map(([id, text]) => [id, text]), key)), SOURCES);
    return true;
  } catch {
    return false;
  }
}

/** The source texts kept for a stored map; empty when none were, or they cannot be read. */
export async function recallSourceTexts(key: string, factory: IDBFactory | undefined = pageIndexedDb()): Promise<ReadonlyMap<string, string>> {
  try {
    const value: unknown = await withStore(factory, 'readonly', (store) => request(() => store.get(key)), SOURCES);
    const texts = new Map<string, string>();
    if (Array.isArray(value)) for (const pair of value) if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') texts.set(pair[0], pair[1]);
    return texts;
  } catch {
    return new Map();
  }
}

/** Forgets a map and deletes its stored changes and source texts. */
export async function deleteRecentMap(key: string, factory: IDBFactory | undefined = pageIndexedDb()): Promise<boolean> {
  try {
    await withStore(factory, 'readwrite', (store) => request(() => store.delete(key)));
    await withStore(factory, 'readwrite', (store) => request(() => store.delete(key)), SOURCES);
    await request(() => factory!.deleteDatabase(storedMapName(key)));
    return true;
  } catch {
    return false;
  }
}
