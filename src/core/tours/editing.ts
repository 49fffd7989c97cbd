/**
 * Editing tours, and saving a layout, without mutation: every operation returns a new map made of
 * new objects and leaves its input as it was (the session keeps earlier maps for undo). An edit
 * that names a missing tour or step, or that would break a rule of the format (a tour has 1 to 500
 * steps, a map at most 200 tours, a text at most 10,000 characters, a title or caption at least
 * one language: the schema's limits, from `format-limits.ts`), returns the input map itself: a
 * caller sees "nothing changed" by identity. Cameras and positions are moved into the format's
 * range instead, as a view far off the map is still a view of it. So every map these operations
 * make is one the reader accepts.
 */
import type { ArgMap, Bilingual, Camera, Point, Tour, TourStep } from '../model.ts';
import type { Position } from '../../layout/layout-node.ts';
import { cameraInRange, fitsTextLimit, MAX_ID_LENGTH, MAX_STEP_IDS, MAX_STEPS_PER_TOUR, MAX_TOURS, positionInRange } from '../format-limits.ts';
import { isBlank } from '../validate/sanitize.ts';
import { shownBeforeStep } from './playback.ts';
import { slugify } from './slug.ts';

/** Fields to change in a step; `camera: undefined` or `notes: undefined` removes them. */
export interface StepPatch {
  readonly reveal?: readonly string[];
  readonly focus?: readonly string[];
  readonly camera?: Camera;
  readonly caption?: Bilingual;
  readonly notes?: Bilingual;
}

/** Inserts `step` at `atIndex` (clamped into the tour), or after the last step. */
export function addStep(map: ArgMap, tourId: string, step: TourStep, atIndex?: number): ArgMap {
  return changeTour(map, tourId, (tour) => {
    if (tour.steps.length >= MAX_STEPS_PER_TOUR) return undefined;
    const index = atIndex === undefined || Number.isNaN(atIndex)
      ? tour.steps.length
      : Math.min(tour.steps.length, Math.max(0, Math.trunc(atIndex)));
    return withSteps(tour, [...tour.steps.slice(0, index), copyStep(step), ...tour.steps.slice(index)]);
  });
}

export function updateStep(map: ArgMap, tourId: string, stepIndex: number, patch: StepPatch): ArgMap {
  return changeTour(map, tourId, (tour) => {
    const step = tour.steps[stepIndex];
    if (step === undefined) return undefined;
    // `in`, not `!== undefined`: a patch that names camera or notes as undefined removes them.
    const camera = 'camera' in patch ? patch.camera : step.camera;
    const notes = 'notes' in patch ? patch.notes : step.notes;
    const updated = copyStep({
      reveal: patch.reveal ?? step.reveal,
      focus: patch.focus ?? step.focus,
      ...(camera ? { camera } : {}),
      caption: patch.caption ?? step.caption,
      ...(notes ? { notes } : {}),
    });
    return withSteps(tour, tour.steps.map((other, index) => (index === stepIndex ? updated : other)));
  });
}

/** Moves a step to another place; what it reveals then appears at its new place in the tour. */
export function moveStep(map: ArgMap, tourId: string, fromIndex: number, toIndex: number): ArgMap {
  return changeTour(map, tourId, (tour) => {
    const step = tour.steps[fromIndex];
    if (step === undefined || !isStepIndex(tour, toIndex) || fromIndex === toIndex) return undefined;
    const others = tour.steps.filter((_, index) => index !== fromIndex);
    return withSteps(tour, [...others.slice(0, toIndex), step, ...others.slice(toIndex)]);
  });
}

/**
 * Deletes a step. What it showed (its reveal, and its focus, which is shown too) becomes part of
 * the next step's reveal, so every later step still shows what it showed before. The only step of a tour is never deleted (a tour has at least one step):
 * removing a whole tour, with its title, is `deleteTour`, a separate and deliberate action.
 */
export function deleteStep(map: ArgMap, tourId: string, stepIndex: number): ArgMap {
  return changeTour(map, tourId, (tour) => {
    const deleted = tour.steps[stepIndex];
    if (deleted === undefined || tour.steps.length <= 1) return undefined;
    const steps = tour.steps.filter((_, index) => index !== stepIndex);
    const next = steps[stepIndex];
    if (next === undefined) return withSteps(tour, steps);
    const inherited = copyStep({ ...next, reveal: [...new Set([...deleted.reveal, ...deleted.focus, ...next.reveal])] });
    return withSteps(tour, steps.map((step, index) => (index === stepIndex ? inherited : step)));
  });
}

export interface NewTour {
  /** Wanted id; made unique among the map's tours. Without one, the id comes from the title. */
  readonly id?: string;
  readonly title: Bilingual;
  /** A tour has at least one step; without one, the first step shows nothing and says the title. */
  readonly firstStep?: TourStep;
}

/** Adds a tour at the end; undefined when the map already holds the most tours a file may. */
export function addTour(map: ArgMap, newTour: NewTour): { readonly map: ArgMap; readonly tourId: string } | undefined {
  const tours = map.tours ?? [];
  if (tours.length >= MAX_TOURS) return undefined;
  const wanted = newTour.id !== undefined && newTour.id.length > 0 ? newTour.id.toWellFormed() : slugify(newTour.title.en ?? '', 'tour');
  const tourId = uniqueTourId(tours, wanted);
  const firstStep = newTour.firstStep ?? { reveal: [], focus: [], caption: newTour.title };
  const tour: Tour = { id: tourId, title: copyBilingual(newTour.title), steps: [copyStep(firstStep)] };
  if (!tourFitsFormat(tour, map)) return undefined;
  return { map: withTours(map, [...tours, tour]), tourId };
}

/** A map without tours keeps no empty `tours` list. */
export function deleteTour(map: ArgMap, tourId: string): ArgMap {
  const tours = map.tours ?? [];
  const kept = tours.filter((tour) => tour.id !== tourId);
  return kept.length === tours.length ? map : withTours(map, kept);
}

export function renameTour(map: ArgMap, tourId: string, title: Bilingual): ArgMap {
  return changeTour(map, tourId, (tour) => ({ id: tour.id, title: copyBilingual(title), steps: tour.steps }));
}

/** The view on screen when the presenter records a step. */
export interface RecordedView {
  readonly shownNodeIds: Iterable<string>;
  readonly camera?: Camera;
  readonly caption: Bilingual;
  readonly notes?: Bilingual;
}

/**
 * A step that brings the view on screen, to be inserted at `atIndex` (after the last step when
 * absent): it reveals the shown nodes that the steps before it do not, in map order. Edges need no
 * listing, they follow their ends. Steps only add, so nodes that earlier steps show but the view
 * hides stay shown.
 */
export function recordStep(map: ArgMap, tour: Tour, view: RecordedView, atIndex: number = tour.steps.length): TourStep {
  const before = shownBeforeStep(map, tour, atIndex).nodes;
  const wanted = new Set(view.shownNodeIds);
  const reveal = map.nodes.filter((node) => wanted.has(node.id) && !before.has(node.id)).map((node) => node.id);
  return copyStep({
    reveal,
    focus: [],
    ...(view.camera ? { camera: view.camera } : {}),
    caption: view.caption,
    ...(view.notes ? { notes: view.notes } : {}),
  });
}

/**
 * "Save layout": every node with a place in `positions` carries it as its saved position, rounded
 * to 0.1 (finer is invisible and only bloats the file) and kept within the format's range.
 */
export function withPositions(map: ArgMap, positions: readonly Position[]): ArgMap {
  const placeById = new Map<string, Point>();
  for (const { id, x, y } of positions) {
    if (Number.isFinite(x) && Number.isFinite(y)) placeById.set(id, { x: savedCoordinate(x), y: savedCoordinate(y) });
  }
  return {
    ...map,
    nodes: map.nodes.map((node) => {
      const position = placeById.get(node.id);
      return position === undefined ? node : { ...node, position };
    }),
  };
}

function savedCoordinate(value: number): number {
  const rounded = Math.round(positionInRange(value) * 10) / 10;
  // -0 would be written as 0 anyway; normalising keeps saved maps equal to reloaded ones.
  return rounded === 0 ? 0 : rounded;
}

function changeTour(map: ArgMap, tourId: string, change: (tour: Tour) => Tour | undefined): ArgMap {
  const tours = map.tours ?? [];
  const index = tours.findIndex((tour) => tour.id === tourId);
  const tour = tours[index];
  const changed = tour === undefined ? undefined : change(tour);
  if (changed === undefined || !tourFitsFormat(changed, map)) return map;
  return withTours(map, tours.map((other, otherIndex) => (otherIndex === index ? changed : other)));
}

/**
 * Whether a title, caption or notes fits the format: within the length limit in each language,
 * and with visible text in at least one (the reader refuses a blank title or caption).
 */
export function textFitsFormat(text: Bilingual): boolean {
  const languages = [text.zh, text.en].filter((value) => value !== undefined);
  return languages.every(fitsTextLimit) && languages.some((value) => !isBlank(value));
}

/** The schema's rules for one tour, and that its steps name only the map's nodes and edges. */
function tourFitsFormat(tour: Tour, map: ArgMap): boolean {
  const elementIds = new Set<string>();
  for (const node of map.nodes) elementIds.add(node.id);
  for (const edge of map.edges) elementIds.add(edge.id);
  const known = (id: string): boolean => elementIds.has(id);
  return (
    validId(tour.id) &&
    textFitsFormat(tour.title) &&
    tour.steps.length >= 1 &&
    tour.steps.length <= MAX_STEPS_PER_TOUR &&
    tour.steps.every(
      (step) =>
        textFitsFormat(step.caption) &&
        (step.notes === undefined || textFitsFormat(step.notes)) &&
        step.reveal.length <= MAX_STEP_IDS &&
        step.focus.length <= MAX_STEP_IDS &&
        step.reveal.every(known) &&
        step.focus.every(known),
    )
  );
}

function validId(id: string): boolean {
  return id.length > 0 && Array.from(id).length <= MAX_ID_LENGTH;
}

function withTours(map: ArgMap, tours: readonly Tour[]): ArgMap {
  const { tours: _replaced, ...rest } = map;
  return tours.length > 0 ? { ...rest, tours } : rest;
}

function withSteps(tour: Tour, steps: readonly TourStep[]): Tour {
  return { id: tour.id, title: tour.title, steps };
}

function isStepIndex(tour: Tour, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < tour.steps.length;
}

function uniqueTourId(tours: readonly Tour[], wanted: string): string {
  const taken = new Set(tours.map((tour) => tour.id));
  // Cut by code points, as the schema counts them, so that no surrogate pair is split.
  const characters = Array.from(wanted);
  const base = characters.slice(0, MAX_ID_LENGTH).join('');
  if (!taken.has(base)) return base;
  for (let number = 2; ; number += 1) {
    const suffix = `-${number}`;
    const candidate = `${characters.slice(0, MAX_ID_LENGTH - suffix.length).join('')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Copies the caller's arrays and objects, so that changing them later cannot reach into the map;
 * the camera is moved into the format's range (and dropped when it has no finite numbers).
 */
function copyStep(step: TourStep): TourStep {
  const camera = step.camera && cameraInRange(step.camera);
  return {
    reveal: [...step.reveal],
    focus: [...step.focus],
    ...(camera ? { camera } : {}),
    caption: copyBilingual(step.caption),
    ...(step.notes ? { notes: copyBilingual(step.notes) } : {}),
  };
}

function copyBilingual(text: Bilingual): Bilingual {
  return { ...(text.zh !== undefined ? { zh: text.zh } : {}), ...(text.en !== undefined ? { en: text.en } : {}) };
}
