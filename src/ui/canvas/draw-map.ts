/**
 * Draws the live map on a 2D canvas context: the same picture as the SVG view, from the
 * same shapes, appearance and emphasis rules, with no DOM beyond the context. What is off
 * screen is skipped, edges go into one path per look, and text too small to read is left out.
 */
import type { ArgEdge, ArgNode } from '../../core/model.ts';
import {
  CAPTION_COLOUR, CAPTION_FONT_SIZE, EDGE_APPEARANCE, FONT_FAMILY, TEXT_COLOUR, type EdgeAppearance,
} from '../../layout/appearance.ts';
import { visiblePart, type LineEnds, type Rectangle } from '../../layout/edge-geometry.ts';
import { crowdedEdgeWidth, levelOfDetail, type LevelOfDetail } from '../../layout/level-of-detail.ts';
import type { NodeBox } from '../../layout/node-boxes.ts';
import { labelLayout, markerFill, markerStrokes, MARKER_SIZE, nodeOutline, type NodeOutline, type Rect } from '../../layout/shapes.ts';
import type { MapDisplay, MapTheme, NodeBadge } from '../map-display.ts';
import { changedArea } from './changed-area.ts';
import {
  BADGE_FONT_SIZE, BADGE_GAP, BADGE_HEIGHT, BADGE_LOOK, badgeWidth, edgeFaded, FADED_EDGE_OPACITY, FADED_NODE_OPACITY,
  MATCH_RING_COLOUR, MATCH_RING_GAP, MATCH_RING_WIDTH, nodeFaded, PIN_COLOUR, PIN_RADIUS, PROJECTOR_EDGE_WIDTH,
  PROJECTOR_OUTLINE_WIDTH, PROJECTOR_TEXT_COLOUR, SELECTED_STROKE, SELECTED_STROKE_WIDTH, type Emphasis,
} from '../map-emphasis.ts';

/** What the drawing needs of a canvas context (a recording fake stands in for it in unit tests). */
export type MapContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform' | 'clearRect' | 'fillRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'rect' | 'roundRect'
  | 'arc' | 'closePath' | 'fillText' | 'save' | 'restore' | 'translate' | 'setLineDash' | 'clip'
  | 'globalAlpha' | 'strokeStyle' | 'fillStyle' | 'lineWidth' | 'font' | 'textAlign' | 'textBaseline'
>;

export interface CanvasScene {
  /** The drawn nodes, in drawing order (a later node covers an earlier one). */
  readonly nodes: readonly ArgNode[];
  /** The drawn edges, and their lines: x1, y1, x2, y2 of `edges[i]` at 4i. */
  readonly edges: readonly ArgEdge[];
  readonly lines: Float64Array;
  /**
   * Per drawn edge: the id of the attack running the other way that its line also stands for
   * (a bar at both ends, `EdgeEnds.partner`); none when absent.
   */
  readonly partnerIds?: readonly (string | undefined)[];
  /** Per drawn node, its index in `coordinates` and `sizes`; -1 for a node with no place. */
  readonly indices: Int32Array;
  /** x, y and width, height of node i at 2i and 2i + 1 (`nodeSizes`; NaN for a node without a box). */
  readonly coordinates: Float64Array;
  readonly sizes: Float64Array;
  /** The boxes' text, read only for the nodes on screen. */
  readonly boxes: ReadonlyMap<string, NodeBox>;
  readonly emphasis: Emphasis;
  readonly display: MapDisplay;
  readonly selectedId: string | undefined;
  /** Every selected node (shift-click, lasso), drawn as the selection too. */
  readonly selectedIds?: ReadonlySet<string>;
  /** Nodes marked with a pin dot. */
  readonly pins: ReadonlySet<string>;
  /** How far items in `display.entering` have faded in, from 0 to 1. */
  readonly enteringOpacity: number;
  readonly theme: MapTheme;
  /** The d3 zoom transform: screen = map × k + (x, y), in CSS pixels. */
  readonly camera: { readonly x: number; readonly y: number; readonly k: number };
  /** The canvas's size in CSS pixels, and backing-store pixels per CSS pixel. */
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  /** Whether the layout is still streaming in. */
  readonly settling: boolean;
}

/** What a drawing put on screen: the records of the nodes and edges in view, as drawn. */
export interface DrawnMap {
  readonly scene: CanvasScene;
  /** The part of the map on screen, in map units. */
  readonly view: Rectangle;
  readonly detail: LevelOfDetail;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** The width of a crowd of edges (`crowdedEdgeWidth`), when they are one. */
  readonly crowdedWidth: number;
}

/**
 * Draws the part of the map on screen. Given what the last drawing showed (`before`), only the
 * area where something changed is cleared and drawn again, clipped to whole device pixels, with
 * everything that reaches into it, in the same order and shapes as a whole drawing: the same
 * picture, but for a few levels of anti-aliasing where a dashed line crosses the area (Skia cuts
 * it to the clip before dashing). A software canvas spent most of an edit's frame on a
 * 5,000-node map drawing the whole screen again for one node.
 */
export function drawMap(context: MapContext, scene: CanvasScene, before?: DrawnMap): DrawnMap {
  const drawn = placeMap(scene);
  const area = before === undefined ? 'all' : changedArea(before, drawn);
  if (area !== 'none') paint(context, drawn, area === 'all' ? undefined : deviceArea(scene, area));
  return drawn;
}

function placeMap(scene: CanvasScene): DrawnMap {
  const { camera } = scene;
  const view: Rectangle = {
    left: -camera.x / camera.k,
    top: -camera.y / camera.k,
    right: (scene.width - camera.x) / camera.k,
    bottom: (scene.height - camera.y) / camera.k,
  };
  const detail = levelOfDetail(camera.k, scene.settling);
  const { edges, screenLength } = edgesInView(scene, view, detail);
  const crowdedWidth = crowdedEdgeWidth(screenLength, scene.camera.k, scene.pixelRatio) ?? Infinity;
  return { scene, view, detail, nodes: nodesInView(scene, view, detail), edges, crowdedWidth };
}

/** An area of the canvas in whole device pixels, and the same area in map units. */
interface DeviceArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly map: Rectangle;
}

/** Beyond this share of the canvas, drawing the part costs about what drawing the whole does. */
const MOST_OF_THE_CANVAS = 0.5;

/** `area` (map units) widened to whole device pixels and cut to the canvas; undefined when that is most of it. */
function deviceArea(scene: CanvasScene, area: Rectangle): DeviceArea | undefined {
  const { camera, pixelRatio } = scene;
  const canvasWidth = Math.round(scene.width * pixelRatio);
  const canvasHeight = Math.round(scene.height * pixelRatio);
  const toDevice = (value: number, shift: number) => (value * camera.k + shift) * pixelRatio;
  const left = Math.max(0, Math.floor(toDevice(area.left, camera.x)));
  const top = Math.max(0, Math.floor(toDevice(area.top, camera.y)));
  const right = Math.min(canvasWidth, Math.ceil(toDevice(area.right, camera.x)));
  const bottom = Math.min(canvasHeight, Math.ceil(toDevice(area.bottom, camera.y)));
  if ((right - left) * (bottom - top) > MOST_OF_THE_CANVAS * canvasWidth * canvasHeight) return undefined;
  const toMap = (value: number, shift: number) => (value / pixelRatio - shift) / camera.k;
  return {
    x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top),
    map: { left: toMap(left, camera.x), top: toMap(top, camera.y), right: toMap(right, camera.x), bottom: toMap(bottom, camera.y) },
  };
}

function paint(context: MapContext, drawn: DrawnMap, area: DeviceArea | undefined): void {
  const { scene } = drawn;
  const { camera, pixelRatio } = scene;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = 1;
  const clear = area ?? { x: 0, y: 0, width: scene.width * pixelRatio, height: scene.height * pixelRatio };
  if (area) {
    context.save();
    context.beginPath();
    context.rect(area.x, area.y, area.width, area.height);
    context.clip();
  }
  context.clearRect(clear.x, clear.y, clear.width, clear.height);
  if (scene.theme === 'projector') {
    context.fillStyle = '#fff';
    context.fillRect(clear.x, clear.y, clear.width, clear.height);
  }
  context.setTransform(pixelRatio * camera.k, 0, 0, pixelRatio * camera.k, pixelRatio * camera.x, pixelRatio * camera.y);
  const meets = (bounds: Rectangle) => !area || overlaps(bounds, area.map);
  drawEdges(context, drawn, meets);
  drawNodes(context, drawn, meets);
  if (area) context.restore();
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;
}

function entering(scene: CanvasScene, id: string): number {
  return scene.display.entering?.has(id) ? scene.enteringOpacity : 1;
}

/** An edge in view, as drawn: its whole line, the batch (kind and opacity) it is stroked in. */
export interface PlacedEdge {
  readonly edge: ArgEdge;
  readonly line: LineEnds;
  readonly batch: string;
  readonly opacity: number;
  readonly partnerId: string | undefined;
  /** What its stroke and arrowheads may cover, in map units. */
  readonly bounds: Rectangle;
}

/** How far past its line's ends an edge's arrowhead and stroke may reach (the projector's widest line). */
const EDGE_REACH = MARKER_SIZE + PROJECTOR_EDGE_WIDTH;

function edgesInView(scene: CanvasScene, view: Rectangle, detail: LevelOfDetail): { edges: PlacedEdge[]; screenLength: number } {
  const ends = scene.lines;
  const placed: PlacedEdge[] = [];
  let screenLength = 0;
  const screenDiagonal = Math.hypot(scene.width, scene.height);
  scene.edges.forEach((edge, index) => {
    const x1 = ends[4 * index]!;
    const y1 = ends[4 * index + 1]!;
    const x2 = ends[4 * index + 2]!;
    const y2 = ends[4 * index + 3]!;
    // An arrowhead reaches a marker's length past the line's bounding box at most.
    if (Math.max(x1, x2) + MARKER_SIZE < view.left || Math.min(x1, x2) - MARKER_SIZE > view.right) return;
    if (Math.max(y1, y2) + MARKER_SIZE < view.top || Math.min(y1, y2) - MARKER_SIZE > view.bottom) return;
    const partnerId = scene.partnerIds?.[index];
    const opacity = (edgeFaded(scene.emphasis, partnerId === undefined ? edge : { ...edge, partnerId }) ? FADED_EDGE_OPACITY : 1) * entering(scene, edge.id) * detail.edgeOpacity;
    placed.push({
      edge, line: { x1, y1, x2, y2 }, batch: `${edge.kind} ${opacity}`, opacity, partnerId,
      bounds: { left: Math.min(x1, x2) - EDGE_REACH, top: Math.min(y1, y2) - EDGE_REACH, right: Math.max(x1, x2) + EDGE_REACH, bottom: Math.max(y1, y2) + EDGE_REACH },
    });
    // A line is cut to the screen before it is stroked, so no more of it than the screen's diagonal is drawn.
    screenLength += Math.min(Math.hypot(x2 - x1, y2 - y1) * scene.camera.k, screenDiagonal);
  });
  return { edges: placed, screenLength };
}

interface EdgeBatch {
  readonly first: PlacedEdge;
  readonly lines: LineEnds[];
  readonly startBars: LineEnds[];
}

/**
 * The batches of `edges` in the order a whole drawing strokes them (that of their first edge in
 * view), each holding only the edges that `meets` accepts: a batch drawn over another covers it.
 */
function edgeBatches(edges: readonly PlacedEdge[], meets: (bounds: Rectangle) => boolean): Map<string, EdgeBatch> {
  const batches = new Map<string, EdgeBatch>();
  for (const placed of edges) {
    let batch = batches.get(placed.batch);
    if (!batch) batches.set(placed.batch, (batch = { first: placed, lines: [], startBars: [] }));
    if (!meets(placed.bounds)) continue;
    const { line } = placed;
    batch.lines.push(line);
    // The bar at the start is the end marker of the same line drawn backwards.
    if (placed.partnerId !== undefined) batch.startBars.push({ x1: line.x2, y1: line.y2, x2: line.x1, y2: line.y1 });
  }
  return batches;
}

function drawEdges(context: MapContext, drawn: DrawnMap, meets: (bounds: Rectangle) => boolean): void {
  const { scene, view, detail } = drawn;
  for (const { first, lines, startBars } of edgeBatches(drawn.edges, meets).values()) {
    if (lines.length === 0) continue;
    const look = EDGE_APPEARANCE[first.edge.kind];
    context.globalAlpha = first.opacity;
    context.strokeStyle = look.colour;
    context.lineWidth = Math.min(drawn.crowdedWidth, (scene.theme === 'projector' ? PROJECTOR_EDGE_WIDTH : look.width) * detail.edgeWidthScale);
    const dashes = detail.dashes && look.dash ? look.dash.split(' ').map(Number) : [];
    const dashPeriod = dashes.reduce((sum, length) => sum + length, 0);
    context.setLineDash(dashes);
    context.beginPath();
    for (const line of lines) {
      // Cut to the whole screen, as a whole drawing does, so that a part drawn again matches it.
      const visible = visiblePart(line, view, dashPeriod);
      if (!visible) continue;
      context.moveTo(visible.x1, visible.y1);
      context.lineTo(visible.x2, visible.y2);
    }
    context.stroke();
    context.setLineDash([]);
    if (detail.arrowheads) drawArrowheads(context, look, startBars.length === 0 ? lines : [...lines, ...startBars]);
  }
  context.globalAlpha = 1;
}
const MARKER_STROKE_WIDTH = 2;

/**
 * The SVG marker's shape at the end of each line, its tip on the end and pointing along the
 * line: one path for all of them, filled and stroked once.
 */
function drawArrowheads(context: MapContext, look: EdgeAppearance, lines: readonly LineEnds[]): void {
  const strokes = markerStrokes(look.marker);
  context.beginPath();
  for (const line of lines) {
    const length = Math.hypot(line.x2 - line.x1, line.y2 - line.y1);
    const cos = length === 0 ? 1 : (line.x2 - line.x1) / length;
    const sin = length === 0 ? 0 : (line.y2 - line.y1) / length;
    for (const { points, closed } of strokes) {
      points.forEach(([markerX, markerY], index) => {
        // The marker's tip (MARKER_SIZE, MARKER_SIZE / 2) goes to the line's end.
        const along = markerX - MARKER_SIZE;
        const across = markerY - MARKER_SIZE / 2;
        const x = line.x2 + along * cos - across * sin;
        const y = line.y2 + along * sin + across * cos;
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      if (closed) context.closePath();
    }
  }
  const fill = markerFill(look);
  if (fill !== 'none') {
    context.fillStyle = fill;
    context.fill();
  }
  context.lineWidth = MARKER_STROKE_WIDTH;
  context.stroke();
}

function roundRect(context: MapContext, rect: Rect, grow = 0): void {
  context.beginPath();
  context.roundRect(rect.x - grow, rect.y - grow, rect.width + 2 * grow, rect.height + 2 * grow, rect.rx + grow);
}

/** A node in view, as drawn: where, how opaque, and its look. */
export interface PlacedNode {
  readonly node: ArgNode;
  readonly box: NodeBox;
  readonly x: number;
  readonly y: number;
  readonly opacity: number;
  readonly fill: string;
  readonly stroke: { readonly colour: string; readonly width: number };
  readonly matched: boolean;
  readonly pinned: boolean;
  readonly badges: readonly NodeBadge[];
  /** Far out, the batch of boxes of one look it is drawn in (`drawPlainBoxes`). */
  readonly batch: string;
  /** What its outline, search ring and badges may cover, in map units. */
  readonly bounds: Rectangle;
}

/** How far past its box a node's search ring, outline and text may reach. */
const NODE_REACH = MATCH_RING_GAP + MATCH_RING_WIDTH + 6;

const NO_BADGES: readonly NodeBadge[] = [];

/** The drawn nodes whose box (with room for a search ring) meets the screen. */
function nodesInView(scene: CanvasScene, view: Rectangle, detail: LevelOfDetail): PlacedNode[] {
  const reach = MATCH_RING_GAP + MATCH_RING_WIDTH;
  const placed: PlacedNode[] = [];
  // Culled from the arrays: no id is looked up for the nodes off screen.
  scene.nodes.forEach((node, drawn) => {
    const index = scene.indices[drawn]!;
    if (index < 0) return;
    const x = scene.coordinates[2 * index]!;
    const y = scene.coordinates[2 * index + 1]!;
    const halfWidth = scene.sizes[2 * index]! / 2 + reach;
    const halfHeight = scene.sizes[2 * index + 1]! / 2 + reach;
    if (!(x + halfWidth >= view.left && x - halfWidth <= view.right && y + halfHeight >= view.top && y - halfHeight <= view.bottom)) return;
    const box = scene.boxes.get(node.id);
    if (!box) return;
    const opacity = (nodeFaded(scene.emphasis, node.id) ? FADED_NODE_OPACITY : 1) * entering(scene, node.id);
    const outline = nodeOutline(node.kind, box.width, box.height);
    const badges = detail.boxDetail && detail.smallText ? (scene.display.badges?.get(node.id) ?? NO_BADGES) : NO_BADGES;
    // Badges sit on the bottom edge from the right, and may run out past the left one.
    const badgesWidth = badges.reduce((sum, badge) => sum + badgeWidth(badge.text) + BADGE_GAP, 0);
    const fill = scene.display.fills?.get(node.id) ?? outline.fill;
    const stroke = outlineStroke(scene, node.id, outline);
    placed.push({
      node, box, x, y, opacity, fill, stroke,
      batch: `${fill} ${stroke.colour} ${stroke.width} ${opacity}`,
      matched: scene.display.matches?.has(node.id) ?? false,
      pinned: scene.pins.has(node.id),
      badges,
      bounds: {
        left: x + Math.min(-box.width / 2, box.width / 2 - badgesWidth) - NODE_REACH,
        top: y - box.height / 2 - NODE_REACH,
        right: x + box.width / 2 + NODE_REACH,
        bottom: y + box.height / 2 + BADGE_HEIGHT + NODE_REACH,
      },
    });
  });
  return placed;
}

/** The outline's stroke: the selection's, else the kind's (thicker on a projector). */
function outlineStroke(scene: CanvasScene, id: string, outline: NodeOutline): { colour: string; width: number } {
  if (scene.selectedId === id || scene.selectedIds?.has(id)) return { colour: SELECTED_STROKE, width: SELECTED_STROKE_WIDTH };
  return { colour: outline.stroke, width: scene.theme === 'projector' ? PROJECTOR_OUTLINE_WIDTH : outline.strokeWidth };
}

function drawNodes(context: MapContext, drawn: DrawnMap, meets: (bounds: Rectangle) => boolean): void {
  if (drawn.detail.boxDetail) {
    for (const node of drawn.nodes) if (meets(node.bounds)) drawDetailedNode(context, drawn.scene, node, drawn.detail);
  } else {
    drawPlainBoxes(context, drawn.nodes, meets);
  }
  context.globalAlpha = 1;
}

/**
 * Far out, boxes of one look go into one path: a few fills and strokes for the whole map. The
 * batches come in the order a whole drawing fills them, holding only the nodes `meets` accepts.
 */
function drawPlainBoxes(context: MapContext, placed: readonly PlacedNode[], meets: (bounds: Rectangle) => boolean): void {
  const batches = new Map<string, PlacedNode[]>();
  for (const entry of placed) {
    let batch = batches.get(entry.batch);
    if (!batch) batches.set(entry.batch, (batch = []));
    if (meets(entry.bounds)) batch.push(entry);
  }
  for (const batch of batches.values()) {
    const [first] = batch;
    if (!first) continue;
    context.globalAlpha = first.opacity;
    context.beginPath();
    for (const { box, x, y } of batch) context.rect(x - box.width / 2, y - box.height / 2, box.width, box.height);
    context.fillStyle = first.fill;
    context.fill();
    context.strokeStyle = first.stroke.colour;
    context.lineWidth = first.stroke.width;
    context.stroke();
  }
  for (const entry of placed) {
    if ((!entry.matched && !entry.pinned) || !meets(entry.bounds)) continue;
    context.save();
    context.translate(entry.x, entry.y);
    context.globalAlpha = entry.opacity;
    if (entry.matched) drawMatchRing(context, nodeOutline(entry.node.kind, entry.box.width, entry.box.height));
    if (entry.pinned) drawPin(context, entry.box);
    context.restore();
  }
}

function drawMatchRing(context: MapContext, outline: NodeOutline): void {
  roundRect(context, outline.outer, MATCH_RING_GAP);
  context.strokeStyle = MATCH_RING_COLOUR;
  context.lineWidth = MATCH_RING_WIDTH;
  context.stroke();
}

function drawPin(context: MapContext, box: NodeBox): void {
  context.beginPath();
  context.arc(box.width / 2 - 6, -box.height / 2 + 6, PIN_RADIUS, 0, 2 * Math.PI);
  context.fillStyle = PIN_COLOUR;
  context.fill();
}

function drawDetailedNode(context: MapContext, scene: CanvasScene, placed: PlacedNode, detail: LevelOfDetail): void {
  const { node, box, x, y, opacity } = placed;
  const projector = scene.theme === 'projector';
  const font = (size: number) => `${projector ? '500 ' : ''}${size}px ${FONT_FAMILY}`;
  context.save();
  context.translate(x, y);
  context.globalAlpha = opacity;
  const outline = nodeOutline(node.kind, box.width, box.height);
  if (placed.matched) drawMatchRing(context, outline);
  roundRect(context, outline.outer);
  context.fillStyle = placed.fill;
  context.fill();
  context.strokeStyle = placed.stroke.colour;
  context.lineWidth = placed.stroke.width;
  context.stroke();
  if (outline.inner) {
    roundRect(context, outline.inner);
    context.strokeStyle = outline.stroke;
    context.lineWidth = projector ? PROJECTOR_OUTLINE_WIDTH : outline.strokeWidth;
    context.stroke();
  }
  const label = labelLayout(box);
  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  if (detail.labels) {
    context.font = font(label.fontSize);
    context.fillStyle = projector ? PROJECTOR_TEXT_COLOUR : TEXT_COLOUR;
    box.lines.forEach((line, lineIndex) => context.fillText(line, 0, label.firstBaseline + lineIndex * label.lineHeight));
  }
  if (detail.smallText && box.caption !== undefined) {
    context.font = font(CAPTION_FONT_SIZE);
    context.fillStyle = projector ? PROJECTOR_TEXT_COLOUR : CAPTION_COLOUR;
    context.fillText(box.caption, 0, label.captionBaseline);
  }
  if (placed.pinned) drawPin(context, box);
  if (detail.smallText) drawBadges(context, placed.badges, box);
  context.restore();
}

function drawBadges(context: MapContext, badges: readonly NodeBadge[], box: NodeBox): void {
  context.font = `700 ${BADGE_FONT_SIZE}px ${FONT_FAMILY}`;
  badges.forEach((badge, index) => {
    const width = badgeWidth(badge.text);
    const look = BADGE_LOOK[badge.tone];
    const left = box.width / 2 - width - index * (width + BADGE_GAP);
    const top = box.height / 2 - 9;
    context.beginPath();
    context.roundRect(left, top, width, BADGE_HEIGHT, BADGE_HEIGHT / 2);
    context.fillStyle = look.fill;
    context.fill();
    context.strokeStyle = look.stroke;
    context.lineWidth = 1.5;
    context.stroke();
    context.fillStyle = look.text;
    context.fillText(badge.text, left + width / 2, top + 12.5);
    if (look.struckThrough) {
      const textWidth = width - 10;
      context.beginPath();
      context.moveTo(left + 5, top + BADGE_HEIGHT / 2 + 1);
      context.lineTo(left + 5 + textWidth, top + BADGE_HEIGHT / 2 + 1);
      context.strokeStyle = look.text;
      context.lineWidth = 1;
      context.stroke();
    }
  });
}
