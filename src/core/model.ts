/**
 * The argmap data model: what a map file holds once it has been validated.
 * Everything here is plain data built field by field from parsed input (never a parsed
 * object itself), so nothing a file carries beyond these fields reaches the app.
 */

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Text in both of the map's languages; a map may carry only one of them. */
export interface Bilingual {
  readonly zh?: string;
  readonly en?: string;
}

export const NODE_KINDS = ['question', 'claim', 'evidence'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * support/attack: the `from` node speaks for/against the `to` node.
 * undercut: the `from` node attacks the inference of the edge named by `to`.
 * answer: the `from` claim is a position on the `to` question.
 * rephrase: the `from` node restates the `to` node (AIF's MA).
 */
export const EDGE_KINDS = ['support', 'attack', 'undercut', 'answer', 'rephrase'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const CURRENT_SCHEMA_VERSION = 1;

export interface Source {
  readonly id: string;
  readonly title: Bilingual;
  /** Relative to the map file. */
  readonly file?: string;
  /** Only http(s) URLs survive validation. */
  readonly url?: string;
}

export interface Actor {
  readonly id: string;
  readonly name: Bilingual;
  readonly affiliation?: Bilingual;
}

export interface Quote {
  readonly source: string;
  /** Verbatim text of the source. */
  readonly text: string;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ArgNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly text: Bilingual;
  readonly actor?: string;
  readonly quote?: Quote;
  /** A saved place in the layout (a rehearsed picture); the node stays there. */
  readonly position?: Point;
  readonly tags?: readonly string[];
  /** The heading the node stands under. */
  readonly section?: string;
}

export interface ArgEdge {
  readonly id: string;
  readonly from: string;
  /** A node id; for an undercut, the id of the edge whose inference is attacked. */
  readonly to: string;
  readonly kind: EdgeKind;
  /** Edges of one group form a linked argument: their premises support only together. */
  readonly group?: string;
  /** The argumentation scheme of the inference or conflict. */
  readonly scheme?: string;
}

export interface Camera {
  /** The map point at the centre of the screen. */
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface TourStep {
  /** Node or edge ids shown from this step on; an edge brings its ends. */
  readonly reveal: readonly string[];
  /** Node or edge ids stressed in this step. */
  readonly focus: readonly string[];
  /** Without a camera, the view fits the focus, else everything shown. */
  readonly camera?: Camera;
  readonly caption: Bilingual;
  readonly notes?: Bilingual;
}

export interface Tour {
  readonly id: string;
  readonly title: Bilingual;
  readonly steps: readonly TourStep[];
}

/** Any JSON value: what a map keeps for other formats (`extensions`) without reading it. */
export type JsonData = null | boolean | number | string | readonly JsonData[] | { readonly [key: string]: JsonData };

export interface ArgMap {
  readonly schemaVersion: number;
  readonly title: Bilingual;
  readonly sources: readonly Source[];
  readonly actors: readonly Actor[];
  readonly nodes: readonly ArgNode[];
  readonly edges: readonly ArgEdge[];
  readonly tours?: readonly Tour[];
  /** Data of other formats kept for writing back, by namespace (`aif`); not interpreted. */
  readonly extensions?: ReadonlyMap<string, JsonData>;
}

/** Picks the requested language, falling back to the other one when a map lacks it. */
export function inLanguage(text: Bilingual, language: Language): string {
  const other: Language = language === 'zh' ? 'en' : 'zh';
  return text[language] ?? text[other] ?? '';
}

/** Lookup tables over a validated map; ids are untrusted strings, so only `Map` indexes them. */
export interface MapIndex {
  readonly nodes: ReadonlyMap<string, ArgNode>;
  readonly edges: ReadonlyMap<string, ArgEdge>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly sources: ReadonlyMap<string, Source>;
}

/** A map is immutable data, so its index is built on first use and kept for as long as the map lives. */
const indexes = new WeakMap<ArgMap, MapIndex>();

export function indexMap(map: ArgMap): MapIndex {
  let index = indexes.get(map);
  if (index === undefined) {
    index = {
      nodes: new Map(map.nodes.map((node) => [node.id, node])),
      edges: new Map(map.edges.map((edge) => [edge.id, edge])),
      actors: new Map(map.actors.map((actor) => [actor.id, actor])),
      sources: new Map(map.sources.map((source) => [source.id, source])),
    };
    indexes.set(map, index);
  }
  return index;
}
