/**
 * Finding nodes by what they say, who says it, their tags, and the pinyin of their Chinese.
 *
 * Everything costly (folding, pinyin) happens once in `buildSearchIndex`, or a node at a time in
 * `searchIndexInSteps` for a page that must keep answering while it builds; a query only folds
 * itself and scans prepared strings with `indexOf`, and places highlights only for the results
 * it returns.
 *
 * Ranking: how well a text matches comes first (exact > prefix > substring), then what matched
 * (the node's text > a tag > the speaker's name > pinyin of the text > pinyin of the name >
 * initials of the text > initials of the name), then map order. A pinyin match must begin at
 * the start of a syllable, so `amo` does not find 大模型 (da|mo).
 */
import { LANGUAGES, type ArgMap, type Bilingual, type Language } from '../model.ts';
import { pinyinText, unitHolding, unitStartingAt, type PinyinReading, type PinyinText } from './pinyin-text.ts';
import { foldText, foldTextWithOrigins } from './text-fold.ts';

export type SearchField = 'zh' | 'en' | 'actor' | 'pinyin' | 'initials' | 'tag';

/** The string a match was found in, which `ranges` point into. */
export type MatchedText =
  | { readonly kind: 'text'; readonly language: Language }
  | { readonly kind: 'actor-name'; readonly actorId: string; readonly language: Language }
  | { readonly kind: 'tag'; readonly tag: string };

/** A span of UTF-16 offsets, end excluded. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface SearchResult {
  readonly nodeId: string;
  readonly field: SearchField;
  /** Higher is better; only the order means anything. */
  readonly score: number;
  readonly matchedIn: MatchedText;
  /** Every match in the `matchedIn` string, for highlighting; never empty. */
  readonly ranges: readonly TextRange[];
}

export interface SearchOptions {
  /** At most this many results (100 unless given; `Infinity` for all). */
  readonly limit?: number;
}

export const DEFAULT_RESULT_LIMIT = 100;

interface SearchableText {
  readonly original: string;
  readonly folded: string;
  readonly pinyin: PinyinText | undefined;
  /** The field a match of the text's own letters is reported under. */
  readonly field: SearchField;
  /** Made once here, so a query hands it out without allocating. */
  readonly matchedIn: MatchedText;
}

interface NodeEntry {
  readonly nodeId: string;
  readonly actorId: string | undefined;
  readonly texts: readonly SearchableText[];
  readonly tags: readonly string[];
}

/** Built once per map by `buildSearchIndex`; its inside is private to this module. */
export interface SearchIndex {
  readonly nodes: readonly NodeEntry[];
  readonly actorNames: ReadonlyMap<string, readonly SearchableText[]>;
  readonly tags: ReadonlyMap<string, SearchableText>;
}

function searchable(original: string, field: SearchField, matchedIn: MatchedText, reading: PinyinReading | undefined): SearchableText {
  const pinyin = reading === undefined ? undefined : pinyinText(original, reading);
  if (pinyin !== undefined) {
    // Strings built by `+=` are ropes in V8, flattened by their first scan: scanned here, in the
    // index's slices, rather than all at once by the first query (0.3 s over 500 long texts).
    void pinyin.syllables.indexOf('\u0000');
    void pinyin.initials.indexOf('\u0000');
  }
  return { original, folded: foldText(original), pinyin, field, matchedIn };
}

function bilingualTexts(text: Bilingual, reading: PinyinReading, describe: (language: Language) => { field: SearchField; matchedIn: MatchedText }): SearchableText[] {
  return LANGUAGES.flatMap((language) => {
    const original = text[language];
    if (original === undefined || original === '') return [];
    const { field, matchedIn } = describe(language);
    return [searchable(original, field, matchedIn, reading)];
  });
}

const IN_NODE_TEXT: Readonly<Record<Language, MatchedText>> = { zh: { kind: 'text', language: 'zh' }, en: { kind: 'text', language: 'en' } };

export function buildSearchIndex(map: ArgMap): SearchIndex {
  const steps = searchIndexInSteps(map);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The index, built one actor or node per step: a caller runs steps for a few milliseconds at a
 * time, so that indexing 20,000 long texts (pinyin is the cost) never freezes the page.
 */
export function* searchIndexInSteps(map: ArgMap): Generator<undefined, SearchIndex, undefined> {
  const actorNames = new Map<string, readonly SearchableText[]>();
  for (const actor of map.actors) {
    if (actorNames.has(actor.id)) continue;
    actorNames.set(actor.id, bilingualTexts(actor.name, 'name', (language) => ({ field: 'actor', matchedIn: { kind: 'actor-name', actorId: actor.id, language } })));
    yield;
  }
  const tags = new Map<string, SearchableText>();
  const nodes: NodeEntry[] = [];
  for (const node of map.nodes) {
    for (const tag of node.tags ?? []) if (!tags.has(tag)) tags.set(tag, searchable(tag, 'tag', { kind: 'tag', tag }, undefined));
    const texts = bilingualTexts(node.text, 'text', (language) => ({ field: language, matchedIn: IN_NODE_TEXT[language] }));
    nodes.push({ nodeId: node.id, actorId: node.actor, texts, tags: node.tags ?? [] });
    yield;
  }
  return { nodes, actorNames, tags };
}

const EXACT = 3;
const PREFIX = 2;
const SUBSTRING = 1;

/** What matched, best first; the score is quality × 10 + this rank. */
const RANK = { text: 7, tag: 6, actorName: 5, textPinyin: 4, actorPinyin: 3, textInitials: 2, actorInitials: 1 } as const;

interface PreparedQuery {
  readonly folded: string;
  /** The query as pinyin letters (and digits), when it can be pinyin at all. */
  readonly pinyin: string | undefined;
  /** The query as initials, when it is letters only. */
  readonly initials: string | undefined;
}

function prepareQuery(query: string): PreparedQuery | undefined {
  const folded = foldText(query);
  if (folded === '') return undefined;
  // Tone marks, syllable apostrophes (xi'an) and spaces are not in the index; ü is written v there.
  const latin = folded.replaceAll('ü', 'v').normalize('NFD').replace(/[\p{M}'’]/gu, '');
  const pinyin = /^[a-z0-9]*[a-z][a-z0-9]*$/.test(latin) ? latin : undefined;
  const initials = pinyin !== undefined && /^[a-z]+$/.test(pinyin) ? pinyin : undefined;
  return { folded, pinyin, initials };
}

/** How a text matched: by its own letters, or by the syllables or the initials of its pinyin. */
type MatchMethod = 'folded' | 'syllables' | 'initials';

interface Candidate {
  readonly field: SearchField;
  readonly score: number;
  readonly text: SearchableText;
  readonly method: MatchMethod;
  /** The query in the form the method compares. */
  readonly query: string;
}

/** The best match of one node so far, overwritten in place: scanning allocates only for nodes that match. */
class BestMatch {
  #score = 0;
  #best: Candidate | undefined;
  #field: SearchField = 'zh';
  #text: SearchableText | undefined;
  #method: MatchMethod = 'folded';
  #query = '';

  offer(score: number, field: SearchField, text: SearchableText, method: MatchMethod, query: string): void {
    if (score <= this.#score) return;
    this.#score = score;
    this.#best = undefined;
    this.#field = field;
    this.#text = text;
    this.#method = method;
    this.#query = query;
  }

  /** Takes a candidate made earlier (an actor's or a tag's) as it is. */
  offerCandidate(candidate: Candidate | undefined): void {
    if (candidate === undefined || candidate.score <= this.#score) return;
    this.#score = candidate.score;
    this.#best = candidate;
  }

  result(): Candidate | undefined {
    if (this.#best !== undefined) return this.#best;
    const text = this.#text;
    return text === undefined ? undefined : { field: this.#field, score: this.#score, text, method: this.#method, query: this.#query };
  }

  clear(): void {
    this.#score = 0;
    this.#best = undefined;
    this.#text = undefined;
  }
}

function qualityAt(position: number, matchedLength: number, textLength: number): number {
  if (position < 0) return 0;
  if (position > 0) return SUBSTRING;
  return matchedLength === textLength ? EXACT : PREFIX;
}

/** The first place `query` occurs in the syllables beginning at a unit, or -1. */
function firstSyllableMatch(pinyin: PinyinText, query: string): number {
  for (let position = pinyin.syllables.indexOf(query); position >= 0; position = pinyin.syllables.indexOf(query, position + 1)) {
    if (unitStartingAt(pinyin, position) >= 0) return position;
  }
  return -1;
}

interface Ranks {
  readonly direct: number;
  readonly pinyin: number;
  readonly initials: number;
}

const TEXT_RANKS: Ranks = { direct: RANK.text, pinyin: RANK.textPinyin, initials: RANK.textInitials };
const ACTOR_RANKS: Ranks = { direct: RANK.actorName, pinyin: RANK.actorPinyin, initials: RANK.actorInitials };

/** Offers every way `query` matches one text: its own letters, its pinyin, its initials. */
function matchText(best: BestMatch, text: SearchableText, query: PreparedQuery, ranks: Ranks): void {
  const direct = qualityAt(text.folded.indexOf(query.folded), query.folded.length, text.folded.length);
  if (direct > 0) best.offer(direct * 10 + ranks.direct, text.field, text, 'folded', query.folded);
  const { pinyin } = text;
  if (pinyin === undefined) return;
  if (query.pinyin !== undefined) {
    const quality = qualityAt(firstSyllableMatch(pinyin, query.pinyin), query.pinyin.length, pinyin.syllables.length);
    if (quality > 0) best.offer(quality * 10 + ranks.pinyin, 'pinyin', text, 'syllables', query.pinyin);
  }
  if (query.initials !== undefined) {
    const quality = qualityAt(pinyin.initials.indexOf(query.initials), query.initials.length, pinyin.initials.length);
    if (quality > 0) best.offer(quality * 10 + ranks.initials, 'initials', text, 'initials', query.initials);
  }
}

function actorMatches(index: SearchIndex, query: PreparedQuery): Map<string, Candidate> {
  const matches = new Map<string, Candidate>();
  const best = new BestMatch();
  for (const [actorId, names] of index.actorNames) {
    best.clear();
    for (const name of names) matchText(best, name, query, ACTOR_RANKS);
    const candidate = best.result();
    if (candidate !== undefined) matches.set(actorId, candidate);
  }
  return matches;
}

function tagMatches(index: SearchIndex, query: PreparedQuery): Map<string, Candidate> {
  const matches = new Map<string, Candidate>();
  for (const [tag, text] of index.tags) {
    const quality = qualityAt(text.folded.indexOf(query.folded), query.folded.length, text.folded.length);
    if (quality > 0) matches.set(tag, { field: 'tag', score: quality * 10 + RANK.tag, text, method: 'folded', query: query.folded });
  }
  return matches;
}

/** Starts of the non-overlapping occurrences of `query` in `text` that `accepts` allows. */
function occurrences(text: string, query: string, accepts: (position: number) => boolean = () => true): number[] {
  const found: number[] = [];
  let position = text.indexOf(query);
  while (position >= 0) {
    if (accepts(position)) {
      found.push(position);
      position = text.indexOf(query, position + query.length);
    } else {
      position = text.indexOf(query, position + 1);
    }
  }
  return found;
}

/** Joins ranges that overlap, as several folded units of one character can make them. */
function mergeOverlaps(ranges: readonly TextRange[]): TextRange[] {
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range.start < last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

function rangesOf({ text, method, query }: Candidate): TextRange[] {
  const { length } = query;
  const { pinyin } = text;
  if (method === 'folded' || pinyin === undefined) {
    const { folded, originStarts, originEnds } = foldTextWithOrigins(text.original);
    return mergeOverlaps(occurrences(folded, query).map((position) => ({ start: originStarts[position]!, end: originEnds[position + length - 1]! })));
  }
  if (method === 'initials') {
    return occurrences(pinyin.initials, query).map((unit) => ({ start: pinyin.originStarts[unit]!, end: pinyin.originEnds[unit + length - 1]! }));
  }
  return occurrences(pinyin.syllables, query, (position) => unitStartingAt(pinyin, position) >= 0).map((position) => ({
    start: pinyin.originStarts[unitStartingAt(pinyin, position)]!,
    end: pinyin.originEnds[unitHolding(pinyin, position + length - 1)]!,
  }));
}

export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResult[] {
  const prepared = prepareQuery(query);
  if (prepared === undefined) return [];
  const actors = actorMatches(index, prepared);
  const tags = tagMatches(index, prepared);
  const found: { readonly order: number; readonly nodeId: string; readonly candidate: Candidate }[] = [];
  const best = new BestMatch();
  index.nodes.forEach((entry, order) => {
    best.clear();
    for (const text of entry.texts) matchText(best, text, prepared, TEXT_RANKS);
    for (const tag of entry.tags) best.offerCandidate(tags.get(tag));
    if (entry.actorId !== undefined) best.offerCandidate(actors.get(entry.actorId));
    const candidate = best.result();
    if (candidate !== undefined) found.push({ order, nodeId: entry.nodeId, candidate });
  });
  found.sort((a, b) => b.candidate.score - a.candidate.score || a.order - b.order);
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_RESULT_LIMIT));
  return found.slice(0, limit).map(({ nodeId, candidate }) => ({
    nodeId,
    field: candidate.field,
    score: candidate.score,
    matchedIn: candidate.text.matchedIn,
    ranges: rangesOf(candidate),
  }));
}
