/** Which renderer draws the live map: SVG (an element per node) or one canvas. */
export type MapRenderer = 'svg' | 'canvas';

/**
 * Maps with more nodes than this are drawn on a canvas. On this 2-core machine without a GPU
 * (bench/RESULTS.md, renderer sweep), SVG kept 60 fps while dragging at 100 nodes but not at
 * 250 (a 24 ms median frame), while the canvas kept 16.7 ms from 100 nodes to 20,000. The seed
 * map (61 nodes) and most QT30 maps (up to 164) stay SVG, with an element per node for the keyboard.
 */
export const CANVAS_RENDERER_MIN_NODES = 200;

/** `?renderer=svg` or `?renderer=canvas` in the page's address picks one, for tests, benchmarks and taste. */
export function rendererFromQuery(search: string): MapRenderer | undefined {
  const asked = new URLSearchParams(search).get('renderer');
  return asked === 'svg' || asked === 'canvas' ? asked : undefined;
}

export function chooseRenderer(nodeCount: number, asked: MapRenderer | undefined): MapRenderer {
  return asked ?? (nodeCount > CANVAS_RENDERER_MIN_NODES ? 'canvas' : 'svg');
}
