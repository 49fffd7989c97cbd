/**
 * The running force layout of the open map. It opens settled (the same picture the
 * CLI renders for the same seed), then wakes up while a node is dragged. Positions
 * are copied into fresh records on every tick, because d3 moves its nodes in place.
 */
import type { ArgMap } from '../core/model.ts';
import { createForceLayout, readPositions, settleForceLayout, type ForceLayout } from '../layout/force-layout.ts';
import type { LayoutNode, Position } from '../layout/layout-node.ts';
import type { Extent } from '../layout/node-boxes.ts';

const DRAG_ALPHA_TARGET = 0.3;
const RELEASE_ALPHA = 0.3;

export class LiveLayout {
  positions = $state.raw<readonly Position[]>([]);
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** How far the opening layout has come, from 0 to 1. */
  progress = $state(1);
  /** Whether the opening layout has come to rest. */
  settled = $state(true);

  readonly #layout: ForceLayout;
  readonly #nodeById: ReadonlyMap<string, LayoutNode>;

  /** `keep`: where the nodes that survive an edit were; they stay there. */
  constructor(map: ArgMap, extents: ReadonlyMap<string, Extent>, keep?: ReadonlyMap<string, Position>) {
    this.#layout = createForceLayout(map, extents, keep ? { keep } : {});
    settleForceLayout(this.#layout);
    this.#nodeById = new Map(this.#layout.nodes().map((node) => [node.id, node]));
    this.pinned = new Set(map.nodes.flatMap((node) => (node.position ? [node.id] : [])));
    // Kept nodes held still while the newcomers settled; afterwards they move like any other.
    for (const node of this.#layout.nodes()) {
      if (this.pinned.has(node.id)) continue;
      node.fx = null;
      node.fy = null;
    }
    this.positions = readPositions(this.#layout);
    this.#layout.on('tick', () => {
      this.positions = readPositions(this.#layout);
    });
  }

  positionOf(id: string): Position | undefined {
    const node = this.#nodeById.get(id);
    return node ? { id, x: node.x, y: node.y } : undefined;
  }

  dragStart(id: string): void {
    const node = this.#nodeById.get(id);
    if (!node) return;
    node.fx = node.x;
    node.fy = node.y;
    this.#layout.alphaTarget(DRAG_ALPHA_TARGET).restart();
  }

  dragTo(id: string, x: number, y: number): void {
    const node = this.#nodeById.get(id);
    if (!node || !Number.isFinite(x) || !Number.isFinite(y)) return;
    node.fx = x;
    node.fy = y;
  }

  /** A dragged node stays where it was dropped (pinned) until released. */
  dragEnd(id: string): void {
    this.#layout.alphaTarget(0);
    if (this.#nodeById.has(id)) this.pinned = new Set([...this.pinned, id]);
  }

  release(id: string): void {
    const node = this.#nodeById.get(id);
    if (!node || !this.pinned.has(id)) return;
    node.fx = null;
    node.fy = null;
    this.pinned = new Set([...this.pinned].filter((pinnedId) => pinnedId !== id));
    this.#layout.alpha(RELEASE_ALPHA).restart();
  }

  stop(): void {
    this.#layout.stop();
    this.#layout.on('tick', null);
  }
}
