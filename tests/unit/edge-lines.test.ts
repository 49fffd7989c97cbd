import { describe, expect, it } from 'vitest';
import type { ArgEdge } from '../../src/core/model.ts';
import { edgeLinks, linksOfMap } from '../../src/core/edge-links.ts';
import { readMapAs } from '../../src/core/formats/read-map.ts';
import { mutualAttackPartnerIds, mutualAttackPartners } from '../../src/core/mutual-attacks.ts';
import { edgeEnds, edgeLines, edgeSegments } from '../../src/layout/edge-geometry.ts';
import { nodeSizes } from '../../src/layout/node-boxes.ts';

const indexById = new Map([['a', 0], ['b', 1], ['c', 2], ['unsized', 3]]);
const boxes = new Map([['a', { width: 100, height: 40 }], ['b', { width: 100, height: 40 }], ['c', { width: 100, height: 40 }]]);
const sizes = nodeSizes([...indexById.keys()], boxes);
const edges: ArgEdge[] = [
  { id: 'undercut', from: 'c', to: 'support', kind: 'undercut' },
  { id: 'support', from: 'b', to: 'a', kind: 'support' },
  { id: 'to-nowhere', from: 'a', to: 'missing', kind: 'attack' },
  { id: 'to-unsized', from: 'a', to: 'unsized', kind: 'attack' },
];
const links = edgeLinks(edges, indexById);

describe('edge links: what each edge joins, by index', () => {
  it('names the node at each end, or for an undercut the edge it attacks, and -1 for what is missing', () => {
    expect([...links.from]).toEqual([2, 1, 0, 0]);
    expect([...links.to]).toEqual([1, 0, -1, 3]);
  });

  it('resolves a map’s edges by its node order', () => {
    const map = { nodes: [{ id: 'b' }, { id: 'a' }], edges: [{ id: 'e', from: 'a', to: 'b', kind: 'support' as const }] };
    const resolved = linksOfMap(map as never);
    expect([...resolved.from, ...resolved.to]).toEqual([1, 0]);
  });
});

describe('edge lines from a coordinate array', () => {
  it('keeps the edges with both ends placed, relations before the undercuts that attack them', () => {
    const ends = edgeEnds(edges, links, sizes);
    expect(ends.edges.map((edge) => edge.id)).toEqual(['support', 'undercut']);
    expect([...ends.source]).toEqual([1, 2]);
    // An undercut's target is the line it attacks, coded as -1 - its index.
    expect([...ends.target]).toEqual([0, -1]);
  });

  it('draws from border to border, and an undercut to the middle of the line it attacks', () => {
    const ends = edgeEnds(edges, links, sizes);
    const lines = edgeLines(ends, new Float64Array([0, 0, 0, 200, 300, 100, 0, 0]));
    expect([...lines]).toEqual([0, 180, 0, 20, 250, 100, 0, 100]);
  });

  it('redraws from moved coordinates with the same ends, as a layout tick does', () => {
    const ends = edgeEnds(edges, links, sizes);
    const moved = edgeLines(ends, new Float64Array([0, 0, 0, -200, 300, 100, 0, 0]));
    expect([...moved.subarray(0, 4)]).toEqual([0, -180, 0, -20]);
  });

  it('gives the SVG view and the export the same lines as records, in the map’s edge order', () => {
    const coordinates = [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 0, y: 200 }, { id: 'c', x: 300, y: 100 }];
    const segments = edgeSegments(edges, new Map(coordinates.map((position) => [position.id, position])), boxes);
    expect(segments.map((segment) => segment.id)).toEqual(['undercut', 'support']);
    expect(segments[0]).toMatchObject({ kind: 'undercut', from: 'c', to: 'support', x1: 250, y1: 100, x2: 0, y2: 100 });
  });
});

describe('attacks both ways between two nodes', () => {
  const mutual: ArgEdge[] = [
    { id: 'ab', from: 'a', to: 'b', kind: 'attack' },
    { id: 'ca', from: 'c', to: 'a', kind: 'support' },
    { id: 'ba', from: 'b', to: 'a', kind: 'attack' },
    { id: 'cut', from: 'c', to: 'ba', kind: 'undercut' },
    { id: 'ab-again', from: 'a', to: 'b', kind: 'attack' },
    { id: 'bc', from: 'b', to: 'c', kind: 'attack' },
  ];
  const positions = new Map([['a', { id: 'a', x: 0, y: 0 }], ['b', { id: 'b', x: 0, y: 200 }], ['c', { id: 'c', x: 300, y: 100 }]]);

  it('pairs each attack with at most one the other way, once per edge list', () => {
    const partners = mutualAttackPartners(mutual);
    expect([...partners]).toEqual([2, -1, 0, -1, -1, -1]);
    expect(mutualAttackPartners(mutual)).toBe(partners);
    expect(mutualAttackPartnerIds(mutual)).toEqual(new Map([['ab', 'ba'], ['ba', 'ab']]));
    // A support back is no rebuttal, and a self-attack has no other side.
    expect([...mutualAttackPartners([{ id: 's', from: 'a', to: 'b', kind: 'support' }, { id: 't', from: 'b', to: 'a', kind: 'attack' }])]).toEqual([-1, -1]);
    expect([...mutualAttackPartners([{ id: 'self', from: 'a', to: 'a', kind: 'attack' }, { id: 'self-2', from: 'a', to: 'a', kind: 'attack' }])]).toEqual([-1, -1]);
  });

  it('draws the pair as one line for the first attack, naming the other, and leaves the rest alone', () => {
    const segments = edgeSegments(mutual, positions, boxes);
    expect(segments.map((segment) => [segment.id, segment.partnerId])).toEqual([
      ['ab', 'ba'],
      ['ca', undefined],
      ['cut', undefined],
      ['ab-again', undefined],
      ['bc', undefined],
    ]);
    // An undercut of the folded attack ends on the middle of the one line.
    const line = segments[0]!;
    expect(segments[2]).toMatchObject({ x2: (line.x1 + line.x2) / 2, y2: (line.y1 + line.y2) / 2 });
  });

  it('pairs with the next attack the other way when the first is not drawn, and keeps a lone attack one-way', () => {
    expect(edgeSegments(mutual.filter((edge) => edge.id !== 'ab'), positions, boxes).find((segment) => segment.id === 'ba')?.partnerId).toBe('ab-again');
    const segments = edgeSegments(mutual.filter((edge) => edge.id !== 'ab' && edge.id !== 'ab-again'), positions, boxes);
    expect(segments.find((segment) => segment.id === 'ba')?.partnerId).toBeUndefined();
  });

  it('gives the canvas the same pairing by line', () => {
    const ends = edgeEnds(mutual, edgeLinks(mutual, indexById), sizes);
    expect(ends.edges.map((edge) => edge.id)).toEqual(['ab', 'ca', 'ab-again', 'bc', 'cut']);
    expect([...ends.partner]).toEqual([2, -1, -1, -1, -1]);
    expect(ends.target[4]).toBe(-1);
  });
});

describe('Argdown contraries', () => {
  it('read as attacks both ways, and so draw as one two-way line', () => {
    const read = readMapAs('[A]: a\n  >< [B]: b\n', 'argdown');
    if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join('; '));
    const [a, b] = read.map.nodes.map((node) => node.id);
    const positions = new Map([[a!, { id: a!, x: 0, y: 0 }], [b!, { id: b!, x: 0, y: 200 }]]);
    const segments = edgeSegments(read.map.edges, positions, new Map([[a!, { width: 100, height: 40 }], [b!, { width: 100, height: 40 }]]));
    expect(segments).toHaveLength(1);
    expect(segments[0]?.partnerId).toBe(read.map.edges[1]?.id);
  });
});
