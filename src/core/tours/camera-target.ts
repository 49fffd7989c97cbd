/**
 * Where the camera goes for a tour step: the step's own camera when it has one (a rehearsed
 * picture), else a fit of what the step is about (its focus), else a fit of all it shows.
 * The result is a map point and a zoom, independent of any renderer; the view animates to it.
 */
import { SMALLEST_ZOOM } from '../format-limits.ts';
import type { Camera } from '../model.ts';
import { contentBounds } from '../../layout/bounds.ts';
import type { Position } from '../../layout/layout-node.ts';
import type { Extent } from '../../layout/node-boxes.ts';
import type { StepView } from './playback.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface ZoomLimits {
  /** Below this neither a step's own camera nor a fit goes. */
  readonly minZoom: number;
  readonly maxZoom: number;
  /** Fitting never enlarges past this, so a step about one node does not blow it up to poster size. */
  readonly maxFitZoom: number;
}

/**
 * The camera's range, one for every part that moves or records it (the map view's zoom
 * behaviour in `src/ui/camera.ts`, tour steps, shared links): zooming in stops at 4; zooming
 * out has no limit of its own but the file format's smallest zoom, so that a map whose nodes lie
 * two million units apart still fits the screen, and every camera on screen can be written down.
 */
export const DEFAULT_ZOOM_LIMITS: ZoomLimits = { minZoom: SMALLEST_ZOOM, maxZoom: 4, maxFitZoom: 1.25 };

/** Room left around the framed boxes, in map units, so that they do not touch the screen's edge. */
const FIT_MARGIN = 40;

export function stepCameraTarget(
  view: Pick<StepView, 'shown' | 'focusNodes' | 'camera'>,
  positions: readonly Position[],
  boxes: ReadonlyMap<string, Extent>,
  viewport: Viewport,
  limits: ZoomLimits = DEFAULT_ZOOM_LIMITS,
): Camera {
  if (view.camera) return { x: view.camera.x, y: view.camera.y, zoom: clampZoom(view.camera.zoom, limits.minZoom, limits.maxZoom) };
  const focused = positions.filter((position) => view.focusNodes.has(position.id));
  const framed = focused.length > 0 ? focused : positions.filter((position) => view.shown.nodes.has(position.id));
  const bounds = contentBounds(framed, boxes, FIT_MARGIN);
  const fittingZoom = Math.min(screenLength(viewport.width) / bounds.width, screenLength(viewport.height) / bounds.height);
  return {
    x: bounds.x + bounds.width / 2,
    y: bounds.y + bounds.height / 2,
    zoom: clampZoom(fittingZoom, limits.minZoom, Math.min(limits.maxFitZoom, limits.maxZoom)),
  };
}

/** A viewport not yet laid out measures 0 (or NaN); one pixel keeps the zoom finite. */
function screenLength(length: number): number {
  return Number.isFinite(length) && length >= 1 ? length : 1;
}

function clampZoom(zoom: number, min: number, max: number): number {
  if (Number.isNaN(zoom)) return min;
  return Math.min(max, Math.max(min, zoom));
}
