import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';
import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgEdge, ArgMap, ArgNode } from '../../src/core/model.ts';
import { pushOverlapsApart } from '../../src/layout/box-overlaps.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import type { LayoutNode, Position } from '../../src/layout/layout-node.ts';
import { layoutExtents, type Extent } from '../../src/layout/node-boxes.ts';
import { seededRandom } from '../../src/layout/random.ts';
import { treeSeededPositions, type Point } from '../../src/layout/tree-seed.ts';
import { loadSeedMap } from '../support/seed.ts';
import { edgeCrossings, overlappingPairs } from '../support/layout-quality.ts';
import { loaded } from '../support/load-result.ts';

function mapOf(nodes: readonly ArgNode[], edges: readonly ArgEdge[]): ArgMap {
  return { schemaVersion: 1, title: { en: 'generated' }, sources: [], actors: [], nodes, edges };
}

function claim(id: string, kind: ArgNode['kind'] = 'claim'): ArgNode {
  return { id, kind, text: { en: `Claim ${id}` } };
}

function support(from: string, to: string): ArgEdge {
  return { id: `${from}->${to}`, from, to, kind: 'support' };
}

/** Map entries as the `{id, x, y}` records the quality measures take. */
const placed = (positions: ReadonlyMap<string, Point>) => [...positions].map(([id, { x, y }]) => ({ id, x, y }));

const BOX: Extent = { width: 120, height: 40 };
const boxes = (map: ArgMap): Map<string, Extent> => new Map(map.nodes.map((node) => [node.id, BOX]));



/** An argument-map-like forest: questions, each with a tree of claims below it, plus a few cross edges within a debate. */
function generatedForest(nodeCount: number, trees: number, seed: string): ArgMap {
  const random = seededRandom(seed);
  const nodes: ArgNode[] = [];
  const edges: ArgEdge[] = [];
  const members: string[][] = Array.from({ length: trees }, () => []);
  for (let index = 0; index < nodeCount; index += 1) {
    const tree = members[index % trees]!;
    const id = `n${index}`;
    nodes.push(claim(id, tree.length === 0 ? 'question' : 'claim'));
    if (tree.length > 0) edges.push(support(id, tree[Math.floor(random() * tree.length)]!));
    tree.push(id);
  }
  for (let extra = 0; extra < nodeCount / 10; extra += 1) {
    const tree = members[Math.floor(random() * trees)]!;
    const from = tree[1 + Math.floor(random() * (tree.length - 1))]!;
    const to = tree[Math.floor(random() * tree.length)]!;
    if (from !== to && !edges.some((edge) => edge.from === from && edge.to === to)) edges.push({ id: `x${extra}`, from, to, kind: 'attack' });
  }
  return mapOf(nodes, edges);
}

/** What a page using d3-force without argmap's care would draw: random start, link and many-body forces, d3's default cooling. */
function plainForceLayout(map: ArgMap, seed: string): Position[] {
  const random = seededRandom(seed);
  type Node = SimulationNodeDatum & { id: string };
  const nodes: Node[] = map.nodes.map((node) => ({ id: node.id, x: (random() - 0.5) * 2000, y: (random() - 0.5) * 2000 }));
  const links: SimulationLinkDatum<Node>[] = map.edges.map((edge) => ({ source: edge.from, target: edge.to }));
  forceSimulation(nodes)
    .randomSource(random)
    .force('link', forceLink<Node, SimulationLinkDatum<Node>>(links).id((node) => node.id).distance(100))
    .force('charge', forceManyBody())
    .force('x', forceX())
    .force('y', forceY())
    .stop()
    .tick(300);
  return nodes.map(({ id, x, y }) => ({ id, x: x!, y: y! }));
}

describe('tree-seeded placement', () => {
  const seedMap = loadSeedMap();
  const seedExtents = layoutExtents(seedMap);

  it('places every node of the seed map below a node it speaks to, with no overlapping boxes', () => {
    const positions = treeSeededPositions(seedMap, seedExtents, seededRandom('argmap'));
    expect([...positions.keys()].sort()).toEqual(seedMap.nodes.map((node) => node.id).sort());
    for (const node of seedMap.nodes) {
      const parents = seedMap.edges.filter((edge) => edge.from === node.id && edge.kind !== 'undercut').map((edge) => positions.get(edge.to)!);
      if (node.kind === 'question' || parents.length === 0) continue;
      expect(parents.some((parent) => parent.y < positions.get(node.id)!.y), node.id).toBe(true);
    }
    expect(overlappingPairs(placed(positions), seedExtents)).toEqual([]);
  });

  it('hangs children one row below their parent, side by side in map order around its x', () => {
    const map = mapOf([claim('q', 'question'), claim('a'), claim('b'), claim('c')], [support('a', 'q'), support('b', 'q'), support('c', 'q')]);
    const positions = treeSeededPositions(map, boxes(map), seededRandom('s'));
    const [q, a, b, c] = ['q', 'a', 'b', 'c'].map((id) => positions.get(id)!);
    for (const child of [a!, b!, c!]) expect(child.y - q!.y).toBeGreaterThan(BOX.height);
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(Math.abs(b!.x - q!.x)).toBeLessThan(5);
  });

  it('spreads the roots of a forest out side by side, wrapping a long row into shelves', () => {
    const map = mapOf([claim('p'), claim('q'), claim('r'), claim('p1'), claim('q1')], [support('p1', 'p'), support('q1', 'q')]);
    const positions = treeSeededPositions(map, boxes(map), seededRandom('s'));
    const [p, q, r] = ['p', 'q', 'r'].map((id) => positions.get(id)!);
    expect(Math.abs(p!.y - q!.y)).toBeLessThan(5);
    expect(q!.x - p!.x).toBeGreaterThan(BOX.width);
    // Three trees this shape are wider than tall: the third starts a second shelf below the others.
    expect(r!.y).toBeGreaterThan(positions.get('p1')!.y);
    expect(overlappingPairs(placed(positions), boxes(map))).toEqual([]);

    const many = mapOf(Array.from({ length: 100 }, (_, index) => claim(`r${index}`)), []);
    const spread = [...treeSeededPositions(many, boxes(many), seededRandom('s')).values()];
    const width = Math.max(...spread.map(({ x }) => x)) - Math.min(...spread.map(({ x }) => x));
    const height = Math.max(...spread.map(({ y }) => y)) - Math.min(...spread.map(({ y }) => y));
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(3);
  });

  it('is deterministic, and the seed only jitters it', () => {
    const first = treeSeededPositions(seedMap, seedExtents, seededRandom('a'));
    expect(treeSeededPositions(seedMap, seedExtents, seededRandom('a'))).toEqual(first);
    const other = treeSeededPositions(seedMap, seedExtents, seededRandom('b'));
    expect(other).not.toEqual(first);
    for (const [id, { x, y }] of other) {
      expect(Math.abs(x - first.get(id)!.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(y - first.get(id)!.y)).toBeLessThanOrEqual(2);
    }
  });

  it('places every node of a cycle once, at distinct points, with or without a root above it', () => {
    const map = mapOf(
      [claim('a'), claim('b'), claim('c'), claim('q', 'question'), claim('d'), claim('e')],
      // a → b → c → a has no root; q heads d ⇄ e, and q itself speaks to d.
      [support('a', 'b'), support('b', 'c'), support('c', 'a'), support('d', 'q'), support('e', 'd'), support('d', 'e'), support('q', 'd')],
    );
    const positions = treeSeededPositions(map, boxes(map), seededRandom('s'));
    expect(positions.size).toBe(6);
    expect([...positions.values()].every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(overlappingPairs(placed(positions), boxes(map))).toEqual([]);
    expect(positions.get('d')!.y).toBeGreaterThan(positions.get('q')!.y);
    expect(positions.get('e')!.y).toBeGreaterThan(positions.get('d')!.y);
  });

  it('places a chain of 100,000 nodes without overflowing the stack, each below the last', () => {
    const count = 100_000;
    const nodes = Array.from({ length: count }, (_, index) => claim(`n${index}`));
    const edges = Array.from({ length: count - 1 }, (_, index) => support(`n${index + 1}`, `n${index}`));
    const map = mapOf(nodes, edges);
    const positions = treeSeededPositions(map, boxes(map), seededRandom('s'));
    expect(positions.size).toBe(count);
    for (let index = 1; index < count; index += 1) expect(positions.get(`n${index}`)!.y).toBeGreaterThan(positions.get(`n${index - 1}`)!.y);
  }, 60_000);

  it('settles a generated forest of 300 nodes with fewer crossings than plain d3-force from a random start', () => {
    const map = generatedForest(300, 6, 'forest');
    const extents = layoutExtents(map);
    const seeded = edgeCrossings(map, settleLayout(map, extents), extents);
    const plain = edgeCrossings(map, plainForceLayout(map, 'forest'), extents);
    // Measured: 21 against 184; half leaves room for d3 changes without hiding a regression.
    expect(seeded).toBeLessThan(plain / 2);
  });

  it('settles a generated 2,000-node map with no overlapping boxes and fewer crossings than plain d3-force drawn without overlaps', () => {
    const { map } = loaded(loadMapText(JSON.stringify(generateMap(2000, 1))));
    const extents = layoutExtents(map);
    const positions = settleLayout(map, extents);
    expect(overlappingPairs(positions, extents)).toEqual([]);
    // Plain d3-force piles boxes on top of each other, and an edge between overlapping boxes has
    // almost no length left to cross anything. Drawn as big as argmap's picture and with its boxes
    // pushed apart as argmap's are, it crosses far more.
    const area = (points: readonly { x: number; y: number }[]) => {
      const xs = points.map(({ x }) => x);
      const ys = points.map(({ y }) => y);
      return (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    };
    const plainPositions = plainForceLayout(map, 'big');
    const scale = Math.sqrt(area(positions) / area(plainPositions));
    const plain: LayoutNode[] = plainPositions.map(({ id, x, y }) => ({ id, x: x * scale, y: y * scale, ...extents.get(id)! }));
    for (let pass = 0; pass < 2000 && pushOverlapsApart(plain, 8) > 0; pass += 1);
    expect(overlappingPairs(plain, extents)).toEqual([]);
    // Measured: 10,250 against 22,835 (and 4,899 for plain d3-force with its 75,857 overlapping pairs).
    expect(edgeCrossings(map, positions, extents)).toBeLessThan(edgeCrossings(map, plain, extents) / 1.5);
  }, 60_000);
});
