/**
 * What is worth drawing at a zoom: text too small to read on screen costs a canvas dearly
 * and shows nothing, so it is left out, and edges of a map seen from afar are drawn light
 * and thin so that the boxes stay readable as a picture.
 */
import { CAPTION_FONT_SIZE, LABEL_FONT_SIZE } from './appearance.ts';
import { MARKER_SIZE } from './shapes.ts';

/** Text smaller than this many screen pixels is unreadable: its box is drawn without it. */
export const MIN_LEGIBLE_FONT_PX = 6;
/** An arrowhead smaller than this on screen is a smudge that hides the line's end. */
export const MIN_ARROWHEAD_PX = 5;
/** Below this zoom the whole map is in view and edges are texture, not detail. */
export const DISTANT_ZOOM = 0.25;

export interface LevelOfDetail {
  readonly labels: boolean;
  /**
   * Rounded corners and evidence's double border. Without them, boxes of one look are drawn
   * together as plain rectangles: what lets a whole big map be drawn in a frame.
   */
  readonly boxDetail: boolean;
  /** Captions and badges, whose text is about the caption's size. */
  readonly smallText: boolean;
  readonly arrowheads: boolean;
  /** Dashes at a distance blur into a grey line; solid lines are cheaper and read the same. */
  readonly dashes: boolean;
  /** Multiplies an edge's width (in map units). */
  readonly edgeWidthScale: number;
  /** Multiplies an edge's opacity. */
  readonly edgeOpacity: number;
}

/**
 * `settling`: while the layout streams in, boxes move every frame and neither text nor
 * arrowheads on them can be read; leaving them out keeps those frames short (drawing a
 * screenful of Chinese labels for the first time costs a software canvas over 100 ms, and a
 * map still bunched up at the start puts every arrowhead on screen at once).
 */
export function levelOfDetail(zoom: number, settling = false): LevelOfDetail {
  const legible = (fontSize: number) => !settling && fontSize * zoom >= MIN_LEGIBLE_FONT_PX;
  const distant = zoom < DISTANT_ZOOM;
  return {
    labels: legible(LABEL_FONT_SIZE),
    boxDetail: legible(LABEL_FONT_SIZE),
    smallText: legible(CAPTION_FONT_SIZE),
    arrowheads: !settling && MARKER_SIZE * zoom >= MIN_ARROWHEAD_PX,
    dashes: !distant,
    edgeWidthScale: distant ? 0.5 : 1,
    edgeOpacity: distant ? 0.5 : 1,
  };
}

/**
 * Edges whose lines on screen add up to more than this many CSS pixels (about 35 widths of a
 * 1,400-pixel screen) are drawn one device pixel wide. A software rasteriser strokes a hairline
 * several times faster than a wider line: in the middle of a 20,000-node map, long lines crossing
 * the screen (166,000 px of them) took 20 ms a frame at full width. In such a crowd thinner lines
 * also read better.
 */
export const CROWDED_EDGES_SCREEN_LENGTH = 50_000;

/** The width, in map units, edges are stroked at when their `screenLength` crowds the view; undefined when it does not. */
export function crowdedEdgeWidth(screenLength: number, zoom: number, pixelRatio: number): number | undefined {
  return screenLength > CROWDED_EDGES_SCREEN_LENGTH ? 1 / (zoom * pixelRatio) : undefined;
}
