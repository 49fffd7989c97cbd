/**
 * The one Presence of each shared room's awareness: made by the first view that asks, kept while
 * the room is open (a presentation on this device goes on publishing when the map's views are
 * not on screen), and gone with the awareness.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { PeerLookup } from './peer-state.ts';
import { Presence } from './presence.svelte.ts';
import { sharedPresence } from './shared-presence.svelte.ts';

const made = new WeakMap<Awareness, Presence>();

export function presenceOf(awareness: Awareness, lookup: () => PeerLookup, name: string): Presence {
  const existing = made.get(awareness);
  if (existing !== undefined) return existing;
  // Its derived state belongs to a root of its own: made inside a view, it would stop following
  // the room when that view goes (the map's views go while this device presents).
  let presence!: Presence;
  const stopRoot = $effect.root(() => {
    presence = new Presence(awareness, lookup, name);
  });
  made.set(awareness, presence);
  sharedPresence.current = presence;
  awareness.on('destroy', () => {
    presence.stop();
    stopRoot();
    if (sharedPresence.current === presence) sharedPresence.current = undefined;
  });
  return presence;
}

/** The awareness of a shared room's connection, when it is one (collab/connection.svelte.ts). */
export function awarenessOf(connection: unknown): Awareness | undefined {
  if (typeof connection !== 'object' || connection === null || !('awareness' in connection)) return undefined;
  return (connection as { readonly awareness: Awareness }).awareness;
}
