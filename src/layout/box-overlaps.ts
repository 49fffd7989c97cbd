/**
 * Overlapping boxes, found with a sweep over boxes sorted by left edge (only boxes whose
 * x-ranges meet are compared), and pushed apart directly. Moving positions, rather than
 * nudging velocities as a collision force does, frees a crowded map of overlaps in a few
 * passes instead of hundreds of ticks.
 */
import type { LayoutNode } from './layout-node.ts';

function byLeftEdge(nodes: readonly LayoutNode[]): LayoutNode[] {
  return [...nodes].sort((a, b) => a.x - a.width / 2 - (b.x - b.width / 2));
}

export function hasOverlaps(nodes: readonly LayoutNode[]): boolean {
  const sorted = byLeftEdge(nodes);
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.x - b.width / 2 >= a.x + a.width / 2) break;
      if (Math.abs(a.y - b.y) < (a.height + b.height) / 2) return true;
    }
  }
  return false;
}

export const isFixed = (node: LayoutNode): boolean => node.fx != null && node.fy != null;

/**
 * One pass: every pair of boxes closer than `gap` moves apart until `gap` lies between them,
 * along the axis that needs the smaller move (as the collision force resolves them), shared
 * between both boxes unless one is fixed. Returns how many pairs overlapped (closer than no gap at
 * all); a pass can push a box into a third one, so callers repeat it until none did.
 */
export function pushOverlapsApart(nodes: readonly LayoutNode[], gap: number): number {
  const sorted = byLeftEdge(nodes);
  let overlapping = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.x - b.width / 2 >= a.x + a.width / 2 + gap) break;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const overlapX = (a.width + b.width) / 2 + gap - Math.abs(dx);
      const overlapY = (a.height + b.height) / 2 + gap - Math.abs(dy);
      if (overlapX <= 0 || overlapY <= 0) continue;
      if (overlapX > gap && overlapY > gap) overlapping += 1;
      const aFixed = isFixed(a);
      const bFixed = isFixed(b);
      if (aFixed && bFixed) continue;
      const aShare = aFixed ? 0 : bFixed ? 1 : 0.5;
      // b is the later box in the sweep, so coincident centres part with b to the right or below.
      if (overlapX / (a.width + b.width) < overlapY / (a.height + b.height)) {
        const direction = dx < 0 ? -1 : 1;
        a.x -= direction * overlapX * aShare;
        b.x += direction * overlapX * (1 - aShare);
      } else {
        const direction = dy < 0 ? -1 : 1;
        a.y -= direction * overlapY * aShare;
        b.y += direction * overlapY * (1 - aShare);
      }
    }
  }
  return overlapping;
}
