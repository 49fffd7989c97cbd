/**
 * Stage 4 of the Argdown reader: the Argdown model → an ArgMap, then the checks every map passes
 * (schema, model building with text sanitizing, integrity), with problems located in the Argdown
 * text. The rules (README.md in this folder has the full list):
 * - every equivalence class and every argument is one node, kind `claim` (`question` when tagged
 *   `#question`); its text is Argdown's canonical one (the member marked `{isCanonical: true}`,
 *   else the last definition; for an argument, its description), else its title; ids are the
 *   titles slugged (lower case, letters and digits joined by `-`), made unique with `-2`, `-3`…;
 *   nodes come in the order of their first definition;
 * - the text goes to `text.en`, or `text.zh` when the document is mostly CJK (front matter `lang`
 *   overrides); tags become `tags`, the heading a node stands under its `section`;
 * - support/entails → support (answer when the target is a question), attack → attack,
 *   contradictory/contrary → two attacks, one each way; undercut → an undercut of the edge from the
 *   undercut argument to its conclusion (or, for a sketched argument, of its first outgoing edge),
 *   or an attack with a warning when there is none;
 * - a premise–conclusion structure: the premises of each inference support its conclusion as one
 *   linked group (the inference rules are the scheme), and the argument node supports its main
 *   conclusion;
 * - argmap's own encoding (written by `mapToArgdown`) is read back: `{argmap: …}` node data,
 *   `{argmap-edge: …}` relation data and `argmap-*` front matter keys.
 * Front matter is read through an allowlist; nothing of it is merged into any object.
 */

import { CURRENT_SCHEMA_VERSION, type ArgMap, type Language } from '../../model.ts';
import { ProblemCollector, quoteForMessage, type Locate, type Position, type Problem } from '../../problems.ts';
import type { JsonObject, JsonValue } from '../../json/parse-json.ts';
import { buildModel } from '../../validate/build-model.ts';
import { checkIntegrity } from '../../validate/integrity.ts';
import { validateSchema } from '../../validate/schema.ts';
import { describeRelationEnd, type ArgdownArgument, type ArgdownModel, type ArgdownRelation, type EquivalenceClass, type RelationEnd } from './model.ts';
import { isYamlMap, type YamlMap, type YamlValue } from './yaml.ts';

/** Front matter keys argmap reads; every other key (Argdown's settings for its own renderer) is ignored. */
export const FRONT_MATTER_KEYS = {
  title: 'title',
  language: 'lang',
  languageLong: 'language',
  mapTitle: 'argmap-title',
  actors: 'argmap-actors',
  sources: 'argmap-sources',
  tours: 'argmap-tours',
  extensions: 'argmap-extensions',
} as const;

/** The inline-data key of argmap's node fields. */
export const NODE_DATA_KEY = 'argmap';
/** Where the original Argdown titles of imported nodes are kept, for writing Argdown back. */
export const ARGDOWN_EXTENSION = 'argdown';

const MAX_SLUG_LENGTH = 64;
const MAX_SCHEME_LENGTH = 200;
const NODE_KINDS = new Set(['question', 'claim', 'evidence']);

export interface ArgdownImport {
  readonly map: ArgMap | undefined;
  readonly problems: Problem[];
  /** The node id of every equivalence class and argument, by Argdown title. */
  readonly nodeIds: { readonly statements: ReadonlyMap<string, string>; readonly arguments: ReadonlyMap<string, string> };
}

/** Lower case; every run of characters other than letters, marks and digits becomes one `-`. */
export function slugify(title: string): string {
  const slug = title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const cut = Array.from(slug).slice(0, MAX_SLUG_LENGTH).join('').replace(/-+$/, '');
  return cut === '' ? 'node' : cut;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER = /\p{L}/gu;

/** `zh` when more than half of the letters are CJK characters. */
export function detectLanguage(texts: Iterable<string>): Language {
  let cjk = 0;
  let letters = 0;
  for (const text of texts) {
    cjk += text.match(CJK)?.length ?? 0;
    letters += text.match(LETTER)?.length ?? 0;
  }
  return letters > 0 && cjk * 2 > letters ? 'zh' : 'en';
}

export function argdownModelToMap(model: ArgdownModel): ArgdownImport {
  return new MapBuilder(model).run();
}

type MutableJson = Record<string, JsonValue>;

/** A fresh JSON object; keys are defined, never assigned, so `__proto__` stays a plain key. */
function jsonObject(entries: Iterable<readonly [string, JsonValue | undefined]>): MutableJson {
  const object: MutableJson = {};
  for (const [key, value] of entries) {
    if (value !== undefined) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/** YAML read from the text → JSON for the map document (the YAML reader capped its depth). */
function yamlToJson(value: YamlValue): JsonValue {
  if (isYamlMap(value)) return jsonObject([...value].map(([key, item]) => [key, yamlToJson(item)] as const));
  if (Array.isArray(value)) return value.map(yamlToJson);
  return value as JsonValue;
}

function stringField(data: YamlMap | undefined, key: string): string | undefined {
  const value = data?.get(key);
  return typeof value === 'string' ? value : undefined;
}

function mapField(data: YamlMap | undefined, key: string): YamlMap | undefined {
  const value = data?.get(key);
  return isYamlMap(value) ? value : undefined;
}

/** A node of the map being built, with where its problems are reported. */
interface NodeDraft {
  readonly id: string;
  readonly json: MutableJson;
  readonly position: Position;
}

interface EdgeDraft {
  /** Edges are listed in this order: reconstructions first (-1), then relations as written. */
  readonly order: number;
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly json: MutableJson;
  readonly position: Position;
}

/** An Argdown statement or argument on its way to becoming a node. */
interface Source {
  readonly kind: 'statement' | 'argument';
  readonly item: EquivalenceClass | ArgdownArgument;
  readonly texts: readonly string[];
}

class MapBuilder {
  readonly #model: ArgdownModel;
  readonly #problems = new ProblemCollector();
  readonly #frontMatter: YamlMap;
  /** Ids of nodes and edges (one namespace), taken so far. */
  readonly #usedIds = new Set<string>();
  readonly #slugSuffixes = new Map<string, number>();
  #edgeCounter = 0;
  readonly #nodes: NodeDraft[] = [];
  readonly #nodeById = new Map<string, NodeDraft>();
  readonly #statementIds = new Map<string, string>();
  readonly #argumentIds = new Map<string, string>();
  readonly #edges: EdgeDraft[] = [];
  readonly #edgeById = new Map<string, EdgeDraft>();
  /** Per reconstructed argument, the edge whose inference an undercut of inference k attacks. */
  readonly #inferenceEdges = new Map<string, string[]>();
  /** Ids written in the text (`{argmap: {id}}`, `{argmap-edge: {id}}`), claimed before any slug. */
  readonly #explicitNodeIds = new Map<EquivalenceClass | ArgdownArgument, string>();
  readonly #explicitEdgeIds = new Map<ArgdownRelation, string>();
  /** Edges by kind, ends and group, so the same edge is not made twice (e.g. an attack and a contradiction). */
  readonly #edgeByShape = new Map<string, string>();
  readonly #sectionTitles: ReadonlyMap<string, string>;
  readonly #actorIds = new Set<string>();
  readonly #sourceIds = new Set<string>();
  #language: Language = 'en';

  constructor(model: ArgdownModel) {
    this.#model = model;
    this.#frontMatter = model.frontMatter;
    this.#sectionTitles = new Map(model.sections.map((section) => [section.id, section.title]));
  }

  #warn(message: string, at: Position | undefined): void {
    this.#problems.warning(message, at === undefined ? {} : { line: at.line, column: at.column });
  }

  #keyPosition(key: string): Position | undefined {
    return this.#model.frontMatterKeyPositions.get(key);
  }

  run(): ArgdownImport {
    const sources = this.#sources();
    this.#language = this.#documentLanguage(sources);
    const document = this.#document(sources);
    const nodeIds = { statements: this.#statementIds, arguments: this.#argumentIds };
    return { map: this.#validate(document), problems: this.#problems.toArray(), nodeIds };
  }

  /** Classes and arguments in the order of their first definition. */
  #sources(): Source[] {
    const statements: Source[] = [...this.#model.statements.values()].map((item) => ({ kind: 'statement', item, texts: item.members.map((member) => member.text) }));
    const argumentSources: Source[] = [...this.#model.arguments.values()].map((item) => ({ kind: 'argument', item, texts: item.descriptions.map((member) => member.text) }));
    const all = [...statements, ...argumentSources];
    return all.sort((a, b) => a.item.position.line - b.item.position.line || a.item.position.column - b.item.position.column);
  }

  #documentLanguage(sources: readonly Source[]): Language {
    for (const key of [FRONT_MATTER_KEYS.language, FRONT_MATTER_KEYS.languageLong]) {
      const declared = stringField(this.#frontMatter, key);
      if (declared === undefined) continue;
      const language = declared.toLowerCase().slice(0, 2);
      if (language === 'zh' || language === 'en') return language;
      this.#warn(`the front matter language ${quoteForMessage(declared)} is neither zh nor en; the language was detected from the text`, this.#keyPosition(key));
      break;
    }
    return detectLanguage(sources.flatMap((source) => source.texts));
  }

  #isOwnExport(): boolean {
    return [...this.#frontMatter.keys()].some((key) => key.startsWith('argmap-'));
  }

  #document(sources: readonly Source[]): JsonObject {
    const actors = this.#frontMatterList(FRONT_MATTER_KEYS.actors, this.#actorIds);
    const sourceList = this.#frontMatterList(FRONT_MATTER_KEYS.sources, this.#sourceIds);
    this.#reserveExplicitIds(sources);
    sources.forEach((source) => this.#node(source));
    this.#reconstructions();
    const undercuts = this.#relations();
    this.#undercuts(undercuts);
    const tours = this.#tours();
    const extensions = this.#extensions(sources);
    return jsonObject([
      ['schemaVersion', CURRENT_SCHEMA_VERSION],
      ['title', this.#mapTitle()],
      ['sources', sourceList],
      ['actors', actors],
      ['nodes', this.#nodes.map((node) => node.json)],
      ['edges', this.#edges.map((edge) => edge.json)],
      ['tours', tours],
      ['extensions', extensions],
    ]);
  }

  #mapTitle(): JsonValue {
    const explicit = mapField(this.#frontMatter, FRONT_MATTER_KEYS.mapTitle);
    if (explicit !== undefined) return yamlToJson(explicit);
    const title = stringField(this.#frontMatter, FRONT_MATTER_KEYS.title)?.trim();
    const fallback = this.#model.sections.find((section) => section.title.trim() !== '')?.title ?? 'Argdown map';
    return jsonObject([[this.#language, title === undefined || title === '' ? fallback : title]]);
  }

  /** A list of `{id, …}` entries from the front matter (actors, sources); their ids are collected. */
  #frontMatterList(key: string, ids: Set<string>): JsonValue {
    const value = this.#frontMatter.get(key);
    if (value === undefined) return [];
    for (const entry of Array.isArray(value) ? (value as readonly YamlValue[]) : []) {
      const id = isYamlMap(entry) ? entry.get('id') : undefined;
      if (typeof id === 'string') ids.add(id);
    }
    return yamlToJson(value);
  }

  /** `{argmap: {id}}` on nodes and `{argmap-edge: {id}}` on relations claim their ids before any slug. */
  #reserveExplicitIds(sources: readonly Source[]): void {
    const claim = (id: string | undefined, at: Position): string | undefined => {
      if (id === undefined || id === '') return undefined;
      if (this.#usedIds.has(id)) {
        this.#warn(`the id ${quoteForMessage(id)} is given twice; a new id was made for the later one`, at);
        return undefined;
      }
      this.#usedIds.add(id);
      return id;
    };
    for (const source of sources) {
      const id = claim(stringField(mapField(source.item.data, NODE_DATA_KEY), 'id'), source.item.position);
      if (id !== undefined) this.#explicitNodeIds.set(source.item, id);
    }
    for (const relation of this.#model.relations) {
      const id = claim(stringField(relation.edgeData, 'id'), relation.position);
      if (id !== undefined) this.#explicitEdgeIds.set(relation, id);
    }
  }

  #slugId(title: string): string {
    const base = slugify(title);
    let id = base;
    let suffix = this.#slugSuffixes.get(base) ?? 1;
    while (this.#usedIds.has(id)) {
      suffix += 1;
      id = `${base}-${suffix}`;
    }
    this.#slugSuffixes.set(base, suffix);
    this.#usedIds.add(id);
    return id;
  }

  #edgeId(): string {
    let id: string;
    do {
      this.#edgeCounter += 1;
      id = `e-${this.#edgeCounter}`;
    } while (this.#usedIds.has(id));
    this.#usedIds.add(id);
    return id;
  }

  #node(source: Source): void {
    const { item } = source;
    const data = mapField(item.data, NODE_DATA_KEY);
    const id = this.#explicitNodeIds.get(item) ?? this.#slugId(item.title);
    (source.kind === 'statement' ? this.#statementIds : this.#argumentIds).set(item.title, id);
    const at = item.position;

    const declaredKind = stringField(data, 'kind');
    if (declaredKind !== undefined && !NODE_KINDS.has(declaredKind)) this.#warn(`unknown node kind ${quoteForMessage(declaredKind)} in {argmap: …}; read as claim`, at);
    const kindFromData = declaredKind !== undefined && NODE_KINDS.has(declaredKind) ? declaredKind : undefined;
    const kind = kindFromData ?? (item.tags.includes('question') ? 'question' : 'claim');
    const listedTags = data?.get('tags');
    const tags = Array.isArray(listedTags)
      ? (listedTags as readonly YamlValue[]).filter((tag): tag is string => typeof tag === 'string')
      : item.tags.filter((tag) => kindFromData !== undefined || tag !== 'question');

    const language = this.#textLanguage(stringField(data, 'lang'), at);
    const written = item.canonicalText.trim() === '' ? item.title : item.canonicalText;
    const text = jsonObject((['zh', 'en'] as const).map((each) => [each, stringField(data, each) ?? (each === language ? written : undefined)]));

    const section = stringField(data, 'section') ?? this.#sectionTitle(item.sectionId);
    const json = jsonObject([
      ['id', id],
      ['kind', kind],
      ['text', text],
      ['actor', this.#reference(stringField(data, 'actor'), this.#actorIds, 'actor', at)],
      ['quote', this.#quote(mapField(data, 'quote'), at)],
      ['position', this.#point(mapField(data, 'position'))],
      ['tags', tags.length > 0 ? tags : undefined],
      ['section', section],
    ]);
    const node = { id, json, position: at };
    this.#nodes.push(node);
    this.#nodeById.set(id, node);
  }

  #textLanguage(declared: string | undefined, at: Position): Language {
    if (declared === undefined) return this.#language;
    if (declared === 'zh' || declared === 'en') return declared;
    this.#warn(`unknown language ${quoteForMessage(declared)} in {argmap: …}; the document language is used`, at);
    return this.#language;
  }

  #sectionTitle(sectionId: string | undefined): string | undefined {
    const title = sectionId === undefined ? undefined : this.#sectionTitles.get(sectionId);
    return title === undefined || title === '' ? undefined : title;
  }

  /** An actor or source id from node data, kept only when the front matter lists it. */
  #reference(id: string | undefined, known: ReadonlySet<string>, what: string, at: Position): string | undefined {
    if (id === undefined || known.has(id)) return id;
    this.#warn(`the ${what} ${quoteForMessage(id)} is not listed in the front matter; it was dropped`, at);
    return undefined;
  }

  #quote(quote: YamlMap | undefined, at: Position): JsonValue | undefined {
    if (quote === undefined) return undefined;
    const source = this.#reference(stringField(quote, 'source'), this.#sourceIds, 'source', at);
    const text = stringField(quote, 'text');
    return source === undefined || text === undefined ? undefined : jsonObject([['source', source], ['text', text]]);
  }

  #point(point: YamlMap | undefined): JsonValue | undefined {
    const x = point?.get('x');
    const y = point?.get('y');
    return typeof x === 'number' && typeof y === 'number' ? jsonObject([['x', x], ['y', y]]) : undefined;
  }

  #nodeIdOf(end: RelationEnd): string | undefined {
    if (end.kind === 'statement') return this.#statementIds.get(end.title);
    if (end.kind === 'argument') return this.#argumentIds.get(end.title);
    return undefined;
  }

  /** Adds an edge unless it joins a node to itself; returns its id. */
  #edge(fields: { id?: string; from: string; to: string; kind: string; group?: string; scheme?: string }, at: Position, order: number): string | undefined {
    if (fields.from === fields.to) {
      this.#warn(`a ${fields.kind} of ${quoteForMessage(fields.from)} on itself was left out`, at);
      return undefined;
    }
    const shape = [fields.kind, fields.from, fields.to, fields.group ?? ''].join('\u0000');
    const same = this.#edgeByShape.get(shape);
    if (fields.id === undefined && same !== undefined) return same;
    const id = fields.id ?? this.#edgeId();
    if (same === undefined) this.#edgeByShape.set(shape, id);
    const json = jsonObject([
      ['id', id],
      ['from', fields.from],
      ['to', fields.to],
      ['kind', fields.kind],
      ['group', fields.group],
      ['scheme', fields.scheme],
    ]);
    const edge = { order, id, from: fields.from, to: fields.to, kind: fields.kind, json, position: at };
    this.#edges.push(edge);
    this.#edgeById.set(id, edge);
    return id;
  }

  /** Premises support each conclusion as a linked group; the argument supports its main conclusion. */
  #reconstructions(): void {
    for (const argument of this.#model.arguments.values()) {
      const argumentId = this.#argumentIds.get(argument.title);
      const conclusion = argument.pcs.at(-1);
      const conclusionId = conclusion === undefined ? undefined : this.#statementIds.get(conclusion.title);
      if (argumentId === undefined || conclusion === undefined || conclusionId === undefined) continue;
      const inferenceEdges: string[] = [];
      argument.inferences.forEach((inference, index) => {
        const isLast = index === argument.inferences.length - 1;
        const group = isLast ? argumentId : `${argumentId}-step-${index + 1}`;
        const target = argument.pcs[inference.conclusionIndex];
        const targetId = target === undefined ? undefined : this.#statementIds.get(target.title);
        if (targetId === undefined) return;
        const rules = inference.rules.join(', ');
        const scheme = rules === '' ? undefined : Array.from(rules).slice(0, MAX_SCHEME_LENGTH).join('');
        if (scheme !== undefined && scheme.length < rules.length) this.#warn('the inference rules were cut to 200 characters for the edge scheme', inference.position);
        const premiseIds = new Set(this.#premisesOf(argument, index).map((title) => this.#statementIds.get(title)));
        const edgeIds: string[] = [];
        for (const premiseId of premiseIds) {
          if (premiseId === undefined) continue;
          const edgeId = this.#edge({ from: premiseId, to: targetId, kind: 'support', group, scheme }, inference.position, -1);
          if (edgeId !== undefined) edgeIds.push(edgeId);
        }
        if (!isLast) inferenceEdges.push(edgeIds[0] ?? '');
      });
      const argumentEdge = this.#edge({ from: argumentId, to: conclusionId, kind: 'support' }, argument.position, -1);
      inferenceEdges.push(argumentEdge ?? '');
      this.#inferenceEdges.set(argument.title, inferenceEdges);
    }
  }

  /**
   * The premises of inference `index`: the statements numbered in its `{uses: [1, 2]}` data, else
   * every statement since the previous conclusion, that conclusion included.
   */
  #premisesOf(argument: ArgdownArgument, index: number): string[] {
    const inference = argument.inferences[index];
    if (inference === undefined) return [];
    const start = index === 0 ? 0 : (argument.inferences[index - 1]?.conclusionIndex ?? 0);
    const byDefault = argument.pcs.slice(start, inference.conclusionIndex).map((statement) => statement.title);
    const { uses } = inference;
    if (!Array.isArray(uses)) return byDefault;
    // A number written twice (`(3)` as premise and as conclusion) names its first statement.
    const earlier = new Map(argument.pcs.slice(0, inference.conclusionIndex).reverse().map((statement) => [statement.number, statement]));
    const used = (uses as readonly YamlValue[]).map((number) => (typeof number === 'number' ? earlier.get(number) : undefined));
    if (used.every((statement) => statement !== undefined) && used.length > 0) return used.map((statement) => statement.title);
    this.#warn(`{uses: …} names a statement that does not come before this inference's conclusion; the statements since the previous conclusion were used`, inference.position);
    return byDefault;
  }

  /** Supports, attacks and conflicts; undercuts wait until every edge they may attack exists. */
  #relations(): PendingUndercut[] {
    const undercuts: PendingUndercut[] = [];
    this.#model.relations.forEach((relation, order) => {
      const from = this.#nodeIdOf(relation.from);
      const to = this.#nodeIdOf(relation.to);
      const declared = stringField(relation.edgeData, 'kind');
      if (from === undefined) return;
      const isUndercut = relation.type === 'undercut' || (relation.type === 'attack' && declared === 'undercut');
      if (isUndercut) {
        undercuts.push({ relation, order, from, fallbackTo: to ?? this.#argumentOfInference(relation.to) });
        return;
      }
      if (to === undefined) return;
      const id = this.#explicitEdgeIds.get(relation);
      const extra = { group: stringField(relation.edgeData, 'group'), scheme: stringField(relation.edgeData, 'scheme') };
      switch (relation.type) {
        case 'support':
        case 'entails':
          this.#edge({ id, from, to, kind: this.#supportKind(declared, to, relation.position), ...extra }, relation.position, order);
          break;
        case 'attack':
          if (declared !== undefined && declared !== 'attack') this.#warn(`an attack cannot be marked as ${quoteForMessage(declared)}; it stays an attack`, relation.position);
          this.#edge({ id, from, to, kind: 'attack', ...extra }, relation.position, order);
          break;
        case 'contradictory':
        case 'contrary':
          // A symmetric conflict: each statement attacks the other.
          this.#edge({ id, from, to, kind: 'attack' }, relation.position, order);
          this.#edge({ from: to, to: from, kind: 'attack' }, relation.position, order);
          break;
      }
    });
    return undercuts;
  }

  #argumentOfInference(end: RelationEnd): string | undefined {
    return end.kind === 'inference' ? this.#argumentIds.get(end.argument) : undefined;
  }

  /** A support may be marked as an answer or a rephrase; a support of a question is an answer. */
  #supportKind(declared: string | undefined, to: string, at: Position): string {
    const targetKind = this.#nodeById.get(to)?.json['kind'];
    if (declared === undefined || declared === 'support') return declared === undefined && targetKind === 'question' ? 'answer' : 'support';
    if (declared === 'rephrase') return declared;
    if (declared === 'answer') {
      if (targetKind === 'question') return declared;
      this.#warn(`an answer must point to a question, and ${quoteForMessage(to)} is none; read as a support`, at);
      return 'support';
    }
    this.#warn(`a support cannot be marked as ${quoteForMessage(declared)}; it stays a support`, at);
    return 'support';
  }

  /** Undercuts come last because they name other edges; then every edge takes its place in the order. */
  #undercuts(undercuts: readonly PendingUndercut[]): void {
    const firstOutgoing = new Map<string, string>();
    for (const edge of [...this.#edges].sort(byOrder)) if (!firstOutgoing.has(edge.from)) firstOutgoing.set(edge.from, edge.id);
    for (const { relation, order, from, fallbackTo } of undercuts) {
      const target = this.#undercutTarget(relation, firstOutgoing);
      const id = this.#explicitEdgeIds.get(relation);
      if (target !== undefined) {
        this.#edge({ id, from, to: target, kind: 'undercut' }, relation.position, order);
        continue;
      }
      if (fallbackTo === undefined) continue;
      this.#warn(`${describeRelationEnd(relation.from)} undercuts ${describeRelationEnd(relation.to)}, which has no inference or outgoing relation to undercut; read as an attack`, relation.position);
      this.#edge({ id, from, to: fallbackTo, kind: 'attack' }, relation.position, order);
    }
    this.#edges.sort(byOrder);
  }

  /** The edge an undercut attacks, if there is one it can attack. */
  #undercutTarget(relation: ArgdownRelation, firstOutgoing: ReadonlyMap<string, string>): string | undefined {
    const named = stringField(relation.edgeData, 'target');
    if (named !== undefined) {
      const edge = this.#edgeById.get(named);
      return edge !== undefined && edge.kind !== 'undercut' ? edge.id : undefined;
    }
    const { to } = relation;
    if (to.kind === 'inference') {
      const edge = this.#inferenceEdges.get(to.argument)?.[to.index];
      return edge === '' ? undefined : edge;
    }
    if (to.kind !== 'argument') return undefined;
    const argumentId = this.#argumentIds.get(to.title);
    return argumentId === undefined ? undefined : firstOutgoing.get(argumentId);
  }

  /** Tours from the front matter, without the ids of nodes and edges that are gone (warnings). */
  #tours(): JsonValue | undefined {
    const tours = this.#frontMatter.get(FRONT_MATTER_KEYS.tours);
    if (tours === undefined) return undefined;
    const json = yamlToJson(tours);
    if (!Array.isArray(json)) return json;
    const at = this.#keyPosition(FRONT_MATTER_KEYS.tours);
    for (const tour of json as JsonValue[]) {
      const steps = isObject(tour) ? tour['steps'] : undefined;
      for (const step of Array.isArray(steps) ? (steps as JsonValue[]) : []) {
        if (!isObject(step)) continue;
        for (const field of ['reveal', 'focus'] as const) {
          const ids = step[field];
          if (!Array.isArray(ids)) continue;
          const kept = (ids as JsonValue[]).filter((id) => typeof id !== 'string' || this.#nodeById.has(id) || this.#edgeById.has(id));
          if (kept.length < ids.length) this.#warn(`a tour step named ${ids.length - kept.length} node(s) or edge(s) that are not in the map; they were left out`, at);
          Object.defineProperty(step, field, { value: kept, enumerable: true, writable: true, configurable: true });
        }
      }
    }
    return json;
  }

  /**
   * argmap's own export carries its extensions; for other Argdown, the titles that the node ids
   * do not show are kept, so writing Argdown back can use them.
   */
  #extensions(sources: readonly Source[]): JsonValue | undefined {
    const kept = this.#frontMatter.get(FRONT_MATTER_KEYS.extensions);
    if (kept !== undefined) return yamlToJson(kept);
    if (this.#isOwnExport()) return undefined;
    const titles: (readonly [string, JsonValue])[] = [];
    for (const { kind, item } of sources) {
      const id = (kind === 'statement' ? this.#statementIds : this.#argumentIds).get(item.title);
      if (id !== undefined && !item.isUntitled && item.title !== id) titles.push([id, item.title]);
    }
    if (titles.length === 0) return undefined;
    return jsonObject([[ARGDOWN_EXTENSION, jsonObject([['titles', jsonObject(titles)]])]]);
  }

  /** The checks of any map file, with their problems moved from JSON pointers to Argdown lines. */
  #validate(document: JsonObject): ArgMap | undefined {
    const locate: Locate = (pointer) => this.#locate(pointer);
    const run = <In, Out>(stage: (input: In, problems: ProblemCollector) => Out | undefined, input: In, namesField: boolean): Out | undefined => {
      const problems = new ProblemCollector(locate);
      const output = stage(input, problems);
      // The pointers name the JSON made here, which the user never sees: the line:column stays,
      // and a schema message, which does not say what it is about, is prefixed with the field.
      for (const { pointer, ...problem } of problems.toArray()) {
        const field = pointer?.replace(/^\/(?:nodes|edges)\/\d+\/?/, '').replace(/^\//, '') ?? '';
        const message = namesField && field !== '' ? `${field}: ${problem.message}` : problem.message;
        this.#problems[problem.severity](message, problem);
      }
      return problems.hasErrors ? undefined : output;
    };
    const validated = run(validateSchema, document, true);
    const map = validated && run(buildModel, validated, false);
    const checked = (input: ArgMap, problems: ProblemCollector): ArgMap => {
      checkIntegrity(input, problems);
      return input;
    };
    return map && run(checked, map, false);
  }

  #locate(pointer: string): Position | undefined {
    const [, collection, index] = /^\/([^/]+)(?:\/(\d+))?/.exec(pointer) ?? [];
    if (collection === 'nodes' && index !== undefined) return this.#nodes[Number(index)]?.position;
    if (collection === 'edges' && index !== undefined) return this.#edges[Number(index)]?.position;
    const key = new Map<string, string>([
      ['title', this.#frontMatter.has(FRONT_MATTER_KEYS.mapTitle) ? FRONT_MATTER_KEYS.mapTitle : FRONT_MATTER_KEYS.title],
      ['actors', FRONT_MATTER_KEYS.actors],
      ['sources', FRONT_MATTER_KEYS.sources],
      ['tours', FRONT_MATTER_KEYS.tours],
      ['extensions', FRONT_MATTER_KEYS.extensions],
    ]).get(collection ?? '');
    return key === undefined ? undefined : this.#keyPosition(key);
  }
}

interface PendingUndercut {
  readonly relation: ArgdownRelation;
  /** The relation's place among the model's relations. */
  readonly order: number;
  readonly from: string;
  /** The node an attack points to when there is no edge to undercut. */
  readonly fallbackTo: string | undefined;
}

/** Array.prototype.sort is stable, so edges of equal order keep the order they were made in. */
function byOrder(a: EdgeDraft, b: EdgeDraft): number {
  return a.order - b.order;
}

function isObject(value: JsonValue | undefined): value is MutableJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
