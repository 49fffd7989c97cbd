/**
 * Reopening an SVG that argmap exported: the export keeps the map's JSON, XML-escaped, as the
 * text of `<metadata id="argmap-data">` (see src/export/svg.ts). This reads exactly that one
 * element without a DOM, so it runs in the CLI as in the browser and an SVG is never rendered,
 * styled or fetched from. The scan is strict: comments, CDATA sections, processing instructions
 * and declarations are stepped over (a `<metadata>` inside a comment is not read), the element
 * must hold plain escaped text, only the five XML entities and numeric character references are
 * unescaped (so no DTD can define what the text means), and an SVG with two such elements is
 * refused rather than guessed at. The text found is then read like any map file.
 */

import { loadMapText, MAX_FILE_BYTES, type LoadResult } from '../load-map.ts';
import type { Position, Problem } from '../problems.ts';

export const ARGMAP_METADATA_ID = 'argmap-data';

/** Line starts of a text, to turn offsets into line:column (CRLF, LF and a lone CR end a line). */
class LineIndex {
  readonly #starts: number[] = [0];

  constructor(text: string) {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) this.#starts.push(index + 1);
    }
  }

  position(offset: number): Position {
    const line = lastAtOrBefore(this.#starts, offset);
    return { line: line + 1, column: offset - this.#starts[line]! + 1 };
  }

  offset(position: Position): number | undefined {
    const start = this.#starts[position.line - 1];
    return start === undefined ? undefined : start + position.column - 1;
  }
}

/** The index of the last item ≤ value in an ascending list whose first item is ≤ value. */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

interface ScanFailure {
  readonly message: string;
  readonly offset: number;
}

type Scanned<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ScanFailure };

function fail<T>(message: string, offset: number): Scanned<T> {
  return { ok: false, failure: { message, offset } };
}

/** Where the text of the map's metadata element starts and ends. */
interface MetadataText {
  readonly start: number;
  readonly end: number;
  /** Where the element's start tag is, for messages. */
  readonly tag: number;
}

const NAME = /[\p{L}_:][\p{L}\p{N}_.:-]*/uy;
const ATTRIBUTE = /\s+([\p{L}_:][\p{L}\p{N}_.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/uy;
const TAG_END = /\s*(\/?)>/y;
const METADATA_END = /<\/metadata\s*>/y;

interface StartTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly selfClosing: boolean;
  /** The offset just after the tag's `>`. */
  readonly end: number;
}

function readStartTag(text: string, open: number): Scanned<StartTag> {
  NAME.lastIndex = open + 1;
  const name = NAME.exec(text)?.[0];
  if (name === undefined) return fail('a "<" that starts no tag (write it as &lt; in text)', open);
  const attributes = new Map<string, string>();
  let index = open + 1 + name.length;
  for (;;) {
    TAG_END.lastIndex = index;
    const end = TAG_END.exec(text);
    if (end !== null) return { ok: true, value: { name, attributes, selfClosing: end[1] === '/', end: TAG_END.lastIndex } };
    ATTRIBUTE.lastIndex = index;
    const attribute = ATTRIBUTE.exec(text);
    if (attribute === null) return fail(`malformed start tag <${name}>`, index);
    const attributeName = attribute[1]!;
    if (attributes.has(attributeName)) return fail(`attribute ${attributeName} appears twice in <${name}>`, index);
    attributes.set(attributeName, attribute[2] ?? attribute[3] ?? '');
    index = ATTRIBUTE.lastIndex;
  }
}

/** Markup that is stepped over whole, with the text that ends it. */
const SKIPPED: readonly { readonly start: string; readonly end: string; readonly what: string }[] = [
  { start: '<!--', end: '-->', what: 'comment' },
  { start: '<![CDATA[', end: ']]>', what: 'CDATA section' },
  { start: '<?', end: '?>', what: 'processing instruction' },
];

/** Finds every `<metadata id="argmap-data">` element outside comments, CDATA and declarations. */
function findMetadata(text: string): Scanned<MetadataText[]> {
  const found: MetadataText[] = [];
  let index = 0;
  for (;;) {
    const open = text.indexOf('<', index);
    if (open < 0) return { ok: true, value: found };
    const skipped = SKIPPED.find(({ start }) => text.startsWith(start, open));
    if (skipped !== undefined) {
      const close = text.indexOf(skipped.end, open + skipped.start.length);
      if (close < 0) return fail(`a ${skipped.what} that is never closed`, open);
      index = close + skipped.end.length;
      continue;
    }
    if (text.startsWith('<!', open) || text.startsWith('</', open)) {
      const close = text.indexOf('>', open);
      if (close < 0) return fail('a tag that is never closed', open);
      // An internal DTD subset could define entities; this reader takes the five XML ones only.
      if (text.startsWith('<!', open) && text.slice(open, close).includes('[')) return fail('a DOCTYPE with an internal subset is not read', open);
      index = close + 1;
      continue;
    }
    const tag = readStartTag(text, open);
    if (!tag.ok) return tag;
    index = tag.value.end;
    if (tag.value.name !== 'metadata' || tag.value.attributes.get('id') !== ARGMAP_METADATA_ID) continue;
    if (tag.value.selfClosing) {
      found.push({ start: index, end: index, tag: open });
      continue;
    }
    const close = text.indexOf('<', index);
    METADATA_END.lastIndex = close;
    if (close < 0 || METADATA_END.exec(text) === null) {
      return fail(`<metadata id="${ARGMAP_METADATA_ID}"> must hold only escaped text, and end with </metadata>`, close < 0 ? open : close);
    }
    found.push({ start: index, end: close, tag: open });
    index = METADATA_END.lastIndex;
  }
}

const XML_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** The longest reference read: `&#x10FFFF;` has 8 characters between `&` and `;`. */
const MAX_REFERENCE_LENGTH = 9;

/** A character XML 1.0 allows (its `Char` production). */
function isXmlCharacter(codePoint: number): boolean {
  return codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff)
    || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
}

function characterReference(name: string): string | undefined {
  const match = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(name);
  if (match === null) return undefined;
  const codePoint = match[1] === undefined ? Number.parseInt(match[2]!, 10) : Number.parseInt(match[1], 16);
  return isXmlCharacter(codePoint) ? String.fromCodePoint(codePoint) : undefined;
}

/**
 * Unescaped text and where its pieces came from: `runs[i]` is the offset in the unescaped text
 * where a run of literal characters starts and `sources[i]` where that run is in the SVG.
 */
interface Unescaped {
  readonly text: string;
  readonly runs: readonly number[];
  readonly sources: readonly number[];
}

function unescapeXml(svg: string, start: number, end: number): Scanned<Unescaped> {
  const runs = [0];
  const sources = [start];
  let text = '';
  let chunk = start;
  for (let ampersand = svg.indexOf('&', start); ampersand >= 0 && ampersand < end; ampersand = svg.indexOf('&', chunk)) {
    const semicolon = svg.indexOf(';', ampersand);
    if (semicolon < 0 || semicolon >= end || semicolon - ampersand - 1 > MAX_REFERENCE_LENGTH) {
      return fail('a "&" that starts no entity (write it as &amp;)', ampersand);
    }
    const name = svg.slice(ampersand + 1, semicolon);
    const character = XML_ENTITIES.get(name) ?? characterReference(name);
    if (character === undefined) {
      return fail(`cannot read &${name}; here: only &amp; &lt; &gt; &quot; &apos; and references to characters XML allows are read`, ampersand);
    }
    text += svg.slice(chunk, ampersand) + character;
    chunk = semicolon + 1;
    runs.push(text.length);
    sources.push(chunk);
  }
  text += svg.slice(chunk, end);
  return { ok: true, value: { text, runs, sources } };
}

function refused(svgLines: LineIndex, failure: ScanFailure): LoadResult {
  return { ok: false, problems: [{ severity: 'error', message: failure.message, ...svgLines.position(failure.offset) }] };
}

/** Moves a problem's line:column from the unescaped JSON to the SVG it was read from. */
function locateInSvg(problem: Problem, json: Unescaped, jsonLines: LineIndex, svgLines: LineIndex): Problem {
  if (problem.line === undefined || problem.column === undefined) return problem;
  const offset = jsonLines.offset({ line: problem.line, column: problem.column });
  if (offset === undefined) return problem;
  const run = lastAtOrBefore(json.runs, offset);
  return { ...problem, ...svgLines.position(json.sources[run]! + offset - json.runs[run]!) };
}

/** Reads the map kept in an SVG exported by argmap; problems are located in the SVG. */
export function readArgmapSvg(svg: string): LoadResult {
  if (svg.length > MAX_FILE_BYTES) {
    return { ok: false, problems: [{ severity: 'error', message: `the SVG is too large; argmap opens files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB` }] };
  }
  const svgLines = new LineIndex(svg);
  const scanned = findMetadata(svg);
  if (!scanned.ok) return refused(svgLines, scanned.failure);
  const [first, second] = scanned.value;
  if (first === undefined) {
    return { ok: false, problems: [{ severity: 'error', message: `this SVG holds no map: it has no <metadata id="${ARGMAP_METADATA_ID}">, which argmap writes into every SVG it exports` }] };
  }
  if (second !== undefined) {
    return refused(svgLines, { message: `this SVG has ${scanned.value.length} <metadata id="${ARGMAP_METADATA_ID}"> elements; an argmap export has exactly one`, offset: second.tag });
  }
  const unescaped = unescapeXml(svg, first.start, first.end);
  if (!unescaped.ok) return refused(svgLines, unescaped.failure);
  if (unescaped.value.text.trim() === '') return refused(svgLines, { message: `<metadata id="${ARGMAP_METADATA_ID}"> is empty`, offset: first.tag });
  const result = loadMapText(unescaped.value.text);
  const jsonLines = new LineIndex(unescaped.value.text);
  const relocate = (problem: Problem) => locateInSvg(problem, unescaped.value, jsonLines, svgLines);
  return result.ok ? { ...result, warnings: result.warnings.map(relocate) } : { ok: false, problems: result.problems.map(relocate) };
}
