/**
 * The one editing state of each open session, for every view that edits (the map, the inspector,
 * the Source tab, the editing bar). It loads with import() on first use: the editing code and Yjs
 * stay out of the app's first chunk.
 */
import type { Authoring } from './authoring.svelte.ts';
import type { RoomOptions } from './document-room.ts';
import type { MapSession } from './map-session.svelte.ts';

const made = new WeakMap<MapSession, Authoring>();
const loading = new WeakMap<MapSession, Promise<Authoring>>();

/** The session's editing state, made on the first call; `options` count only on that call. */
export function authoringOf(session: MapSession, options?: RoomOptions): Promise<Authoring> {
  const existing = made.get(session);
  if (existing !== undefined) return Promise.resolve(existing);
  let pending = loading.get(session);
  if (pending === undefined) {
    pending = import('./authoring.svelte.ts').then(({ Authoring }) => provideAuthoring(new Authoring(session, options)));
    loading.set(session, pending);
  }
  return pending;
}

/** The session's editing state when it is already made, else undefined. */
export function madeAuthoring(session: MapSession): Authoring | undefined {
  return made.get(session);
}

/**
 * Makes `authoring` its session's editing state, unless the session has one already: that one is
 * returned. The editing bar (which loads the editing code anyway) and tests use it.
 */
export function provideAuthoring(authoring: Authoring): Authoring {
  const existing = made.get(authoring.session);
  if (existing !== undefined) return existing;
  made.set(authoring.session, authoring);
  return authoring;
}
