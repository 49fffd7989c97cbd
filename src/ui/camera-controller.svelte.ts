/**
 * The map's camera, the same for either renderer: d3-zoom on the map's root element
 * (wheel, drag on the background, pinch) writes the transform; the app moves it by gliding
 * or jumping. Framework-free apart from the one reactive field.
 */
import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Attachment } from 'svelte/attachments';
import type { Point } from '../core/model.ts';
import type { Bounds } from '../layout/bounds.ts';
import { MAX_ZOOM, MIN_ZOOM, SMALLEST_ZOOM } from './camera.ts';

const CAMERA_MOVE_MS = 350;
/** A person can zoom out until the whole map takes this share of the screen, however big the map. */
const WHOLE_MAP_SHARE = 0.5;

/**
 * The smallest zoom: the usual limit, or less when that would not show a big map whole, but
 * never below the camera's range, which a link or a tour step can record.
 */
export function minimumZoom(bounds: Bounds, viewportWidth: number, viewportHeight: number): number {
  if (!(viewportWidth > 0 && viewportHeight > 0)) return MIN_ZOOM;
  const wholeMap = Math.min(viewportWidth / bounds.width, viewportHeight / bounds.height) * WHOLE_MAP_SHARE;
  // NaN (bounds not yet known) fails every comparison: the usual limit then holds.
  return wholeMap < MIN_ZOOM ? Math.max(SMALLEST_ZOOM, wholeMap) : MIN_ZOOM;
}

export class CameraController {
  transform = $state.raw<ZoomTransform>(zoomIdentity);
  /** Whether the camera can be moved yet: its element is on the page. */
  ready = $state.raw(false);
  /** Whether a person has moved the camera (as opposed to the app moving it). */
  movedByPerson = false;

  #element: Element | undefined;
  #behaviour: ZoomBehavior<Element, unknown> | undefined;
  #minZoom = MIN_ZOOM;
  readonly #onMoved: (transform: ZoomTransform) => void;

  /** `onMoved`: called when a move (by a person or by the app) comes to an end. */
  constructor(onMoved: (transform: ZoomTransform) => void) {
    this.#onMoved = onMoved;
  }

  readonly attach: Attachment<Element> = (element) => {
    const behaviour = zoom<Element, unknown>()
      .scaleExtent([this.#minZoom, MAX_ZOOM])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        this.transform = event.transform;
        if (event.sourceEvent) this.movedByPerson = true;
      })
      .on('end', (event: { transform: ZoomTransform }) => this.#onMoved(event.transform));
    this.#element = element;
    this.#behaviour = behaviour;
    // Double-click releases a pinned node; it must not also zoom.
    select(element).call(behaviour).on('dblclick.zoom', null);
    this.ready = true;
    return () => {
      select(element).on('.zoom', null);
      this.#element = undefined;
      this.#behaviour = undefined;
      this.ready = false;
    };
  };

  setMinZoom(minZoom: number): void {
    this.#minZoom = minZoom;
    this.#behaviour?.scaleExtent([minZoom, MAX_ZOOM]);
  }

  /** Glides to a transform; instantly under prefers-reduced-motion. */
  glideTo(transform: ZoomTransform): void {
    if (!this.#element || !this.#behaviour) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    select(this.#element).transition().duration(reducedMotion ? 0 : CAMERA_MOVE_MS).call(this.#behaviour.transform, transform);
  }

  /** A point of the page (client coordinates) on the map drawn in `surface`, in map coordinates. */
  mapPointAt(surface: Element, clientX: number, clientY: number): Point {
    const frame = surface.getBoundingClientRect();
    const [x, y] = this.transform.invert([clientX - frame.left, clientY - frame.top]);
    return { x, y };
  }

  jumpTo(transform: ZoomTransform): void {
    if (!this.#element || !this.#behaviour) return;
    select(this.#element).call(this.#behaviour.transform, transform);
  }
}
