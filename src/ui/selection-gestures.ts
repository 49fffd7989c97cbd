/**
 * Selecting and moving on the map with the pointer: a click selects a node, Shift+click adds it to
 * the selection or takes it out, and dragging a node (or one of several selected nodes) moves it,
 * or them all, as one undoable edit that pins them where they are dropped.
 */
import { drag } from 'd3';
import type { Position } from '../layout/layout-node.ts';
import { authoringOf } from './editing.ts';
import { placeMemory } from './kept-places.ts';
import type { LiveLayout } from './live-layout.svelte.ts';
import type { MapSession } from './map-session.svelte.ts';

export function clickNode(session: MapSession, id: string, event: MouseEvent): void {
  if (event.shiftKey) session.toggleSelected(id);
  else session.select(id);
}

/** The nodes a drag of `id` moves: the whole selection when `id` is one of several selected, else `id` alone. */
export function movingIds(selected: ReadonlySet<string>, id: string): string[] {
  return selected.has(id) && selected.size > 1 ? [...selected] : [id];
}

/** Each start place moved by the same offset. */
export function shifted(starts: readonly Position[], dx: number, dy: number): Position[] {
  return starts.map((start) => ({ id: start.id, x: start.x + dx, y: start.y + dy }));
}

/** Starts moving nodes in the layout; where they stand now (the document's undo puts unplaced ones back there). */
export function beginMove(session: MapSession, layout: LiveLayout, ids: readonly string[]): Position[] {
  const starts = ids.flatMap((id) => layout.positionOf(id) ?? []);
  placeMemory.remember(session.generation, starts.filter((start) => session.index.nodes.get(start.id)?.position === undefined));
  for (const start of starts) layout.dragStart(start.id);
  return starts;
}

/** Drops moved nodes: the layout pins them, and the document moves them there as one undo step. */
export async function endMove(session: MapSession, layout: LiveLayout, places: readonly Position[]): Promise<void> {
  for (const place of places) layout.dragEnd(place.id);
  if (places.length === 0) return;
  const authoring = await authoringOf(session);
  const { moveNodes } = await authoring.core();
  await authoring.apply(moveNodes(places));
}

/**
 * d3-drag for the node `id`, in map coordinates (`container` is the camera's group). A press that
 * does not move is a click: it neither pins nor wakes the layout.
 */
export function nodeDrag(id: string, session: MapSession, layout: LiveLayout, container: () => SVGGElement) {
  let starts: Position[] = [];
  let grabbed: Position = { id, x: 0, y: 0 };
  let last: Position[] = [];
  return drag<SVGGElement, unknown>()
    .container(container)
    .subject(() => layout.positionOf(id) ?? { id, x: 0, y: 0 })
    .on('start', (event: { subject: Position }) => {
      starts = [];
      last = [];
      grabbed = event.subject;
    })
    .on('drag', (event: { x: number; y: number }) => {
      if (starts.length === 0) starts = beginMove(session, layout, movingIds(session.selectedIds, id));
      last = shifted(starts, event.x - grabbed.x, event.y - grabbed.y);
      for (const place of last) layout.dragTo(place.id, place.x, place.y);
    })
    .on('end', () => {
      if (starts.length === 0) return;
      void endMove(session, layout, last);
      starts = [];
    });
}
