/**
 * The presence of the shared room this page is in, for the views that show it (the map's rings,
 * the presentation). Set by PresenceList, which loads only in a shared room; this module is in the
 * app's first chunk and holds nothing but the slot.
 */
import type { Presence } from './presence.svelte.ts';

class SharedPresence {
  current = $state.raw<Presence | undefined>(undefined);
}

export const sharedPresence = new SharedPresence();
