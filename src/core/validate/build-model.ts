/**
 * Stage: builds a fresh ArgMap from a schema-valid document, field by field, sanitizing every
 * string on the way. Nothing of the parsed tree is spread, assigned or kept: the model holds only
 * the fields named here, in objects made here, so nothing else a file carries reaches the app.
 * Sanitizing here rather than in a pass of its own means cleaned text is only ever written into
 * these fresh objects; arrays keep their order, so `/nodes/3` still names the fourth node.
 */

import {
  LANGUAGES, CURRENT_SCHEMA_VERSION, type Actor, type ArgEdge, type ArgMap, type ArgNode, type Bilingual, type JsonData,
  type Language, type Quote, type Source, type Tour, type TourStep,
} from '../model.ts';
import type { JsonValue } from '../json/parse-json.ts';
import { childPointer } from '../json/pointer.ts';
import { quoteForMessage, type ProblemCollector } from '../problems.ts';
import type { EdgeDocument, MapDocument, NodeDocument, StepDocument, TourDocument } from './schema.ts';
import { isBlank, sanitizeSourceFile, sanitizeSourceUrl, sanitizeText } from './sanitize.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a text belongs to, for messages: `node "n1"`, `the map`. */
interface Owner {
  readonly name: string;
  readonly id?: string;
}

export function buildModel(document: MapDocument, problems: ProblemCollector): ArgMap {
  return new ModelBuilder(problems).map(document);
}

class ModelBuilder {
  readonly #problems: ProblemCollector;

  constructor(problems: ProblemCollector) {
    this.#problems = problems;
  }

  map(document: MapDocument): ArgMap {
    const map: Mutable<ArgMap> = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      title: this.#requiredBilingual(document.title, '/title', { name: 'the map' }, 'title'),
      sources: document.sources.map((source, index) => this.#source(source, `/sources/${index}`)),
      actors: document.actors.map((actor, index) => this.#actor(actor, `/actors/${index}`)),
      nodes: document.nodes.map((node, index) => this.#node(node, `/nodes/${index}`)),
      edges: document.edges.map((edge, index) => this.#edge(edge, `/edges/${index}`)),
    };
    if (document.tours !== undefined) map.tours = document.tours.map((tour, index) => this.#tour(tour, `/tours/${index}`));
    if (document.extensions !== undefined) {
      map.extensions = new Map(Object.keys(document.extensions).map((namespace) => [namespace, copyJson(document.extensions![namespace]!)]));
    }
    return map;
  }

  #source(raw: Source, pointer: string): Source {
    const id = this.#text(raw.id, `${pointer}/id`);
    const source: Mutable<Source> = { id, title: this.#requiredBilingual(raw.title, `${pointer}/title`, { name: `source ${quoteForMessage(id)}`, id }, 'title') };
    if (raw.file !== undefined) {
      const file = sanitizeSourceFile(this.#text(raw.file, `${pointer}/file`, id), `${pointer}/file`, this.#problems, id);
      if (file !== undefined) source.file = file;
    }
    if (raw.url !== undefined) {
      const url = sanitizeSourceUrl(raw.url, `${pointer}/url`, this.#problems, id);
      if (url !== undefined) source.url = url;
    }
    return source;
  }

  #actor(raw: Actor, pointer: string): Actor {
    const id = this.#text(raw.id, `${pointer}/id`);
    const owner: Owner = { name: `actor ${quoteForMessage(id)}`, id };
    const actor: Mutable<Actor> = { id, name: this.#requiredBilingual(raw.name, `${pointer}/name`, owner, 'name') };
    if (raw.affiliation !== undefined) {
      const affiliation = this.#bilingual(raw.affiliation, `${pointer}/affiliation`, owner, 'affiliation');
      if (affiliation !== undefined) actor.affiliation = affiliation;
      else this.#problems.warning(`removed the blank affiliation of ${owner.name}`, { pointer: `${pointer}/affiliation`, id });
    }
    return actor;
  }

  #node(raw: NodeDocument, pointer: string): ArgNode {
    const id = this.#text(raw.id, `${pointer}/id`);
    const owner: Owner = { name: `node ${quoteForMessage(id)}`, id };
    const node: Mutable<ArgNode> = { id, kind: raw.kind, text: this.#requiredBilingual(raw.text, `${pointer}/text`, owner, 'text') };
    if (raw.actor !== undefined) node.actor = this.#text(raw.actor, `${pointer}/actor`, id);
    if (raw.quote !== undefined) node.quote = this.#quote(raw.quote, `${pointer}/quote`, owner);
    if (raw.position !== undefined) node.position = { x: raw.position.x, y: raw.position.y };
    if (raw.tags !== undefined) node.tags = raw.tags.map((tag, index) => this.#text(tag, `${pointer}/tags/${index}`, id));
    if (raw.section !== undefined) node.section = this.#text(raw.section, `${pointer}/section`, id);
    return node;
  }

  #quote(raw: Quote, pointer: string, owner: Owner): Quote {
    const quote: Quote = { source: this.#text(raw.source, `${pointer}/source`, owner.id), text: this.#text(raw.text, `${pointer}/text`, owner.id) };
    if (isBlank(quote.text)) this.#problems.error(`${owner.name} quotes blank text`, { pointer: `${pointer}/text`, id: owner.id });
    return quote;
  }

  #edge(raw: EdgeDocument, pointer: string): ArgEdge {
    const id = this.#text(raw.id, `${pointer}/id`);
    const edge: Mutable<ArgEdge> = { id, from: this.#text(raw.from, `${pointer}/from`, id), to: this.#text(raw.to, `${pointer}/to`, id), kind: raw.kind };
    if (raw.group !== undefined) edge.group = this.#text(raw.group, `${pointer}/group`, id);
    if (raw.scheme !== undefined) edge.scheme = this.#text(raw.scheme, `${pointer}/scheme`, id);
    return edge;
  }

  #tour(raw: TourDocument, pointer: string): Tour {
    const id = this.#text(raw.id, `${pointer}/id`);
    const owner: Owner = { name: `tour ${quoteForMessage(id)}`, id };
    return {
      id,
      title: this.#requiredBilingual(raw.title, `${pointer}/title`, owner, 'title'),
      steps: raw.steps.map((step, index) => this.#step(step, `${pointer}/steps/${index}`, { name: `step ${index + 1} of ${owner.name}`, id })),
    };
  }

  #step(raw: StepDocument, pointer: string, owner: Owner): TourStep {
    const ids = (list: readonly string[] | undefined, field: string) =>
      (list ?? []).map((id, index) => this.#text(id, `${pointer}/${field}/${index}`, owner.id));
    const step: Mutable<TourStep> = {
      reveal: ids(raw.reveal, 'reveal'),
      focus: ids(raw.focus, 'focus'),
      caption: this.#requiredBilingual(raw.caption, `${pointer}/caption`, owner, 'caption'),
    };
    if (raw.camera !== undefined) step.camera = { x: raw.camera.x, y: raw.camera.y, zoom: raw.camera.zoom };
    if (raw.notes !== undefined) {
      const notes = this.#bilingual(raw.notes, `${pointer}/notes`, owner, 'notes');
      if (notes !== undefined) step.notes = notes;
    }
    return step;
  }

  #text(raw: string, pointer: string, id?: string): string {
    return sanitizeText(raw, pointer, this.#problems, id);
  }

  /** A label the element cannot do without: when every language is blank, that is an error. */
  #requiredBilingual(raw: Bilingual, pointer: string, owner: Owner, field: string): Bilingual {
    const text = this.#bilingual(raw, pointer, owner, field);
    if (text !== undefined) return text;
    this.#problems.error(`${owner.name} has no ${field}`, { pointer, id: owner.id });
    return {};
  }

  /**
   * Cleans each language and drops a blank one with a warning (the other language then shows);
   * undefined when no language has visible text.
   */
  #bilingual(raw: Bilingual, pointer: string, owner: Owner, field: string): Bilingual | undefined {
    const text: Mutable<Bilingual> = {};
    const blank: Language[] = [];
    for (const language of LANGUAGES) {
      const value = raw[language];
      if (value === undefined) continue;
      const cleaned = this.#text(value, childPointer(pointer, language), owner.id);
      if (isBlank(cleaned)) blank.push(language);
      else text[language] = cleaned;
    }
    // The schema requires at least one language, so no visible text means every language is blank.
    if (!LANGUAGES.some((language) => text[language] !== undefined)) return undefined;
    for (const language of blank) {
      this.#problems.warning(`removed the blank ${language} ${field} of ${owner.name}`, { pointer: childPointer(pointer, language), id: owner.id });
    }
    return text;
  }
}

/**
 * A fresh copy of data kept for another format. Keys are defined, never assigned, so a key
 * `__proto__` stays an ordinary property; the parser has already capped the nesting depth.
 */
function copyJson(value: JsonValue): JsonData {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, JsonData> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: copyJson((value as Record<string, JsonValue>)[key]!), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
