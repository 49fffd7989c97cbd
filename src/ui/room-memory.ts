/**
 * What this browser keeps of each autosaved map beside its document (which y-indexeddb keeps):
 * where the camera was, whether the map has changes its file does not have yet, and which map
 * was open last, so that a reload or a new tab brings the map back as it was left. Small values
 * in localStorage, by room key; where the page has no storage, nothing is kept and nothing fails.
 */
import type { Camera } from '../core/model.ts';

const LAST_MAP = 'argmap-last-map';
const CAMERA = 'argmap-camera:';
const UNSAVED = 'argmap-unsaved:';
/** A moving camera is written at most this often. */
const CAMERA_EVERY_MS = 250;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some private modes throw on reading it.
    return undefined;
  }
}

function read(name: string): string | undefined {
  try {
    return storage()?.getItem(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(name: string, value: string | undefined): void {
  try {
    if (value === undefined) storage()?.removeItem(name);
    else storage()?.setItem(name, value);
  } catch {
    // Full or refused: the map itself is not affected.
  }
}

/** The key of the map open last in this browser, when it was autosaved. */
export function lastMapKey(): string | undefined {
  return read(LAST_MAP);
}

export function rememberLastMap(key: string): void {
  if (read(LAST_MAP) !== key) write(LAST_MAP, key);
}

/** A stored camera as this version reads it: three finite numbers and a positive zoom, else none. */
export function parseCamera(text: string | undefined): Camera | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object') return undefined;
    const { x, y, zoom } = value as Record<string, unknown>;
    if (typeof x !== 'number' || typeof y !== 'number' || typeof zoom !== 'number') return undefined;
    if (![x, y, zoom].every(Number.isFinite) || zoom <= 0) return undefined;
    return { x, y, zoom };
  } catch {
    return undefined;
  }
}

export function recallCamera(key: string): Camera | undefined {
  return parseCamera(read(CAMERA + key));
}

const pendingCameras = new Map<string, Camera>();
let cameraTimer: ReturnType<typeof setTimeout> | undefined;

function flushCameras(): void {
  clearTimeout(cameraTimer);
  cameraTimer = undefined;
  for (const [key, camera] of pendingCameras) write(CAMERA + key, JSON.stringify({ x: camera.x, y: camera.y, zoom: camera.zoom }));
  pendingCameras.clear();
}

/** Keeps the camera of a map, throttled: a pan writes a few times a second, not at every frame. */
export function rememberCamera(key: string, camera: Camera): void {
  pendingCameras.set(key, camera);
  cameraTimer ??= setTimeout(flushCameras, CAMERA_EVERY_MS);
}

// A tab closed mid-pan still keeps where the camera came to.
globalThis.addEventListener?.('pagehide', flushCameras);

/** Whether the map under `key` has changes its file does not have (kept across reloads). */
export function hasUnsavedChanges(key: string): boolean {
  return read(UNSAVED + key) !== undefined;
}

export function rememberUnsaved(key: string, unsaved: boolean): void {
  if (hasUnsavedChanges(key) !== unsaved) write(UNSAVED + key, unsaved ? '1' : undefined);
}

/** Forgets everything kept of a deleted map. */
export function forgetRoom(key: string): void {
  pendingCameras.delete(key);
  write(CAMERA + key, undefined);
  write(UNSAVED + key, undefined);
  if (read(LAST_MAP) === key) write(LAST_MAP, undefined);
}
