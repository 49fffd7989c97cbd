/** Small maps for tests, written as lists. */
import type { ArgEdge, ArgMap, EdgeKind, NodeKind } from '../../src/core/model.ts';

/**
 * Nodes are `id` or `[id, kind]` (a claim by default); edges are `[id, from, to, kind?]` (a support
 * by default). Each node's English text is `textOf(id)`, the id itself unless told otherwise.
 */
export function makeMap(
  nodes: readonly (string | readonly [string, NodeKind])[],
  edges: readonly (readonly [string, string, string, EdgeKind?])[],
  textOf: (id: string) => string = (id) => id,
): ArgMap {
  return {
    schemaVersion: 1,
    title: { en: 'test' },
    sources: [],
    actors: [],
    nodes: nodes.map((node) => {
      const [id, kind] = typeof node === 'string' ? [node, 'claim' as const] : node;
      return { id, kind, text: { en: textOf(id) } };
    }),
    edges: edges.map(([id, from, to, kind = 'support']): ArgEdge => ({ id, from, to, kind })),
  };
}
