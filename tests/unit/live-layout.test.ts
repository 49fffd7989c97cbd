import { describe, expect, it, vi } from 'vitest';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { LiveLayout } from '../../src/ui/live-layout.svelte.ts';
import { placesByIndex } from '../support/kept-places.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();
const extents = layoutExtents(seed);

/** Node has no Worker, so these run the page's own fallback: the same engine, in slices. */
async function settled(layout: LiveLayout): Promise<void> {
  await vi.waitFor(() => expect(layout.settled).toBe(true), { timeout: 20_000, interval: 5 });
}

describe('the live layout of the open map', () => {
  it('settles without a worker in slices, starting with the first slice, and ends where settleLayout does', async () => {
    const layout = new LiveLayout(seed, () => ({ extents }));
    expect(layout.ids).toEqual(seed.nodes.map((node) => node.id));
    expect(layout.indexById.get(seed.nodes[7]!.id)).toBe(7);
    expect(layout.settled).toBe(false);
    expect(layout.coordinates).toHaveLength(seed.nodes.length * 2);
    const first = layout.coordinates;
    const firstValues = [...first];
    await settled(layout);
    layout.stop();
    expect(layout.progress).toBe(1);
    expect(layout.positions).toEqual(settleLayout(seed, extents));
    expect(layout.coordinates).not.toBe(first);
    expect([...first]).toEqual(firstValues);
  });

  it('opens a map whose every node has a saved place settled, at those places, in a task after the one that opens it', async () => {
    const saved = { ...seed, nodes: seed.nodes.map((node, index) => ({ ...node, position: { x: index * 10, y: -index } })) };
    const layout = new LiveLayout(saved, () => ({ extents }));
    expect(layout.placed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve));
    await new Promise((resolve) => setTimeout(resolve));
    layout.stop();
    expect(layout.placed).toBe(true);
    expect(layout.settled).toBe(true);
    expect(layout.progress).toBe(1);
    expect(layout.positions.map(({ x, y }) => [x, y])).toEqual(saved.nodes.map((_, index) => [index * 10, -index]));
    expect(layout.pinned.size).toBe(seed.nodes.length);
  });

  it('keeps an edit that leaves every node where it was at rest at once, without a blink', () => {
    const keep = new Map(seed.nodes.map((node, index) => [node.id, { id: node.id, x: index, y: 2 * index }]));
    const layout = new LiveLayout(seed, () => ({ extents }), placesByIndex(seed, keep));
    layout.stop();
    expect(layout.placed).toBe(true);
    expect(layout.settled).toBe(true);
    expect(layout.positionOf(seed.nodes[4]!.id)).toEqual({ id: seed.nodes[4]!.id, x: 4, y: 8 });
  });

  it('moves a dragged node to the pointer at once, in a new array, pins it on drop and lets it go on release', async () => {
    const layout = new LiveLayout(seed, () => ({ extents }));
    await settled(layout);
    const id = seed.nodes[3]!.id;
    const before = layout.coordinates;
    const beforeValues = [...before];
    layout.dragStart(id);
    layout.dragTo(id, 1234, -567);
    expect(layout.positionOf(id)).toEqual({ id, x: 1234, y: -567 });
    expect(layout.coordinates).not.toBe(before);
    expect([...before]).toEqual(beforeValues);
    // The live ticks that follow keep the node under the pointer.
    await vi.waitFor(() => expect(layout.positions[5]).not.toEqual({ id: seed.nodes[5]!.id, x: beforeValues[10], y: beforeValues[11] }), { timeout: 20_000, interval: 5 });
    expect(layout.positionOf(id)).toEqual({ id, x: 1234, y: -567 });
    layout.dragEnd(id);
    expect(layout.pinned.has(id)).toBe(true);
    layout.release(id);
    expect(layout.pinned.has(id)).toBe(false);
    await vi.waitFor(() => expect(layout.positionOf(id)).not.toEqual({ id, x: 1234, y: -567 }), { timeout: 20_000, interval: 5 });
    layout.stop();
  });

  it('settles on the page when the worker cannot start', async () => {
    /** A worker that fails to load, as under a policy that forbids workers. */
    class FailingWorker {
      onerror: ((event: Event) => void) | null = null;
      onmessage: ((event: MessageEvent) => void) | null = null;
      constructor() {
        setTimeout(() => this.onerror?.(new Event('error')), 0);
      }
      postMessage(): void {}
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FailingWorker);
    try {
      const layout = new LiveLayout(seed, () => ({ extents }));
      expect(layout.settled).toBe(false);
      await settled(layout);
      layout.stop();
      expect(layout.positions).toEqual(settleLayout(seed, extents));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts no layout for an edit that leaves every node a place, until a node is dragged or released', async () => {
    const started: { type: string }[][] = [];
    /** A worker that only records what it is told. */
    class RecordingWorker {
      onerror: ((event: Event) => void) | null = null;
      onmessage: ((event: MessageEvent) => void) | null = null;
      readonly messages: { type: string }[] = [];
      constructor() {
        started.push(this.messages);
      }
      postMessage(message: { type: string }): void {
        this.messages.push(message);
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', RecordingWorker);
    try {
      const keep = new Map(seed.nodes.map((node, index) => [node.id, { id: node.id, x: index, y: 2 * index }]));
      const measures = vi.fn(() => ({ extents }));
      const kept = new LiveLayout(seed, measures, placesByIndex(seed, keep));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toEqual([]);
      expect(measures).not.toHaveBeenCalled();
      kept.dragStart(seed.nodes[2]!.id);
      expect(started.map((messages) => messages.map((message) => message.type))).toEqual([['open', 'drag-start']]);
      kept.stop();

      // A node without a place (one just added) settles at once.
      const withNew = new LiveLayout(seed, measures, placesByIndex(seed, new Map([...keep].slice(1))));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toHaveLength(2);
      withNew.stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts an edit\'s layout once the edit is on screen, and keeps the detail while only a few new nodes settle', async () => {
    const started: unknown[] = [];
    vi.stubGlobal('Worker', class {
      onerror = null;
      onmessage = null;
      constructor() {
        started.push(this);
      }
      postMessage(): void {}
      terminate(): void {}
    });
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    try {
      const keep = new Map(seed.nodes.slice(1).map((node, index) => [node.id, { id: node.id, x: index, y: 2 * index }]));
      const edited = new LiveLayout(seed, () => ({ extents }), placesByIndex(seed, keep));
      expect(edited.newcomersOnly).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toHaveLength(0);
      for (const frame of frames.splice(0)) frame(0);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toHaveLength(0);
      for (const frame of frames.splice(0)) frame(16);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(started).toHaveLength(1);
      edited.stop();

      // Many new nodes (a big paste) settle as a map being opened does; an opened map is no edit.
      const many = new LiveLayout(seed, () => ({ extents }), placesByIndex(seed, new Map([...keep].slice(0, 5))));
      expect(many.newcomersOnly).toBe(false);
      const opened = new LiveLayout(seed, () => ({ extents }));
      expect(opened.newcomersOnly).toBe(false);
      for (const layout of [many, opened]) layout.stop();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shares the node index of the layout before when an edit keeps the node order', () => {
    const keep = new Map(seed.nodes.map((node, index) => [node.id, { id: node.id, x: index, y: 2 * index }]));
    const before = new LiveLayout(seed, () => ({ extents }), placesByIndex(seed, keep));
    const index = before.indexById;
    const retyped = { ...seed, nodes: seed.nodes.map((node, at) => (at === 3 ? { ...node, text: { en: 'typed' } } : node)) };
    const after = new LiveLayout(retyped, () => ({ extents }), placesByIndex(retyped, keep));
    expect(after.indexById).toBe(index);
    const shorter = { ...seed, nodes: seed.nodes.slice(1) };
    const fewer = new LiveLayout(shorter, () => ({ extents }), placesByIndex(shorter, keep));
    expect(fewer.indexById).not.toBe(index);
    expect(fewer.indexById.get(seed.nodes[1]!.id)).toBe(0);
    for (const layout of [before, after, fewer]) layout.stop();
  });

  it('keeps the map drawn while an edit\'s new node settles, the newcomer waiting beside a neighbour', () => {
    const edge = seed.edges.find((candidate) => candidate.kind !== 'undercut')!;
    const keep = new Map(seed.nodes.filter((node) => node.id !== edge.from).map((node, index) => [node.id, { id: node.id, x: index * 10, y: 5 }]));
    const layout = new LiveLayout(seed, () => ({ extents }), placesByIndex(seed, keep));
    expect(layout.placed).toBe(true);
    expect(layout.settled).toBe(false);
    const besides = seed.edges.flatMap((other) => [other.from === edge.from ? other.to : other.to === edge.from ? other.from : []].flat())
      .flatMap((id) => keep.get(id) ?? [])
      .map((neighbour) => ({ id: edge.from, x: neighbour.x + 60, y: neighbour.y + 60 }));
    expect(besides).toContainEqual(layout.positionOf(edge.from));
    layout.stop();
  });
});
