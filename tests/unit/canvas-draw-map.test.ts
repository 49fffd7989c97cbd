import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { indexMap } from '../../src/core/model.ts';
import { EDGE_APPEARANCE } from '../../src/layout/appearance.ts';
import { linksOfMap } from '../../src/core/edge-links.ts';
import { edgeEnds, edgeLines } from '../../src/layout/edge-geometry.ts';
import { measureNodes, nodeSizes } from '../../src/layout/node-boxes.ts';
import { markerStrokes } from '../../src/layout/shapes.ts';
import { drawMap, type CanvasScene, type MapContext } from '../../src/ui/canvas/draw-map.ts';
import type { MapDisplay } from '../../src/ui/map-display.ts';
import {
  FADED_NODE_OPACITY, MATCH_RING_COLOUR, PIN_COLOUR, PROJECTOR_EDGE_WIDTH, PROJECTOR_TEXT_COLOUR, SELECTED_STROKE,
} from '../../src/ui/map-emphasis.ts';
import { makeMap } from '../support/make-map.ts';

interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
}

/** A 2D context that records every call and every property set, in order. */
function recordingContext(): { context: MapContext; calls: Call[] } {
  const calls: Call[] = [];
  const context = new Proxy({} as Record<string, unknown>, {
    get: (_target, name: string) => (...args: unknown[]) => calls.push({ name, args }),
    set: (_target, name: string, value: unknown) => {
      calls.push({ name: `set ${name}`, args: [value] });
      return true;
    },
  });
  return { context: context as unknown as MapContext, calls };
}

const map: ArgMap = makeMap(['a', 'b', 'c', 'far'], [['ab', 'b', 'a'], ['ca', 'c', 'a', 'attack'], ['cb', 'c', 'b', 'attack']], (id) => `node ${id} says something`);
const boxes = measureNodes(map, 'en');
const coordinates = new Float64Array([0, 0, 0, 150, 250, 150, 50_000, 50_000]);
const sizes = nodeSizes(map.nodes.map((node) => node.id), boxes);

const ends = edgeEnds(map.edges, linksOfMap(map), sizes);
const lines = edgeLines(ends, coordinates);

function scene(change: Partial<CanvasScene> = {}, display: MapDisplay = {}): CanvasScene {
  return {
    nodes: map.nodes,
    edges: ends.edges,
    lines,
    indices: Int32Array.from(map.nodes, (_, index) => index),
    coordinates,
    sizes,
    boxes,
    emphasis: {},
    display,
    selectedId: undefined,
    pins: new Set(),
    enteringOpacity: 1,
    settling: false,
    theme: 'default',
    camera: { x: 400, y: 300, k: 1 },
    width: 800,
    height: 600,
    pixelRatio: 1,
    ...change,
  };
}

function draw(change: Partial<CanvasScene> = {}, display: MapDisplay = {}): Call[] {
  const { context, calls } = recordingContext();
  drawMap(context, scene(change, display));
  return calls;
}

const named = (calls: readonly Call[], name: string) => calls.filter((call) => call.name === name);
const texts = (calls: readonly Call[]) => named(calls, 'fillText').map((call) => call.args[0]);
const valuesSet = (calls: readonly Call[], property: string) => named(calls, `set ${property}`).map((call) => call.args[0]);

describe('drawing the map on a canvas', () => {
  it('draws every box and label on screen, and skips what is off screen', () => {
    const calls = draw();
    expect(texts(calls)).toEqual(expect.arrayContaining([...boxes.get('a')!.lines, ...boxes.get('c')!.lines]));
    expect(texts(calls).some((text) => String(text).includes('far'))).toBe(false);
    // Three boxes, each a round rectangle; the fourth is far off screen.
    expect(named(calls, 'roundRect')).toHaveLength(3);
  });

  it('leaves text out where it would be too small to read, and draws boxes of one look in one path', () => {
    const calls = draw({ camera: { x: 400, y: 300, k: 0.3 } });
    expect(named(calls, 'fillText')).toHaveLength(0);
    expect(named(calls, 'roundRect')).toHaveLength(0);
    expect(named(calls, 'rect')).toHaveLength(3);
    // Three claims look alike: one fill for all of them.
    expect(named(calls, 'fill')).toHaveLength(1);
  });

  it('still rings search matches and outlines the selection when boxes are plain', () => {
    const calls = draw({ camera: { x: 400, y: 300, k: 0.3 }, selectedId: 'b' }, { matches: new Set(['c']) });
    expect(valuesSet(calls, 'strokeStyle')).toEqual(expect.arrayContaining([MATCH_RING_COLOUR, SELECTED_STROKE]));
    // The selected box is a batch of its own.
    expect(named(calls, 'fill')).toHaveLength(2);
  });

  it('batches edges into one path per kind, with arrowheads only when they are large enough to see', () => {
    const near = draw();
    // Two kinds (support, attack): one path of lines and one of arrowheads each. Each line
    // starts once, each arrowhead once per stroke of its marker.
    const lineStarts = 3;
    const arrowheadStarts = markerStrokes(EDGE_APPEARANCE.support.marker).length + 2 * markerStrokes(EDGE_APPEARANCE.attack.marker).length;
    expect(named(near, 'moveTo')).toHaveLength(lineStarts + arrowheadStarts);
    expect(valuesSet(near, 'strokeStyle')).toEqual(expect.arrayContaining([EDGE_APPEARANCE.support.colour, EDGE_APPEARANCE.attack.colour]));
    // The support arrowhead's tip is on the end of its line, on the border of the node it supports.
    const supportLine = ends.edges.findIndex((edge) => edge.kind === 'support');
    expect(named(near, 'lineTo').map((call) => call.args)).toContainEqual([lines[4 * supportLine + 2], lines[4 * supportLine + 3]]);

    const far = draw({ camera: { x: 400, y: 300, k: 0.2 } });
    expect(named(far, 'moveTo')).toHaveLength(lineStarts);
    expect(named(draw({ settling: true }), 'moveTo')).toHaveLength(lineStarts);
    // Dashes are dropped at a distance: every dash pattern set is empty.
    expect(named(far, 'setLineDash').every((call) => (call.args[0] as number[]).length === 0)).toBe(true);
    expect(named(near, 'setLineDash').some((call) => (call.args[0] as number[]).length > 0)).toBe(true);
  });

  it('draws two nodes that attack each other as one line with a bar at both ends', () => {
    const mutualMap: ArgMap = makeMap(['a', 'b'], [['ab', 'a', 'b', 'attack'], ['ba', 'b', 'a', 'attack']], (id) => `node ${id} says something`);
    const mutualSizes = nodeSizes(mutualMap.nodes.map((node) => node.id), measureNodes(mutualMap, 'en'));
    const mutualEnds = edgeEnds(mutualMap.edges, linksOfMap(mutualMap), mutualSizes);
    const mutualCoordinates = new Float64Array([0, 0, 0, 150]);
    const mutualLines = edgeLines(mutualEnds, mutualCoordinates);
    expect(mutualEnds.edges.map((edge) => edge.id)).toEqual(['ab']);
    const calls = draw({
      nodes: mutualMap.nodes, edges: mutualEnds.edges, lines: mutualLines, partnerIds: ['ba'],
      indices: Int32Array.from([0, 1]), coordinates: mutualCoordinates, sizes: mutualSizes, boxes: measureNodes(mutualMap, 'en'),
    });
    // One line, and the attack's bar (two strokes) at each of its two ends.
    expect(named(calls, 'moveTo')).toHaveLength(1 + 2 * markerStrokes(EDGE_APPEARANCE.attack.marker).length);
    const [x1, y1, x2, y2] = mutualLines;
    const barPoints = named(calls, 'lineTo').map((call) => call.args as number[]);
    // Each bar stands across the line, one at its end and one at its start.
    expect(barPoints.some(([, y]) => Math.abs(y! - y2!) < 2)).toBe(true);
    expect(barPoints.some(([, y]) => Math.abs(y! - y1!) < 2)).toBe(true);
    expect(x1).toBe(x2);
    // Without its partner the same line has one bar.
    const oneWay = draw({ nodes: mutualMap.nodes, edges: mutualEnds.edges, lines: mutualLines, indices: Int32Array.from([0, 1]), coordinates: mutualCoordinates, sizes: mutualSizes, boxes: measureNodes(mutualMap, 'en') });
    expect(named(oneWay, 'moveTo')).toHaveLength(1 + markerStrokes(EDGE_APPEARANCE.attack.marker).length);
  });

  it('draws edges one device pixel wide when their lines crowd the screen, and at their width otherwise', () => {
    const widths = (calls: readonly Call[]) => valuesSet(calls, 'lineWidth') as number[];
    expect(widths(draw())).toContain(EDGE_APPEARANCE.support.width);
    // 2,000 copies of the support line between a and b, 150 px each on screen: 300,000 px of lines.
    const crowd = Array.from({ length: 2_000 }, (_, copy) => ({ ...ends.edges[0]!, id: `copy-${copy}` }));
    const crowdLines = new Float64Array(crowd.length * 4);
    for (let copy = 0; copy < crowd.length; copy += 1) crowdLines.set(lines.subarray(0, 4), 4 * copy);
    const crowded = draw({ edges: crowd, lines: crowdLines, camera: { x: 400, y: 300, k: 1 }, pixelRatio: 2 });
    expect(widths(crowded)).toContain(0.5);
    expect(widths(crowded)).not.toContain(EDGE_APPEARANCE.support.width);
  });

  it('scales to the device pixel ratio, for a crisp picture at DPR 2', () => {
    const calls = draw({ pixelRatio: 2, camera: { x: 10, y: 20, k: 1.5 } });
    expect(named(calls, 'setTransform')).toContainEqual({ name: 'setTransform', args: [3, 0, 0, 3, 20, 40] });
    expect(named(calls, 'clearRect')[0]!.args).toEqual([0, 0, 1600, 1200]);
  });

  it('rings search matches, outlines the selection and marks pins', () => {
    const calls = draw({ selectedId: 'b', pins: new Set(['c']) }, { matches: new Set(['a']) });
    expect(valuesSet(calls, 'strokeStyle')).toEqual(expect.arrayContaining([MATCH_RING_COLOUR, SELECTED_STROKE]));
    expect(valuesSet(calls, 'fillStyle')).toContain(PIN_COLOUR);
    expect(named(calls, 'arc')).toHaveLength(1);
    expect(valuesSet(draw(), 'strokeStyle')).not.toContain(MATCH_RING_COLOUR);
  });

  it('outlines every node of a selection of several (shift-click, lasso)', () => {
    const selectedStrokes = (calls: readonly Call[]) => valuesSet(calls, 'strokeStyle').filter((colour) => colour === SELECTED_STROKE).length;
    expect(selectedStrokes(draw({ selectedId: 'a', selectedIds: new Set(['a', 'b', 'c']) }))).toBe(3);
    expect(selectedStrokes(draw({ selectedId: 'a' }))).toBe(1);
  });

  it('fades what is not a neighbour of the hovered node', () => {
    const hovered = draw({ emphasis: { hover: { id: 'b', lit: new Set(['a', 'b']), edgeById: indexMap(map).edges } } });
    expect(valuesSet(hovered, 'globalAlpha').filter((alpha) => alpha === FADED_NODE_OPACITY)).toHaveLength(1);
    expect(valuesSet(draw(), 'globalAlpha')).not.toContain(FADED_NODE_OPACITY);
    const stressed = draw({ emphasis: { stressed: new Set(['a']) } });
    expect(valuesSet(stressed, 'globalAlpha').filter((alpha) => alpha === FADED_NODE_OPACITY)).toHaveLength(2);
  });

  it('fades in what a tour step has just revealed', () => {
    const calls = draw({ enteringOpacity: 0.4 }, { entering: new Set(['c', 'ca']) });
    expect(valuesSet(calls, 'globalAlpha')).toContain(0.4);
    expect(valuesSet(draw({ enteringOpacity: 0.4 }), 'globalAlpha')).not.toContain(0.4);
  });

  it('draws on white with thick lines and black text for a projector', () => {
    const calls = draw({ theme: 'projector' });
    expect(named(calls, 'fillRect')).toHaveLength(1);
    expect(valuesSet(calls, 'lineWidth')).toContain(PROJECTOR_EDGE_WIDTH);
    expect(valuesSet(calls, 'fillStyle')).toContain(PROJECTOR_TEXT_COLOUR);
    expect(named(draw(), 'fillRect')).toHaveLength(0);
  });

  it('draws only the shown nodes, with their fills and badges', () => {
    const calls = draw(
      { nodes: map.nodes.filter((node) => node.id !== 'b') },
      { fills: new Map([['a', '#123456']]), badges: new Map([['a', [{ text: 'IN', title: 'accepted', tone: 'in' as const }]]]) },
    );
    expect(texts(calls)).toContain('IN');
    expect(valuesSet(calls, 'fillStyle')).toContain('#123456');
    expect(texts(calls).some((text) => String(text).includes('node b'))).toBe(false);
  });
});

describe('drawing again after a change', () => {
  /** The calls of drawing `after` over a canvas that shows `before`. */
  function redraw(before: Partial<CanvasScene>, after: Partial<CanvasScene>, displays: [MapDisplay, MapDisplay] = [{}, {}]): Call[] {
    const shown = drawMap(recordingContext().context, scene(before, displays[0]));
    const { context, calls } = recordingContext();
    drawMap(context, scene(after, displays[1]), shown);
    return calls;
  }

  it('clears and draws again only the area of what changed, clipped to whole device pixels', () => {
    const calls = redraw({}, { selectedId: 'a' });
    expect(named(calls, 'clip')).toHaveLength(1);
    const [x, y, width, height] = named(calls, 'clearRect')[0]!.args as number[];
    for (const value of [x, y, width, height]) expect(Number.isInteger(value)).toBe(true);
    // The area holds a (at the centre of the 800 × 600 canvas) and not c, 250 px to its right.
    expect(x).toBeLessThan(400);
    expect(x! + width!).toBeGreaterThan(400);
    expect(x! + width!).toBeLessThan(650 - boxes.get('c')!.width / 2);
    expect(texts(calls)).toEqual(expect.arrayContaining([...boxes.get('a')!.lines]));
    expect(texts(calls).some((text) => boxes.get('c')!.lines.includes(String(text)))).toBe(false);
    expect(valuesSet(calls, 'strokeStyle')).toContain(SELECTED_STROKE);
  });

  it('takes in what reaches into the area: an unchanged node under a changed badge is drawn again', () => {
    const badge = (text: string) => new Map([['a', [{ text, title: text, tone: 'in' as const }]]]);
    const calls = redraw({}, {}, [{ badges: badge('IN') }, { badges: badge('OUT') }]);
    expect(texts(calls)).toEqual(expect.arrayContaining(['OUT', ...boxes.get('a')!.lines]));
    expect(named(calls, 'clip')).toHaveLength(1);
  });

  it('draws nothing when nothing on screen changed', () => {
    expect(redraw({}, { selectedId: 'far' })).toEqual([]);
    expect(redraw({}, {})).toEqual([]);
  });

  it('draws the whole screen when the camera, the canvas or the drawing order changed', () => {
    const whole = (calls: readonly Call[], width = 800) => named(calls, 'clip').length === 0 && named(calls, 'clearRect')[0]?.args.join() === `0,0,${width},600`;
    expect(whole(redraw({}, { camera: { x: 401, y: 300, k: 1 } }))).toBe(true);
    expect(whole(redraw({}, { width: 801 }), 801)).toBe(true);
    expect(whole(redraw({}, { theme: 'projector' }))).toBe(true);
    const reversed = { nodes: [...map.nodes].reverse(), indices: Int32Array.from([3, 2, 1, 0]) };
    expect(whole(redraw({}, reversed))).toBe(true);
  });
});
