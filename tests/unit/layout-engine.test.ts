import { describe, expect, it, vi } from 'vitest';
import { createForceLayout, DEFAULT_SEED, readPositions, settleLayout, settleSteps } from '../../src/layout/force-layout.ts';
import type { NeighbourhoodSize } from '../../src/layout/drag-neighbourhood.ts';
import { LayoutEngine } from '../../src/layout/layout-engine.ts';
import { openRequest, type LayoutUpdate } from '../../src/layout/layout-messages.ts';
import { placesByIndex } from '../support/kept-places.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import type { Position } from '../../src/layout/layout-node.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();
const extents = layoutExtents(seed);

function coordinatesOf(positions: readonly Position[]): number[] {
  return positions.flatMap(({ x, y }) => [x, y]);
}

/** An engine whose updates are recorded; `next` waits for the next one matching. */
function recordingEngine(neighbourhood?: NeighbourhoodSize) {
  const updates: LayoutUpdate[] = [];
  let waiting: { readonly wanted: (update: LayoutUpdate) => boolean; readonly resolve: (update: LayoutUpdate) => void } | undefined;
  const engine = new LayoutEngine((update) => {
    updates.push(update);
    if (waiting?.wanted(update)) {
      waiting.resolve(update);
      waiting = undefined;
    }
  }, neighbourhood);
  const next = (wanted: (update: LayoutUpdate) => boolean = () => true) => new Promise<LayoutUpdate>((resolve) => {
    waiting = { wanted, resolve };
  });
  return { engine, updates, next, settled: () => next((update) => update.settled) };
}

describe('stepwise settling', () => {
  it('ends exactly where the synchronous settle ends, with progress rising to 1', () => {
    const layout = createForceLayout(seed, extents);
    const progress = [...settleSteps(layout)];
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((value, index) => value > (progress[index - 1] ?? 0) && value <= 1)).toBe(true);
    expect(readPositions(layout)).toEqual(settleLayout(seed, extents));
  });

  it('takes no step when every node has a saved position', () => {
    const saved = { ...seed, nodes: seed.nodes.map((node, index) => ({ ...node, position: { x: index * 300, y: 0 } })) };
    const layout = createForceLayout(saved, extents);
    expect([...settleSteps(layout)]).toEqual([]);
    expect(readPositions(layout).map(({ x, y }) => [x, y])).toEqual(saved.nodes.map((_, index) => [index * 300, 0]));
  });
});

describe('layout engine (what the worker runs)', () => {
  it('streams fresh coordinate arrays and settles bit for bit where settleLayout does', async () => {
    const { engine, updates, settled } = recordingEngine();
    const settling = settled();
    engine.handle(openRequest(seed, extents, DEFAULT_SEED));
    const last = await settling;
    engine.stop();
    expect([...last.coordinates]).toEqual(coordinatesOf(settleLayout(seed, extents)));
    expect(last.progress).toBe(1);
    expect(updates.filter((update) => update.settled)).toHaveLength(1);
    expect(new Set(updates.map((update) => update.coordinates)).size).toBe(updates.length);
  });

  it('answers a fully saved map at once, settled, with no settling work', () => {
    const saved = { ...seed, nodes: seed.nodes.map((node, index) => ({ ...node, position: { x: index, y: -index } })) };
    const { engine, updates } = recordingEngine();
    engine.handle(openRequest(saved, extents, DEFAULT_SEED));
    engine.stop();
    expect(updates).toHaveLength(1);
    expect(updates[0]!.settled).toBe(true);
    expect([...updates[0]!.coordinates]).toEqual(saved.nodes.flatMap((_, index) => [index, -index]));
  });

  it('keeps the nodes that survive an edit where they were, and lays out the newcomers as settleLayout does', async () => {
    const keep = new Map(settleLayout(seed, extents).slice(0, 20).map((position) => [position.id, position]));
    const { engine, settled } = recordingEngine();
    const settling = settled();
    engine.handle(openRequest(seed, extents, DEFAULT_SEED, placesByIndex(seed, keep)));
    const last = await settling;
    engine.stop();
    expect([...last.coordinates]).toEqual(coordinatesOf(settleLayout(seed, extents, { keep })));
    expect([...last.coordinates.slice(0, 40)]).toEqual(coordinatesOf([...keep.values()]));
  });

  it('sends the places of an edit\'s newcomers at most every 250 ms while they settle, then the settled ones at once', async () => {
    const keep = new Map(settleLayout(seed, extents).slice(0, 40).map((position) => [position.id, position]));
    const sent: { readonly at: number; readonly update: LayoutUpdate }[] = [];
    const done = new Promise<void>((resolve) => {
      const engine = new LayoutEngine((update) => {
        sent.push({ at: performance.now(), update });
        if (!update.settled) return;
        engine.stop();
        resolve();
      });
      engine.handle(openRequest(seed, extents, DEFAULT_SEED, placesByIndex(seed, keep)));
    });
    await done;
    const whileSettling = sent.filter(({ update }) => !update.settled);
    expect(whileSettling.length).toBeGreaterThan(0);
    whileSettling.slice(1).forEach(({ at }, index) => expect(at - whileSettling[index]!.at).toBeGreaterThanOrEqual(245));
    expect(sent.at(-1)!.update.settled).toBe(true);
    expect([...sent.at(-1)!.update.coordinates]).toEqual(coordinatesOf(settleLayout(seed, extents, { keep })));
  });

  it('moves a dragged node to the pointer, keeps it pinned after the drop, and lets it go on release', async () => {
    const { engine, next: nextUpdate } = recordingEngine();
    const settled = nextUpdate((update) => update.settled);
    engine.handle(openRequest(seed, extents, DEFAULT_SEED));
    await settled;
    engine.handle({ type: 'drag-start', index: 3, x: 0, y: 0 });
    engine.handle({ type: 'drag', index: 3, x: 5000, y: -4000 });
    const during = await nextUpdate();
    expect([during.coordinates[6], during.coordinates[7]]).toEqual([5000, -4000]);
    engine.handle({ type: 'drag-end', index: 3 });
    const dropped = await nextUpdate();
    expect([dropped.coordinates[6], dropped.coordinates[7]]).toEqual([5000, -4000]);
    engine.handle({ type: 'release', index: 3 });
    await nextUpdate();
    const released = await nextUpdate();
    engine.stop();
    expect(released.coordinates[6]).not.toBe(5000);
  });

  describe('on a map bigger than a drag neighbourhood', () => {
    const size: NeighbourhoodSize = { moving: 10, ring: 10 };
    // A node with relations, whose neighbours feel the drag through them.
    const DRAGGED = seed.nodes.findIndex((node) => node.id === 'rep-burn-consensus');

    /** The nodes of `coordinates` by distance from node `index`, nearest first. */
    function byDistance(coordinates: Float64Array, index: number): number[] {
      const distance = (other: number) => Math.hypot(coordinates[2 * other]! - coordinates[2 * index]!, coordinates[2 * other + 1]! - coordinates[2 * index + 1]!);
      return seed.nodes.map((_, other) => other).sort((a, b) => distance(a) - distance(b));
    }

    function largestMove(before: Float64Array, after: Float64Array, nodes: readonly number[]): number {
      return Math.max(...nodes.map((node) => Math.hypot(after[2 * node]! - before[2 * node]!, after[2 * node + 1]! - before[2 * node + 1]!)));
    }

    it('moves the dragged node’s neighbours and holds the rest of the map still', async () => {
      const { engine, next } = recordingEngine(size);
      const settling = next((update) => update.settled);
      engine.handle(openRequest(seed, extents, DEFAULT_SEED));
      const rest = (await settling).coordinates;
      const nearest = byDistance(rest, DRAGGED);
      const [x, y] = [rest[2 * DRAGGED]!, rest[2 * DRAGGED + 1]!];
      engine.handle({ type: 'drag-start', index: DRAGGED, x, y });
      engine.handle({ type: 'drag', index: DRAGGED, x: x + 400, y: y + 300 });
      let during = await next();
      for (let tick = 0; tick < 10; tick += 1) during = await next();
      expect([during.coordinates[2 * DRAGGED], during.coordinates[2 * DRAGGED + 1]]).toEqual([x + 400, y + 300]);
      expect(largestMove(rest, during.coordinates, nearest.slice(1, size.moving))).toBeGreaterThan(1);
      expect(largestMove(rest, during.coordinates, nearest.slice(size.moving))).toBe(0);
      engine.handle({ type: 'drag-end', index: DRAGGED });
      engine.stop();
    });

    it('starts the neighbourhood at rest: a node held where it stands moves nothing', async () => {
      const { engine, next } = recordingEngine(size);
      const settling = next((update) => update.settled);
      engine.handle(openRequest(seed, extents, DEFAULT_SEED));
      const rest = (await settling).coordinates;
      engine.handle({ type: 'drag-start', index: DRAGGED, x: rest[2 * DRAGGED]!, y: rest[2 * DRAGGED + 1]! });
      let during = await next();
      for (let tick = 0; tick < 20; tick += 1) during = await next();
      engine.handle({ type: 'drag-end', index: DRAGGED });
      engine.stop();
      expect(largestMove(rest, during.coordinates, seed.nodes.map((_, index) => index))).toBeLessThan(0.1);
    });

    it('lets the neighbourhood come to rest after the drop, then releases a node into a new one', async () => {
      const { engine, next, updates } = recordingEngine(size);
      const settling = next((update) => update.settled);
      engine.handle(openRequest(seed, extents, DEFAULT_SEED));
      const rest = (await settling).coordinates;
      const [x, y] = [rest[2 * DRAGGED]!, rest[2 * DRAGGED + 1]!];
      engine.handle({ type: 'drag-start', index: DRAGGED, x, y });
      engine.handle({ type: 'drag', index: DRAGGED, x: x - 500, y });
      await next();
      engine.handle({ type: 'drag-end', index: DRAGGED });
      // Cooling from alpha 0.3 to d3's alphaMin takes a few hundred ticks; then the updates stop.
      await vi.waitFor(() => {
        const count = updates.length;
        return new Promise<void>((resolve, reject) => setTimeout(() => (updates.length === count ? resolve() : reject(new Error('still moving'))), 100));
      }, { timeout: 20_000, interval: 0 });
      const dropped = updates.at(-1)!.coordinates;
      expect([dropped[2 * DRAGGED], dropped[2 * DRAGGED + 1]]).toEqual([x - 500, y]);
      engine.handle({ type: 'release', index: DRAGGED });
      let released = await next();
      for (let tick = 0; tick < 5; tick += 1) released = await next();
      engine.stop();
      // Let go, the node feels the map's pull in full, not a balance that would keep it where it was dropped.
      expect(Math.abs(released.coordinates[2 * DRAGGED]! - (x - 500))).toBeGreaterThan(50);
      const farAway = byDistance(dropped, DRAGGED).slice(size.moving + size.ring);
      expect(largestMove(dropped, released.coordinates, farAway)).toBe(0);
    });
  });
});
