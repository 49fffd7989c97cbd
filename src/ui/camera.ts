/** Fitting the map to the screen: the zoom transform that shows given bounds whole. */
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { Camera } from '../core/model.ts';
import { DEFAULT_ZOOM_LIMITS } from '../core/tours/camera-target.ts';
import type { Bounds } from '../layout/bounds.ts';

/** How far a person may zoom out of a map that fits the screen at this zoom or closer. */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = DEFAULT_ZOOM_LIMITS.maxZoom;
/** The floor under every zoom: the camera's range (`DEFAULT_ZOOM_LIMITS`), which links and tour steps share. */
export const SMALLEST_ZOOM = DEFAULT_ZOOM_LIMITS.minZoom;
/** Fitting never enlarges past this, so a small map is not blown up to poster size. */
const MAX_FIT_ZOOM = DEFAULT_ZOOM_LIMITS.maxFitZoom;

/**
 * d3's transform for a camera (the map point at the centre of a viewport, and a zoom). A link or a
 * step may hold any zoom of the camera's range, however far out: it is shown as it was recorded.
 */
export function transformOf(camera: Camera, viewportWidth: number, viewportHeight: number): ZoomTransform {
  const zoom = Math.min(MAX_ZOOM, Math.max(SMALLEST_ZOOM, camera.zoom));
  return zoomIdentity.translate(viewportWidth / 2 - camera.x * zoom, viewportHeight / 2 - camera.y * zoom).scale(zoom);
}

/** The camera of a d3 transform: what a link or a tour step records. */
export function cameraOf(transform: ZoomTransform, viewportWidth: number, viewportHeight: number): Camera {
  return { x: (viewportWidth / 2 - transform.x) / transform.k, y: (viewportHeight / 2 - transform.y) / transform.k, zoom: transform.k };
}
const FIT_PADDING = 24;

export function fitTransform(bounds: Bounds, viewportWidth: number, viewportHeight: number): ZoomTransform {
  const width = Math.max(1, viewportWidth - 2 * FIT_PADDING);
  const height = Math.max(1, viewportHeight - 2 * FIT_PADDING);
  // No lower limit: the camera's own lets a person zoom out as far as a fitted big map needs.
  const scale = Math.max(SMALLEST_ZOOM, Math.min(MAX_FIT_ZOOM, width / bounds.width, height / bounds.height));
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
