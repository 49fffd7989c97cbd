/**
 * Where a map opens: readable, with what matters in view, and nothing cut by the map area's left
 * edge, which a panel borders. Pure numbers over the map area's own size: the panels sit beside
 * it, so the camera only has to keep to its rectangle.
 */
import { zoomIdentity, type ZoomTransform } from 'd3';
import type { ArgMap } from '../core/model.ts';
import { mutualAttackPartners } from '../core/mutual-attacks.ts';
import type { Bounds } from '../layout/bounds.ts';
import { fitTransform, READABLE_ZOOM } from './camera.ts';

/** Below this zoom a 14 px label is under about 10 px on screen. */
export const LEGIBLE_ZOOM = 0.6;
const PADDING = 24;

/**
 * What the opening view must show: the map's first question, and every clash among its answers,
 * two answers to the same question that rebut each other (in the seed: 朱啸虎 and 傅盛, 何晓冬 and
 * 汤道生), in map order.
 */
export function openingFocus(map: ArgMap): string[] {
  const answered = new Map<string, Set<string>>();
  for (const edge of map.edges) {
    if (edge.kind !== 'answer') continue;
    const questions = answered.get(edge.from);
    if (questions) questions.add(edge.to);
    else answered.set(edge.from, new Set([edge.to]));
  }
  const clashing = new Set<string>();
  const partners = mutualAttackPartners(map.edges);
  map.edges.forEach((edge, index) => {
    if (partners[index]! < 0) return;
    const mine = answered.get(edge.from);
    const theirs = answered.get(edge.to);
    if (mine && theirs && [...mine].some((question) => theirs.has(question))) clashing.add(edge.from).add(edge.to);
  });
  const question = map.nodes.find((node) => node.kind === 'question');
  return map.nodes.filter((node) => node === question || clashing.has(node.id)).map((node) => node.id);
}

/**
 * The opening transform for a map area of `width` × `height`: the whole map when it fits at a
 * comfortable size; else at least `LEGIBLE_ZOOM`, with `focus` (the focus nodes' bounds) in view
 * and the map's left and top edges on screen when the focus leaves room for them, so what does not
 * fit runs off to the right and the bottom, away from the side panel.
 */
export function openingView(bounds: Bounds, focus: Bounds | undefined, width: number, height: number): ZoomTransform {
  const fitted = fitTransform(bounds, width, height);
  if (fitted.k >= READABLE_ZOOM) return fitted;
  const zoom = Math.max(LEGIBLE_ZOOM, fitted.k);
  const start = (low: number, size: number, focusLow: number | undefined, focusHigh: number | undefined, room: number): number => {
    const visible = (room - 2 * PADDING) / zoom;
    // A map that fits this way is centred along it.
    if (size <= visible) return low + size / 2 - visible / 2;
    if (focusLow === undefined || focusHigh === undefined) return low;
    // The map's own edge when the focus fits beside it, else as far towards it as the focus allows.
    return Math.min(focusLow, Math.max(low, focusHigh - visible));
  };
  const left = start(bounds.x, bounds.width, focus?.x, focus && focus.x + focus.width, width);
  const top = start(bounds.y, bounds.height, focus?.y, focus && focus.y + focus.height, height);
  return zoomIdentity.translate(PADDING - left * zoom, PADDING - top * zoom).scale(zoom);
}
