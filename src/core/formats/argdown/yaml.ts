/**
 * The YAML that Argdown embeds: front matter between `===` lines and `{key: value}` data. A
 * subset of YAML 1.2 is read: block mappings and sequences, flow `[…]` and `{…}` collections
 * over several lines, plain, single- and double-quoted scalars, folded `>` and literal `|` block
 * scalars, `#` comments, and the core schema's null, booleans and numbers. Anchors, aliases,
 * tags and complex keys are refused.
 *
 * Mappings are read into `Map`s, never into objects, so keys such as `__proto__` stay data. The
 * nesting depth is capped, so the recursion is bounded; nothing throws: the first problem is
 * returned with its offset in the YAML text.
 */

export type YamlValue = null | boolean | number | string | readonly YamlValue[] | YamlMap;
export type YamlMap = ReadonlyMap<string, YamlValue>;

export type YamlResult =
  | { readonly ok: true; readonly value: YamlValue }
  | { readonly ok: false; readonly message: string; readonly offset: number };

export const MAX_YAML_DEPTH = 32;

export function isYamlMap(value: YamlValue | undefined): value is YamlMap {
  return value instanceof Map;
}

/** A front matter document: any block node. */
export function parseYamlDocument(source: string): YamlResult {
  return new YamlParser(source).document();
}

/** Inline data: exactly one flow mapping `{…}`. */
export function parseYamlFlowMapping(source: string): YamlResult {
  return new YamlParser(source).flowOnly();
}

class YamlError {
  readonly message: string;
  readonly offset: number;

  constructor(message: string, offset: number) {
    this.message = message;
    this.offset = offset;
  }
}

const PLAIN_NULL = /^(?:null|Null|NULL|~|)$/;
const PLAIN_TRUE = /^(?:true|True|TRUE)$/;
const PLAIN_FALSE = /^(?:false|False|FALSE)$/;
const PLAIN_DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const PLAIN_HEX = /^0x[0-9a-fA-F]+$/;
const PLAIN_OCTAL = /^0o[0-7]+$/;

/** The core schema: plain scalars that read as null, a boolean or a finite number. */
function resolvePlain(text: string): YamlValue {
  if (PLAIN_NULL.test(text)) return null;
  if (PLAIN_TRUE.test(text)) return true;
  if (PLAIN_FALSE.test(text)) return false;
  let number: number | undefined;
  if (PLAIN_DECIMAL.test(text)) number = Number(text);
  else if (PLAIN_HEX.test(text)) number = Number.parseInt(text.slice(2), 16);
  else if (PLAIN_OCTAL.test(text)) number = Number.parseInt(text.slice(2), 8);
  return number !== undefined && Number.isFinite(number) ? number : text;
}

const DOUBLE_QUOTED_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'], ['a', '\u0007'], ['b', '\b'], ['t', '\t'], ['\t', '\t'], ['n', '\n'], ['v', '\v'], ['f', '\f'],
  ['r', '\r'], ['e', '\u001b'], [' ', ' '], ['"', '"'], ['/', '/'], ['\\', '\\'], ['N', '\u0085'], ['_', '\u00a0'],
  ['L', '\u2028'], ['P', '\u2029'],
]);
const HEX_ESCAPE_LENGTHS: ReadonlyMap<string, number> = new Map([['x', 2], ['u', 4], ['U', 8]]);

class YamlParser {
  readonly #src: string;
  #pos = 0;

  constructor(source: string) {
    this.#src = source;
  }

  document(): YamlResult {
    return this.#guard(() => {
      this.#skipBlankLines();
      if (this.#pos >= this.#src.length) return null;
      const value = this.#blockNode(this.#indentOfLineAt(this.#pos), 0);
      this.#skipBlankLines();
      if (this.#pos < this.#src.length) this.#fail('unexpected content (check the indentation)');
      return value;
    });
  }

  flowOnly(): YamlResult {
    return this.#guard(() => {
      this.#skipFlowSpace();
      if (this.#src[this.#pos] !== '{') this.#fail('data must be a {…} mapping');
      const value = this.#flowCollection(0);
      this.#skipFlowSpace();
      if (this.#pos < this.#src.length) this.#fail('unexpected text after the data');
      return value;
    });
  }

  #guard(read: () => YamlValue): YamlResult {
    try {
      return { ok: true, value: read() };
    } catch (error) {
      if (error instanceof YamlError) return { ok: false, message: error.message, offset: error.offset };
      throw error;
    }
  }

  #fail(message: string, offset = this.#pos): never {
    throw new YamlError(message, offset);
  }

  // ---- lines -------------------------------------------------------------------------------

  #lineStartOf(offset: number): number {
    let start = offset;
    while (start > 0 && this.#src[start - 1] !== '\n' && this.#src[start - 1] !== '\r') start -= 1;
    return start;
  }

  #lineEndOf(offset: number): number {
    let end = offset;
    while (end < this.#src.length && this.#src[end] !== '\n' && this.#src[end] !== '\r') end += 1;
    return end;
  }

  #nextLineStart(offset: number): number {
    const end = this.#lineEndOf(offset);
    if (this.#src[end] === '\r' && this.#src[end + 1] === '\n') return end + 2;
    return Math.min(end + 1, this.#src.length);
  }

  /** Spaces (and, leniently, tabs) before the content of the line holding `offset`. */
  #indentOfLineAt(offset: number): number {
    const start = this.#lineStartOf(offset);
    let end = start;
    while (this.#src[end] === ' ' || this.#src[end] === '\t') end += 1;
    return end - start;
  }

  /** True when the line from `offset` on holds only blanks and perhaps a comment. */
  #restIsBlank(offset: number): boolean {
    let at = offset;
    while (this.#src[at] === ' ' || this.#src[at] === '\t') at += 1;
    return at >= this.#src.length || this.#src[at] === '\n' || this.#src[at] === '\r' || (this.#src[at] === '#' && (at === offset ? this.#precededByBlank(at) : true));
  }

  #precededByBlank(offset: number): boolean {
    const before = this.#src[offset - 1];
    return offset === 0 || before === ' ' || before === '\t' || before === '\n' || before === '\r';
  }

  /** Moves `#pos` to the first content of the next line that is not blank or a comment. */
  #skipBlankLines(): void {
    let lineStart = this.#lineStartOf(this.#pos);
    if (!this.#restIsBlank(this.#pos)) return;
    for (;;) {
      lineStart = this.#nextLineStart(lineStart);
      if (lineStart >= this.#src.length) {
        this.#pos = this.#src.length;
        return;
      }
      const content = lineStart + this.#indentOfLineAt(lineStart);
      if (!this.#restIsBlank(content)) {
        this.#pos = content;
        return;
      }
    }
  }

  // ---- block context -----------------------------------------------------------------------

  /** A node whose first line starts at `#pos` with indentation `indent`. */
  #blockNode(indent: number, depth: number): YamlValue {
    if (depth > MAX_YAML_DEPTH) this.#fail(`nested deeper than ${MAX_YAML_DEPTH} levels`);
    if (this.#isSequenceItem(this.#pos)) return this.#blockSequence(indent, depth);
    if (this.#mappingKeyEnd(this.#pos) !== undefined) return this.#blockMapping(indent, depth);
    return this.#inlineValue(indent - 1, depth);
  }

  #isSequenceItem(offset: number): boolean {
    const next = this.#src[offset + 1];
    return this.#src[offset] === '-' && (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r');
  }

  /** Where `key:` ends (just past the colon) when a block mapping key starts at `offset`. */
  #mappingKeyEnd(offset: number): number | undefined {
    const quote = this.#src[offset];
    let at = offset;
    if (quote === '"' || quote === "'") {
      const saved = this.#pos;
      this.#pos = offset;
      try {
        this.#quoted(quote);
      } catch (error) {
        if (!(error instanceof YamlError)) throw error;
        this.#pos = saved;
        return undefined;
      }
      at = this.#pos;
      this.#pos = saved;
      while (this.#src[at] === ' ' || this.#src[at] === '\t') at += 1;
      return this.#src[at] === ':' && this.#isValueSeparator(at + 1) ? at + 1 : undefined;
    }
    if (quote === '[' || quote === '{' || quote === '#') return undefined;
    const end = this.#lineEndOf(offset);
    for (; at < end; at += 1) {
      if (this.#src[at] === '#' && this.#precededByBlank(at)) return undefined;
      if (this.#src[at] === ':' && this.#isValueSeparator(at + 1)) return at + 1;
    }
    return undefined;
  }

  #isValueSeparator(offset: number): boolean {
    const next = this.#src[offset];
    return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
  }

  #blockSequence(indent: number, depth: number): YamlValue {
    const items: YamlValue[] = [];
    for (;;) {
      this.#pos += 1;
      items.push(this.#blockValueAfterIndicator(indent, depth));
      this.#skipBlankLines();
      if (this.#pos >= this.#src.length) return items;
      const nextIndent = this.#indentOfLineAt(this.#pos);
      if (nextIndent < indent) return items;
      if (nextIndent > indent) this.#fail('this line is indented more than the list items before it');
      if (!this.#isSequenceItem(this.#pos)) return items;
    }
  }

  #blockMapping(indent: number, depth: number): YamlValue {
    const entries = new Map<string, YamlValue>();
    for (;;) {
      const keyStart = this.#pos;
      const keyEnd = this.#mappingKeyEnd(keyStart);
      if (keyEnd === undefined) this.#fail('expected a `key: value` line');
      const key = this.#keyText(keyStart, keyEnd - 1);
      if (entries.has(key)) this.#fail(`duplicate key "${key}"`, keyStart);
      this.#pos = keyEnd;
      entries.set(key, this.#blockValueAfterIndicator(indent, depth, true));
      this.#skipBlankLines();
      if (this.#pos >= this.#src.length) return entries;
      const nextIndent = this.#indentOfLineAt(this.#pos);
      if (nextIndent < indent) return entries;
      if (nextIndent > indent) this.#fail('this line is indented more than the keys before it');
      if (this.#isSequenceItem(this.#pos)) this.#fail('a list item cannot follow a key at the same indentation');
    }
  }

  #keyText(start: number, colon: number): string {
    const quote = this.#src[start];
    if (quote === '"' || quote === "'") {
      this.#pos = start;
      return this.#quoted(quote);
    }
    return this.#src.slice(start, colon).trim();
  }

  /**
   * The value after `- ` or `key:` (whose parent has indentation `indent`): on the same line, or
   * a block node on the following, deeper lines (a mapping's list may also sit at its own level).
   */
  #blockValueAfterIndicator(indent: number, depth: number, afterKey = false): YamlValue {
    while (this.#src[this.#pos] === ' ' || this.#src[this.#pos] === '\t') this.#pos += 1;
    if (this.#restIsBlank(this.#pos)) {
      this.#pos = this.#nextLineStart(this.#pos);
      this.#skipBlankLinesFromLineStart();
      if (this.#pos >= this.#src.length) return null;
      const childIndent = this.#indentOfLineAt(this.#pos);
      if (childIndent > indent || (afterKey && childIndent === indent && this.#isSequenceItem(this.#pos))) return this.#blockNode(childIndent, depth + 1);
      return null;
    }
    const column = this.#pos - this.#lineStartOf(this.#pos);
    if (!afterKey && (this.#isSequenceItem(this.#pos) || this.#mappingKeyEnd(this.#pos) !== undefined)) return this.#blockNode(column, depth + 1);
    return this.#inlineValue(indent, depth + 1);
  }

  #skipBlankLinesFromLineStart(): void {
    if (this.#pos >= this.#src.length) return;
    this.#pos += this.#indentOfLineAt(this.#pos);
    this.#skipBlankLines();
  }

  /** A scalar or flow collection starting on the current line of a block whose parent has `indent`. */
  #inlineValue(indent: number, depth: number): YamlValue {
    const first = this.#src[this.#pos];
    if (first === '&' || first === '*' || first === '!') this.#fail('YAML anchors, aliases and tags are not supported');
    let value: YamlValue;
    if (first === '[' || first === '{') value = this.#flowCollection(depth);
    else if (first === '"' || first === "'") value = this.#quoted(first);
    else if (first === '|' || first === '>') return this.#blockScalar(indent);
    else return this.#plainBlockScalar(indent);
    if (!this.#restIsBlank(this.#pos)) this.#fail('unexpected text after the value');
    this.#pos = this.#lineEndOf(this.#pos);
    return value;
  }

  /** A plain scalar that may continue on following lines indented deeper than `indent`. */
  #plainBlockScalar(indent: number): YamlValue {
    const lines: string[] = [];
    let lineEnd = this.#lineEndOf(this.#pos);
    lines.push(this.#withoutComment(this.#pos, lineEnd).trim());
    this.#pos = lineEnd;
    for (;;) {
      const next = this.#nextLineStart(this.#pos);
      if (next >= this.#src.length || next === this.#pos) break;
      const content = next + this.#indentOfLineAt(next);
      const blank = this.#restIsBlank(content);
      if (!blank && content - next <= indent) break;
      if (blank && this.#src[content] === '#') break;
      lineEnd = this.#lineEndOf(content);
      if (!blank && this.#mappingKeyEnd(content) !== undefined) this.#fail('a plain value cannot hold ": " on a continued line; quote it', content);
      lines.push(blank ? '' : this.#withoutComment(content, lineEnd).trim());
      this.#pos = lineEnd;
    }
    while (lines.length > 1 && lines.at(-1) === '') lines.pop();
    const text = foldLines(lines);
    return lines.length === 1 ? resolvePlain(text) : text;
  }

  #withoutComment(start: number, end: number): string {
    for (let at = start; at < end; at += 1) {
      if (this.#src[at] === '#' && this.#precededByBlank(at)) return this.#src.slice(start, at);
    }
    return this.#src.slice(start, end);
  }

  /** `|` keeps line breaks, `>` folds them; `-` strips the final break, `+` keeps all. */
  #blockScalar(indent: number): string {
    const literal = this.#src[this.#pos] === '|';
    const header = this.#src.slice(this.#pos + 1, this.#lineEndOf(this.#pos)).trim().replace(/\s+#.*$/, '');
    if (!/^[-+]?$/.test(header)) this.#fail('block scalar indentation indicators are not supported');
    const lines: string[] = [];
    let blockIndent: number | undefined;
    let lineStart = this.#nextLineStart(this.#pos);
    this.#pos = this.#lineEndOf(this.#pos);
    while (lineStart < this.#src.length) {
      const lineIndent = this.#indentOfLineAt(lineStart);
      const lineEnd = this.#lineEndOf(lineStart);
      const blank = this.#src.slice(lineStart, lineEnd).trim() === '';
      if (!blank) {
        if (lineIndent <= indent) break;
        blockIndent ??= lineIndent;
        if (lineIndent < blockIndent) break;
      }
      lines.push(blank ? '' : this.#src.slice(lineStart + (blockIndent ?? 0), lineEnd));
      this.#pos = lineEnd;
      if (lineEnd >= this.#src.length) break;
      lineStart = this.#nextLineStart(lineEnd);
    }
    let trailing = 0;
    while (lines.length > 0 && lines.at(-1) === '') {
      lines.pop();
      trailing += 1;
    }
    const body = literal ? lines.join('\n') : foldLines(lines);
    if (header.startsWith('-') || body === '') return body;
    return header.startsWith('+') ? body + '\n'.repeat(trailing + 1) : `${body}\n`;
  }

  // ---- flow context ------------------------------------------------------------------------

  /** Blanks, line breaks and comments between flow tokens. */
  #skipFlowSpace(): void {
    for (;;) {
      const character = this.#src[this.#pos];
      if (character === ' ' || character === '\t' || character === '\n' || character === '\r') this.#pos += 1;
      else if (character === '#' && this.#precededByBlank(this.#pos)) this.#pos = this.#lineEndOf(this.#pos);
      else return;
    }
  }

  #flowCollection(depth: number): YamlValue {
    if (depth > MAX_YAML_DEPTH) this.#fail(`nested deeper than ${MAX_YAML_DEPTH} levels`);
    const isMapping = this.#src[this.#pos] === '{';
    const closer = isMapping ? '}' : ']';
    const opened = this.#pos;
    this.#pos += 1;
    const items: YamlValue[] = [];
    const entries = new Map<string, YamlValue>();
    for (;;) {
      this.#skipFlowSpace();
      if (this.#pos >= this.#src.length) this.#fail(`this ${isMapping ? '{' : '['} is never closed`, opened);
      if (this.#src[this.#pos] === closer) {
        this.#pos += 1;
        return isMapping ? entries : items;
      }
      if (isMapping) {
        const keyStart = this.#pos;
        const key = this.#flowKey();
        if (entries.has(key)) this.#fail(`duplicate key "${key}"`, keyStart);
        this.#skipFlowSpace();
        let value: YamlValue = null;
        if (this.#src[this.#pos] === ':') {
          this.#pos += 1;
          this.#skipFlowSpace();
          if (this.#src[this.#pos] !== ',' && this.#src[this.#pos] !== '}') value = this.#flowNode(depth + 1);
        }
        entries.set(key, value);
      } else items.push(this.#flowNode(depth + 1));
      this.#skipFlowSpace();
      const separator = this.#src[this.#pos];
      if (separator === ',') this.#pos += 1;
      else if (separator !== closer) this.#fail(`expected "," or "${closer}"`);
    }
  }

  #flowKey(): string {
    const first = this.#src[this.#pos];
    if (first === '"' || first === "'") return this.#quoted(first);
    if (first === '[' || first === '{') this.#fail('complex keys are not supported');
    if (first === '&' || first === '*' || first === '!') this.#fail('YAML anchors, aliases and tags are not supported');
    const key = this.#flowPlain(true);
    if (key === '') this.#fail('expected a key');
    return key;
  }

  #flowNode(depth: number): YamlValue {
    const first = this.#src[this.#pos];
    if (first === '[' || first === '{') return this.#flowCollection(depth);
    if (first === '"' || first === "'") return this.#quoted(first);
    if (first === '&' || first === '*' || first === '!') this.#fail('YAML anchors, aliases and tags are not supported');
    return resolvePlain(this.#flowPlain(false));
  }

  /** A plain scalar inside `[…]`/`{…}`: up to `,`, a closing bracket, ` #`, or (for a key) `: `. */
  #flowPlain(isKey: boolean): string {
    const lines: string[] = [];
    let current = '';
    for (;;) {
      const character = this.#src[this.#pos];
      if (character === undefined || character === ',' || character === ']' || character === '}' || character === '[' || character === '{') break;
      if (character === ':' && (isKey || /[\s,\]}]/.test(this.#src[this.#pos + 1] ?? ' '))) break;
      if (character === '#' && this.#precededByBlank(this.#pos)) break;
      if (character === '\n' || character === '\r') {
        lines.push(current.trim());
        current = '';
        this.#pos = this.#nextLineStart(this.#pos);
        continue;
      }
      current += character;
      this.#pos += 1;
    }
    lines.push(current.trim());
    return foldLines(lines.filter((line, index) => line !== '' || (index > 0 && index < lines.length - 1))).trim();
  }

  // ---- quoted scalars ----------------------------------------------------------------------

  #quoted(quote: '"' | "'"): string {
    const opened = this.#pos;
    this.#pos += 1;
    const lines: string[] = [];
    let current = '';
    for (;;) {
      const character = this.#src[this.#pos];
      if (character === undefined) this.#fail('this quoted text is never closed', opened);
      if (character === quote) {
        if (quote === "'" && this.#src[this.#pos + 1] === "'") {
          current += "'";
          this.#pos += 2;
          continue;
        }
        this.#pos += 1;
        lines.push(current);
        return foldQuotedLines(lines);
      }
      if (character === '\n' || character === '\r') {
        lines.push(current.replace(/[ \t]+$/, ''));
        current = '';
        this.#pos = this.#nextLineStart(this.#pos);
        while (this.#src[this.#pos] === ' ' || this.#src[this.#pos] === '\t') this.#pos += 1;
        continue;
      }
      if (quote === '"' && character === '\\') {
        current += this.#escape();
        continue;
      }
      current += character;
      this.#pos += 1;
    }
  }

  #escape(): string {
    const letter = this.#src[this.#pos + 1] ?? '';
    const simple = DOUBLE_QUOTED_ESCAPES.get(letter);
    if (simple !== undefined) {
      this.#pos += 2;
      return simple;
    }
    const length = HEX_ESCAPE_LENGTHS.get(letter);
    const hex = length === undefined ? '' : this.#src.slice(this.#pos + 2, this.#pos + 2 + length);
    if (length === undefined || !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) this.#fail(`unknown escape \\${letter}`);
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint > 0x10ffff) this.#fail(`\\${letter}${hex} is not a Unicode code point`);
    this.#pos += 2 + length;
    return String.fromCodePoint(codePoint);
  }
}

/** Folding: lines join with a space; each empty line stands for a line break. */
function foldLines(lines: readonly string[]): string {
  let text = '';
  let pendingBreaks = 0;
  lines.forEach((line, index) => {
    if (line === '') {
      pendingBreaks += 1;
      return;
    }
    if (index > 0) text += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : text === '' ? '' : ' ';
    pendingBreaks = 0;
    text += line;
  });
  return text;
}

function foldQuotedLines(lines: readonly string[]): string {
  if (lines.length === 1) return lines[0] ?? '';
  const [first = '', ...rest] = lines;
  return foldLines([first, ...rest.map((line, index) => (index === rest.length - 1 ? line : line.trim()))]);
}
