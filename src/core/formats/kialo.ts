/**
 * Kialo's plain-text export of a discussion:
 *
 *     Discussion Title: Should cities ban cars from their centres?
 *
 *     1. Cities should ban cars from their centres.
 *     1.1. Pro: Fewer cars mean cleaner air \(and fewer asthma attacks\).
 *     1.1.1. Con: Most pollution comes from [heating](https://example.org/heating).
 *     1.2. Con: -> See 1.1.1.
 *
 * The mapping:
 * - the discussion title is the map's title; when it is a question (it ends with "?" or "？") it
 *   is also a `question` node, which every thesis answers;
 * - every numbered claim is a `claim` node, its id the path without the last dot (`1.2`); the
 *   theses are the paths of one number (`1.`), whose text has no stance;
 * - `Pro:` is a `support` edge and `Con:` an `attack` edge from the claim to its parent (the
 *   path without its last number); edge ids are `e` + the path (`e1.2`);
 * - a cross-link `1.2. Con: -> See 1.1.1.` adds no node: it is an edge of that stance from the
 *   claim it names (1.1.1) to the parent of its own place (1); a claim under a cross-link hangs
 *   on the claim the link names;
 * - Markdown in a claim is read as Kialo writes it: `\(` and other backslash escapes become the
 *   character, a link `[label](url)` becomes its label and its address becomes one of the map's
 *   sources (one per address).
 * Lines end in LF, CRLF or CR; blank lines are skipped. Problems (a line that is no claim, a
 * stance other than Pro or Con, a path whose parent is missing, a cross-link to a missing path,
 * a path given twice) are located by line and column; nothing here throws.
 */

import { loadMapText, MAX_FILE_BYTES } from '../load-map.ts';
import type { ArgMap, Language } from '../model.ts';
import { ProblemCollector, quoteForMessage, type Position, type Problem } from '../problems.ts';
import { guessLanguage } from './detect.ts';

export interface KialoImportOptions {
  /** The language of the discussion; guessed from its text when absent. */
  readonly language?: Language;
}

export interface KialoImportResult {
  /** Absent when the file has errors; then `problems` says where. */
  readonly map?: ArgMap;
  readonly problems: Problem[];
}

export const QUESTION_NODE_ID = 'question';

const TITLE_LINE = /^Discussion Title:[ \t]*(.*)$/;
const PATH = /^((?:[0-9]+\.)+)(?=[ \t]|$)[ \t]*/;
const STANCE = /^([^\s:]+):[ \t]*/;
const CROSS_LINK = /^->[ \t]*See[ \t]+((?:[0-9]+\.)*[0-9]+)\.?[ \t]*$/i;
const QUESTION_END = /[?？]$/;
const STANCES: ReadonlyMap<string, 'support' | 'attack'> = new Map([['Pro', 'support'], ['Con', 'attack']]);

interface Line {
  readonly number: number;
  readonly text: string;
}

/** The lines of a text, each without its line end; LF, CRLF and a lone CR each end a line. */
function splitLines(text: string): Line[] {
  return text.split(/\r\n|\n|\r/).map((line, index) => ({ number: index + 1, text: line }));
}

/** One numbered line: a claim, or a cross-link to one. */
export interface KialoEntry {
  /** The path without its last dot: `1.2`. */
  readonly path: string;
  readonly parent: string | undefined;
  readonly stance: 'support' | 'attack' | undefined;
  readonly at: Position;
  readonly content: { readonly kind: 'claim'; readonly text: string } | { readonly kind: 'link'; readonly target: string; readonly at: Position };
}

export function importKialo(text: string, options: KialoImportOptions = {}): KialoImportResult {
  // The last line of defence, as in load-map.ts: a bug becomes a problem, not a crash.
  try {
    return readKialo(text, options);
  } catch {
    return { problems: [{ severity: 'error', message: 'internal error while reading the Kialo export' }] };
  }
}

function readKialo(text: string, options: KialoImportOptions): KialoImportResult {
  if (text.length > MAX_FILE_BYTES) {
    return { problems: [{ severity: 'error', message: `the file is too large; argmap opens files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB` }] };
  }
  const problems = new ProblemCollector();
  const lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text).filter((line) => line.text.trim() !== '');
  const [first, ...rest] = lines;
  if (first === undefined) {
    problems.error('the file is empty; a Kialo export starts with "Discussion Title: …"', { line: 1, column: 1 });
    return { problems: problems.toArray() };
  }
  const titleMatch = TITLE_LINE.exec(first.text.trim());
  const title = titleMatch?.[1]?.trim() ?? '';
  if (titleMatch === null) problems.error('a Kialo export starts with "Discussion Title: …"', { line: first.number, column: 1 });
  else if (title === '') problems.error('the discussion title is empty', { line: first.number, column: first.text.length + 1 });

  const entries = new Map<string, KialoEntry>();
  for (const line of titleMatch === null ? lines : rest) {
    const entry = readEntry(line, problems);
    if (entry === undefined) continue;
    const earlier = entries.get(entry.path);
    if (earlier === undefined) entries.set(entry.path, entry);
    else problems.error(`${entry.path}. appears twice (first on line ${earlier.at.line})`, { ...entry.at });
  }
  if (problems.hasErrors) return { problems: problems.toArray() };
  if (entries.size === 0) {
    problems.error('the discussion has no claims; they follow the title as "1. …", "1.1. Pro: …"', { line: first.number, column: 1 });
    return { problems: problems.toArray() };
  }

  const document = buildDocument(title, { line: first.number, column: 1 }, entries, options, problems);
  if (document === undefined) return { problems: problems.toArray() };
  // The document goes through the same stages as a map file: schema, text repairs, integrity.
  const loaded = loadMapText(JSON.stringify(document.value));
  const relocate = (problem: Problem): void => {
    const at = problem.pointer === undefined ? undefined : document.positionOf(problem.pointer);
    problems[problem.severity](problem.message, { ...(at ?? { line: first.number, column: 1 }), ...(problem.id === undefined ? {} : { id: problem.id }) });
  };
  (loaded.ok ? loaded.warnings : loaded.problems).forEach(relocate);
  return loaded.ok ? { map: loaded.map, problems: problems.toArray() } : { problems: problems.toArray() };
}

function readEntry(line: Line, problems: ProblemCollector): KialoEntry | undefined {
  const indent = line.text.length - line.text.trimStart().length;
  const content = line.text.trim();
  const position = (offset: number): Position => ({ line: line.number, column: indent + offset + 1 });
  const pathMatch = PATH.exec(content);
  if (pathMatch === null) {
    problems.error(`this line is not a claim: expected a numbered claim such as "1.2. Pro: …", not ${quoteForMessage(content.slice(0, 40))}`, position(0));
    return undefined;
  }
  const path = pathMatch[1]!.slice(0, -1);
  const numbers = path.split('.');
  let offset = pathMatch[0].length;
  let stance: KialoEntry['stance'];
  if (numbers.length > 1) {
    const stanceMatch = STANCE.exec(content.slice(offset));
    const kind = stanceMatch === null ? undefined : STANCES.get(stanceMatch[1]!);
    if (stanceMatch === null || kind === undefined) {
      const found = stanceMatch === null ? 'none' : quoteForMessage(stanceMatch[1]!);
      problems.error(`the stance of ${path}. must be Pro or Con, not ${found}`, position(offset));
      return undefined;
    }
    stance = kind;
    offset += stanceMatch[0].length;
  }
  const body = content.slice(offset).trim();
  const parent = numbers.length > 1 ? numbers.slice(0, -1).join('.') : undefined;
  const at = position(0);
  const link = CROSS_LINK.exec(body);
  if (link !== null) {
    if (stance === undefined) {
      problems.error(`the thesis ${path}. cannot be a cross-link`, position(offset));
      return undefined;
    }
    return { path, parent, stance, at, content: { kind: 'link', target: link[1]!, at: position(offset + body.indexOf(link[1]!)) } };
  }
  if (body === '') {
    problems.error(`${path}. has no text`, position(offset));
    return undefined;
  }
  return { path, parent, stance, at, content: { kind: 'claim', text: body } };
}

/** Markdown, as far as a claim holds it: `\(` escapes and `[label](url)` links. */
interface CleanText {
  readonly text: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * The `)` that closes each `(` of a text, skipping escaped parentheses and balancing nested ones
 * (a line break closes nothing). Found in one pass, so that a claim of many links that never
 * close (`[a](` repeated) is not scanned to its end once per link.
 */
function closingParentheses(text: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') index += 1;
    else if (character === '(') open.push(index);
    else if (character === ')') {
      const start = open.pop();
      if (start !== undefined) closing.set(start, index);
    } else if (character === '\n') open.length = 0;
  }
  return closing;
}

/** Where a link's `[label]` ends: its `]`, skipping escaped brackets; -1 when it is no link. */
function labelEnd(text: string, open: number): number {
  for (let index = open + 1; index < text.length; index += 1) {
    const character = text[index];
    if (character === '\\') index += 1;
    else if (character === '[') return -1;
    else if (character === ']') return text[index + 1] === '(' ? index : -1;
  }
  return -1;
}

function unescapeMarkdown(text: string): string {
  return text.replace(/\\(.)/g, (escape, character: string) => (ASCII_PUNCTUATION.test(character) ? character : escape));
}

function cleanKialoText(raw: string): CleanText {
  const links: { label: string; url: string }[] = [];
  const closing = closingParentheses(raw);
  let text = '';
  let index = 0;
  while (index < raw.length) {
    const character = raw[index]!;
    if (character === '\\' && ASCII_PUNCTUATION.test(raw[index + 1] ?? '')) {
      text += raw[index + 1];
      index += 2;
      continue;
    }
    const closeLabel = character === '[' ? labelEnd(raw, index) : -1;
    const closeUrl = closeLabel < 0 ? -1 : closing.get(closeLabel + 1) ?? -1;
    if (closeUrl < 0) {
      text += character;
      index += 1;
      continue;
    }
    const label = unescapeMarkdown(raw.slice(index + 1, closeLabel)).trim();
    const url = unescapeMarkdown(raw.slice(closeLabel + 2, closeUrl)).trim();
    links.push({ label, url });
    text += label;
    index = closeUrl + 1;
  }
  return { text, links };
}

/**
 * The node a path stands for: a claim's own node, or for a cross-link the claim at the end of its
 * chain of links (undefined when the chain is broken or loops). Every path's answer is kept, and
 * a walk stops at the first path already answered, so all paths together are resolved in time
 * linear in their number: resolving each one afresh made a chain of n links cost n² / 2 steps.
 */
export function claimResolver(entries: ReadonlyMap<string, KialoEntry>): (path: string) => string | undefined {
  const resolved = new Map<string, string | undefined>();
  return (path) => {
    const walked: string[] = [];
    const onWalk = new Set<string>();
    let current = path;
    let claim: string | undefined;
    for (;;) {
      if (resolved.has(current)) {
        claim = resolved.get(current);
        break;
      }
      const entry = entries.get(current);
      // A missing path, or a loop back into this walk, resolves to no claim.
      if (entry === undefined || onWalk.has(current)) break;
      if (entry.content.kind === 'claim') {
        claim = current;
        break;
      }
      walked.push(current);
      onWalk.add(current);
      current = entry.content.target;
    }
    for (const step of walked) resolved.set(step, claim);
    return claim;
  };
}

interface KialoDocument {
  readonly value: unknown;
  /** Where in the export the element at a document pointer (or its nearest ancestor) was written; else the title. */
  readonly positionOf: (pointer: string) => Position;
}

function buildDocument(
  title: string, titleAt: Position, entries: ReadonlyMap<string, KialoEntry>, options: KialoImportOptions, problems: ProblemCollector,
): KialoDocument | undefined {
  const positions = new Map<string, Position>();
  const nodeOf = claimResolver(entries);

  const claims = [...entries.values()].filter((entry) => entry.content.kind === 'claim');
  const cleaned = new Map(claims.map((entry) => [entry.path, cleanKialoText(entry.content.kind === 'claim' ? entry.content.text : '')]));
  const cleanTitle = cleanKialoText(title);
  const language = options.language ?? guessLanguage([cleanTitle.text, ...[...cleaned.values()].map((clean) => clean.text)]);

  const sources: { id: string; title: Record<string, string>; url: string }[] = [];
  const knownUrls = new Set<string>();
  const linksWithPlace = [
    ...cleanTitle.links.map((link) => ({ link, at: titleAt })),
    ...claims.flatMap((entry) => cleaned.get(entry.path)!.links.map((link) => ({ link, at: entry.at }))),
  ];
  for (const { link: { label, url }, at } of linksWithPlace) {
    if (url === '' || knownUrls.has(url)) continue;
    knownUrls.add(url);
    positions.set(`/sources/${sources.length}`, at);
    sources.push({ id: `s${sources.length + 1}`, title: { [language]: label === '' ? url : label }, url });
  }

  const isQuestion = QUESTION_END.test(cleanTitle.text);
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  if (isQuestion) {
    positions.set('/nodes/0', titleAt);
    nodes.push({ id: QUESTION_NODE_ID, kind: 'question', text: { [language]: cleanTitle.text } });
  }
  for (const entry of claims) {
    positions.set(`/nodes/${nodes.length}`, entry.at);
    nodes.push({ id: entry.path, kind: 'claim', text: { [language]: cleaned.get(entry.path)!.text } });
  }
  for (const entry of entries.values()) {
    const at = `/edges/${edges.length}`;
    if (entry.parent === undefined) {
      if (!isQuestion) continue;
      positions.set(at, entry.at);
      edges.push({ id: `e${entry.path}`, from: entry.path, to: QUESTION_NODE_ID, kind: 'answer' });
      continue;
    }
    const to = nodeOf(entry.parent);
    if (to === undefined) {
      problems.error(`${entry.path}. has no parent: there is no claim ${entry.parent}.`, entry.at);
      continue;
    }
    let from = entry.path;
    if (entry.content.kind === 'link') {
      const target = nodeOf(entry.content.target);
      if (target === undefined) {
        problems.error(`the cross-link at ${entry.path}. names ${entry.content.target}., which is no claim`, entry.content.at);
        continue;
      }
      if (target === to) {
        problems.error(`the cross-link at ${entry.path}. would make ${target}. speak to itself`, entry.content.at);
        continue;
      }
      from = target;
      positions.set(`${at}/from`, entry.content.at);
    }
    positions.set(at, entry.at);
    edges.push({ id: `e${entry.path}`, from, to, kind: entry.stance });
  }
  if (problems.hasErrors) return undefined;
  const value = { schemaVersion: 1, title: { [language]: cleanTitle.text }, sources, actors: [], nodes, edges };
  const positionOf = (pointer: string): Position => {
    for (let current = pointer; ; current = current.slice(0, current.lastIndexOf('/'))) {
      const position = positions.get(current);
      if (position !== undefined || !current.includes('/')) return position ?? titleAt;
    }
  };
  return { value, positionOf };
}
