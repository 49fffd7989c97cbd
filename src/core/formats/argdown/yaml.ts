/**
 * The YAML that Argdown embeds: front matter between `===` lines and `{key: value}` data, read
 * with the `yaml` package (YAML 1.2, core schema) under safe settings:
 * - no tags: a node written with `!tag` or `!!tag` is refused, and no tag beyond the core
 *   schema's null, booleans, numbers and strings is resolved;
 * - unique keys; no merge keys (`<<` is an ordinary key);
 * - an alias budget: at most MAX_YAML_ALIASES aliases, which may stand for at most
 *   MAX_ALIAS_EXPANSION values in all, so a "billion laughs" document is refused, not expanded;
 * - nesting capped at MAX_YAML_DEPTH, checked on the text before the parser sees it (its
 *   recursion would otherwise run out of stack, or memory, on `[[[[…`);
 * - mappings are read into `Map`s with string keys, never into objects, so keys such as
 *   `__proto__` stay data; numbers are finite (`.inf`, `1e400` stay the text written).
 * Nothing throws: the first problem is returned with its offset in the YAML text.
 */

import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type DocumentOptions, type Node as YamlNode, type ParseOptions, type SchemaOptions } from 'yaml';

export type YamlValue = null | boolean | number | string | readonly YamlValue[] | YamlMap;
export type YamlMap = ReadonlyMap<string, YamlValue>;

export type YamlResult =
  | { readonly ok: true; readonly value: YamlValue }
  | { readonly ok: false; readonly message: string; readonly offset: number };

export const MAX_YAML_DEPTH = 32;
export const MAX_YAML_ALIASES = 100;
export const MAX_ALIAS_EXPANSION = 10_000;

export function isYamlMap(value: YamlValue | undefined): value is YamlMap {
  return value instanceof Map;
}

/** A front matter document: any YAML node. */
export function parseYamlDocument(source: string): YamlResult {
  return read(source, false);
}

/** Inline data: exactly one flow mapping `{…}`. */
export function parseYamlFlowMapping(source: string): YamlResult {
  return read(source, true);
}

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
};

class YamlError {
  readonly message: string;
  readonly offset: number;

  constructor(message: string, offset: number) {
    this.message = message;
    this.offset = offset;
  }
}

function read(source: string, flowMappingOnly: boolean): YamlResult {
  try {
    const unclosedQuote = checkNesting(source);
    const document = parseDocument(source, OPTIONS);
    const [error] = document.errors;
    if (error !== undefined) {
      // The parser finds a missing quote at the end; the reader needs to see where it opens.
      const offset = error.code === 'MISSING_CHAR' && unclosedQuote !== undefined ? unclosedQuote : error.pos[0];
      return { ok: false, message: describeError(error.code, error.message), offset };
    }
    const { contents } = document;
    if (flowMappingOnly && !(isMap(contents) && contents.flow === true)) throw new YamlError('data must be one {key: value} mapping', contents?.range?.[0] ?? 0);
    return { ok: true, value: contents === null ? null : new ValueReader(document).read(contents) };
  } catch (error) {
    if (error instanceof YamlError) return { ok: false, message: error.message, offset: error.offset };
    return { ok: false, message: 'the YAML could not be read', offset: 0 };
  }
}

/** The parser's messages, with the one a reader most often meets said in our words. */
function describeError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key is given twice (keys must be unique)';
  return message.replace(/\.$/, '');
}

/**
 * Refuses nesting deeper than MAX_YAML_DEPTH before parsing: flow brackets outside quotes, and
 * block levels (each deeper indentation, each `- ` or `? ` opening a line). Returns where a quote
 * that is never closed opens.
 */
function checkNesting(source: string): number | undefined {
  let flow = 0;
  let quote: string | undefined;
  let quoteStart = 0;
  const indents: number[] = [];
  let lineStart = true;
  for (let offset = 0; offset < source.length; offset += 1) {
    const character = source[offset];
    if (quote !== undefined) {
      if (character === '\\' && quote === '"') offset += 1;
      else if (character === quote) quote = undefined;
      continue;
    }
    if (lineStart && flow === 0) {
      lineStart = false;
      let end = offset;
      while (source[end] === ' ') end += 1;
      let depth = 0;
      while ((source[end] === '-' || source[end] === '?') && (source[end + 1] === ' ' || source[end + 1] === '\t')) {
        depth += 1;
        end += 2;
        while (source[end] === ' ') end += 1;
      }
      const blank = end >= source.length || source[end] === '\n' || source[end] === '\r' || source[end] === '#';
      if (!blank) {
        const indent = [...source.slice(offset, end)].findIndex((each) => each !== ' ');
        const width = indent < 0 ? end - offset : indent;
        while (indents.length > 0 && (indents.at(-1) ?? 0) >= width) indents.pop();
        indents.push(width);
        if (indents.length + depth > MAX_YAML_DEPTH) throw new YamlError(`the YAML is nested deeper than ${MAX_YAML_DEPTH} levels`, offset);
      }
      offset = end - 1;
      continue;
    }
    if (character === '\n' || character === '\r') lineStart = true;
    else if ((character === '"' || character === "'") && /[\s[{,:]/.test(source[offset - 1] ?? ' ')) {
      quote = character;
      quoteStart = offset;
    }
    else if (character === '#' && /\s/.test(source[offset - 1] ?? ' ')) {
      while (offset + 1 < source.length && source[offset + 1] !== '\n' && source[offset + 1] !== '\r') offset += 1;
    } else if (character === '[' || character === '{') {
      flow += 1;
      if (flow > MAX_YAML_DEPTH) throw new YamlError(`the YAML is nested deeper than ${MAX_YAML_DEPTH} levels`, offset);
    } else if ((character === ']' || character === '}') && flow > 0) flow -= 1;
  }
  return quote === undefined ? undefined : quoteStart;
}

/** Node tree → values, with the alias budget; recursion is bounded by the nesting check. */
class ValueReader {
  readonly #document: Document.Parsed;
  #aliases = 0;
  /** Values produced inside aliases so far. */
  #expanded = 0;

  constructor(document: Document.Parsed) {
    this.#document = document;
  }

  read(node: YamlNode | null, insideAlias = false, depth = 0): YamlValue {
    if (node === null) return null;
    const offset = node.range?.[0] ?? 0;
    if (depth > MAX_YAML_DEPTH) throw new YamlError(`the YAML is nested deeper than ${MAX_YAML_DEPTH} levels`, offset);
    if (insideAlias && (this.#expanded += 1) > MAX_ALIAS_EXPANSION) {
      throw new YamlError(`aliases stand for more than ${MAX_ALIAS_EXPANSION} values; argmap reads no more`, offset);
    }
    if (isAlias(node)) {
      if ((this.#aliases += 1) > MAX_YAML_ALIASES) throw new YamlError(`more than ${MAX_YAML_ALIASES} aliases (*name)`, offset);
      const target = node.resolve(this.#document);
      if (target === undefined) throw new YamlError(`the alias *${node.source} names no anchor before it`, offset);
      return this.read(target, true, depth + 1);
    }
    if (node.tag !== undefined) throw new YamlError(`tags such as ${node.tag.replace('tag:yaml.org,2002:', '!!')} are not read; write the value without it`, offset);
    if (isScalar(node)) return scalarValue(node.value, node.source);
    if (isSeq(node)) return node.items.map((item) => this.read(item as YamlNode | null, insideAlias, depth + 1));
    if (isMap(node)) {
      const map = new Map<string, YamlValue>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyOffset = key?.range?.[0] ?? offset;
        if (key !== null && !isScalar(key)) throw new YamlError('a key must be a plain value, not a list or mapping', keyOffset);
        const name = key === null ? '' : typeof key.source === 'string' ? key.source : String(key.value);
        if (map.has(name)) throw new YamlError(`a key is given twice (keys must be unique): ${JSON.stringify(name)}`, keyOffset);
        map.set(name, this.read(pair.value as YamlNode | null, insideAlias, depth + 1));
      }
      return map;
    }
    throw new YamlError('a value of an unknown kind', offset);
  }
}

function scalarValue(value: unknown, source: unknown): YamlValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(source ?? value);
  return String(source ?? value);
}
