/**
 * The force layout of one map behind the page: it settles in time slices, handing over fresh
 * coordinates after each slice, then stays awake so that drags move the other nodes. The layout
 * worker runs it; where there are no workers, the page runs the same engine itself.
 */
import { createForceLayout, settleSteps, type ForceLayout } from './force-layout.ts';
import { extentsOf, mapOfGraph, type LayoutRequest, type LayoutUpdate } from './layout-messages.ts';

/** Long enough that slicing costs little, short enough that a page running it still answers input. */
const SLICE_MS = 20;
const DRAG_ALPHA_TARGET = 0.3;
const RELEASE_ALPHA = 0.3;

export class LayoutEngine {
  readonly #post: (update: LayoutUpdate) => void;
  #layout: ForceLayout | undefined;
  #settled = false;
  #stopped = false;
  /** Nodes with a saved position and nodes dropped after a drag: they stay where they are. */
  readonly #pinned = new Set<number>();
  #dragging: number | undefined;

  constructor(post: (update: LayoutUpdate) => void) {
    this.#post = post;
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
        if (this.#settled) layout.alphaTarget(DRAG_ALPHA_TARGET).restart();
        break;
      case 'drag':
        node.fx = request.x;
        node.fy = request.y;
        break;
      case 'drag-end':
        this.#dragging = undefined;
        this.#pinned.add(request.index);
        layout.alphaTarget(0);
        break;
      case 'release':
        if (!this.#pinned.delete(request.index)) return;
        node.fx = null;
        node.fy = null;
        if (this.#settled) layout.alpha(RELEASE_ALPHA).restart();
        break;
    }
  }

  stop(): void {
    this.#stopped = true;
    this.#layout?.stop().on('tick', null);
  }

  #open(request: Extract<LayoutRequest, { type: 'open' }>): void {
    const map = mapOfGraph(request.graph);
    const extents = extentsOf(request.graph, request.extents);
    this.#layout = createForceLayout(map, extents, { seed: request.seed, ...(request.keep ? { keep: request.keep } : {}) });
    request.graph.nodes.forEach((node, index) => {
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
    this.#publish(progress);
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
    if (this.#dragging !== undefined) layout.alphaTarget(DRAG_ALPHA_TARGET).restart();
  }

  #publish(progress: number): void {
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
