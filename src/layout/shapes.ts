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

/** Arrowhead paths in a MARKER_SIZE square whose tip is at (MARKER_SIZE, MARKER_SIZE / 2). */
export function markerPath(shape: MarkerShape): string {
  const s = MARKER_SIZE;
  switch (shape) {
    case 'triangle':
      return `M0,1 L${s},${s / 2} L0,${s - 1} Z`;
    case 'tee':
      return `M${s - 1},0 L${s - 1},${s} M${s - 6},0 L${s - 6},${s}`;
    case 'chevron':
      return `M1,1 L${s - 1},${s / 2} L1,${s - 1}`;
    case 'diamond':
      return `M1,${s / 2} L${s / 2},1 L${s - 1},${s / 2} L${s / 2},${s - 1} Z`;
  }
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
