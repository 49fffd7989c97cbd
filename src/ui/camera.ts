/** Fitting the map to the screen: the zoom transform that shows given bounds whole. */
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { Bounds } from '../layout/bounds.ts';

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;
/** Fitting never enlarges past this, so a small map is not blown up to poster size. */
const MAX_FIT_ZOOM = 1.25;
const FIT_PADDING = 24;

export function fitTransform(bounds: Bounds, viewportWidth: number, viewportHeight: number): ZoomTransform {
  const width = Math.max(1, viewportWidth - 2 * FIT_PADDING);
  const height = Math.max(1, viewportHeight - 2 * FIT_PADDING);
  const scale = Math.max(MIN_ZOOM, Math.min(MAX_FIT_ZOOM, width / bounds.width, height / bounds.height));
  const centreX = bounds.x + bounds.width / 2;
  const centreY = bounds.y + bounds.height / 2;
  return zoomIdentity.translate(viewportWidth / 2 - centreX * scale, viewportHeight / 2 - centreY * scale).scale(scale);
}

/** The smallest zoom at which labels stay readable; the map opens no smaller than this. */
export const READABLE_ZOOM = 0.8;

/** The opening view: the whole map when it fits at a readable size, else its centre at that size. */
export function openingTransform(bounds: Bounds, viewportWidth: number, viewportHeight: number): ZoomTransform {
  const fitted = fitTransform(bounds, viewportWidth, viewportHeight);
  if (fitted.k >= READABLE_ZOOM) return fitted;
  const centreX = bounds.x + bounds.width / 2;
  const top = bounds.y;
  return zoomIdentity.translate(viewportWidth / 2 - centreX * READABLE_ZOOM, FIT_PADDING - top * READABLE_ZOOM).scale(READABLE_ZOOM);
}
