/**
 * Playing a tour: what one step shows, stresses, says and adds to the picture. The rules are the
 * schema's: a step shows everything revealed (or focused) by it and by the steps before it, an
 * edge id brings its ends, and an edge is drawn once both of its ends are drawn (an undercut once
 * its author and the edge it attacks are). Steps only ever add, so nodes never vanish and the
 * layout never reshuffles while a tour plays.
 */
import type { ArgEdge, ArgMap, Bilingual, Camera, Tour, TourStep } from '../model.ts';

export interface ShownItems {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export interface StepView {
  /** The step this view is of, 0-based, after clamping into the tour. */
  readonly stepIndex: number;
  readonly stepCount: number;
  /** Everything on screen at this step. */
  readonly shown: ShownItems;
  /** What this step puts on screen that the step before did not: for the reveal animation. */
  readonly added: ShownItems;
  /** The node and edge ids stressed in this step, exactly as the step names them; empty stresses nothing. */
  readonly focus: ReadonlySet<string>;
  /** The nodes the focus is about: the focused nodes and the ends of the focused edges (for framing). */
  readonly focusNodes: ReadonlySet<string>;
  readonly camera?: Camera;
  readonly caption: Bilingual;
  readonly notes?: Bilingual;
}

const NOTHING: ShownItems = { nodes: new Set(), edges: new Set() };

export function stepCount(tour: Tour): number {
  return tour.steps.length;
}

/** A step index any caller may pass (a URL, a key press past the end) turned into a step of the tour. */
export function clampStepIndex(tour: Tour, stepIndex: number): number {
  const last = Math.max(0, tour.steps.length - 1);
  if (Number.isNaN(stepIndex)) return 0;
  return Math.min(last, Math.max(0, Math.trunc(stepIndex)));
}

/**
 * The view of step `stepIndex` (clamped into the tour). A tour without steps (possible only for a
 * map built in code: the schema asks for one) gives an empty view, so a caller never has to guard.
 */
export function stepView(map: ArgMap, tour: Tour, stepIndex: number): StepView {
  const index = clampStepIndex(tour, stepIndex);
  const step = tour.steps[index];
  if (step === undefined) return { stepIndex: 0, stepCount: 0, shown: NOTHING, added: NOTHING, focus: new Set(), focusNodes: new Set(), caption: {} };
  const elements = new MapElements(map);
  const before = elements.shownBy(tour.steps.slice(0, index));
  const shown = elements.shownBy(tour.steps.slice(0, index + 1));
  const focus = new Set(step.focus.filter((id) => elements.has(id)));
  return {
    stepIndex: index,
    stepCount: tour.steps.length,
    shown,
    added: { nodes: difference(shown.nodes, before.nodes), edges: difference(shown.edges, before.edges) },
    focus,
    focusNodes: elements.endsOf(focus),
    ...(step.camera ? { camera: step.camera } : {}),
    caption: step.caption,
    ...(step.notes ? { notes: step.notes } : {}),
  };
}

/** What the steps before `stepIndex` have put on screen: the picture a new step at that index adds to. */
export function shownBeforeStep(map: ArgMap, tour: Tour, stepIndex: number): ShownItems {
  const end = Math.max(0, Math.min(tour.steps.length, Math.trunc(stepIndex) || 0));
  return new MapElements(map).shownBy(tour.steps.slice(0, end));
}

function difference(all: ReadonlySet<string>, old: ReadonlySet<string>): Set<string> {
  return new Set([...all].filter((id) => !old.has(id)));
}

/** The map's nodes and edges by id, and the reveal rules over them. */
class MapElements {
  readonly #nodeIds: ReadonlySet<string>;
  readonly #edges: ReadonlyMap<string, ArgEdge>;
  readonly #edgeOrder: readonly ArgEdge[];

  constructor(map: ArgMap) {
    this.#nodeIds = new Set(map.nodes.map((node) => node.id));
    this.#edges = new Map(map.edges.map((edge) => [edge.id, edge]));
    this.#edgeOrder = map.edges;
  }

  has(id: string): boolean {
    return this.#nodeIds.has(id) || this.#edges.has(id);
  }

  /** The nodes that the given ids stand for: a node itself, an edge its ends (an undercut, its author and the attacked edge's ends). */
  endsOf(ids: Iterable<string>): Set<string> {
    const nodes = new Set<string>();
    const visitedEdges = new Set<string>();
    const visit = (id: string): void => {
      if (this.#nodeIds.has(id)) {
        nodes.add(id);
        return;
      }
      const edge = this.#edges.get(id);
      // The visited set stops an undercut cycle, which only an unvalidated map can hold.
      if (edge === undefined || visitedEdges.has(id)) return;
      visitedEdges.add(id);
      visit(edge.from);
      visit(edge.to);
    };
    for (const id of ids) visit(id);
    return nodes;
  }

  shownBy(steps: readonly TourStep[]): ShownItems {
    const nodes = this.endsOf(steps.flatMap((step) => [...step.reveal, ...step.focus]));
    return { nodes, edges: this.#edgesBetween(nodes) };
  }

  /** The edges whose ends are all on screen, in map order. */
  #edgesBetween(nodes: ReadonlySet<string>): Set<string> {
    const drawn = new Map<string, boolean>();
    const isDrawn = (edge: ArgEdge): boolean => {
      const known = drawn.get(edge.id);
      if (known !== undefined) return known;
      // Marked first, so an undercut cycle in an unvalidated map ends as "not drawn".
      drawn.set(edge.id, false);
      const target = edge.kind === 'undercut' ? this.#edges.get(edge.to) : undefined;
      const result = nodes.has(edge.from) && (target === undefined ? nodes.has(edge.to) : isDrawn(target));
      drawn.set(edge.id, result);
      return result;
    };
    return new Set(this.#edgeOrder.filter(isDrawn).map((edge) => edge.id));
  }
}

const PRESENT_PREFIX = '#present/';
/** The schema's longest id. */
const MAX_TOUR_ID_LENGTH = 200;
/** Nine digits: any real step number, and always a safe integer. */
const STEP_NUMBER = /^[0-9]{1,9}$/;

export interface PresentLocation {
  readonly tourId: string;
  /** 0-based; may lie past the tour's end, which `stepView` clamps. */
  readonly stepIndex: number;
}

/** The URL hash of a step being presented: `#present/<tour id>/<step number from 1>`. */
export function presentHash(tourId: string, stepIndex: number): string {
  const stepNumber = Number.isFinite(stepIndex) ? Math.max(0, Math.trunc(stepIndex)) + 1 : 1;
  // toWellFormed: encodeURIComponent throws on a lone surrogate, and this must not.
  return `${PRESENT_PREFIX}${encodeURIComponent(tourId.toWellFormed())}/${stepNumber}`;
}

/**
 * Reads a hash written by `presentHash`; `#present/<tour id>` alone means its first step. Anything
 * else (another hash, a malformed escape, an empty id, step 0, a step number of ten digits or more)
 * is undefined. A hash comes from whoever shared the link, so this never throws.
 */
export function parsePresentHash(hash: string): PresentLocation | undefined {
  if (!hash.startsWith(PRESENT_PREFIX)) return undefined;
  const [encodedId, stepText, ...rest] = hash.slice(PRESENT_PREFIX.length).split('/');
  if (encodedId === undefined || rest.length > 0) return undefined;
  const tourId = decodeComponent(encodedId);
  if (tourId === undefined || tourId.length === 0 || tourId.length > MAX_TOUR_ID_LENGTH) return undefined;
  if (stepText === undefined) return { tourId, stepIndex: 0 };
  if (!STEP_NUMBER.test(stepText)) return undefined;
  const stepNumber = Number(stepText);
  return stepNumber >= 1 ? { tourId, stepIndex: stepNumber - 1 } : undefined;
}

function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
