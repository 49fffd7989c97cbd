/**
 * The file format's limits, read from its schema (graph-data/argmap.schema.json) rather than
 * copied: whatever edits a map (the tour editor, Save layout, a shared link's camera) holds it to
 * exactly what the reader accepts, and a change to the schema changes them all.
 */
import schema from '../../graph-data/argmap.schema.json' with { type: 'json' };
import type { Camera } from './model.ts';

const definitions = schema.$defs;
const cameraRange = definitions.step.properties.camera.properties;

/** Characters (code points, as the schema counts them) in one language of a text. */
export const MAX_TEXT_LENGTH: number = definitions.text.maxLength;
export const MAX_ID_LENGTH: number = definitions.id.maxLength;
export const MAX_TOURS: number = schema.properties.tours.maxItems;
export const MAX_STEPS_PER_TOUR: number = definitions.tour.properties.steps.maxItems;
/** Ids a step may reveal, or focus. */
export const MAX_STEP_IDS: number = definitions.step.properties.reveal.maxItems;
/** A saved position's coordinates lie within ±this. */
export const MAX_POSITION: number = definitions.point.properties.x.maximum;
/** A camera's centre lies within ±this. */
export const MAX_CAMERA_COORDINATE: number = cameraRange.x.maximum;
/** A camera's zoom is above this (never equal)… */
export const CAMERA_ZOOM_ABOVE: number = cameraRange.zoom.exclusiveMinimum;
/** …and at most this. */
export const MAX_CAMERA_ZOOM: number = cameraRange.zoom.maximum;

/**
 * The smallest zoom argmap writes: a millionth, far below what any screen needs (a map 2,000,000
 * units wide fits a 1,000-pixel screen at 0.0005) yet above the schema's exclusive lower bound.
 */
export const SMALLEST_ZOOM = Math.max(1e-6, CAMERA_ZOOM_ABOVE * 2);

/** The length the schema's `maxLength` measures: code points, not UTF-16 units. */
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

export function fitsTextLimit(text: string): boolean {
  // Cheap for the usual short text: a string of at most the limit in UTF-16 units is within it.
  return text.length <= MAX_TEXT_LENGTH || textLength(text) <= MAX_TEXT_LENGTH;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The camera moved into the format's range, or undefined when it has no finite numbers: the
 * centre is clamped, and a zoom at or below the lower bound becomes the smallest zoom that
 * survives a round trip through JSON and a link's rounding.
 */
export function cameraInRange(camera: Camera): Camera | undefined {
  if (![camera.x, camera.y, camera.zoom].every(Number.isFinite)) return undefined;
  return {
    x: clamp(camera.x, -MAX_CAMERA_COORDINATE, MAX_CAMERA_COORDINATE),
    y: clamp(camera.y, -MAX_CAMERA_COORDINATE, MAX_CAMERA_COORDINATE),
    zoom: clamp(camera.zoom, SMALLEST_ZOOM, MAX_CAMERA_ZOOM),
  };
}

/** A position's coordinate within the format's range. */
export function positionInRange(value: number): number {
  return clamp(value, -MAX_POSITION, MAX_POSITION);
}
