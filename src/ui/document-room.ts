/**
 * A map open for editing in this tab: its Yjs document with autosave (document-storage.ts), the
 * other tabs of the same map (document-tabs.ts), and the MapDocument the views edit through.
 * With document-storage.ts and document-tabs.ts, the only UI code that knows Yjs.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { fillDocument, isEmptyDocument, MapDocument } from '../core/document/index.ts';
import type { ArgMap } from '../core/model.ts';
import { rememberRecentMap } from './document-recent.ts';
import { Autosave, pageIndexedDb } from './document-storage.ts';
import { TabSync, type Channel } from './document-tabs.ts';

export interface RoomOptions {
  /** IndexedDB; undefined where the page has none. */
  readonly indexedDB?: IDBFactory | undefined;
  /** The channel to the other tabs; a BroadcastChannel by default. */
  readonly channel?: Channel;
  readonly captureTimeout?: number;
}

/** How often the "Recent maps" entry of a changing map is brought up to date. */
const RECENT_EVERY_MS = 1000;

export class DocumentRoom {
  readonly key: string;
  readonly document: MapDocument;
  readonly autosave: Autosave;
  readonly tabs: TabSync;
  /**
   * Who else is here and what they do (name, colour, selection, typing, camera, tour step): the
   * Yjs awareness of the document, which a collaboration provider shares when the map is in a room.
   */
  readonly awareness: Awareness;
  /** Whether the map came back from autosave or another tab, rather than from `initial`. */
  readonly restored: boolean;
  readonly #factory: IDBFactory | undefined;
  #recentTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #stopWatching: () => void;

  private constructor(key: string, document: MapDocument, autosave: Autosave, tabs: TabSync, factory: IDBFactory | undefined, restored: boolean) {
    this.key = key;
    this.restored = restored;
    this.document = document;
    this.autosave = autosave;
    this.tabs = tabs;
    this.awareness = new Awareness(document.doc);
    this.#factory = factory;
    this.#stopWatching = document.onChange(() => this.#scheduleRecent());
  }

  /**
   * Opens the map stored under `key`: what autosave kept (and what other tabs have) comes first;
   * `initial` fills the document only when neither had it.
   */
  static async open(key: string, initial: ArgMap | undefined, options: RoomOptions = {}): Promise<DocumentRoom> {
    const factory = 'indexedDB' in options ? options.indexedDB : pageIndexedDb();
    const doc = new Y.Doc();
    const autosave = new Autosave(doc, key, factory);
    await autosave.loaded;
    const tabs = new TabSync(doc, key, options.channel);
    const restored = !isEmptyDocument(doc);
    if (!restored && initial !== undefined) fillDocument(doc, initial);
    const document = new MapDocument(doc, options.captureTimeout === undefined ? {} : { captureTimeout: options.captureTimeout });
    const room = new DocumentRoom(key, document, autosave, tabs, factory, restored);
    room.#scheduleRecent();
    return room;
  }

  async close(): Promise<void> {
    clearTimeout(this.#recentTimer);
    this.#stopWatching();
    this.tabs.destroy();
    this.awareness.destroy();
    await this.autosave.destroy();
    this.document.destroy();
    this.document.doc.destroy();
  }

  #scheduleRecent(): void {
    if (this.#recentTimer !== undefined || this.autosave.status.state === 'off') return;
    this.#recentTimer = setTimeout(() => {
      this.#recentTimer = undefined;
      if (this.autosave.status.state !== 'on') return;
      const map = this.document.map;
      void rememberRecentMap({ key: this.key, title: map.title, changedAt: Date.now(), nodes: map.nodes.length, edges: map.edges.length }, this.#factory);
    }, RECENT_EVERY_MS);
  }
}
