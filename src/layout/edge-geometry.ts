/**
 * Where each relation is drawn: from the border of one box to the border of the other
 * (an undercut ends on the middle of the relation it attacks). Two nodes that attack each
 * other get one line with a bar at each end, drawn for the first of the two attacks
 * (`mutualAttackPartners`). Pure numbers, shared by the live view and the export.
 */
import { edgeLinks, type EdgeLinks } from '../core/edge-links.ts';
import type { ArgEdge, EdgeKind } from '../core/model.ts';
import { mutualAttackPartners } from '../core/mutual-attacks.ts';
import type { Position } from './layout-node.ts';
import { nodeSizes, type Extent } from './node-boxes.ts';

export interface EdgeSegment {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** For one line standing for two attacks that run both ways: the other attack's id. */
  readonly partnerId?: string;
}

/**
 * Which nodes each drawable edge joins, by their index in a coordinate array, and how big those
 * nodes are: worked out once per map and language, so that the lines can be redone from the
 * coordinates alone on every layout tick (a 20,000-node map's in a few milliseconds).
 */
export interface EdgeEnds {
  /** The edges whose ends are both placed, in the given order. */
  readonly edges: readonly ArgEdge[];
  /** Per edge: its source node's index. */
  readonly source: Int32Array;
  /** Per edge: its target node's index; for an undercut, -1 - the index of the edge it attacks. */
  readonly target: Int32Array;
  /** width, height of each node, by node index (`nodeSizes`). */
  readonly sizes: Float64Array;
  /**
   * Per line: the index in the given edges of the attack that runs the other way, which this one
   * line also stands for (bars at both ends), or -1.
   */
  readonly partner: Int32Array;
}

/** `links`: those of `edges` (`edgeLinks`); a node without a size (NaN) is not drawn, nor are its edges. */
export function edgeEnds(edges: readonly ArgEdge[], links: EdgeLinks, sizes: Float64Array): EdgeEnds {
  // NaN, and undefined beyond the sizes, are not at least 0.
  const sized = (index: number): boolean => index >= 0 && sizes[2 * index]! >= 0;
  /** By edge: the index of its line, or -1 while it has none. */
  const lineOfEdge = new Int32Array(edges.length).fill(-1);
  const drawn: ArgEdge[] = [];
  const source = new Int32Array(edges.length);
  const target = new Int32Array(edges.length);
  const partners = mutualAttackPartners(edges);
  const partner = new Int32Array(edges.length).fill(-1);
  const add = (edgeIndex: number, from: number, to: number) => {
    lineOfEdge[edgeIndex] = drawn.length;
    source[drawn.length] = from;
    target[drawn.length] = to;
    drawn.push(edges[edgeIndex]!);
  };
  // Relations between nodes first: an undercut ends on the middle of the line it attacks.
  edges.forEach((edge, index) => {
    if (edge.kind === 'undercut' || !sized(links.from[index]!) || !sized(links.to[index]!)) return;
    const other = partners[index]!;
    // The later attack of a mutual pair is drawn by the earlier one's line, with it.
    if (other >= 0 && other < index) {
      lineOfEdge[index] = lineOfEdge[other]!;
      partner[lineOfEdge[other]!] = index;
      return;
    }
    add(index, links.from[index]!, links.to[index]!);
  });
  edges.forEach((edge, index) => {
    if (edge.kind !== 'undercut' || !sized(links.from[index]!)) return;
    const attacked = links.to[index]!;
    if (attacked >= 0 && lineOfEdge[attacked]! >= 0) add(index, links.from[index]!, -1 - lineOfEdge[attacked]!);
  });
  return { edges: drawn, source: source.slice(0, drawn.length), target: target.slice(0, drawn.length), sizes, partner: partner.slice(0, drawn.length) };
}

/**
 * Where the ray from a box's centre (cx, cy) of size w × h towards (tx, ty) leaves it, written
 * to `out` at `at`.
 */
function writeExitPoint(out: Float64Array, at: number, cx: number, cy: number, w: number, h: number, tx: number, ty: number): void {
  const dx = tx - cx;
  const dy = ty - cy;
  const scaleX = dx === 0 ? Infinity : w / 2 / Math.abs(dx);
  const scaleY = dy === 0 ? Infinity : h / 2 / Math.abs(dy);
  const scale = dx === 0 && dy === 0 ? 0 : Math.min(scaleX, scaleY, 1);
  out[at] = cx + dx * scale;
  out[at + 1] = cy + dy * scale;
}

/**
 * The lines of `ends.edges` at `coordinates` (x0, y0, x1, y1, … by node index): x1, y1, x2, y2
 * of edge i at 4i, from the border of one box to the border of the other.
 */
export function edgeLines({ source, target, sizes }: EdgeEnds, coordinates: Float64Array): Float64Array {
  const lines = new Float64Array(source.length * 4);
  // Undercuts come after every line they can attack.
  for (let line = 0; line < source.length; line += 1) {
    const from = source[line]!;
    const to = target[line]!;
    const sx = coordinates[2 * from]!;
    const sy = coordinates[2 * from + 1]!;
    if (to >= 0) {
      const tx = coordinates[2 * to]!;
      const ty = coordinates[2 * to + 1]!;
      writeExitPoint(lines, 4 * line, sx, sy, sizes[2 * from]!, sizes[2 * from + 1]!, tx, ty);
      writeExitPoint(lines, 4 * line + 2, tx, ty, sizes[2 * to]!, sizes[2 * to + 1]!, sx, sy);
    } else {
      const attacked = 4 * (-1 - to);
      const tx = (lines[attacked]! + lines[attacked + 2]!) / 2;
      const ty = (lines[attacked + 1]! + lines[attacked + 3]!) / 2;
      writeExitPoint(lines, 4 * line, sx, sy, sizes[2 * from]!, sizes[2 * from + 1]!, tx, ty);
      lines[4 * line + 2] = tx;
      lines[4 * line + 3] = ty;
    }
  }
  return lines;
}

/** The same lines as records, for the SVG view and the export. */
export function edgeSegments(
  edges: readonly ArgEdge[],
  positions: ReadonlyMap<string, Position>,
  boxes: ReadonlyMap<string, Extent>,
): EdgeSegment[] {
  const indexById = new Map<string, number>();
  const coordinates = new Float64Array(positions.size * 2);
  for (const { id, x, y } of positions.values()) {
    coordinates[2 * indexById.size] = x;
    coordinates[2 * indexById.size + 1] = y;
    indexById.set(id, indexById.size);
  }
  const ends = edgeEnds(edges, edgeLinks(edges, indexById), nodeSizes([...indexById.keys()], boxes));
  const lines = edgeLines(ends, coordinates);
  const byId = new Map(
    ends.edges.map(({ id, kind, from, to }, line): [string, EdgeSegment] => {
      const partner = ends.partner[line]!;
      const segment = { id, kind, from, to, x1: lines[4 * line]!, y1: lines[4 * line + 1]!, x2: lines[4 * line + 2]!, y2: lines[4 * line + 3]! };
      return [id, partner >= 0 ? { ...segment, partnerId: edges[partner]!.id } : segment];
    }),
  );
  return edges.flatMap((edge) => byId.get(edge.id) ?? []);
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
