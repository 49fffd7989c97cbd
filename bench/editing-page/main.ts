/**
 * The page of `npm run bench:editing` (bench/editing.ts): the app itself, as src/main.ts mounts
 * it, plus `window.editingBench`, which makes edits through the app's own editing state (the
 * Authoring its editing bar made) and times them, and runs autosave on a big document.
 */
import { mount } from 'svelte';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import App from '../../src/ui/App.svelte';
import { Authoring } from '../../src/ui/authoring.svelte.ts';
import { addNode, deleteNodes, documentToMap, fillDocument, MapDocument, updateText, type Edit } from '../../src/core/document/index.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { Autosave, storedMapName } from '../../src/ui/document-storage.ts';
import { UPDATES_STORE } from '../../src/ui/document-compaction.ts';
import { measureMap } from '../../src/ui/map-reader.ts';

export type EditKind = 'add' | 'add-unplaced' | 'text' | 'delete' | 'none';
export type AutosaveMode = 'y-indexeddb' | 'argmap';

export interface EditTiming {
  /** From the edit until the app's state and DOM took it in (the edit's own task with its microtasks). */
  readonly syncMs: number;
  /** From the edit until the frame after it has been painted. */
  readonly frameMs: number;
}

export interface AutosaveRun {
  /** The longest main-thread task from the first edit until the stored updates were merged. */
  readonly longestMs: number;
  readonly compacted: boolean;
  /** Whether a fresh document loaded from the store equals the edited one. */
  readonly restored: boolean;
}

// The editing bar makes the app's Authoring and prepares it for every map that lands: that is
// where the benchmark picks it up.
let current: Authoring | undefined;
const prepare = Authoring.prototype.prepare;
Authoring.prototype.prepare = function prepareAndKeep(this: Authoring) {
  current = this;
  return prepare.call(this);
};

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** The time once the next frame has been painted: a task queued from its animation frame runs after the paint. */
function afterNextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(() => resolve(performance.now()))));
}

/** Edits made in one task while autosave runs: a few keystrokes' worth, so that the longest task is autosave's, not theirs. */
const EDITS_PER_TASK = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function authoringFor(nodes: number): Promise<Authoring> {
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (current?.session.map.nodes.length === nodes) return current;
    await pause(50);
  }
  throw new Error(`no map of ${nodes} nodes was opened`);
}

function editOf(kind: Exclude<EditKind, 'none'>, run: number, authoring: Authoring): Edit<unknown> {
  const { nodes } = authoring.session.map;
  // N and a double-click add a node where it is made, pinned there; the editing bar's button adds one the layout places.
  if (kind === 'add') return addNode({ kind: 'claim', text: { zh: `新主张 ${run}`, en: `new claim ${run}` }, position: { x: 60 * run, y: -400 } });
  if (kind === 'add-unplaced') return addNode({ kind: 'claim', text: { zh: `新主张 ${run}`, en: `new claim ${run}` } });
  const node = nodes[(run * 37 + 11) % nodes.length]!;
  return kind === 'text' ? updateText(node.id, 'zh', `改写的主张 ${run}：算力都向大厂集中`) : deleteNodes([node.id]);
}

function countStored(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error ?? new Error('no database'));
    request.onsuccess = () => {
      const db = request.result;
      const counting = db.transaction(UPDATES_STORE, 'readonly').objectStore(UPDATES_STORE).count();
      counting.onsuccess = () => {
        db.close();
        resolve(counting.result);
      };
      counting.onerror = () => {
        db.close();
        reject(counting.error ?? new Error('count failed'));
      };
    };
  });
}

interface Storage {
  readonly loaded: Promise<unknown>;
  destroy(): Promise<unknown>;
}

function storageOf(mode: AutosaveMode, doc: Y.Doc, key: string): Storage {
  if (mode === 'argmap') return new Autosave(doc, key);
  const persistence = new IndexeddbPersistence(storedMapName(key), doc);
  return { loaded: persistence.whenSynced, destroy: () => persistence.destroy() };
}

const bench = {
  /** Waits for a map of `nodes` nodes, opens its document with a few edits not counted, and lets it settle. */
  async ready(nodes: number): Promise<void> {
    const authoring = await authoringFor(nodes);
    for (const kind of ['text', 'add', 'delete'] as const) {
      const applied = await authoring.apply(editOf(kind, 1000, authoring));
      if (!applied.ok) throw new Error(applied.message);
    }
    await pause(500);
  },

  async edit(kind: EditKind, run: number): Promise<EditTiming> {
    const authoring = current!;
    const started = performance.now();
    if (kind !== 'none') {
      const applied = await authoring.apply(editOf(kind, run, authoring));
      if (!applied.ok) throw new Error(applied.message);
    }
    const synced = performance.now();
    const painted = await afterNextFrame();
    return { syncMs: synced - started, frameMs: painted - started };
  },

  /** The longest task since `since` (performance.now()), 0 when none took 50 ms. */
  longestSince(since: number): number {
    return Math.max(0, ...longTasks.filter((task) => task.start >= since).map((task) => task.duration));
  },

  now: () => performance.now(),

  /** What the session did at each edit before: measuring every node of the map again. */
  wholeMeasureMs(): number {
    const map = current!.session.map;
    const started = performance.now();
    measureMap(map);
    return performance.now() - started;
  },

  /**
   * Autosave of a big map's document: `edits` small edits (a few to a task, as typing would come),
   * then the wait for the stored updates to be merged, watching the page's longest task.
   */
  async autosave(text: string, mode: AutosaveMode, edits: number): Promise<AutosaveRun> {
    const loaded = loadMapText(text);
    if (!loaded.ok) throw new Error('the map does not load');
    const key = `bench-${mode}-${Date.now()}`;
    const doc = new Y.Doc();
    const storage = storageOf(mode, doc, key);
    await storage.loaded;
    // Building the document is the first edit's work, not autosave's: it is not counted.
    fillDocument(doc, loaded.map);
    const document = new MapDocument(doc);
    const ids = document.map.nodes.map((node) => node.id);
    await pause(1000);
    const since = performance.now();
    for (let run = 0; run < edits; run += 1) {
      document.apply(updateText(ids[(run * 37) % ids.length]!, 'zh', `改写 ${run}`));
      if (run % EDITS_PER_TASK === EDITS_PER_TASK - 1) await nextTask();
    }
    let compacted = false;
    for (let waited = 0; waited < 60_000 && !compacted; waited += 250) {
      await pause(250);
      compacted = (await countStored(storedMapName(key))) <= 2;
    }
    await afterNextFrame();
    await pause(100);
    const longestMs = bench.longestSince(since);
    const expected = JSON.stringify(documentToMap(doc));
    await storage.destroy();
    document.destroy();
    doc.destroy();
    const again = new Y.Doc();
    const reopened = storageOf(mode, again, key);
    await reopened.loaded;
    const restored = JSON.stringify(documentToMap(again)) === expected;
    await reopened.destroy();
    again.destroy();
    await new Promise((resolve) => {
      const deleting = indexedDB.deleteDatabase(storedMapName(key));
      deleting.onsuccess = deleting.onerror = deleting.onblocked = resolve;
    });
    return { longestMs, compacted, restored };
  },
};

(window as unknown as { editingBench: typeof bench }).editingBench = bench;
mount(App, { target: document.getElementById('app')! });
