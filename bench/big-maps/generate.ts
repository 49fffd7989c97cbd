/**
 * Seeded, argument-map-like maps of any size for the big-map benchmark: a forest of debates
 * (one `question` root per ~50 nodes, claims and evidence hanging off earlier nodes of the same
 * tree) plus cross edges between trees (20% of the node count), since real debates are not
 * trees and cross edges are what tangle a force layout. Labels have realistic lengths in both
 * languages, so node boxes (and so layout and painting) cost what they would in a real map.
 */
import { seededRandom } from '../../src/layout/random.ts';

/** The JSON shape of a map file (schemaVersion 1), as written to disk. */
export interface MapDocument {
  readonly schemaVersion: 1;
  readonly title: { readonly zh: string; readonly en: string };
  readonly sources: readonly never[];
  readonly actors: readonly { readonly id: string; readonly name: { readonly zh: string; readonly en: string } }[];
  readonly nodes: readonly GeneratedNode[];
  readonly edges: readonly GeneratedEdge[];
}

interface GeneratedNode {
  readonly id: string;
  readonly kind: 'question' | 'claim' | 'evidence';
  readonly text: { readonly zh: string; readonly en: string };
  readonly actor?: string;
  /** A saved place (see `withSavedLayout`). */
  readonly position?: { readonly x: number; readonly y: number };
}

interface GeneratedEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: 'answer' | 'support' | 'attack';
}

const NODES_PER_TREE = 50;
const CROSS_EDGE_SHARE = 0.2;

/** Common characters of debate prose; labels are drawn from them, so glyph coverage is realistic. */
const ZH_POOL = [...'的是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信教规关思务育'];
const ZH_STOPS = ['，', '，', '；', '？'];
const EN_POOL = (
  'model market cost scale data compute training startup company industry open source policy risk value growth ' +
  'evidence argument claim the a of to in for on with without more less because therefore however large small ' +
  'general vertical users revenue price chips cloud research safety regulation competition advantage platform ' +
  'customers quality speed trust energy investment returns talent years future profit loss strategy'
).split(' ');
const ACTORS = [
  ['分析师', 'The analyst'],
  ['记者', 'The reporter'],
  ['投资人', 'An investor'],
  ['工程师', 'An engineer'],
  ['监管机构', 'The regulator'],
  ['创业者', 'A founder'],
] as const;

function integer(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function zhLabel(random: () => number, question: boolean): string {
  const length = integer(random, 8, 30);
  let text = '';
  for (let i = 0; i < length; i += 1) {
    // A comma every dozen characters or so, as in real labels, gives the line breaker its break points.
    text += i > 4 && i < length - 3 && random() < 0.08 ? pick(random, ZH_STOPS) : pick(random, ZH_POOL);
  }
  return text + (question ? '？' : '');
}

function enLabel(random: () => number, question: boolean): string {
  const words = Array.from({ length: integer(random, 4, 14) }, () => pick(random, EN_POOL));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + (question ? '?' : '');
}

/** The same `nodeCount` and `seed` always give the same map. */
export function generateMap(nodeCount: number, seed: number): MapDocument {
  if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new Error('a generated map needs at least 2 nodes');
  const random = seededRandom(`big-map-${seed}`);
  const treeCount = Math.max(1, Math.round(nodeCount / NODES_PER_TREE));
  const members: string[][] = Array.from({ length: treeCount }, () => []);
  const treeOf: number[] = [];
  const kindOf = new Map<string, GeneratedNode['kind']>();
  const nodes: GeneratedNode[] = [];
  const edges: GeneratedEdge[] = [];
  for (let index = 0; index < nodeCount; index += 1) {
    const id = `n${index}`;
    // The first node of each tree is its question; later nodes join trees round-robin.
    const tree = index % treeCount;
    const parent = members[tree]!.length > 0 ? pick(random, members[tree]!) : undefined;
    const kind: GeneratedNode['kind'] = parent === undefined ? 'question' : random() < 0.65 ? 'claim' : 'evidence';
    const question = kind === 'question';
    nodes.push({
      id,
      kind,
      text: { zh: zhLabel(random, question), en: enLabel(random, question) },
      ...(question || random() < 0.3 ? {} : { actor: `actor-${integer(random, 0, ACTORS.length - 1)}` }),
    });
    if (parent !== undefined) {
      // An answer must point at a question; anything else argues for or against its parent.
      const edgeKind = kindOf.get(parent) === 'question' ? 'answer' : random() < 0.6 ? 'support' : 'attack';
      edges.push({ id: `e${edges.length}`, from: id, to: parent, kind: edgeKind });
    }
    members[tree]!.push(id);
    treeOf.push(tree);
    kindOf.set(id, kind);
  }

  if (treeCount > 1) {
    const wanted = Math.round(nodeCount * CROSS_EDGE_SHARE);
    const taken = new Set<string>();
    // Bounded, so a degenerate request cannot spin forever looking for unused pairs.
    for (let attempt = 0; taken.size < wanted && attempt < wanted * 20; attempt += 1) {
      const from = integer(random, 0, nodeCount - 1);
      const to = integer(random, 0, nodeCount - 1);
      if (treeOf[from] === treeOf[to] || taken.has(`${from}>${to}`)) continue;
      taken.add(`${from}>${to}`);
      edges.push({ id: `e${edges.length}`, from: `n${from}`, to: `n${to}`, kind: random() < 0.5 ? 'attack' : 'support' });
    }
  }

  return {
    schemaVersion: 1,
    title: { zh: `生成的论证图（${nodeCount} 个节点）`, en: `Generated argument map (${nodeCount} nodes)` },
    sources: [],
    actors: ACTORS.map(([zh, en], index) => ({ id: `actor-${index}`, name: { zh, en } })),
    nodes,
    edges,
  };
}

/**
 * The map as "保存布局" leaves it once its layout has settled: every node at its place in
 * `positions`, rounded to whole pixels (finer is invisible). A node missing from `positions` is a
 * mistake of the caller, not a map with some places unsaved, so it throws.
 */
export function withSavedLayout(document: MapDocument, positions: readonly { readonly id: string; readonly x: number; readonly y: number }[]): MapDocument {
  const placeById = new Map(positions.map(({ id, x, y }) => [id, { x: Math.round(x), y: Math.round(y) }]));
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const position = placeById.get(node.id);
      if (!position) throw new Error(`the layout has no place for node ${node.id}`);
      return { ...node, position };
    }),
  };
}
