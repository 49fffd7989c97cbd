/**
 * Stage: builds a fresh ArgMap from a schema-valid document, field by field, sanitizing every
 * string on the way. Nothing of the parsed tree is spread, assigned or kept: the model holds only
 * the fields named here, in objects made here, so nothing else a file carries reaches the app.
 * Sanitizing here rather than in a pass of its own means cleaned text is only ever written into
 * these fresh objects; arrays keep their order, so `/nodes/3` still names the fourth node.
 */

import { LANGUAGES, CURRENT_SCHEMA_VERSION, type Actor, type ArgEdge, type ArgMap, type ArgNode, type Bilingual, type Language, type Quote, type Source } from '../model.ts';
import { childPointer } from '../json/pointer.ts';
import { quoteForMessage, type ProblemCollector } from '../problems.ts';
import type { MapDocument } from './schema.ts';
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
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      title: this.#requiredBilingual(document.title, '/title', { name: 'the map' }, 'title'),
      sources: document.sources.map((source, index) => this.#source(source, `/sources/${index}`)),
      actors: document.actors.map((actor, index) => this.#actor(actor, `/actors/${index}`)),
      nodes: document.nodes.map((node, index) => this.#node(node, `/nodes/${index}`)),
      edges: document.edges.map((edge, index) => this.#edge(edge, `/edges/${index}`)),
    };
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

  #node(raw: ArgNode, pointer: string): ArgNode {
    const id = this.#text(raw.id, `${pointer}/id`);
    const owner: Owner = { name: `node ${quoteForMessage(id)}`, id };
    const node: Mutable<ArgNode> = { id, kind: raw.kind, text: this.#requiredBilingual(raw.text, `${pointer}/text`, owner, 'text') };
    if (raw.actor !== undefined) node.actor = this.#text(raw.actor, `${pointer}/actor`, id);
    if (raw.quote !== undefined) node.quote = this.#quote(raw.quote, `${pointer}/quote`, owner);
    return node;
  }

  #quote(raw: Quote, pointer: string, owner: Owner): Quote {
    const quote: Quote = { source: this.#text(raw.source, `${pointer}/source`, owner.id), text: this.#text(raw.text, `${pointer}/text`, owner.id) };
    if (isBlank(quote.text)) this.#problems.error(`${owner.name} quotes blank text`, { pointer: `${pointer}/text`, id: owner.id });
    return quote;
  }

  #edge(raw: ArgEdge, pointer: string): ArgEdge {
    const id = this.#text(raw.id, `${pointer}/id`);
    return { id, from: this.#text(raw.from, `${pointer}/from`, id), to: this.#text(raw.to, `${pointer}/to`, id), kind: raw.kind };
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
