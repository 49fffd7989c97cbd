/**
 * Problems that concurrent edits leave and no replica could have avoided: an element naming one
 * that someone else deleted meanwhile (an edge drawn offline to a node removed while it was
 * drawn, a step revealing it). Every replica's read model leaves such an element out alike, so
 * the map stays valid; a server that refused these would refuse an offline client's edits for
 * ever, on every reconnect. An element naming something the document never held is no leftover:
 * that is a crafted update.
 */
import * as Y from 'yjs';
import { NODE_FIELD, rootsOf, type Roots } from './doc-schema.ts';
import type { DocumentProblem } from './linker.ts';

/** Only these problems can come from a deletion: the others are wrong in the element itself. */
const DANGLING = /missing node|missing edge|unknown actor|unknown source|names a missing node or edge/;

/** Whether `root` held `id` once and it was deleted: Yjs keeps a deleted key's last item. */
function wasDeleted(root: Y.Map<unknown>, id: string): boolean {
  const item = (root as unknown as { _map: Map<string, { deleted: boolean }> })._map.get(id);
  return item !== undefined && item.deleted;
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The ids an element names, each with the collections it may be in. */
function namedIds(roots: Roots, collection: string, id: string): [string, Y.Map<unknown>[]][] {
  const elements = [roots.nodes as Y.Map<unknown>, roots.edges];
  if (collection === 'edges') {
    const edge = roots.edges.get(id) as { from?: unknown; to?: unknown } | undefined;
    return [edge?.from, edge?.to].filter((end): end is string => typeof end === 'string').map((end) => [end, elements]);
  }
  if (collection === 'nodes') {
    const node = roots.nodes.get(id);
    if (!(node instanceof Y.Map)) return [];
    const actor = node.get(NODE_FIELD.actor);
    const source = (node.get(NODE_FIELD.quote) as { source?: unknown } | undefined)?.source;
    return [
      ...(typeof actor === 'string' ? [[actor, [roots.actors]] as [string, Y.Map<unknown>[]]] : []),
      ...(typeof source === 'string' ? [[source, [roots.sources]] as [string, Y.Map<unknown>[]]] : []),
    ];
  }
  if (collection === 'tours') {
    const steps = (roots.tours.get(id) as { steps?: unknown } | undefined)?.steps;
    if (!Array.isArray(steps)) return [];
    return steps.flatMap((step: { reveal?: unknown; focus?: unknown }) => [...stringsIn(step?.reveal), ...stringsIn(step?.focus)]).map((name) => [name, elements]);
  }
  return [];
}

/** Whether `problem` only says that its element names elements deleted from `doc`. */
export function isMergeLeftover(doc: Y.Doc, problem: DocumentProblem): boolean {
  if (problem.id === undefined || !DANGLING.test(problem.message)) return false;
  const roots = rootsOf(doc);
  const collection = problem.pointer.split('/')[1] ?? '';
  const missing = namedIds(roots, collection, problem.id).filter(([id, places]) => !places.some((place) => place.has(id)));
  return missing.length > 0 && missing.every(([id, places]) => places.some((place) => wasDeleted(place, id)));
}
