/** Which renderer draws the live map: SVG (an element per node) or one canvas. */
export type MapRenderer = 'svg' | 'canvas';

/**
 * Maps with more nodes than this are drawn on a canvas. On this 2-core machine without a GPU
 * (bench/RESULTS.md, renderer sweep), the canvas dragged at 16.7 ms a frame from 100 nodes to
 * 5,000, while SVG took 21–26 ms a frame from 100 to 200 nodes, 31 ms at 250 and 86 ms at 500.
 * Up to 200 nodes SVG's 40-odd frames a second are worth what it gives: an element per node for
 * the keyboard and assistive technology. The seed map (61) and most QT30 maps (up to 164) stay SVG.
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

/** The renderer of a map of `nodeCount` nodes on this page: the address's choice, else by size. */
export function pageRenderer(nodeCount: number): MapRenderer {
  return chooseRenderer(nodeCount, rendererFromQuery(window.location.search));
}
