/**
 * Where each node and edge of an edited map was before: carried-over links must equal those worked
 * out from scratch, and any change the walk cannot follow is left to the caller.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksOfMap } from '../../src/core/edge-links.ts';
import { followLinks, followNodes } from '../../src/core/edit-correspondence.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { arbitraryMap } from '../support/arbitrary-map.ts';
import { makeMap } from '../support/make-map.ts';

const ids = (map: ArgMap) => map.nodes.map((node) => node.id);

/** `map` less the nodes `gone` with the edges that go with them (an undercut of a gone edge too), plus `added` at the end. */
function edited(map: ArgMap, gone: ReadonlySet<string>, added: readonly string[]): ArgMap {
  const goneEdges = new Set(map.edges.filter((edge) => gone.has(edge.from) || (edge.kind !== 'undercut' && gone.has(edge.to))).map((edge) => edge.id));
  const edges = map.edges.filter((edge) => !goneEdges.has(edge.id) && !(edge.kind === 'undercut' && goneEdges.has(edge.to)));
  const extra = makeMap(added, []).nodes;
  return { ...map, nodes: [...map.nodes.filter((node) => !gone.has(node.id)), ...extra], edges };
}

describe('followNodes', () => {
  const map = makeMap(['a', 'b', 'c', 'd'], []);

  it('finds the nodes removed anywhere and those added at the end', () => {
    const next = edited(map, new Set(['a', 'c']), ['e']);
    const followed = followNodes(next.nodes, map.nodes)!;
    expect([...followed.previousIndex]).toEqual([1, 3, -1]);
    expect(followed.removed).toEqual(['a', 'c']);
  });

  it('walks two lists once: asked again of the same lists, it gives the same answer; of another list before, a new one', () => {
    const next = edited(map, new Set(['b']), []);
    const followed = followNodes(next.nodes, map.nodes);
    expect(followNodes(next.nodes, map.nodes)).toBe(followed);
    const other = makeMap(['a', 'b', 'c', 'd', 'x'], []);
    expect(followNodes(next.nodes, other.nodes)?.removed).toEqual(['b', 'x']);
  });

  it('leaves a node inserted in the middle, or a changed order, to the caller', () => {
    const inserted = makeMap(['a', 'x', 'b', 'c', 'd'], []);
    expect(followNodes(inserted.nodes, map.nodes)).toBeUndefined();
    for (const order of [['b', 'a', 'c', 'd'], ['d', 'c', 'b', 'a'], ['b', 'x', 'a']]) {
      expect(followNodes(makeMap(order, []).nodes, map.nodes), order.join()).toBeUndefined();
    }
  });
});

describe('followLinks', () => {
  it('carries the links over an edit that removes nodes with their edges and adds nodes, undercuts included', () => {
    fc.assert(
      fc.property(arbitraryMap({ maxNodes: 10, maxEdges: 14 }), fc.infiniteStream(fc.boolean()), fc.nat(3), (map, removals, addedCount) => {
        const gone = new Set(ids(map).filter(() => removals.next().value));
        const next = edited(map, gone, Array.from({ length: addedCount }, (_, index) => `added-${index}`));
        const followed = followNodes(next.nodes, map.nodes)!;
        expect(followed.removed).toEqual(ids(map).filter((id) => gone.has(id)));
        expect(followLinks(next.edges, map.edges, linksOfMap(map), followed, map.nodes.length)).toEqual(linksOfMap(next));
      }),
      { numRuns: 200 },
    );
  });

  it('never mistakes a node moved for one removed and one added: the links it carries are right or it gives none', () => {
    fc.assert(
      fc.property(arbitraryMap({ maxNodes: 8, maxEdges: 10 }), fc.infiniteStream(fc.nat()), (map, keys) => {
        const shuffled = { ...map, nodes: [...map.nodes].sort(() => (keys.next().value % 3) - 1) };
        const followed = followNodes(shuffled.nodes, map.nodes);
        if (!followed) return;
        expect(followLinks(shuffled.edges, map.edges, linksOfMap(map), followed, map.nodes.length) ?? linksOfMap(shuffled)).toEqual(linksOfMap(shuffled));
      }),
      { numRuns: 200 },
    );
  });

  it('gives nothing when an edge is new or changed', () => {
    const map = makeMap(['a', 'b'], [['ab', 'a', 'b']]);
    const next = { ...map, edges: [{ ...map.edges[0]! }] };
    expect(followLinks(next.edges, map.edges, linksOfMap(map), followNodes(next.nodes, map.nodes)!, 2)).toBeUndefined();
  });
});
