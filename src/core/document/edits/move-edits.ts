/** Placing nodes: a moved node is pinned where it was put (its saved position), until unpinned. */
import { quoteForMessage } from '../../problems.ts';
import { NODE_FIELD } from '../doc-schema.ts';
import { describe } from '../describe.ts';
import { LIMITS } from '../record-rules.ts';
import { refuse, type Edit, type Gesture } from './edit.ts';

export interface Place {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** As "save layout" keeps places: to 0.1 (finer is invisible), and never -0. */
function coordinate(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Moves (and so pins) nodes. Calls that pass the same `gesture` id make one undo step, however
 * long the drag lasts; each call may carry the live places of one frame.
 */
export function moveNodes(places: readonly Place[], gesture?: string): Edit<void> {
  return (context) => {
    if (places.length === 0) return refuse('no node to move');
    const positions = new Map<string, { x: number; y: number }>();
    for (const place of places) {
      if (!context.index.nodes.has(place.id)) return refuse(`there is no node ${quoteForMessage(place.id)}`);
      const x = coordinate(place.x);
      const y = coordinate(place.y);
      if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > LIMITS.coordinate || Math.abs(y) > LIMITS.coordinate) {
        return refuse(`a place lies within ±${LIMITS.coordinate} on both axes`);
      }
      positions.set(place.id, { x, y });
    }
    const move: Gesture | undefined = gesture === undefined ? undefined : { key: `drag:${gesture}`, merge: 'always' };
    return {
      ok: true,
      description: describe.moveNodes(positions.size),
      result: undefined,
      ...(move !== undefined ? { gesture: move } : {}),
      write: (roots) => {
        for (const [id, position] of positions) roots.nodes.get(id)!.set(NODE_FIELD.position, position);
      },
    };
  };
}

export function unpinNodes(ids: Iterable<string>): Edit<void> {
  return (context) => {
    const pinned = [...ids].filter((id) => context.index.nodes.get(id)?.position !== undefined);
    if (pinned.length === 0) return refuse('no pinned node');
    return {
      ok: true,
      description: describe.unpinNodes(pinned.length),
      result: undefined,
      write: (roots) => {
        for (const id of pinned) roots.nodes.get(id)!.delete(NODE_FIELD.position);
      },
    };
  };
}
