/**
 * The explore view's state in the URL hash, so a view can be shared as a link:
 *
 *     #view?sel=<node>&depth=2&hide-actors=a,b&hide-kinds=evidence&hide-edges=rephrase&lang=en&cam=x,y,zoom&q=<query>
 *
 * Every part is optional; `#view` alone is the plain view. List items are percent-encoded one by
 * one (and `!'()*` too), so ids holding `,` `&` `=` `#` `%` survive, and the raw item `(none)`,
 * which no encoded id can be, stands for the nodes without a speaker (`NO_ACTOR`). `cam` is the
 * map point at the centre of the screen and the zoom, as a tour step's camera, so a link shows
 * the same place on any screen size.
 *
 * Decoding never throws: parts it cannot read are dropped, ids the map does not have are
 * dropped, numbers are clamped to their ranges: a camera to the camera's own (the file format's
 * coordinates, the zoom range of `DEFAULT_ZOOM_LIMITS`), so a link restores any view a person can
 * reach, however far out on a very wide map. A hash that is not `#view` (such as a
 * presentation's `#present/<tour>/<step>`) belongs to another module: decoding returns undefined.
 * Encoding is canonical (fixed order, sorted lists, rounded numbers), so `encode(decode(x))` is
 * a fixed point.
 */
import { MAX_CAMERA_COORDINATE } from '../format-limits.ts';
import { EDGE_KINDS, LANGUAGES, NODE_KINDS, type ArgMap, type Camera, type Language } from '../model.ts';
import { DEFAULT_ZOOM_LIMITS } from '../tours/camera-target.ts';
import { NO_ACTOR, type ViewFilter } from './filters.ts';
import { clampFocusDepth } from './focus.ts';

export interface ViewState {
  /** A node of the map. */
  readonly selectedId?: string;
  /** 1–3 steps around the selection. */
  readonly focusDepth?: number;
  readonly filter: ViewFilter;
  readonly language?: Language;
  readonly camera?: Camera;
  readonly query?: string;
}

const VIEW = 'view';
const NO_ACTOR_TOKEN = '(none)';
const { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM } = DEFAULT_ZOOM_LIMITS;
/** Significant digits of a zoom: a zoom of 0.0002 must not round to 0. */
const ZOOM_DIGITS = 4;
/** A search box's worth; a longer query in a link is cut. */
export const MAX_QUERY_LENGTH = 200;

const PARAMETER = {
  selected: 'sel',
  depth: 'depth',
  hiddenActors: 'hide-actors',
  hiddenNodeKinds: 'hide-kinds',
  hiddenEdgeKinds: 'hide-edges',
  language: 'lang',
  camera: 'cam',
  query: 'q',
} as const;

/** A plain decimal number: no hex, no `Infinity`, no empty string (which `Number` reads as 0). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // `+ 0` turns -0 into 0, so it is written "0".
  return Math.round(value * scale) / scale + 0;
}

/** Clamped and rounded the same way on both sides, so a decoded camera encodes to the same text. */
function normalCamera(camera: Camera): Camera | undefined {
  if (![camera.x, camera.y, camera.zoom].every(Number.isFinite)) return undefined;
  return {
    x: roundTo(clamp(camera.x, -MAX_CAMERA_COORDINATE, MAX_CAMERA_COORDINATE), 2),
    y: roundTo(clamp(camera.y, -MAX_CAMERA_COORDINATE, MAX_CAMERA_COORDINATE), 2),
    // Rounded, then clamped: rounding to significant digits can step just outside the range.
    zoom: clamp(Number(clamp(camera.zoom, MIN_ZOOM, MAX_ZOOM).toPrecision(ZOOM_DIGITS)), MIN_ZOOM, MAX_ZOOM),
  };
}

function normalQuery(query: string): string {
  return Array.from(query.toWellFormed()).slice(0, MAX_QUERY_LENGTH).join('');
}

/** `encodeURIComponent` leaves `!'()*` as they are; escaping them keeps `(none)` free for `NO_ACTOR`. */
function encodeItem(value: string): string {
  return encodeURIComponent(value.toWellFormed()).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodeActors(actors: ReadonlySet<string>): string {
  // Code unit order, not locale order: the same on every machine.
  return [...actors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => (id === NO_ACTOR ? NO_ACTOR_TOKEN : encodeItem(id))).join(',');
}

function encodeKinds(all: readonly string[], hidden: ReadonlySet<string>): string {
  return all.filter((kind) => hidden.has(kind)).join(',');
}

export function encodeViewHash(state: ViewState): string {
  const parts: string[] = [];
  const add = (name: string, value: string): void => {
    if (value !== '') parts.push(`${name}=${value}`);
  };
  if (state.selectedId !== undefined) add(PARAMETER.selected, encodeItem(state.selectedId));
  if (state.focusDepth !== undefined) add(PARAMETER.depth, String(clampFocusDepth(state.focusDepth)));
  add(PARAMETER.hiddenActors, encodeActors(state.filter.hiddenActors));
  add(PARAMETER.hiddenNodeKinds, encodeKinds(NODE_KINDS, state.filter.hiddenNodeKinds));
  add(PARAMETER.hiddenEdgeKinds, encodeKinds(EDGE_KINDS, state.filter.hiddenEdgeKinds));
  if (state.language !== undefined) add(PARAMETER.language, state.language);
  const camera = state.camera && normalCamera(state.camera);
  if (camera !== undefined) add(PARAMETER.camera, [camera.x, camera.y, camera.zoom].map(String).join(','));
  if (state.query !== undefined) add(PARAMETER.query, encodeItem(normalQuery(state.query)));
  return parts.length === 0 ? `#${VIEW}` : `#${VIEW}?${parts.join('&')}`;
}

function decodeItem(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function decodeNumber(raw: string): number | undefined {
  if (!DECIMAL.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The raw (still encoded) value of each parameter; the first of repeated parameters wins. */
function rawParameters(query: string): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const part of query.split('&')) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals);
    if (!parameters.has(name)) parameters.set(name, part.slice(equals + 1));
  }
  return parameters;
}

function decodeHiddenActors(raw: string | undefined, actorIds: ReadonlySet<string>): Set<string> {
  const hidden = new Set<string>();
  for (const item of raw?.split(',') ?? []) {
    const id = item === NO_ACTOR_TOKEN ? NO_ACTOR : decodeItem(item);
    if (id !== undefined && (id === NO_ACTOR || actorIds.has(id))) hidden.add(id);
  }
  return hidden;
}

function decodeKinds<Kind extends string>(raw: string | undefined, all: readonly Kind[]): Set<Kind> {
  const items = new Set(raw?.split(',') ?? []);
  return new Set(all.filter((kind) => items.has(kind)));
}

function decodeCamera(raw: string | undefined): Camera | undefined {
  const numbers = raw?.split(',').map(decodeNumber);
  if (numbers?.length !== 3) return undefined;
  const [x, y, zoom] = numbers;
  return x === undefined || y === undefined || zoom === undefined ? undefined : normalCamera({ x, y, zoom });
}

/** The view state a hash carries, checked against `map`; undefined when the hash is not a view hash. */
export function decodeViewHash(hash: string, map: ArgMap): ViewState | undefined {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body !== VIEW && !body.startsWith(`${VIEW}?`)) return undefined;
  const parameters = rawParameters(body.slice(VIEW.length + 1));
  const read = (name: string): string | undefined => {
    const raw = parameters.get(name);
    return raw === undefined ? undefined : decodeItem(raw);
  };

  const selected = read(PARAMETER.selected);
  const depthText = parameters.get(PARAMETER.depth);
  const depth = depthText === undefined ? undefined : decodeNumber(depthText);
  const language = LANGUAGES.find((candidate) => candidate === parameters.get(PARAMETER.language));
  const camera = decodeCamera(parameters.get(PARAMETER.camera));
  const query = read(PARAMETER.query);
  const filter: ViewFilter = {
    hiddenActors: decodeHiddenActors(parameters.get(PARAMETER.hiddenActors), new Set(map.actors.map((actor) => actor.id))),
    hiddenNodeKinds: decodeKinds(parameters.get(PARAMETER.hiddenNodeKinds), NODE_KINDS),
    hiddenEdgeKinds: decodeKinds(parameters.get(PARAMETER.hiddenEdgeKinds), EDGE_KINDS),
  };
  return {
    ...(selected !== undefined && map.nodes.some((node) => node.id === selected) && { selectedId: selected }),
    ...(depth !== undefined && { focusDepth: clampFocusDepth(depth) }),
    filter,
    ...(language !== undefined && { language }),
    ...(camera !== undefined && { camera }),
    ...(query !== undefined && query !== '' && { query: normalQuery(query) }),
  };
}
