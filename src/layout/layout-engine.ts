/**
 * The force layout of one map behind the page: it settles in time slices, handing over fresh
 * coordinates after each slice, then stays awake so that drags move the other nodes. The layout
 * worker runs it; where there are no workers, the page runs the same engine itself.
 */
import { dragNeighbourhood, type DragNeighbourhood, type NeighbourhoodSize } from './drag-neighbourhood.ts';
import { createForceLayout, settleSteps, type ForceLayout } from './force-layout.ts';
import { extentsByName, mapOfGraph, placesOf, type LayoutRequest, type LayoutUpdate } from './layout-messages.ts';

/** Long enough that slicing costs little, short enough that a page running it still answers input. */
const SLICE_MS = 20;
/**
 * While the new nodes of an edit settle among kept ones, coordinates go out this seldom: each
 * batch makes the page place every edge and draw the whole map again (on 5,000 nodes, a slice's
 * worth of streaming kept the page busy for most of half a second), and only a few nodes move.
 */
const EDIT_PUBLISH_MS = 250;
const DRAG_ALPHA_TARGET = 0.3;
const RELEASE_ALPHA = 0.3;
/**
 * A map with more nodes than a neighbourhood moves only the neighbourhood of a node dragged or
 * released once it has settled (drag-neighbourhood.ts). 1,000 moving nodes tick in a few
 * milliseconds and reach further than a screenful at a legible zoom.
 */
export const DRAG_NEIGHBOURHOOD: NeighbourhoodSize = { moving: 1000, ring: 500 };

export class LayoutEngine {
  readonly #post: (update: LayoutUpdate) => void;
  #layout: ForceLayout | undefined;
  #settled = false;
  #stopped = false;
  /** Nodes with a saved position and nodes dropped after a drag: they stay where they are. */
  readonly #pinned = new Set<number>();
  #dragging: number | undefined;
  readonly #neighbourhoodSize: NeighbourhoodSize;
  /** The part of a big map that moves while a node is dragged or released. */
  #neighbourhood: DragNeighbourhood | undefined;
  /** How long at least between two batches of coordinates while settling. */
  #publishEvery = 0;
  #publishedAt = Number.NEGATIVE_INFINITY;

  constructor(post: (update: LayoutUpdate) => void, neighbourhoodSize = DRAG_NEIGHBOURHOOD) {
    this.#post = post;
    this.#neighbourhoodSize = neighbourhoodSize;
  }

  handle(request: LayoutRequest): void {
    if (request.type === 'open') {
      this.#open(request);
      return;
    }
    const layout = this.#layout;
    const node = layout?.nodes()[request.index];
    if (!layout || !node) return;
    switch (request.type) {
      case 'drag-start':
        this.#dragging = request.index;
        node.fx = request.x;
        node.fy = request.y;
        if (this.#settled) this.#moving(request.index).alphaTarget(DRAG_ALPHA_TARGET).restart();
        break;
      case 'drag':
        node.fx = request.x;
        node.fy = request.y;
        break;
      case 'drag-end':
        this.#dragging = undefined;
        this.#pinned.add(request.index);
        (this.#neighbourhood?.simulation ?? layout).alphaTarget(0);
        break;
      case 'release':
        if (!this.#pinned.delete(request.index)) return;
        node.fx = null;
        node.fy = null;
        if (this.#settled) this.#moving(request.index).alpha(RELEASE_ALPHA).restart();
        break;
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#endNeighbourhood();
    this.#layout?.stop().on('tick', null);
  }

  /** What moves when node `index` is dragged or released: the whole layout, or on a big map the node's neighbourhood. */
  #moving(index: number): ForceLayout {
    const layout = this.#layout!;
    this.#endNeighbourhood();
    const { moving, ring } = this.#neighbourhoodSize;
    if (layout.nodes().length <= moving + ring) return layout;
    layout.stop();
    const neighbourhood = dragNeighbourhood(layout, index, this.#neighbourhoodSize);
    this.#neighbourhood = neighbourhood;
    return neighbourhood.simulation
      .on('tick', () => this.#publish(1))
      .on('end', () => {
        if (this.#neighbourhood === neighbourhood) this.#endNeighbourhood();
      });
  }

  #endNeighbourhood(): void {
    this.#neighbourhood?.end();
    this.#neighbourhood = undefined;
  }

  #open(request: Extract<LayoutRequest, { type: 'open' }>): void {
    const map = mapOfGraph(request.graph);
    const extents = extentsByName(request.extents);
    this.#publishEvery = request.keep ? EDIT_PUBLISH_MS : 0;
    this.#layout = createForceLayout(map, extents, { seed: request.seed, ...(request.keep ? { keep: placesOf(request.keep) } : {}) });
    map.nodes.forEach((node, index) => {
      if (node.position) this.#pinned.add(index);
    });
    this.#settleSlice(settleSteps(this.#layout));
  }

  #settleSlice(steps: Generator<number, void, undefined>): void {
    if (this.#stopped) return;
    const sliceEnd = performance.now() + SLICE_MS;
    let progress = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        this.#finishSettling();
        return;
      }
      progress = step.value;
      if (performance.now() >= sliceEnd) break;
    }
    if (performance.now() - this.#publishedAt >= this.#publishEvery) this.#publish(progress);
    afterPendingEvents(() => this.#settleSlice(steps));
  }

  #finishSettling(): void {
    const layout = this.#layout!;
    this.#settled = true;
    // Kept nodes held still while the newcomers settled; afterwards they move like any other.
    layout.nodes().forEach((node, index) => {
      if (this.#pinned.has(index) || index === this.#dragging) return;
      node.fx = null;
      node.fy = null;
    });
    this.#publish(1);
    layout.on('tick', () => this.#publish(1));
    if (this.#dragging !== undefined) this.#moving(this.#dragging).alphaTarget(DRAG_ALPHA_TARGET).restart();
  }

  #publish(progress: number): void {
    this.#publishedAt = performance.now();
    const nodes = this.#layout!.nodes();
    const coordinates = new Float64Array(nodes.length * 2);
    nodes.forEach((node, index) => {
      coordinates[2 * index] = node.x;
      coordinates[2 * index + 1] = node.y;
    });
    this.#post({ coordinates, progress, settled: this.#settled });
  }
}

/** Runs `continuation` as a new task once pending events are handled; unlike setTimeout, never clamped to 4 ms. */
function afterPendingEvents(continuation: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    continuation();
  };
  channel.port2.postMessage(undefined);
}
