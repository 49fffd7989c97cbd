/** Which renderer draws the live map: SVG (an element per node) or one canvas. */
export type MapRenderer = 'svg' | 'canvas';

/**
 * Maps with more nodes than this are drawn on a canvas. On a 2-core machine without a GPU,
 * SVG held 60 fps up to about 250 labelled nodes, and a drag took 100 ms a frame at 1,000
 * nodes and 217 ms at 2,000 (bench/RESULTS.md, 2026-11-28); QT30's largest map (287 nodes)
 * and the seed map (61) stay SVG, whose DOM the end-to-end tests read.
 */
export const CANVAS_RENDERER_MIN_NODES = 400;

/** `?renderer=svg` or `?renderer=canvas` in the page's address picks one, for tests, benchmarks and taste. */
export function rendererFromQuery(search: string): MapRenderer | undefined {
  const asked = new URLSearchParams(search).get('renderer');
  return asked === 'svg' || asked === 'canvas' ? asked : undefined;
}

export function chooseRenderer(nodeCount: number, asked: MapRenderer | undefined): MapRenderer {
  return asked ?? (nodeCount > CANVAS_RENDERER_MIN_NODES ? 'canvas' : 'svg');
}
