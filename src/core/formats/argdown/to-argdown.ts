/**
 * ArgMap → Argdown, written so that reading it back with `parseArgdown` gives the same map: every
 * node, edge (id, kind, ends, group, scheme), actor, source, tour, extension and both languages.
 * What Argdown can say is said in Argdown; the rest rides in argmap's own data (README.md):
 * - each node is a statement `[Title]: text #tags {argmap: …}` under the heading of its section
 *   (nodes without a section first); the title is the node's Argdown title kept from an import, or
 *   its id; `{argmap: …}` holds what the text cannot: the id when the title does not slug to it,
 *   the kind (`question` is written as the tag `#question`), the other language's text, the exact
 *   text when it has line breaks or outer blanks, actor, quote, position, awkward tags or section;
 * - each edge is a relation line under the node it points to: `+ [From]` for support, answer and
 *   rephrase, `- [From]` for attack and undercut, with `{argmap-edge: {id, kind, target, …}}`;
 *   an undercut stands under the node its attacked edge points to, naming that edge as `target`;
 * - the front matter has `title` and `lang` for Argdown, and `argmap-title`, `argmap-actors`,
 *   `argmap-sources`, `argmap-tours`, `argmap-extensions` as JSON (valid YAML flow collections).
 * Text is escaped with `\` wherever Argdown would read markup; data strings escape `= [ ] { } < >`
 * as `\uXXXX` so that Argdown's own front matter and data patterns cannot end early.
 */

import { inLanguage, type ArgEdge, type ArgMap, type ArgNode, type Language } from '../../model.ts';
import { mapToJsonValue } from '../../serialize.ts';
import { EDGE_DATA_KEY } from './model.ts';
import { SHORTCODE_CANDIDATE, SHORTCODES } from './shortcodes.ts';
import { ARGDOWN_EXTENSION, FRONT_MATTER_KEYS, NODE_DATA_KEY, slugify } from './to-map.ts';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json | undefined };

/** Characters that would end a data or front matter token early in Argdown's own lexer. */
const DATA_UNSAFE = /[=[\]{}<>]/g;

/** JSON on one line with a space after `:` and `,` (Argdown reads it as a YAML flow collection). */
export function flowJson(value: Json): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value).replace(DATA_UNSAFE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  if (Array.isArray(value)) return `[${(value as readonly Json[]).map(flowJson).join(', ')}]`;
  const entries = Object.entries(value).filter((entry): entry is [string, Json] => entry[1] !== undefined);
  return `{${entries.map(([key, item]) => `${flowJson(key)}: ${flowJson(item)}`).join(', ')}}`;
}

/** Argdown's tag characters; other tags are written as `#(tag)`. */
const PLAIN_TAG = /^[A-Za-z0-9[\\\]^_`\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$/;

function writtenTag(tag: string): string | undefined {
  if (PLAIN_TAG.test(tag)) return `#${tag}`;
  return /[)\r\n]/.test(tag) ? undefined : `#(${tag})`;
}

/** Escapes every character Argdown would read as markup, so the text reads back as written. */
export function escapeText(text: string): string {
  const escaped = text
    .replace(/[\\*_#[\]<>{}@]/g, '\\$&')
    .replace(/\/(?=[/*])/g, '\\/')
    .replace(/={3,}/g, (run) => run.replace(/=/g, '\\='));
  return escapeShortcodes(escaped);
}

/**
 * Argdown's lexer takes a `.….` or `:…:` run whole (SHORTCODE_CANDIDATE): a known shortcode
 * becomes its character, any other run stays as written, escapes included. So the `.` or `:`
 * opening a run that is a shortcode, or that holds an escape, is escaped itself (`\:happy:`).
 */
function escapeShortcodes(text: string): string {
  let escaped = '';
  let offset = 0;
  while (offset < text.length) {
    const character = text[offset] ?? '';
    if (character === '\\') {
      escaped += text.slice(offset, offset + 2);
      offset += 2;
      continue;
    }
    SHORTCODE_CANDIDATE.lastIndex = offset;
    const run = character === '.' || character === ':' ? SHORTCODE_CANDIDATE.exec(text)?.[0] : undefined;
    if (run === undefined) {
      escaped += character;
      offset += 1;
    } else if (SHORTCODES.has(run.trimEnd()) || run.includes('\\')) {
      escaped += `\\${character}`;
      offset += 1;
    } else {
      escaped += run;
      offset += run.length;
    }
  }
  return escaped;
}

/** Text the reader gives back unchanged: one line, no blanks at either end. */
function readsBackExactly(text: string): boolean {
  return text !== '' && !/[\r\n]/.test(text) && text.trim() === text;
}

/** Titles must stay on one line and hold no bracket, so `[Title]` ends where it should. */
function isUsableTitle(title: string): boolean {
  return title !== '' && !/[[\]\r\n]/.test(title) && title.trim() === title;
}

export function mapToArgdown(map: ArgMap, language: Language): string {
  return new ArgdownWriter(map, language).write();
}

class ArgdownWriter {
  readonly #map: ArgMap;
  readonly #language: Language;
  readonly #titles = new Map<string, string>();
  readonly #edgesById: ReadonlyMap<string, ArgEdge>;

  constructor(map: ArgMap, language: Language) {
    this.#map = map;
    this.#language = language;
    this.#edgesById = new Map(map.edges.map((edge) => [edge.id, edge]));
    this.#chooseTitles();
  }

  write(): string {
    const blocks = [this.#frontMatter()];
    const relationsOf = this.#relationsByAnchor();
    let section: string | undefined;
    for (const node of this.#nodesBySection()) {
      const heading = node.section !== undefined && readsBackExactly(node.section) ? node.section : undefined;
      if (heading !== undefined && heading !== section) blocks.push(`# ${escapeText(heading)}`);
      section = heading ?? section;
      blocks.push([this.#statement(node, section), ...(relationsOf.get(node.id) ?? [])].join('\n'));
    }
    return `${blocks.join('\n\n')}\n`;
  }

  /** Kept Argdown titles first, else the id; made unique and safe to write. */
  #chooseTitles(): void {
    const kept = this.#map.extensions?.get(ARGDOWN_EXTENSION);
    const keptTitles = kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? (kept as { readonly titles?: unknown }).titles : undefined;
    const titleOf = (id: string): unknown =>
      keptTitles !== null && typeof keptTitles === 'object' && Object.hasOwn(keptTitles, id) ? (keptTitles as Record<string, unknown>)[id] : undefined;
    const taken = new Set<string>();
    for (const node of this.#map.nodes) {
      const candidates = [titleOf(node.id), node.id, node.id.replace(/[[\]\r\n]/g, '-').trim()];
      let title = candidates.find((candidate): candidate is string => typeof candidate === 'string' && isUsableTitle(candidate) && !taken.has(candidate));
      for (let suffix = 2; title === undefined; suffix += 1) {
        const candidate = `${slugify(node.id)}-${suffix}`;
        if (!taken.has(candidate)) title = candidate;
      }
      taken.add(title);
      this.#titles.set(node.id, title);
    }
  }

  #title(id: string): string {
    return this.#titles.get(id) ?? id;
  }

  #frontMatter(): string {
    const json = mapToJsonValue(this.#map) as { readonly [key: string]: Json };
    const lines = [
      '===',
      `${FRONT_MATTER_KEYS.title}: ${flowJson(inLanguage(this.#map.title, this.#language))}`,
      `${FRONT_MATTER_KEYS.language}: ${this.#language}`,
      `${FRONT_MATTER_KEYS.mapTitle}: ${flowJson(json['title'] ?? null)}`,
    ];
    const list = (key: string, items: Json | undefined) => {
      if (!Array.isArray(items) || items.length === 0) return;
      lines.push(`${key}:`, ...(items as readonly Json[]).map((item) => `  - ${flowJson(item)}`));
    };
    list(FRONT_MATTER_KEYS.actors, json['actors']);
    list(FRONT_MATTER_KEYS.sources, json['sources']);
    list(FRONT_MATTER_KEYS.tours, json['tours']);
    const extensions = json['extensions'];
    if (extensions !== undefined) lines.push(`${FRONT_MATTER_KEYS.extensions}: ${flowJson(extensions)}`);
    lines.push('===');
    return lines.join('\n');
  }

  /** Nodes without a writable section first, then each section's nodes where it first appears. */
  #nodesBySection(): ArgNode[] {
    const order = new Map<string, number>();
    for (const node of this.#map.nodes) {
      if (node.section !== undefined && readsBackExactly(node.section) && !order.has(node.section)) order.set(node.section, order.size + 1);
    }
    const rank = (node: ArgNode) => (node.section === undefined ? 0 : (order.get(node.section) ?? 0));
    return [...this.#map.nodes].sort((a, b) => rank(a) - rank(b));
  }

  /** `[Title]: text #tags {argmap: …}`; `section` is the heading the statement stands under. */
  #statement(node: ArgNode, section: string | undefined): string {
    const other: Language = this.#language === 'zh' ? 'en' : 'zh';
    const writtenLanguage = node.text[this.#language] !== undefined ? this.#language : other;
    const written = inLanguage(node.text, this.#language);
    const data: Record<string, Json | undefined> = {};
    if (slugify(this.#title(node.id)) !== node.id) data['id'] = node.id;
    const tags = [...(node.tags ?? [])];
    const ownQuestionTag = tags.includes('question');
    // Without data the kind is read from the tags: `#question` or nothing (claim).
    if (node.kind === 'evidence' || ownQuestionTag) data['kind'] = node.kind;
    if (writtenLanguage !== this.#language) data['lang'] = writtenLanguage;
    for (const each of ['zh', 'en'] as const) {
      const text = node.text[each];
      if (text !== undefined && (each !== writtenLanguage || !readsBackExactly(text))) data[each] = text;
    }
    if (node.actor !== undefined) data['actor'] = node.actor;
    if (node.quote !== undefined) data['quote'] = { source: node.quote.source, text: node.quote.text };
    if (node.position !== undefined) data['position'] = { x: node.position.x, y: node.position.y };
    const writtenTags = tags.map(writtenTag);
    const tagsReadBack = new Set(tags).size === tags.length && writtenTags.every((tag) => tag !== undefined);
    if (!tagsReadBack) data['tags'] = tags;
    const syntaxTags = tagsReadBack ? (writtenTags as string[]) : [];
    if (node.kind === 'question' && !ownQuestionTag) syntaxTags.push('#question');
    if (node.section !== section) data['section'] = node.section;
    // Text that would not read back as it is has its exact form in the data; the line shows it on one line.
    const shown = readsBackExactly(written) ? written : written.replace(/\s+/g, ' ').trim();
    const parts = [`[${this.#title(node.id)}]: ${escapeText(shown)}`, ...syntaxTags];
    if (Object.keys(data).length > 0) parts.push(flowJson({ [NODE_DATA_KEY]: data }));
    return parts.join(' ');
  }

  /** Relation lines, by the node each stands under: an edge's target, or for an undercut the target of the edge it attacks. */
  #relationsByAnchor(): Map<string, string[]> {
    const lines = new Map<string, string[]>();
    for (const edge of this.#map.edges) {
      const anchor = edge.kind === 'undercut' ? this.#edgesById.get(edge.to)?.to : edge.to;
      if (anchor === undefined) continue;
      const symbol = edge.kind === 'attack' || edge.kind === 'undercut' ? '-' : '+';
      const data: Record<string, Json | undefined> = { id: edge.id };
      if (edge.kind === 'answer' || edge.kind === 'rephrase' || edge.kind === 'undercut') data['kind'] = edge.kind;
      if (edge.kind === 'undercut') data['target'] = edge.to;
      if (edge.group !== undefined) data['group'] = edge.group;
      if (edge.scheme !== undefined) data['scheme'] = edge.scheme;
      const line = `    ${symbol} [${this.#title(edge.from)}] ${flowJson({ [EDGE_DATA_KEY]: data })}`;
      const list = lines.get(anchor);
      if (list === undefined) lines.set(anchor, [line]);
      else list.push(line);
    }
    return lines;
  }
}
