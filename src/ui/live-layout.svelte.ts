/**
 * The running force layout of the open map. It settles off the page's thread, in a worker,
 * streaming fresh coordinates as it goes (the same picture the CLI renders for the same seed),
 * then wakes up while a node is dragged. Without workers the page runs the same engine in slices.
 */
import type { ArgMap, ArgNode } from '../core/model.ts';
import type { EdgeLinks } from '../core/edge-links.ts';
import { DEFAULT_SEED } from '../layout/force-layout.ts';
import { LayoutEngine } from '../layout/layout-engine.ts';
import { openRequest, type LayoutRequest, type LayoutUpdate } from '../layout/layout-messages.ts';
import type { Position } from '../layout/layout-node.ts';
import type { Extent } from '../layout/node-boxes.ts';

export interface LayoutMeasures {
  readonly extents: ReadonlyMap<string, Extent>;
  readonly links?: EdgeLinks;
}

/**
 * The node order and index of the layout made last: the layout of an edit that keeps the order
 * (a text, a kind, a move) shares them rather than indexing 5,000 ids again.
 */
let lastOrder: { readonly ids: readonly string[]; readonly indexById: ReadonlyMap<string, number> } | undefined;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/** `start` with each of the `free` nodes (without a place) moved beside a neighbour that has one, where it has one. */
function besideNeighbours(map: ArgMap, start: Float64Array, free: ReadonlySet<string>, index: () => ReadonlyMap<string, number>): Float64Array {
  const placedAt = new Float64Array(start);
  for (const edge of map.edges) {
    for (const [newcomer, neighbour] of [[edge.from, edge.to], [edge.to, edge.from]] as const) {
      if (!free.has(newcomer) || free.has(neighbour)) continue;
      // Looked up only for a newcomer with a neighbour: a lone new node builds no 5,000-id index.
      const indexById = index();
      const [at, beside] = [indexById.get(newcomer), indexById.get(neighbour)];
      if (at === undefined || beside === undefined) continue;
      placedAt[2 * at] = start[2 * beside]! + NEWCOMER_OFFSET;
      placedAt[2 * at + 1] = start[2 * beside + 1]! + NEWCOMER_OFFSET;
    }
  }
  return placedAt;
}

/** How far beside its neighbour a new node waits for its place. */
const NEWCOMER_OFFSET = 60;

/** New nodes that settle with the map's detail kept (a node added, a few pasted). */
const FEW_NEWCOMERS = 50;

/**
 * Runs `callback` in a task once the next frame has been painted and the one after begun, so that
 * it neither delays the edit's frame nor crowds the tasks right after it; returns what cancels it.
 */
function afterNextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(callback);
    return () => clearTimeout(timer);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => (timer = setTimeout(callback)));
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export class LiveLayout {
  /** The map's nodes, in coordinate order. */
  readonly nodes: readonly ArgNode[];
  /** Node ids in coordinate order: the map's node order. */
  readonly ids: readonly string[];
  #indexById: ReadonlyMap<string, number> | undefined;
  /** x0, y0, x1, y1, … in `ids` order; a new array whenever positions change, never changed once published. */
  coordinates = $state.raw<Float64Array>(new Float64Array(0));
  /** Fresh `{id, x, y}` records, made only when read. */
  readonly positions: readonly Position[] = $derived.by(() => this.#positionsOf(this.coordinates));
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** Whether every node has a place: saved, kept, or sent by the layout (until then unplaced nodes stand at 0, 0). */
  placed = $state(false);
  /** How far the opening layout has come, from 0 to 1. */
  progress = $state(0);
  /** Whether the opening layout has come to rest. */
  settled = $state(false);
  /**
   * Whether only a few new nodes settle, the rest of the map standing where it was (an edit's
   * layout): the picture need not drop its detail while they move.
   */
  readonly newcomersOnly: boolean = false;

  /** Built on first use, not in the task that opens the map. */
  get indexById(): ReadonlyMap<string, number> {
    if (this.#indexById === undefined) {
      this.#indexById = lastOrder?.ids === this.ids ? lastOrder.indexById : new Map(this.ids.map((id, index) => [id, index]));
      lastOrder = { ids: this.ids, indexById: this.#indexById };
    }
    return this.#indexById;
  }

  /** Starts the layout; undefined once started. */
  #start: (() => void) | undefined;
  /** Until the layout starts there is nothing to tell it, nor to stop but these timers. */
  #send: (request: LayoutRequest) => void = () => undefined;
  #stop: () => void = () => undefined;
  readonly #timers: ReturnType<typeof setTimeout>[] = [];
  #cancelStart: () => void = () => undefined;
  /** The node under the pointer follows it at once, whatever the layout last sent. */
  #dragged: { readonly index: number; readonly x: number; readonly y: number } | undefined;

  /**
   * `measures`: read when the layout starts, in a task after the one that opens the map: the space
   * each node takes, and the links of the map's edges when they are at hand.
   * `keep`: where the nodes that survive an edit were, by node index (`placesToKeep`); they stay there.
   */
  constructor(map: ArgMap, measures: () => LayoutMeasures, keep?: Float64Array) {
    this.nodes = map.nodes;
    // One walk over the nodes (an edit's layout is made in the edit's frame): their ids, the pinned
    // ones, and until the layout speaks, their saved or kept places (a saved layout is already at rest).
    const ids: string[] = [];
    const pinned = new Set<string>();
    const start = new Float64Array(map.nodes.length * 2);
    let placed = 0;
    const free = new Set<string>();
    map.nodes.forEach((node, index) => {
      ids.push(node.id);
      if (node.position) pinned.add(node.id);
      const x = node.position?.x ?? keep?.[2 * index] ?? Number.NaN;
      if (Number.isNaN(x)) {
        if (keep) free.add(node.id);
        return;
      }
      start[2 * index] = x;
      start[2 * index + 1] = node.position?.y ?? keep![2 * index + 1]!;
      placed += 1;
    });
    this.ids = lastOrder !== undefined && sameIds(ids, lastOrder.ids) ? lastOrder.ids : ids;
    this.pinned = pinned;
    this.coordinates = start;

    this.#start = () => {
      this.#start = undefined;
      const { extents, links } = measures();
      const request = openRequest(map, extents, DEFAULT_SEED, keep, links);
      if (typeof Worker === 'function') this.#runInWorker(request);
      else this.#runOnPage(request);
    };
    // The layout starts in a task of its own: packing a 20,000-node graph for the worker takes
    // 20 ms that need not join the task that opens the map. A map whose every node already has a
    // place (a saved layout, or an edit that adds no unplaced node) is at rest: its layout starts
    // with the first drag, so that an edit starts no worker and packs no graph.
    if (placed < map.nodes.length) {
      // After an edit the map stays drawn while its new nodes settle: they wait beside a neighbour,
      // and the layout starts once the edit is on screen (packing a 5,000-node map for the worker
      // and starting it took about 5 ms, which came before the edit's frame).
      if (keep) {
        this.coordinates = besideNeighbours(map, start, free, () => this.indexById);
        this.placed = true;
        this.newcomersOnly = free.size <= FEW_NEWCOMERS;
        this.#cancelStart = afterNextFrame(() => this.#start?.());
      } else this.#timers.push(setTimeout(() => this.#start?.()));
      return;
    }
    const atRest = () => {
      this.placed = true;
      this.progress = 1;
      this.settled = true;
    };
    // An edit that keeps every node where it was stays at rest, without a blink while a person
    // types. A saved layout opened from a file is shown in a task of its own: drawing a big map the
    // first time (indexing it, placing its edges) would otherwise join the task that opens it.
    if (keep) atRest();
    else this.#timers.push(setTimeout(atRest));
  }

  #runInWorker(request: LayoutRequest): void {
    const worker = new Worker(new URL('../layout/layout-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutUpdate>) => this.#receive(event.data);
    // A worker that cannot start (a policy forbids it, say) must not leave the map settling for ever.
    worker.onerror = () => {
      worker.terminate();
      this.#runOnPage(request);
    };
    this.#send = (message) => worker.postMessage(message);
    this.#stop = () => worker.terminate();
    this.#send(request);
  }

  #runOnPage(request: LayoutRequest): void {
    const engine = new LayoutEngine((update) => this.#receive(update));
    this.#send = (message) => engine.handle(message);
    this.#stop = () => engine.stop();
    this.#send(request);
  }

  #receive({ coordinates, progress, settled }: LayoutUpdate): void {
    // The array was handed over and is not published yet, so it may still be written.
    if (this.#dragged) {
      coordinates[2 * this.#dragged.index] = this.#dragged.x;
      coordinates[2 * this.#dragged.index + 1] = this.#dragged.y;
    }
    this.coordinates = coordinates;
    this.placed = true;
    this.progress = progress;
    this.settled = settled;
  }

  #positionsOf(coordinates: Float64Array): Position[] {
    return this.ids.map((id, index) => ({ id, x: coordinates[2 * index]!, y: coordinates[2 * index + 1]! }));
  }

  positionOf(id: string): Position | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : { id, x: this.coordinates[2 * index]!, y: this.coordinates[2 * index + 1]! };
  }

  dragStart(id: string): void {
    const index = this.indexById.get(id);
    if (index === undefined) return;
    this.#start?.();
    this.#send({ type: 'drag-start', index, x: this.coordinates[2 * index]!, y: this.coordinates[2 * index + 1]! });
  }

  dragTo(id: string, x: number, y: number): void {
    const index = this.indexById.get(id);
    if (index === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
    this.#dragged = { index, x, y };
    const moved = this.coordinates.slice();
    moved[2 * index] = x;
    moved[2 * index + 1] = y;
    this.coordinates = moved;
    this.#send({ type: 'drag', index, x, y });
  }

  /** A dragged node stays where it was dropped (pinned) until released. */
  dragEnd(id: string): void {
    const index = this.indexById.get(id);
    if (index === undefined) return;
    this.#dragged = undefined;
    this.#send({ type: 'drag-end', index });
    this.pinned = new Set([...this.pinned, id]);
  }

  release(id: string): void {
    const index = this.indexById.get(id);
    if (index === undefined || !this.pinned.has(id)) return;
    this.#start?.();
    this.#send({ type: 'release', index });
    this.pinned = new Set([...this.pinned].filter((pinnedId) => pinnedId !== id));
  }

  stop(): void {
    this.#start = undefined;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#cancelStart();
    this.#stop();
  }
}
