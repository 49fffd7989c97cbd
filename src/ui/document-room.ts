/**
 * A map open for editing in this tab: its Yjs document with autosave (document-storage.ts), the
 * other tabs of the same map (document-tabs.ts), the MapDocument the views edit through, and,
 * for a shared room, its connection to the server (collab/connection.svelte.ts).
 * With document-storage.ts, document-tabs.ts and collab/, the only UI code that knows Yjs.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { fillDocument, isEmptyDocument, MapDocument } from '../core/document/index.ts';
import type { ArgMap } from '../core/model.ts';
import { rememberRecentMap } from './document-recent.ts';
import { Autosave, pageIndexedDb } from './document-storage.ts';
import { TabSync, type Channel } from './document-tabs.ts';
import type { ConnectionStatus } from './collab/connection.svelte.ts';

export interface RoomOptions {
  /** IndexedDB; undefined where the page has none. */
  readonly indexedDB?: IDBFactory | undefined;
  /** The channel to the other tabs; a BroadcastChannel by default. */
  readonly channel?: Channel;
  readonly captureTimeout?: number;
  /**
   * For a shared room: connects the document and its awareness to the server, once autosave has
   * brought back what this browser kept of the room, and resolves when the map may open (the
   * server's copy is in, or this browser's own copy shows while it comes). A rejection is a
   * refusal: the room closes and `open` rejects with it.
   */
  readonly connect?: (doc: Y.Doc, awareness: Awareness, restored: boolean) => Promise<SharedConnection>;
}

/** A shared room's link to the server (collab/connection.svelte.ts), as the room and its readers need it. */
export interface SharedConnection {
  /** 'view': the server refuses every change, so the views refuse them first. */
  readonly role: 'edit' | 'view';
  /** The room's awareness, which the connection shares: presence reads and writes it. */
  readonly awareness: Awareness;
  readonly status: ConnectionStatus;
  destroy(): void;
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
  /** The server connection of a shared room; undefined for a map of this browser only. */
  readonly connection: SharedConnection | undefined;
  readonly #factory: IDBFactory | undefined;
  #recentTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #stopWatching: () => void;

  private constructor(key: string, document: MapDocument, autosave: Autosave, tabs: TabSync, awareness: Awareness, connection: SharedConnection | undefined, factory: IDBFactory | undefined, restored: boolean) {
    this.key = key;
    this.restored = restored;
    this.document = document;
    this.autosave = autosave;
    this.tabs = tabs;
    this.awareness = awareness;
    this.connection = connection;
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
    const awareness = new Awareness(doc);
    let connection: SharedConnection | undefined;
    if (options.connect !== undefined) {
      try {
        connection = await options.connect(doc, awareness, restored);
      } catch (refusal) {
        tabs.destroy();
        awareness.destroy();
        await autosave.destroy();
        doc.destroy();
        throw refusal;
      }
    } else if (!restored && initial !== undefined) fillDocument(doc, initial);
    const document = new MapDocument(doc, options.captureTimeout === undefined ? {} : { captureTimeout: options.captureTimeout });
    const room = new DocumentRoom(key, document, autosave, tabs, awareness, connection, factory, restored);
    room.#scheduleRecent();
    return room;
  }

  async close(): Promise<void> {
    clearTimeout(this.#recentTimer);
    this.#stopWatching();
    this.connection?.destroy();
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
