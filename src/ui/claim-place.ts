/**
 * Where a claim made from the Source tab goes on the map: at the centre of the view, where the
 * person looks, moved down past the nodes already placed there (earlier claims made from the
 * source stand at the centre too) so that none hides another.
 */
import type { Point } from '../core/model.ts';

/** The room a claim's box takes around its centre, with a gap. */
const HALF_WIDTH = 130;
const HALF_HEIGHT = 40;
const STEP = 2 * HALF_HEIGHT;
const TRIES = 50;

export function freePlace(centre: Point, taken: Iterable<Point>): Point {
  const others = [...taken];
  for (let tried = 0; tried < TRIES; tried += 1) {
    const place = { x: centre.x, y: centre.y + tried * STEP };
    if (!others.some((other) => Math.abs(other.x - place.x) < 2 * HALF_WIDTH && Math.abs(other.y - place.y) < 2 * HALF_HEIGHT)) return place;
  }
  return centre;
}
