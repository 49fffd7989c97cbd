/**
 * A d3 force that keeps rectangular boxes from overlapping. d3's forceCollide treats
 * nodes as circles, which wastes most of the room around wide, flat label boxes.
 */
import { quadtree, type Quadtree } from 'd3';
import type { LayoutNode } from './layout-node.ts';

export interface RectCollideForce {
  (alpha: number): void;
  initialize(nodes: LayoutNode[], random: () => number): void;
}

export function forceRectCollide(padding = 12, strength = 0.7): RectCollideForce {
  let nodes: LayoutNode[] = [];
  let random: () => number = Math.random;
  let widest = 0;
  let tallest = 0;

  function separate(a: LayoutNode, b: LayoutNode): void {
    let dx = (b.x + (b.vx ?? 0)) - (a.x + (a.vx ?? 0));
    let dy = (b.y + (b.vy ?? 0)) - (a.y + (a.vy ?? 0));
    const overlapX = (a.width + b.width) / 2 + padding - Math.abs(dx);
    const overlapY = (a.height + b.height) / 2 + padding - Math.abs(dy);
    if (overlapX <= 0 || overlapY <= 0) return;
    // Coincident centres: push apart in a seeded random direction instead of dividing by zero.
    if (dx === 0) dx = (random() - 0.5) * 1e-6;
    if (dy === 0) dy = (random() - 0.5) * 1e-6;
    // Resolve along the axis of least overlap, sharing the move between both boxes.
    if (overlapX / (a.width + b.width) < overlapY / (a.height + b.height)) {
      const shift = Math.sign(dx) * overlapX * strength * 0.5;
      a.vx = (a.vx ?? 0) - shift;
      b.vx = (b.vx ?? 0) + shift;
    } else {
      const shift = Math.sign(dy) * overlapY * strength * 0.5;
      a.vy = (a.vy ?? 0) - shift;
      b.vy = (b.vy ?? 0) + shift;
    }
  }

  function force(): void {
    const tree: Quadtree<LayoutNode> = quadtree(nodes, (node) => node.x, (node) => node.y);
    for (const a of nodes) {
      const reachX = a.width / 2 + widest / 2 + padding;
      const reachY = a.height / 2 + tallest / 2 + padding;
      tree.visit((quad, x0, y0, x1, y1) => {
        if (!quad.length) {
          for (let leaf: typeof quad | undefined = quad; leaf; leaf = leaf.next) {
            const b = leaf.data;
            if (b.index! > a.index!) separate(a, b);
          }
        }
        return x0 > a.x + reachX || x1 < a.x - reachX || y0 > a.y + reachY || y1 < a.y - reachY;
      });
    }
  }

  force.initialize = (initialNodes: LayoutNode[], randomSource: () => number) => {
    nodes = initialNodes;
    random = randomSource;
    widest = Math.max(0, ...nodes.map((node) => node.width));
    tallest = Math.max(0, ...nodes.map((node) => node.height));
  };
  return force;
}
