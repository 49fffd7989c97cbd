/**
 * What the map stresses and what it fades, shared by the SVG and the canvas renderer so
 * both draw the same emphasis: hovering lights a node's neighbours for a moment;
 * otherwise the display's stress (focus, path, a tour step) applies.
 */
import type { ArgEdge } from '../core/model.ts';

/**
 * What emphasis reads of an edge: a relation of the map, or its drawn segment; a line that
 * stands for two attacks both ways (`partnerId`) is stressed when either of them is.
 */
type Relation = Pick<ArgEdge, 'id' | 'kind' | 'from' | 'to'> & { readonly partnerId?: string | undefined };

export const FADED_NODE_OPACITY = 0.25;
export const FADED_EDGE_OPACITY = 0.15;
export const MATCH_RING_COLOUR = '#e69f00';
export const MATCH_RING_WIDTH = 4;
/** How far the search ring stands off a node's outline. */
export const MATCH_RING_GAP = 6;
export const SELECTED_STROKE = '#000';
export const SELECTED_STROKE_WIDTH = 3.5;
export const PIN_COLOUR = '#0072b2';
export const PIN_RADIUS = 4;
/** The projector theme thickens lines and borders, since a washed-out beamer keeps only strong contrast. */
export const PROJECTOR_EDGE_WIDTH = 3.5;
export const PROJECTOR_OUTLINE_WIDTH = 3;
export const PROJECTOR_TEXT_COLOUR = '#000';
export const ENTERING_MS = 600;

export interface Hover {
  readonly id: string;
  /** The hovered node and its neighbours. */
  readonly lit: ReadonlySet<string>;
  /**
   * The edge an undercut attacks, to count the undercut as touching that inference's ends. Only
   * a hover needs it, so a big map does not index its edges while it opens.
   */
  readonly edgeById: ReadonlyMap<string, ArgEdge>;
}

export interface Emphasis {
  readonly hover?: Hover;
  readonly stressed?: ReadonlySet<string>;
}

export function nodeFaded(emphasis: Emphasis, id: string): boolean {
  if (emphasis.hover) return !emphasis.hover.lit.has(id);
  return emphasis.stressed !== undefined && !emphasis.stressed.has(id);
}

export function edgeFaded(emphasis: Emphasis, segment: Relation): boolean {
  if (emphasis.hover) return !touches(emphasis.hover, segment);
  const stressed = emphasis.stressed;
  if (stressed === undefined) return false;
  if (segment.partnerId !== undefined && stressed.has(segment.partnerId)) return false;
  return !stressed.has(segment.id) && !(stressed.has(segment.from) && (stressed.has(segment.to) || segment.kind === 'undercut'));
}

/** Whether an edge meets the hovered node, counting an undercut as meeting the inference it attacks. */
function touches({ id, edgeById }: Hover, segment: Relation): boolean {
  if (segment.from === id || segment.to === id) return true;
  if (segment.kind !== 'undercut') return false;
  const attacked = edgeById.get(segment.to);
  return attacked !== undefined && (attacked.from === id || attacked.to === id);
}

export interface BadgeLook {
  readonly fill: string;
  readonly stroke: string;
  readonly text: string;
  readonly struckThrough: boolean;
}

export const BADGE_HEIGHT = 17;
export const BADGE_GAP = 4;
export const BADGE_FONT_SIZE = 11;

/** A badge is as wide as its text, never narrower than a round pill. */
export function badgeWidth(text: string): number {
  return Math.max(22, text.length * 7.5 + 10);
}

export const BADGE_LOOK = {
  in: { fill: '#009e73', stroke: '#00604a', text: '#fff', struckThrough: false },
  out: { fill: '#fff', stroke: '#d55e00', text: '#a04000', struckThrough: true },
  undec: { fill: '#f0e442', stroke: '#8a7f00', text: '#1a1a1a', struckThrough: false },
  count: { fill: '#1a1a1a', stroke: '#1a1a1a', text: '#fff', struckThrough: false },
  assumed: { fill: '#1a1a1a', stroke: '#1a1a1a', text: '#fff', struckThrough: false },
} as const satisfies Record<string, BadgeLook>;
