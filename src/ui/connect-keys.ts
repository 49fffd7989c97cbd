/**
 * Connecting from the keyboard and by dragging, once started: the arrow keys move the target to
 * the nearest node in their direction (said aloud), Enter opens the chooser of the kind there,
 * Escape gives up; a drag tells what the pointer is over. Loaded with the map's connect layer.
 */
import { inLanguage, type Point } from '../core/model.ts';
import type { ConnectPlaces } from './connect-places.ts';
import { arrowDirection, nearestInDirection } from './connect-target.ts';
import { t } from './i18n-later.ts';
import type { Choosing, MapEditing } from './map-editing.svelte.ts';

/** A key pressed while connecting by keys; true when it was one of connecting's. */
export function connectKey(editing: MapEditing, event: KeyboardEvent, places: ConnectPlaces): boolean {
  const connecting = editing.connecting;
  if (connecting?.by !== 'keys') return false;
  const direction = arrowDirection(event.key);
  if (direction !== undefined) {
    const from = places.positionOf(connecting.target ?? connecting.from);
    const target = from && nearestInDirection(from, direction, places.drawn(), new Set([connecting.from, connecting.target ?? connecting.from]));
    if (target !== undefined) {
      editing.connecting = { ...connecting, target };
      const session = editing.session;
      editing.targetNotice = t('connectTarget', session.language, { node: inLanguage(session.index.nodes.get(target)?.text ?? {}, session.language) });
    }
  } else if (event.key === 'Enter') {
    const target = connecting.target;
    const at = target === undefined ? undefined : places.positionOf(target);
    if (target !== undefined && at !== undefined) choose(editing, connecting.from, target, at, 'keys');
  } else if (event.key === 'Escape') editing.cancel();
  else return false;
  return true;
}

/** A dragged connection moves: where the pointer is (map coordinates), and the node or edge it is over. */
export function dragOver(editing: MapEditing, pointer: Point, target: string | undefined, undercut: string | undefined): void {
  const connecting = editing.connecting;
  if (connecting === undefined) return;
  const { from, by } = connecting;
  editing.connecting = { from, by, pointer, ...(target !== undefined ? { target } : {}), ...(undercut !== undefined ? { undercut } : {}) };
}

/** Opens the chooser of the connection's kind, at `at` on the map. */
export function choose(editing: MapEditing, from: string, to: string, at: Point, by: Choosing['by']): void {
  editing.connecting = undefined;
  editing.targetNotice = '';
  editing.choosing = { from, to, at, by };
}
