/**
 * Copy and paste within a map and between maps. The clipboard carries an argmap JSON fragment:
 * a small map of the copied nodes, the edges among them, and the actors and sources they name.
 * Pasting reads it through the loader like any file (so it is validated and its text is inert),
 * then renames every id that collides with the map's.
 */
import { loadMapText } from '../../load-map.ts';
import type { Actor, ArgEdge, ArgMap, ArgNode, Source } from '../../model.ts';
import { describe } from '../describe.ts';
import { LIMITS } from '../record-rules.ts';
import { actorRecord, edgeRecord, nodeRecord, sourceRecord } from '../write-records.ts';
import { refuse, type Edit } from './edit.ts';

/** The fragment holding `nodeIds`: those nodes, the edges among them, what they name. */
export function copyFragment(map: ArgMap, nodeIds: Iterable<string>): ArgMap {
  const chosen = new Set(nodeIds);
  const nodes = map.nodes.filter((node) => chosen.has(node.id));
  const inner = map.edges.filter((edge) => edge.kind !== 'undercut' && chosen.has(edge.from) && chosen.has(edge.to));
  const innerIds = new Set(inner.map((edge) => edge.id));
  const undercuts = map.edges.filter((edge) => edge.kind === 'undercut' && chosen.has(edge.from) && innerIds.has(edge.to));
  const edgeIds = new Set([...innerIds, ...undercuts.map((edge) => edge.id)]);
  const actorIds = new Set(nodes.flatMap((node) => (node.actor !== undefined ? [node.actor] : [])));
  const sourceIds = new Set(nodes.flatMap((node) => (node.quote !== undefined ? [node.quote.source] : [])));
  return {
    schemaVersion: map.schemaVersion,
    title: map.title,
    sources: map.sources.filter((source) => sourceIds.has(source.id)),
    actors: map.actors.filter((actor) => actorIds.has(actor.id)),
    nodes,
    edges: map.edges.filter((edge) => edgeIds.has(edge.id)),
  };
}

/** Reads clipboard text as a fragment; the loader's first error when it is not one. */
export function parseFragment(text: string): { ok: true; fragment: ArgMap } | { ok: false; message: string } {
  const loaded = loadMapText(text);
  if (loaded.ok) return { ok: true, fragment: loaded.map };
  const first = loaded.problems.find((problem) => problem.severity === 'error') ?? loaded.problems[0];
  return { ok: false, message: first === undefined ? 'the clipboard holds no map' : `${first.pointer ?? ''} ${first.message}`.trim() };
}

/** `id`, or `id-2`, `id-3`… cut to the id limit: the first that `taken` does not hold. */
function freeId(id: string, taken: (id: string) => boolean): string {
  if (!taken(id)) return id;
  for (let number = 2; ; number += 1) {
    const suffix = `-${number}`;
    const candidate = `${id.slice(0, LIMITS.id - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

export interface Pasted {
  /** Fragment id → id in the map, for every pasted node and edge. */
  readonly ids: ReadonlyMap<string, string>;
  readonly nodes: number;
  readonly edges: number;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Pastes a fragment; saved places move by `offset` (pasting where the pointer is). */
export function pasteFragment(fragment: ArgMap, offset: { readonly x: number; readonly y: number } = { x: 0, y: 0 }): Edit<Pasted> {
  return (context) => {
    if (fragment.nodes.length === 0) return refuse('the clipboard holds no node');
    const { map, index } = context;
    if (map.nodes.length + fragment.nodes.length > LIMITS.nodes) return refuse(`a map holds at most ${LIMITS.nodes} nodes`);
    if (map.edges.length + fragment.edges.length > LIMITS.edges) return refuse(`a map holds at most ${LIMITS.edges} edges`);

    const used = new Set<string>();
    const taken = (id: string) => index.nodes.has(id) || index.edges.has(id) || used.has(id);
    const ids = new Map<string, string>();
    for (const element of [...fragment.nodes, ...fragment.edges]) {
      const id = freeId(element.id, taken);
      used.add(id);
      ids.set(element.id, id);
    }
    // An actor or source of the same id and content is the same one; otherwise it is a new one.
    const rename = <T extends { readonly id: string }>(items: readonly T[], existing: ReadonlyMap<string, T>) => {
      const names = new Map<string, string>();
      const added: T[] = [];
      const usedHere = new Set<string>();
      for (const item of items) {
        const same = existing.get(item.id);
        if (same !== undefined && sameJson(same, item)) {
          names.set(item.id, item.id);
          continue;
        }
        const id = freeId(item.id, (candidate) => existing.has(candidate) || usedHere.has(candidate));
        usedHere.add(id);
        names.set(item.id, id);
        added.push({ ...item, id });
      }
      return { names, added };
    };
    const actors = rename<Actor>(fragment.actors, index.actors);
    const sources = rename<Source>(fragment.sources, index.sources);
    const groupsInMap = new Set(map.edges.flatMap((edge) => (edge.group !== undefined ? [edge.group] : [])));
    const groups = new Map<string, string>();
    for (const edge of fragment.edges) {
      if (edge.group !== undefined && !groups.has(edge.group)) groups.set(edge.group, freeId(edge.group, (group) => groupsInMap.has(group)));
    }
    const shift = (value: number) => {
      const place = Math.max(-LIMITS.coordinate, Math.min(LIMITS.coordinate, Math.round(value * 10) / 10));
      return place === 0 ? 0 : place;
    };
    const nodes: ArgNode[] = fragment.nodes.map((node) => ({
      ...node,
      id: ids.get(node.id)!,
      ...(node.actor !== undefined ? { actor: actors.names.get(node.actor)! } : {}),
      ...(node.quote !== undefined ? { quote: { source: sources.names.get(node.quote.source)!, text: node.quote.text } } : {}),
      ...(node.position !== undefined ? { position: { x: shift(node.position.x + offset.x), y: shift(node.position.y + offset.y) } } : {}),
    }));
    const edges: ArgEdge[] = fragment.edges.map((edge) => ({
      ...edge,
      id: ids.get(edge.id)!,
      from: ids.get(edge.from)!,
      to: ids.get(edge.to)!,
      ...(edge.group !== undefined ? { group: groups.get(edge.group)! } : {}),
    }));
    const orders = { nodes: context.nextOrder('nodes'), edges: context.nextOrder('edges'), actors: context.nextOrder('actors'), sources: context.nextOrder('sources') };
    return {
      ok: true,
      description: describe.paste(nodes.length),
      result: { ids, nodes: nodes.length, edges: edges.length },
      write: (roots) => {
        sources.added.forEach((source, i) => roots.sources.set(source.id, sourceRecord(source, orders.sources + i)));
        actors.added.forEach((actor, i) => roots.actors.set(actor.id, actorRecord(actor, orders.actors + i)));
        nodes.forEach((node, i) => roots.nodes.set(node.id, nodeRecord(node, orders.nodes + i)));
        edges.forEach((edge, i) => roots.edges.set(edge.id, edgeRecord(edge, orders.edges + i)));
      },
    };
  };
}

