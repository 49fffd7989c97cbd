/**
 * Which of many texts occur in one long text, in time linear in their lengths together
 * (Aho–Corasick over UTF-16 code units). Searching each quote with `includes` costs up to the
 * source's length per quote: 100 quotes of 10,000 characters over a 20 MB source took minutes.
 */

/**
 * Code units of patterns per automaton, which bounds its memory (a few tens of bytes a state).
 * More patterns are searched in batches, each batch one more pass over the text.
 */
const BATCH_CODE_UNITS = 4_000_000;

/** The patterns that occur in `text`; the empty pattern occurs in every text. */
export function occurringTexts(text: string, patterns: Iterable<string>): Set<string> {
  const found = new Set<string>();
  let batch: string[] = [];
  let batchLength = 0;
  for (const pattern of new Set(patterns)) {
    if (batchLength + pattern.length > BATCH_CODE_UNITS && batch.length > 0) {
      for (const match of searchBatch(text, batch)) found.add(match);
      batch = [];
      batchLength = 0;
    }
    batch.push(pattern);
    batchLength += pattern.length;
  }
  if (batch.length > 0) for (const match of searchBatch(text, batch)) found.add(match);
  return found;
}

const ROOT = 0;
const NONE = -1;

/**
 * The trie's transitions. Most states have one child, kept in typed arrays; a state with more
 * gets a Map of its own. (One Map keyed state × 65536 + code unit needs keys beyond small
 * integers, which V8 hashes slowly: a 20 MB text took half a minute.)
 */
class Transitions {
  readonly #onlyCode: Int32Array;
  readonly #onlyChild: Int32Array;
  readonly #more = new Map<number, Map<number, number>>();
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly codeOf: Uint16Array;

  constructor(capacity: number) {
    this.#onlyCode = new Int32Array(capacity).fill(NONE);
    this.#onlyChild = new Int32Array(capacity).fill(NONE);
    this.firstChild = new Int32Array(capacity).fill(NONE);
    this.nextSibling = new Int32Array(capacity).fill(NONE);
    this.codeOf = new Uint16Array(capacity);
  }

  get(state: number, code: number): number {
    if (this.#onlyCode[state] === code) return this.#onlyChild[state]!;
    return this.#more.get(state)?.get(code) ?? NONE;
  }

  add(state: number, code: number, child: number): void {
    if (this.#onlyCode[state] === NONE) {
      this.#onlyCode[state] = code;
      this.#onlyChild[state] = child;
    } else {
      const more = this.#more.get(state) ?? new Map<number, number>();
      more.set(code, child);
      this.#more.set(state, more);
    }
    this.codeOf[child] = code;
    this.nextSibling[child] = this.firstChild[state]!;
    this.firstChild[state] = child;
  }
}

function searchBatch(text: string, patterns: readonly string[]): string[] {
  const capacity = patterns.reduce((total, pattern) => total + pattern.length, 1);
  const child = new Transitions(capacity);
  /** The pattern that ends at a state, as an index into `patterns`. */
  const patternAt = new Int32Array(capacity).fill(NONE);
  let states = 1;

  patterns.forEach((pattern, index) => {
    let state = ROOT;
    for (let offset = 0; offset < pattern.length; offset += 1) {
      const code = pattern.charCodeAt(offset);
      let next = child.get(state, code);
      if (next === NONE) {
        next = states;
        states += 1;
        child.add(state, code, next);
      }
      state = next;
    }
    patternAt[state] = index;
  });

  // Failure links (the longest proper suffix that is a state) and output links (the longest
  // such suffix where a pattern ends), breadth first so a state's suffixes are done before it.
  const failure = new Int32Array(states);
  const output = new Int32Array(states).fill(NONE);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let state = child.firstChild[ROOT]!; state !== NONE; state = child.nextSibling[state]!) queue[tail++] = state;
  while (head < tail) {
    const state = queue[head++]!;
    for (let next = child.firstChild[state]!; next !== NONE; next = child.nextSibling[next]!) {
      const code = child.codeOf[next]!;
      let fallback = failure[state]!;
      while (fallback !== ROOT && child.get(fallback, code) === NONE) fallback = failure[fallback]!;
      const target = child.get(fallback, code);
      failure[next] = target === NONE || target === next ? ROOT : target;
      const suffix = failure[next]!;
      output[next] = patternAt[suffix] !== NONE ? suffix : output[suffix]!;
      queue[tail++] = next;
    }
  }

  const found = new Uint8Array(states);
  const matches: string[] = [];
  const emptyPattern = patternAt[ROOT]!;
  if (emptyPattern !== NONE) matches.push(patterns[emptyPattern]!);
  let state = ROOT;
  for (let offset = 0; offset < text.length; offset += 1) {
    const code = text.charCodeAt(offset);
    let next = child.get(state, code);
    while (next === NONE && state !== ROOT) {
      state = failure[state]!;
      next = child.get(state, code);
    }
    state = next === NONE ? ROOT : next;
    // Each state's matches are taken once: a state already taken has had its suffixes taken too.
    for (let ending = patternAt[state] !== NONE ? state : output[state]!; ending !== NONE && found[ending] === 0; ending = output[ending]!) {
      found[ending] = 1;
      matches.push(patterns[patternAt[ending]!]!);
    }
  }
  return matches;
}
