/**
 * Where two drawings of the map differ: the area a canvas must draw again after an edit, found
 * from the records of what each drawing put on screen (not from the edit), so that whatever
 * changed (a node added, a text, a status badge, a selection) is covered by one rule.
 */
import type { Rectangle } from '../../layout/edge-geometry.ts';
import type { NodeBox } from '../../layout/node-boxes.ts';
import type { NodeBadge } from '../map-display.ts';
import type { DrawnMap, PlacedEdge, PlacedNode } from './draw-map.ts';

/**
 * The part of the map (in map units) where `after` differs from `before`: 'none' when nothing on
 * screen changed, 'all' when the whole picture did (the camera, the canvas, the theme, the level
 * of detail, the order things are drawn in).
 */
export function changedArea(before: DrawnMap, after: DrawnMap): Rectangle | 'all' | 'none' {
  if (!sameFrame(before, after)) return 'all';
  const area = new Area();
  if (!compare(before.nodes, after.nodes, (placed) => placed.node.id, sameNode, area)) return 'all';
  if (!compare(before.edges, after.edges, (placed) => placed.edge.id, sameEdge, area)) return 'all';
  if (!sameBatchOrder(before.edges, after.edges)) return 'all';
  // Far out, boxes of one look are filled together, batch after batch.
  if (!after.detail.boxDetail && !sameBatchOrder(before.nodes, after.nodes)) return 'all';
  return area.rectangle ?? 'none';
}

function sameFrame(before: DrawnMap, after: DrawnMap): boolean {
  const [a, b] = [before.scene, after.scene];
  return a.camera.x === b.camera.x && a.camera.y === b.camera.y && a.camera.k === b.camera.k
    && a.width === b.width && a.height === b.height && a.pixelRatio === b.pixelRatio && a.theme === b.theme
    && a.settling === b.settling && before.crowdedWidth === after.crowdedWidth;
}

class Area {
  rectangle: Rectangle | undefined;

  add(bounds: Rectangle): void {
    const known = this.rectangle;
    this.rectangle = known === undefined ? bounds : {
      left: Math.min(known.left, bounds.left),
      top: Math.min(known.top, bounds.top),
      right: Math.max(known.right, bounds.right),
      bottom: Math.max(known.bottom, bounds.bottom),
    };
  }
}

/**
 * Adds to `area` the bounds of every record that is new, gone or drawn differently; false when
 * the records both drawings hold are not in the same order (one would now cover another).
 */
function compare<Placed extends { readonly bounds: Rectangle }>(
  before: readonly Placed[], after: readonly Placed[], idOf: (placed: Placed) => string, same: (a: Placed, b: Placed) => boolean, area: Area,
): boolean {
  const earlier = new Map(before.map((placed, index) => [idOf(placed), { placed, index }]));
  let lastIndex = -1;
  for (const placed of after) {
    const id = idOf(placed);
    const known = earlier.get(id);
    if (known === undefined) {
      area.add(placed.bounds);
      continue;
    }
    earlier.delete(id);
    if (known.index < lastIndex) return false;
    lastIndex = known.index;
    if (same(known.placed, placed)) continue;
    area.add(known.placed.bounds);
    area.add(placed.bounds);
  }
  for (const { placed } of earlier.values()) area.add(placed.bounds);
  return true;
}

/** Drawn alike: a node's drawing reads its kind, its box and its look (a record derived again may hold the same). */
function sameNode(a: PlacedNode, b: PlacedNode): boolean {
  return a.node.kind === b.node.kind && sameBox(a.box, b.box) && a.x === b.x && a.y === b.y && a.opacity === b.opacity && a.fill === b.fill
    && a.stroke.colour === b.stroke.colour && a.stroke.width === b.stroke.width && a.matched === b.matched && a.pinned === b.pinned
    && sameBadges(a.badges, b.badges);
}

function sameBox(a: NodeBox, b: NodeBox): boolean {
  return a === b || (a.width === b.width && a.height === b.height && a.caption === b.caption
    && a.lines.length === b.lines.length && a.lines.every((line, index) => line === b.lines[index]));
}

function sameBadges(a: readonly NodeBadge[], b: readonly NodeBadge[]): boolean {
  return a === b || (a.length === b.length && a.every((badge, index) => badge.text === b[index]!.text && badge.tone === b[index]!.tone));
}

/** An edge's drawing reads its kind (in its batch) and its line. */
function sameEdge(a: PlacedEdge, b: PlacedEdge): boolean {
  return a.batch === b.batch && a.partnerId === b.partnerId
    && a.line.x1 === b.line.x1 && a.line.y1 === b.line.y1 && a.line.x2 === b.line.x2 && a.line.y2 === b.line.y2;
}

/** Edges, and far out boxes, are drawn batch by batch: a batch that now comes before another covers it where they cross. */
function sameBatchOrder(before: readonly { readonly batch: string }[], after: readonly { readonly batch: string }[]): boolean {
  const order = (records: readonly { readonly batch: string }[]) => [...new Set(records.map((placed) => placed.batch))];
  const [a, b] = [order(before), order(after)];
  // A batch only one drawing has is drawn in full where it is new or gone; the others keep their order.
  const shared = new Set(a.filter((batch) => b.includes(batch)));
  const kept = (list: string[]) => list.filter((batch) => shared.has(batch));
  const [keptA, keptB] = [kept(a), kept(b)];
  return keptA.every((batch, index) => batch === keptB[index]);
}
