/**
 * A strict RFC 8259 JSON parser. Unlike JSON.parse it reports line:column, rejects duplicate keys
 * (JSON.parse silently keeps the last one), names the usual non-JSON (comments, trailing commas,
 * NaN, single quotes) and records where every value sits so later stages can locate their
 * problems. It is iterative with a depth limit, so no nesting can overflow the stack.
 */

import { MAX_PROBLEMS_PER_STAGE, ProblemCollector, quoteForMessage, type Position, type Problem } from '../problems.ts';
import { childPointer } from './pointer.ts';

export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
export type JsonArray = readonly JsonValue[];
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value, named as JSON Schema names types. */
export function jsonTypeOf(value: JsonValue): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/**
 * `pointers` finds, for the JSON Pointer of any value, where its entry starts: the key of an
 * object member, or the value itself for array items and the top level.
 */
export type ParseResult =
  | { readonly ok: true; readonly value: JsonValue; readonly pointers: PointerIndex }
  | { readonly ok: false; readonly problems: Problem[] };

/** Where each entry of one container starts: by key for an object, by index for an array. */
type EntryPositions = Map<string, Position> | Position[];

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The positions of a parsed document, kept per container beside the parsed values rather than
 * under pointer strings: a pointer repeats every key above it, so storing one string per value
 * made a long key over many items cost their product (a 100 KB key over 25,000 items: 2.5 GB
 * of pointers to hash). A look-up walks the pointer down the values, in time linear in its length.
 */
export class PointerIndex {
  readonly #root: JsonValue;
  readonly #rootAt: Position;
  readonly #entries: ReadonlyMap<object, EntryPositions>;

  constructor(root: JsonValue, rootAt: Position, entries: ReadonlyMap<object, EntryPositions>) {
    this.#root = root;
    this.#rootAt = rootAt;
    this.#entries = entries;
  }

  /** Where the value at `pointer` starts; undefined when the file has no such value. */
  get(pointer: string): Position | undefined {
    const found = this.#walk(pointer);
    return found.complete ? found.at : undefined;
  }

  /** Where the value at `pointer`, or else its nearest ancestor in the file, starts. */
  locate(pointer: string): Position | undefined {
    return this.#walk(pointer).at;
  }

  /** Every pointer of the document, in the order of the file. */
  *keys(): Generator<string> {
    const pending: { value: JsonValue; pointer: string }[] = [{ value: this.#root, pointer: '' }];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      yield next.pointer;
      const { value, pointer } = next;
      if (value === null || typeof value !== 'object') continue;
      const entries = this.#entries.get(value);
      const children = Array.isArray(entries)
        ? entries.map((_, index) => ({ value: (value as JsonArray)[index]!, pointer: childPointer(pointer, index) }))
        : [...(entries?.keys() ?? [])].map((key) => ({ value: (value as JsonObject)[key]!, pointer: childPointer(pointer, key) }));
      pending.push(...children.reverse());
    }
  }

  #walk(pointer: string): { readonly at: Position | undefined; readonly complete: boolean } {
    if (pointer === '') return { at: this.#rootAt, complete: true };
    if (!pointer.startsWith('/')) return { at: undefined, complete: false };
    let value: JsonValue | undefined = this.#root;
    let at = this.#rootAt;
    for (const segment of pointer.slice(1).split('/')) {
      const entries: EntryPositions | undefined = value !== null && typeof value === 'object' ? this.#entries.get(value) : undefined;
      let position: Position | undefined;
      if (Array.isArray(entries)) {
        if (ARRAY_INDEX.test(segment)) {
          position = entries[Number(segment)];
          value = (value as JsonArray)[Number(segment)];
        }
      } else if (entries !== undefined) {
        const key = unescapeSegment(segment);
        position = entries.get(key);
        value = Object.hasOwn(value as JsonObject, key) ? (value as JsonObject)[key] : undefined;
      }
      if (position === undefined) return { at, complete: false };
      at = position;
    }
    return { at, complete: true };
  }
}

/** An argmap needs 4 levels; anything far deeper is hostile. */
export const MAX_NESTING_DEPTH = 64;

export function parseJson(text: string): ParseResult {
  return new JsonParser(text).parse();
}

interface ObjectFrame {
  readonly kind: 'object';
  readonly value: Record<string, JsonValue>;
  readonly positions: Map<string, Position>;
  /** The key whose value is being read. */
  key: string;
}

interface ArrayFrame {
  readonly kind: 'array';
  readonly value: JsonValue[];
  readonly positions: Position[];
}

type Frame = ObjectFrame | ArrayFrame;

function closerOf(frame: Frame): '}' | ']' {
  return frame.kind === 'object' ? '}' : ']';
}

/**
 * Stores a finished value as an own data property. The key `__proto__` is defined, never
 * assigned: assigning it would replace the object's prototype instead of storing a value. It is
 * the only accessor an object literal inherits, so every other key is assigned, which is faster.
 */
function store(frame: Frame, value: JsonValue): void {
  if (frame.kind === 'array') frame.value.push(value);
  else if (frame.key === '__proto__') Object.defineProperty(frame.value, frame.key, { value, writable: true, enumerable: true, configurable: true });
  else frame.value[frame.key] = value;
}

const COMMENTS_NOT_ALLOWED = 'comments are not allowed in JSON';
const NUMBER_TOKEN = /[-+.\w]+/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NOT_A_NUMBER = /^[-+]?(?:NaN|Infinity)$/;
const WORD = /[A-Za-z_$][\w$]*/y;
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

class JsonParser {
  readonly #text: string;
  #offset = 0;
  #line = 1;
  /** Offset of the first character of the current line. */
  #lineStart = 0;
  readonly #entries = new Map<object, EntryPositions>();
  /** The containers being read, outermost first. */
  readonly #stack: Frame[] = [];
  readonly #duplicateKeys = new ProblemCollector();
  #duplicateCount = 0;
  #syntaxError: Problem | undefined;

  constructor(text: string) {
    this.#text = text;
  }

  parse(): ParseResult {
    this.#skipWhitespace();
    if (this.#offset >= this.#text.length) return this.#fail('the file is empty');
    const stack = this.#stack;
    const rootAt = this.#position();
    for (;;) {
      // Read one value: a scalar, an empty container, or the start of a container whose first
      // entry is read next. Whitespace before the value has been skipped.
      let value: JsonValue;
      const opening = this.#peek();
      if (opening === '{' || opening === '[') {
        if (stack.length >= MAX_NESTING_DEPTH) return this.#fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels`);
        this.#offset += 1;
        const frame: Frame = opening === '{' ? { kind: 'object', value: {}, positions: new Map(), key: '' } : { kind: 'array', value: [], positions: [] };
        this.#entries.set(frame.value, frame.positions);
        this.#skipWhitespace();
        if (this.#peek() === closerOf(frame)) {
          this.#offset += 1;
          value = frame.value;
        } else {
          stack.push(frame);
          if (!this.#startEntry(frame)) return this.#failure();
          continue;
        }
      } else {
        const scalar = this.#readScalar();
        if (scalar === undefined) return this.#failure();
        value = scalar;
      }
      // Store the finished value in its container; a container that closes here is finished in turn.
      for (;;) {
        const frame = stack.at(-1);
        if (frame === undefined) return this.#finish(value, rootAt);
        store(frame, value);
        this.#skipWhitespace();
        const next = this.#peek();
        if (next === ',') {
          const comma = this.#position();
          this.#offset += 1;
          this.#skipWhitespace();
          if (this.#peek() === closerOf(frame)) return this.#fail(`trailing comma before "${closerOf(frame)}"`, comma);
          if (!this.#startEntry(frame)) return this.#failure();
          break;
        }
        if (next !== closerOf(frame)) {
          this.#unexpected(`"," or "${closerOf(frame)}"`);
          return this.#failure();
        }
        this.#offset += 1;
        stack.pop();
        value = frame.value;
      }
    }
  }

  /** Starts the next entry of a container (for an object, reads its key and colon); false on a syntax error. */
  #startEntry(frame: Frame): boolean {
    if (frame.kind === 'array') {
      frame.positions.push(this.#position());
      return true;
    }
    const start = this.#position();
    const next = this.#peek();
    if (next !== '"') {
      if (next !== undefined && /[A-Za-z_$]/.test(next)) return this.#error('object keys must be strings in double quotes') ?? false;
      return this.#unexpected('a key in double quotes') ?? false;
    }
    const key = this.#readString();
    if (key === undefined) return false;
    frame.key = key;
    const first = frame.positions.get(key);
    if (first === undefined) frame.positions.set(key, start);
    else this.#duplicateKey(key, first, start);
    this.#skipWhitespace();
    if (this.#peek() !== ':') return this.#unexpected('":"') ?? false;
    this.#offset += 1;
    this.#skipWhitespace();
    return true;
  }

  /**
   * Reports a key given twice in the object being read. Past the number of problems kept, the
   * pointer is not built: it repeats every key above, and building it for each of many
   * duplicates under a long key would cost their product.
   */
  #duplicateKey(key: string, first: Position, start: Position): void {
    this.#duplicateCount += 1;
    const pointer = this.#duplicateCount > MAX_PROBLEMS_PER_STAGE ? undefined : this.#currentPointer();
    this.#duplicateKeys.error(`duplicate key ${quoteForMessage(key)} (first at ${first.line}:${first.column})`, { ...(pointer === undefined ? {} : { pointer }), ...start });
  }

  /** The pointer of the entry being read in the innermost container. */
  #currentPointer(): string {
    return this.#stack.reduce((pointer, frame) => childPointer(pointer, frame.kind === 'object' ? frame.key : frame.value.length), '');
  }

  #readScalar(): JsonValue | undefined {
    const next = this.#peek();
    if (next === '"') return this.#readString();
    if (next !== undefined && /[-+.0-9]/.test(next)) return this.#readNumber();
    WORD.lastIndex = this.#offset;
    const word = WORD.exec(this.#text)?.[0];
    if (word === undefined) return this.#unexpected('a value');
    if (word === 'true' || word === 'false' || word === 'null') {
      this.#offset += word.length;
      return word === 'null' ? null : word === 'true';
    }
    if (NOT_A_NUMBER.test(word)) return this.#error(`${word} is not allowed in JSON; numbers must be finite`);
    return this.#error(`unexpected word ${quoteForMessage(word)}; JSON values are objects, arrays, strings, numbers, true, false and null`);
  }

  #readNumber(): number | undefined {
    NUMBER_TOKEN.lastIndex = this.#offset;
    const token = NUMBER_TOKEN.exec(this.#text)?.[0] ?? '';
    if (NOT_A_NUMBER.test(token)) return this.#error(`${token} is not allowed in JSON; numbers must be finite`);
    if (!JSON_NUMBER.test(token)) return this.#error(`invalid number ${quoteForMessage(token)}`);
    const value = Number(token);
    // 1e400 would silently become Infinity.
    if (!Number.isFinite(value)) return this.#error(`number ${quoteForMessage(token)} is too large`);
    this.#offset += token.length;
    return value;
  }

  /** Reads the string at the current `"`; leaves lone surrogates for the sanitizer to repair. */
  #readString(): string | undefined {
    const text = this.#text;
    let index = this.#offset + 1;
    let chunkStart = index;
    let result = '';
    for (;;) {
      if (index >= text.length) {
        this.#offset = index;
        return this.#error('unexpected end of input inside a string');
      }
      const code = text.charCodeAt(index);
      if (code === 0x22) {
        this.#offset = index + 1;
        return result + text.slice(chunkStart, index);
      }
      if (code < 0x20) {
        this.#offset = index;
        if (code === 0x0a || code === 0x0d) return this.#error('line break inside a string (is a closing " missing?)');
        return this.#error(`control character U+${code.toString(16).toUpperCase().padStart(4, '0')} must be escaped in a string`);
      }
      if (code !== 0x5c) {
        index += 1;
        continue;
      }
      result += text.slice(chunkStart, index);
      const escape = text[index + 1];
      const simple = escape === undefined ? undefined : SIMPLE_ESCAPES.get(escape);
      if (simple !== undefined) {
        result += simple;
        index += 2;
      } else if (escape === 'u' && HEX4.test(text.slice(index + 2, index + 6))) {
        result += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
        index += 6;
      } else {
        this.#offset = index;
        if (escape === undefined) return this.#error('unexpected end of input inside a string');
        return this.#error(`invalid escape ${quoteForMessage(escape === 'u' ? text.slice(index, index + 6) : `\\${escape}`)} in a string`);
      }
      chunkStart = index;
    }
  }

  #finish(value: JsonValue, rootAt: Position): ParseResult {
    this.#skipWhitespace();
    if (this.#offset < this.#text.length) {
      return this.#fail(this.#atComment() ? COMMENTS_NOT_ALLOWED : 'unexpected content after the end of the JSON value');
    }
    if (this.#duplicateKeys.hasErrors) return { ok: false, problems: this.#duplicateKeys.toArray() };
    return { ok: true, value, pointers: new PointerIndex(value, rootAt, this.#entries) };
  }

  /** Records an error about what is at the current position, naming common non-JSON. */
  #unexpected(expected: string): undefined {
    const next = this.#peek();
    if (next === undefined) return this.#error(`unexpected end of input; expected ${expected}`);
    if (this.#atComment()) return this.#error(COMMENTS_NOT_ALLOWED);
    if (next === "'") return this.#error('strings must be in double quotes, not single quotes');
    const character = String.fromCodePoint(this.#text.codePointAt(this.#offset) ?? 0);
    return this.#error(`unexpected ${quoteForMessage(character)}; expected ${expected}`);
  }

  #atComment(): boolean {
    return this.#peek() === '/' && (this.#text[this.#offset + 1] === '/' || this.#text[this.#offset + 1] === '*');
  }

  #error(message: string, position: Position = this.#position()): undefined {
    this.#syntaxError = { severity: 'error', message, ...position };
    return undefined;
  }

  #fail(message: string, position?: Position): ParseResult {
    this.#error(message, position);
    return this.#failure();
  }

  /** The syntax error, after any duplicate keys found before it. */
  #failure(): ParseResult {
    const problems = this.#duplicateKeys.toArray();
    if (this.#syntaxError !== undefined) problems.push(this.#syntaxError);
    return { ok: false, problems };
  }

  #peek(): string | undefined {
    return this.#text[this.#offset];
  }

  #position(): Position {
    return { line: this.#line, column: this.#offset - this.#lineStart + 1 };
  }

  /** Skips JSON whitespace, counting lines (CRLF, LF and a lone CR each end one). */
  #skipWhitespace(): void {
    const text = this.#text;
    for (;;) {
      const code = text.charCodeAt(this.#offset);
      if (code === 0x20 || code === 0x09) this.#offset += 1;
      else if (code === 0x0a || code === 0x0d) {
        this.#offset += code === 0x0d && text.charCodeAt(this.#offset + 1) === 0x0a ? 2 : 1;
        this.#line += 1;
        this.#lineStart = this.#offset;
      } else return;
    }
  }
}
