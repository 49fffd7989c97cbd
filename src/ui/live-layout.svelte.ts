/**
 * The running force layout of the open map. It opens settled (the same picture the
 * CLI renders for the same seed), then wakes up while a node is dragged. Positions
 * are published as a fresh coordinate array on every tick, because d3 moves its nodes in place.
 */
import type { ArgMap } from '../core/model.ts';
import { createForceLayout, settleForceLayout, type ForceLayout } from '../layout/force-layout.ts';
import type { LayoutNode, Position } from '../layout/layout-node.ts';
import type { Extent } from '../layout/node-boxes.ts';

const DRAG_ALPHA_TARGET = 0.3;
const RELEASE_ALPHA = 0.3;

export class LiveLayout {
  /** Node ids in coordinate order: the map's node order. */
  readonly ids: readonly string[];
  readonly indexById: ReadonlyMap<string, number>;
  /** x0, y0, x1, y1, … in `ids` order; a new array whenever positions change, never changed once published. */
  coordinates = $state.raw<Float64Array>(new Float64Array(0));
  /** Fresh `{id, x, y}` records, made only when read. */
  readonly positions: readonly Position[] = $derived.by(() => this.#positionsOf(this.coordinates));
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** How far the opening layout has come, from 0 to 1. */
  progress = $state(1);
  /** Whether the opening layout has come to rest. */
  settled = $state(true);

  readonly #layout: ForceLayout;
  readonly #nodeById: ReadonlyMap<string, LayoutNode>;

  /** `keep`: where the nodes that survive an edit were; they stay there. */
  constructor(map: ArgMap, extents: ReadonlyMap<string, Extent>, keep?: ReadonlyMap<string, Position>) {
    this.ids = map.nodes.map((node) => node.id);
    this.indexById = new Map(this.ids.map((id, index) => [id, index]));
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
    this.coordinates = this.#readCoordinates();
    this.#layout.on('tick', () => {
      this.coordinates = this.#readCoordinates();
    });
  }

  #readCoordinates(): Float64Array {
    const nodes = this.#layout.nodes();
    const coordinates = new Float64Array(nodes.length * 2);
    nodes.forEach((node, index) => {
      coordinates[2 * index] = node.x;
      coordinates[2 * index + 1] = node.y;
    });
    return coordinates;
  }

  #positionsOf(coordinates: Float64Array): Position[] {
    return this.ids.map((id, index) => ({ id, x: coordinates[2 * index]!, y: coordinates[2 * index + 1]! }));
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
