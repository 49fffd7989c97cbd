/**
 * Editing the open map: the views' one way to change it. The first edit opens the map's document
 * room (autosave, other tabs); every edit then goes through the document, and each change of the
 * document's read model becomes the session's map, so every view shows it. Edits made elsewhere
 * as whole maps (tour editor, Argdown tab) are taken into the document before the next edit.
 */
// Only types and the labels come in statically: Yjs, y-indexeddb and the document core load with
// import() when the room first opens, so the app's first chunk stays without them.
import { redoLabel, undoLabel } from '../core/document/describe.ts';
import type { AppliedEdit, Edit, HistoryState } from '../core/document/index.ts';
import type { ArgMap } from '../core/model.ts';
import { serializeMap } from '../core/serialize.ts';
import { doneText, undoneText } from './authoring-text.ts';
import { t } from './i18n-later.ts';
import type { DocumentRoom, RoomOptions, SharedConnection } from './document-room.ts';
import type { AutosaveStatus } from './document-storage.ts';
import type { MapSession } from './map-session.svelte.ts';

type DocumentCore = typeof import('../core/document/index.ts');

/** Maps up to this size get their document as they open; bigger ones on their first edit. */
const EAGER_NODES = 2000;

const NO_HISTORY: HistoryState = { undo: undefined, redo: undefined, undoSteps: 0, redoSteps: 0 };

/** 64 bits of FNV-1a over the map's file text: the same map opened again finds its autosave. */
function contentHash(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ code, 0x050c5d1f) >>> 0;
  }
  return `${high.toString(16).padStart(8, '0')}${low.toString(16).padStart(8, '0')}`;
}

export function roomKey(name: string, map: ArgMap): string {
  return `${name.slice(0, 100)}:${contentHash(serializeMap(map))}`;
}

export class Authoring {
  readonly session: MapSession;
  history = $state.raw<HistoryState>(NO_HISTORY);
  autosave = $state.raw<AutosaveStatus | undefined>(undefined);
  /** The key of the open document room: what the page keeps beside it (camera, last map) goes by it. */
  roomKey = $state<string | undefined>(undefined);
  /** The last edit, undo or refusal, for the aria-live region. */
  announcement = $state('');
  /**
   * The server connection when the map on screen is a shared room (collab/connection.svelte.ts:
   * its provider, its awareness, its role and status), else undefined.
   */
  connection = $state.raw<SharedConnection | undefined>(undefined);
  readonly #options: RoomOptions;
  #room: Promise<DocumentRoom> | undefined;
  #generation = -1;
  /** The last map the document gave the session: anything else there was made elsewhere. */
  #pushed: ArgMap | undefined;
  #detach: (() => void)[] = [];
  #absorbing = false;
  #core: DocumentCore | undefined;

  constructor(session: MapSession, options: RoomOptions = {}) {
    this.session = session;
    this.#options = options;
  }

  get undoLabel(): string {
    const next = this.history.undo;
    return next === undefined ? t('nothingToUndo', this.session.language) : undoLabel(next, this.session.language);
  }

  get redoLabel(): string {
    const next = this.history.redo;
    return next === undefined ? t('nothingToRedo', this.session.language) : redoLabel(next, this.session.language);
  }

  /**
   * Opens the room of the map on screen ahead of the first edit, so that autosaved changes come
   * back and other tabs' edits show: at once for a map of up to EAGER_NODES nodes, else only
   * when this browser has autosaved it (a big map's document costs a moment to build).
   */
  async prepare(): Promise<void> {
    if (this.#room !== undefined && this.#generation === this.session.generation) return;
    const { map, name } = this.session.opened;
    if (map.nodes.length > EAGER_NODES) {
      const { listRecentMaps } = await import('./document-recent.ts');
      const listed = await listRecentMaps(this.#factory());
      if (!listed.ok || !listed.maps.some((entry) => entry.key === (this.session.opened.roomKey ?? roomKey(name, map)))) return;
    }
    if (this.session.map === map) await this.#ready();
  }

  /** In a room opened by a view link: every edit is refused here, as the server would. */
  get readOnly(): boolean {
    return this.connection?.role === 'view';
  }

  /** Applies an edit, announces what it did or why it was refused, and returns its result. */
  async apply<R>(edit: Edit<R>): Promise<AppliedEdit<R>> {
    const room = await this.#ready();
    if (room.connection?.role === 'view') return this.refuseReadOnly();
    const applied = room.document.apply(edit);
    const language = this.session.language;
    if (!applied.ok) this.announcement = applied.message;
    else {
      const dropped = applied.discardedRedo === undefined ? '' : t('redoDropped', language, { count: applied.discardedRedo.steps });
      this.announcement = doneText(applied.description, language) + dropped;
    }
    return applied;
  }

  async addClaim(): Promise<void> {
    const language = this.session.language;
    const { addNode } = await this.core();
    const applied = await this.apply(addNode({ kind: 'claim', text: { [language]: t('newClaim', language) } }));
    if (applied.ok) this.session.select(applied.result.id);
  }

  /** Says, in the aria-live region, that a view link cannot change the map; for gestures that would. */
  refuseReadOnly(): { ok: false; message: string } {
    const message = t('viewOnlyRefused', this.session.language);
    this.announcement = message;
    return { ok: false, message };
  }

  async undo(): Promise<void> {
    const room = await this.#ready();
    if (room.connection?.role === 'view') return void this.refuseReadOnly();
    const done = room.document.history.undo();
    if (done !== undefined) this.announcement = undoneText(done, this.session.language, false);
  }

  async redo(): Promise<void> {
    const room = await this.#ready();
    if (room.connection?.role === 'view') return void this.refuseReadOnly();
    const done = room.document.history.redo();
    if (done !== undefined) this.announcement = undoneText(done, this.session.language, true);
  }

  #factory(): IDBFactory | undefined {
    if ('indexedDB' in this.#options) return this.#options.indexedDB;
    try {
      return globalThis.indexedDB;
    } catch {
      // Some private modes throw on reading it.
      return undefined;
    }
  }

  /** The document core (edit factories), loaded on first use so the app's first chunk stays without Yjs. */
  async core(): Promise<DocumentCore> {
    this.#core ??= await import('../core/document/index.ts');
    return this.#core;
  }

  async close(): Promise<void> {
    const room = this.#room;
    this.#room = undefined;
    this.connection = undefined;
    this.roomKey = undefined;
    for (const detach of this.#detach.splice(0)) detach();
    if (room !== undefined) await (await room).close();
  }

  /** The room of the map on screen, opened on first use and again when another map is opened. */
  async #ready(): Promise<DocumentRoom> {
    if (this.#room === undefined || this.#generation !== this.session.generation) {
      await this.close();
      this.#generation = this.session.generation;
      this.#room = this.#open();
    }
    const generation = this.#generation;
    const room = await this.#room;
    // A map opened meanwhile is not an edit of this one.
    if (generation === this.session.generation) this.#takeOutsideEdit(room);
    return room;
  }

  /**
   * Called when the session's map changes: a change that did not come from the document (the
   * tour editor, the Argdown tab, Save layout) goes into it, so it is autosaved, reaches other
   * tabs and can be undone; typing in the Argdown tab is one step per pause.
   */
  catchUp(): void {
    if (this.#room === undefined || this.#generation !== this.session.generation) return;
    void this.#room.then((room) => this.#takeOutsideEdit(room));
  }

  #takeOutsideEdit(room: DocumentRoom): void {
    const outside = this.session.map;
    if (this.#pushed === undefined || outside === this.#pushed) return;
    if (room.connection?.role === 'view') {
      // A view link changes nothing: the map on screen goes back to the room's.
      this.#pushed = room.document.map;
      this.session.edit(room.document.map);
      this.refuseReadOnly();
      return;
    }
    // The screen already shows this map: the document's copy of it is not handed back, so the
    // layout sees one edit, not two.
    this.#absorbing = true;
    try {
      room.document.apply(this.#core!.replaceMap(outside, { zh: '编辑地图', en: 'edit the map' }, 'outside'));
    } finally {
      this.#absorbing = false;
    }
    // Held or refused, the map on screen is the one the document answers for until the next edit.
    this.#pushed = outside;
  }

  async #open(): Promise<DocumentRoom> {
    const session = this.session;
    // The room of the map on screen as it opens: another map may land while the room loads.
    const generation = session.generation;
    const key = session.opened.roomKey ?? roomKey(session.opened.name, session.map);
    const initial = session.map;
    await this.core();
    const { DocumentRoom } = await import('./document-room.ts');
    const room = await DocumentRoom.open(key, initial, { indexedDB: this.#factory(), ...this.#options });
    // Then the next #ready closes this room, and what it restored must not replace the new map.
    if (generation !== session.generation) return room;
    return this.#attach(room);
  }

  /**
   * Makes `room`, a shared room just joined (collab/shared-room.svelte.ts), the room of the map
   * on screen: the session has just received the room's map.
   */
  adopt(room: DocumentRoom): Promise<DocumentRoom> {
    // Taken at once, in the task that received the map: an edit or prepare() now finds this room.
    const closing = this.close();
    this.#generation = this.session.generation;
    this.#room = closing.then(() => this.core()).then(() => this.#attach(room));
    return this.#room;
  }

  #attach(room: DocumentRoom): DocumentRoom {
    const session = this.session;
    this.roomKey = room.key;
    this.connection = room.connection;
    this.#pushed = session.map;
    this.#detach.push(
      room.document.onChange(({ map }) => {
        if (this.#absorbing) return;
        this.#pushed = map;
        session.edit(map);
      }),
      room.document.history.onChange((state) => (this.history = state)),
      room.autosave.onStatus((status) => (this.autosave = status)),
    );
    this.autosave = room.autosave.status;
    if (room.restored && room.connection === undefined) {
      this.#pushed = room.document.map;
      session.edit(room.document.map);
      this.announcement = t('restored', session.language);
    }
    return room;
  }
}
