/**
 * A d3 force that places the speaker of a relation below what it speaks to, so a map
 * reads top-down: questions, then positions, then their support and rebuttals.
 */
import type { LayoutLink, LayoutNode } from './layout-node.ts';

export interface EdgeDirectionForce {
  (alpha: number): void;
  initialize(nodes: LayoutNode[]): void;
}

export function forceEdgeDirection(links: readonly LayoutLink[], gap = 40, strength = 0.3): EdgeDirectionForce {
  function force(alpha: number): void {
    for (const { source, target } of links) {
      const wanted = (source.height + target.height) / 2 + gap;
      const shortfall = wanted - (source.y - target.y);
      if (shortfall <= 0) continue;
      const push = shortfall * strength * alpha * 0.5;
      source.vy = (source.vy ?? 0) + push;
      target.vy = (target.vy ?? 0) - push;
    }
  }
  force.initialize = () => {};
  return force;
}
