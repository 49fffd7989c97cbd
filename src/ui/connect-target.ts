/**
 * Picking a node with the arrow keys while connecting: from where the target stands now, the
 * nearest node that lies in the arrow's direction. A node straight ahead beats one that is a
 * little closer but off to the side, so a person can walk along a row or a column of the map.
 */

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

const UNIT: Readonly<Record<Direction, readonly [number, number]>> = {
  up: [0, -1],
  down: [0, 1],
  left: [-1, 0],
  right: [1, 0],
};

/** How much a step sideways counts against a candidate, relative to a step ahead. */
const SIDEWAYS_WEIGHT = 2;

/** The direction of an arrow key (`ArrowUp` …), or undefined for any other key. */
export function arrowDirection(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    default:
      return undefined;
  }
}

/**
 * The id of the candidate nearest to `from` in `direction`: within 60° either side of it,
 * scored by distance ahead plus twice the
 * distance sideways. Candidates with an id in `skip` (the node being connected from, the current
 * target) are passed over; ties go to the first candidate, so the answer is the same every time.
 */
export function nearestInDirection(from: { readonly x: number; readonly y: number }, direction: Direction, candidates: Iterable<Placed>, skip: ReadonlySet<string> = new Set()): string | undefined {
  const [unitX, unitY] = UNIT[direction];
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (skip.has(candidate.id)) continue;
    const dx = candidate.x - from.x;
    const dy = candidate.y - from.y;
    const ahead = dx * unitX + dy * unitY;
    const sideways = Math.abs(dx * unitY - dy * unitX);
    if (ahead <= 0 || ahead * Math.sqrt(3) < sideways) continue;
    const score = ahead + SIDEWAYS_WEIGHT * sideways;
    if (score < bestScore) {
      bestScore = score;
      best = candidate.id;
    }
  }
  return best;
}
