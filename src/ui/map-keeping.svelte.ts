/**
 * Keeping the open map: Save and its • (file-save.svelte.ts), new maps (empty or from an
 * article), maps autosave keeps (Recent maps, and the map open last, which comes back after a
 * reload or in a new tab), and what the page keeps of each beside its document: the camera,
 * whether the file is behind (room-memory.ts). The page loads this with import() once the map is
 * drawn, so the app's first chunk stays without it.
 */
import { untrack } from 'svelte';
import { inLanguage, type Camera } from '../core/model.ts';
import type { Article } from './article-text.ts';
import type { Authoring } from './authoring.svelte.ts';
import { authoringOf } from './editing.ts';
import { FileSave } from './file-save.svelte.ts';
import { t } from './i18n-later.ts';
import type { MapSession } from './map-session.svelte.ts';
import { hasUnsavedChanges, lastMapKey, recallCamera, rememberCamera, rememberLastMap, rememberUnsaved } from './room-memory.ts';

/** What the page lends: its camera, and the places to open a map's view at. */
export interface KeptView {
  /** The camera as the person left it, once they moved it. */
  camera(): Camera | undefined;
  /** The camera the next view of the map opens with. */
  openAt(camera: Camera | undefined): void;
  /** Shows the Source tab (a map from an article). */
  showSource(): void;
}

export class MapKeeping {
  readonly file: FileSave;
  authoring = $state.raw<Authoring | undefined>(undefined);
  /** The room key of the map on screen: the key its room opened with, while that map is the one shown. */
  readonly roomKey = $derived.by(() => {
    const keyed = this.#keyed;
    return keyed?.generation === this.#session.generation ? keyed.key : undefined;
  });
  readonly #session: MapSession;
  readonly #view: KeptView;
  #keyed = $state.raw<{ readonly key: string; readonly generation: number } | undefined>(undefined);
  /** The room whose source texts were last stored. */
  #sourcesKept: string | undefined;
  readonly #stop: () => void;

  constructor(session: MapSession, view: KeptView) {
    this.#session = session;
    this.#view = view;
    this.file = new FileSave(session);
    void authoringOf(session).then((made) => (this.authoring = made));
    this.#stop = $effect.root(() => {
      $effect(() => {
        const key = this.authoring?.roomKey;
        untrack(() => {
          this.#keyed = key === undefined ? undefined : { key, generation: session.generation };
          // A map opened from its room (Recent maps, the map open last) comes back from it as it landed.
          if (key !== undefined && key === session.opened.roomKey) this.file.reopened();
        });
      });
      // A map that lands is as its file has it, unless this browser knows the file is behind.
      $effect(() => {
        void session.generation;
        untrack(() => {
          const key = session.opened.roomKey;
          this.file.landed(key !== undefined && hasUnsavedChanges(key));
        });
      });
      $effect(() => {
        if (this.roomKey !== undefined && this.authoring?.autosave?.state === 'on') rememberLastMap(this.roomKey);
      });
      $effect(() => {
        const camera = view.camera();
        if (this.roomKey !== undefined && camera !== undefined) rememberCamera(this.roomKey, camera);
      });
      $effect(() => {
        if (this.roomKey !== undefined && this.file.dirty) rememberUnsaved(this.roomKey, true);
      });
      // The texts of the sources it quotes come back with a kept map (the seed's article too).
      $effect(() => {
        const key = this.roomKey;
        const texts = untrack(() => session.opened.sourceTexts);
        if (key === undefined || texts.size === 0 || this.#sourcesKept === key) return;
        this.#sourcesKept = key;
        void import('./document-recent.ts').then(({ rememberSourceTexts }) => rememberSourceTexts(key, texts));
      });
    });
  }

  /** Where the map kept under `key` had its camera. */
  cameraOf(key: string): Camera | undefined {
    return recallCamera(key);
  }

  async save(): Promise<void> {
    const key = this.roomKey;
    if ((await this.file.save()) && key !== undefined) rememberUnsaved(key, false);
  }

  /** A new map: empty, or with an article as its source; each autosaves in a room of its own. */
  async newMap(article?: Article): Promise<void> {
    const session = this.#session;
    const { articleMap, emptyMap, fileNameOf, newRoomKey, ARTICLE_SOURCE_ID } = await import('./article-text.ts');
    const language = session.language;
    const untitled = t('untitledMap', language);
    const map = article === undefined ? emptyMap(untitled, language) : articleMap(article, language, untitled);
    const key = newRoomKey();
    const sourceTexts = new Map(article === undefined ? [] : [[ARTICLE_SOURCE_ID, article.text]]);
    if (article !== undefined) {
      const { rememberSourceTexts } = await import('./document-recent.ts');
      await rememberSourceTexts(key, sourceTexts);
    }
    session.open({ map, name: fileNameOf(inLanguage(map.title, language), 'argmap'), sourceTexts, roomKey: key });
    if (article !== undefined) this.#view.showSource();
  }

  /** A map autosave keeps (Recent maps, or the map open last): it opens with its camera. */
  async openStored(key: string, quietly = false, ticket = this.#session.takeTicket()): Promise<void> {
    const session = this.#session;
    const stored = await import('./stored-map.ts')
      .then(({ openStoredMap }) => openStoredMap(key, session.language))
      .catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }) as const);
    if (!stored.ok) {
      session.release(ticket);
      if (!quietly) session.lastAttempt = { fileName: t('recentMaps', session.language), problems: [{ severity: 'error', message: stored.message }], opened: false };
      return;
    }
    if (!session.isNewest(ticket)) return session.release(ticket);
    // The view is made with the camera as the map opens: set before it lands.
    this.#view.openAt(recallCamera(key));
    session.open(stored.opened, ticket);
  }

  /**
   * Brings back the map open last in this browser, when there is one, with the ticket the page
   * took as it started: a map the person opened meanwhile is not replaced.
   */
  async openLast(ticket: number): Promise<void> {
    const key = lastMapKey();
    if (key === undefined) this.#session.release(ticket);
    else await this.openStored(key, true, ticket);
  }

  destroy(): void {
    this.#stop();
  }
}
