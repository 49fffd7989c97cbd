/** The shapes of boxes, arrowheads and label lines as numbers, for any renderer. */
import type { NodeKind } from '../core/model.ts';
import {
  CAPTION_LINE_HEIGHT, LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, NODE_APPEARANCE, type EdgeAppearance, type MarkerShape,
} from './appearance.ts';
import type { NodeBox } from './node-boxes.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly rx: number;
}

export interface NodeOutline {
  readonly outer: Rect;
  /** The inner line of an evidence box's double border. */
  readonly inner?: Rect;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
}

const INSET = 3.5;

/** A box centred on the node's position. */
export function nodeOutline(kind: NodeKind, width: number, height: number): NodeOutline {
  const look = NODE_APPEARANCE[kind];
  const rx = look.cornerRadius === 'pill' ? height / 2 : look.cornerRadius;
  const outer = { x: -width / 2, y: -height / 2, width, height, rx };
  const inner = look.inset
    ? { x: outer.x + INSET, y: outer.y + INSET, width: width - 2 * INSET, height: height - 2 * INSET, rx: 0 }
    : undefined;
  return { outer, ...(inner ? { inner } : {}), fill: look.fill, stroke: look.stroke, strokeWidth: look.strokeWidth };
}

export const MARKER_SIZE = 12;

/** One stroke of an arrowhead: points in order, closed back to the first or not. */
export interface MarkerStroke {
  readonly points: readonly (readonly [number, number])[];
  readonly closed: boolean;
}

/** Arrowheads in a MARKER_SIZE square whose tip is at (MARKER_SIZE, MARKER_SIZE / 2). */
export function markerStrokes(shape: MarkerShape): readonly MarkerStroke[] {
  const s = MARKER_SIZE;
  switch (shape) {
    case 'triangle':
      return [{ points: [[0, 1], [s, s / 2], [0, s - 1]], closed: true }];
    case 'tee':
      return [{ points: [[s - 1, 0], [s - 1, s]], closed: false }, { points: [[s - 6, 0], [s - 6, s]], closed: false }];
    case 'chevron':
      return [{ points: [[1, 1], [s - 1, s / 2], [1, s - 1]], closed: false }];
    case 'diamond':
      return [{ points: [[1, s / 2], [s / 2, 1], [s - 1, s / 2], [s / 2, s - 1]], closed: true }];
  }
}

/** The arrowhead as SVG path data. */
export function markerPath(shape: MarkerShape): string {
  return markerStrokes(shape)
    .map(({ points, closed }) => `M${points.map(([x, y]) => `${x},${y}`).join(' L')}${closed ? ' Z' : ''}`)
    .join(' ');
}

/** Support's arrowhead is solid; the others are outlines, a second cue besides colour. */
export function markerFill(look: EdgeAppearance): string {
  return look.marker === 'triangle' ? look.colour : 'none';
}

export interface LabelLayout {
  readonly fontSize: number;
  readonly lineHeight: number;
  /** Baseline of the first label line, relative to the box centre. */
  readonly firstBaseline: number;
  readonly captionBaseline: number;
}

export function labelLayout(box: NodeBox): LabelLayout {
  const textHeight = box.lines.length * LABEL_LINE_HEIGHT + (box.caption === undefined ? 0 : CAPTION_LINE_HEIGHT);
  const top = -textHeight / 2;
  // A line box's baseline sits about 0.8 of the font size below its top, plus half the leading.
  const baselineOffset = (LABEL_LINE_HEIGHT - LABEL_FONT_SIZE) / 2 + LABEL_FONT_SIZE * 0.88;
  return {
    fontSize: LABEL_FONT_SIZE,
    lineHeight: LABEL_LINE_HEIGHT,
    firstBaseline: top + baselineOffset,
    captionBaseline: top + box.lines.length * LABEL_LINE_HEIGHT + CAPTION_LINE_HEIGHT * 0.8,
  };
}
