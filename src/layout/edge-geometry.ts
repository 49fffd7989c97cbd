/**
 * Where each relation is drawn: from the border of one box to the border of the other
 * (an undercut ends on the middle of the relation it attacks). Pure numbers, shared by
 * the live view and the export.
 */
import type { ArgEdge, EdgeKind } from '../core/model.ts';
import type { Position } from './layout-node.ts';
import type { Extent } from './node-boxes.ts';

export interface EdgeSegment {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

interface Box extends Extent {
  readonly x: number;
  readonly y: number;
}

/** The point where the ray from the box's centre towards (tx, ty) leaves the box. */
function exitPoint(box: Box, tx: number, ty: number): { x: number; y: number } {
  const dx = tx - box.x;
  const dy = ty - box.y;
  if (dx === 0 && dy === 0) return { x: box.x, y: box.y };
  const scaleX = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const scaleY = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const scale = Math.min(scaleX, scaleY, 1);
  return { x: box.x + dx * scale, y: box.y + dy * scale };
}

export function edgeSegments(
  edges: readonly ArgEdge[],
  positions: ReadonlyMap<string, Position>,
  boxes: ReadonlyMap<string, Extent>,
): EdgeSegment[] {
  const boxOf = (id: string): Box | undefined => {
    const position = positions.get(id);
    const extent = boxes.get(id);
    return position && extent ? { x: position.x, y: position.y, width: extent.width, height: extent.height } : undefined;
  };
  const segments = new Map<string, EdgeSegment>();
  const between = (edge: ArgEdge, source: Box, tx: number, ty: number, target?: Box): EdgeSegment => {
    const start = exitPoint(source, tx, ty);
    const end = target ? exitPoint(target, source.x, source.y) : { x: tx, y: ty };
    return { id: edge.id, kind: edge.kind, from: edge.from, to: edge.to, x1: start.x, y1: start.y, x2: end.x, y2: end.y };
  };

  for (const edge of edges) {
    if (edge.kind === 'undercut') continue;
    const source = boxOf(edge.from);
    const target = boxOf(edge.to);
    if (source && target) segments.set(edge.id, between(edge, source, target.x, target.y, target));
  }
  for (const edge of edges) {
    if (edge.kind !== 'undercut') continue;
    const source = boxOf(edge.from);
    const attacked = segments.get(edge.to);
    if (source && attacked) {
      segments.set(edge.id, between(edge, source, (attacked.x1 + attacked.x2) / 2, (attacked.y1 + attacked.y2) / 2));
    }
  }
  return edges.flatMap((edge) => segments.get(edge.id) ?? []);
}

export interface Rectangle {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface LineEnds {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * The part of a line inside a rectangle (Liang–Barsky), or undefined when it misses it. A canvas
 * dashes the whole of a line it strokes, off screen too, and a long dashed line across a big map
 * costs a software rasteriser tens of milliseconds a frame. The cut start moves back to a whole
 * number of dash periods from the true start, so dashes stay put while the map pans.
 */
export function visiblePart(line: LineEnds, rectangle: Rectangle, dashPeriod = 0): LineEnds | undefined {
  const dx = line.x2 - line.x1;
  const dy = line.y2 - line.y1;
  let enter = 0;
  let leave = 1;
  const bounds: readonly (readonly [number, number])[] = [
    [-dx, line.x1 - rectangle.left],
    [dx, rectangle.right - line.x1],
    [-dy, line.y1 - rectangle.top],
    [dy, rectangle.bottom - line.y1],
  ];
  for (const [direction, room] of bounds) {
    if (direction === 0) {
      if (room < 0) return undefined;
      continue;
    }
    const at = room / direction;
    if (direction < 0) enter = Math.max(enter, at);
    else leave = Math.min(leave, at);
    if (enter > leave) return undefined;
  }
  const length = Math.hypot(dx, dy);
  if (dashPeriod > 0 && length > 0) enter = (Math.floor((enter * length) / dashPeriod) * dashPeriod) / length;
  return { x1: line.x1 + enter * dx, y1: line.y1 + enter * dy, x2: line.x1 + leave * dx, y2: line.y1 + leave * dy };
}
