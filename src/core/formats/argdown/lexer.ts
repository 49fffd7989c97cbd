/**
 * Stage 1 of the Argdown reader: text → tokens, each with its offset and 1-based line:column.
 *
 * It follows the token rules of Argdown's own lexer (christianvoigt/argdown, `lexer.ts`):
 * - constructs that only count at the start of a line (after its indentation): relation symbols
 *   `+ - <+ <- +> -> >< _> <_` and `_` before a blank (any indentation, the width is kept for
 *   nesting), premise numbers `(1)`, inference lines `--…--`, list items (`* `, `1. `) and, at the
 *   start of a block, headings `# `; front matter `===…===` only at the start of the document;
 * - inline constructs, tried in Argdown's order: comments, `{…}` data, `\x` escapes, shortcodes
 *   (`.~.`, `:happy:`, which become their characters), bold/italic markers, links `[text](url)`,
 *   `#tags` / `#(tags with spaces)`, `[Title]:` definitions, `[Title]` references, `@[Title]`
 *   mentions and their `<Title>` argument counterparts;
 * - a blank line separates blocks; lines holding only comments are neither blank nor content;
 *   `\r\n`, `\n` and a lone `\r` all end a line.
 * Differences, all lenient: `//` comments also run to the end of the file, bold/italic markers are
 * forgotten at each blank line, and titles, links and tags end with their line.
 *
 * Every search for a closing character is cached, so the lexer stays linear even on a line of a
 * million `[`: no input can make it quadratic. It never throws; unclosed comments, front matter
 * and inference lines are located errors.
 */

import { ProblemCollector, type Problem } from '../../problems.ts';
import { SHORTCODE_CANDIDATE, SHORTCODES } from './shortcodes.ts';
import { SourceText } from './source-text.ts';

export const RELATION_SYMBOLS = ['+>', '->', '<+', '+', '<-', '-', '><', '_>', '<_'] as const;
export type RelationSymbol = (typeof RELATION_SYMBOLS)[number];

export type TitleTokenKind =
  | 'statementDefinition'
  | 'statementReference'
  | 'argumentDefinition'
  | 'argumentReference'
  | 'statementMention'
  | 'argumentMention';

export type EmphasisMarker = '**' | '__' | '*' | '_';

/** YAML text embedded in the Argdown text (`{…}` data, front matter) and where it starts. */
export interface EmbeddedSource {
  readonly source: string;
  readonly offset: number;
}

interface Located {
  readonly offset: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export type Token = Located &
  (
    | { readonly kind: 'frontMatter'; readonly content: EmbeddedSource }
    | { readonly kind: 'emptyLine' }
    | { readonly kind: 'newline' }
    | { readonly kind: 'heading'; readonly level: number }
    | { readonly kind: 'relation'; readonly symbol: RelationSymbol; readonly indent: number }
    | { readonly kind: 'statementNumber'; readonly number: number; readonly indent: number }
    | { readonly kind: 'inference'; readonly rules: readonly string[]; readonly data: EmbeddedSource | undefined }
    | { readonly kind: 'listItem'; readonly ordered: boolean; readonly indent: number }
    | { readonly kind: TitleTokenKind; readonly title: string; readonly image: string }
    | { readonly kind: 'tag'; readonly tag: string; readonly image: string }
    | { readonly kind: 'link'; readonly text: string; readonly url: string }
    | { readonly kind: 'data'; readonly data: EmbeddedSource }
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'emphasis'; readonly marker: EmphasisMarker; readonly role: 'start' | 'end' }
  );

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly source: SourceText;
  readonly problems: Problem[];
}

export function tokenize(text: string): LexResult {
  return new Lexer(text).run();
}

/** Distributes `Omit` over the token union, so each variant keeps its own fields. */
type TokenFields<T> = T extends Token ? Omit<T, keyof Located> : never;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/** Argdown's tag characters, including the quirk of its `A-z` range (which spans `[\]^_` and the backtick). */
const TAG = /#(?:\(([^)\r\n]+)\)|([A-Za-z0-9[\\\]^_`\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?/y;
const FRONT_MATTER_FENCE = /===+[ \t]*(?=\r|\n|$)/y;
const STATEMENT_NUMBER = /\((\d+)\)/y;
const ORDERED_LIST_ITEM = /\d+\.(?=\s)/y;
const UNORDERED_LIST_ITEM = /\*(?=\s)/y;
const HEADING = /(#+) /y;
/** Characters that may start a construct; everything else is plain text. */
const PLAIN_TEXT = /[^\r\n\\{*_[#@</.:]+/y;
/** What may follow a closing bold/italic marker (Argdown's lookahead). */
const AFTER_EMPHASIS_END = /[ \t\r\n)}_.,!?;:\-*]/;

function isLineBreak(code: number): boolean {
  return code === LF || code === CR;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

class Lexer {
  readonly #text: string;
  readonly #source: SourceText;
  readonly #problems = new ProblemCollector();
  readonly #tokens: Token[] = [];
  /** For each `{`, the offset of its matching `}` (braces do not match across a blank line). */
  readonly #closingBrace: Map<number, number>;
  /** Last answer of `indexOf(needle, from)` per needle; valid for any later `from` up to the answer. */
  readonly #searches = new Map<string, { from: number; found: number }>();
  /** Open bold/italic markers of the current block. */
  #emphasis: EmphasisMarker[] = [];
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
    this.#source = new SourceText(text);
    this.#closingBrace = matchBraces(text);
  }

  run(): LexResult {
    const first = this.#skipToContent(0);
    if (first.contentAt !== undefined) {
      this.#pos = first.contentAt;
      this.#lineStart(first.indent, true);
    } else this.#pos = this.#text.length;
    while (this.#pos < this.#text.length) {
      if (isLineBreak(this.#text.charCodeAt(this.#pos))) this.#lineBreak();
      else this.#inline();
    }
    return { tokens: this.#tokens, source: this.#source, problems: this.#problems.toArray() };
  }

  #emit(offset: number, end: number, fields: TokenFields<Token>): void {
    const { line, column } = this.#source.positionAt(offset);
    this.#tokens.push({ offset, end, line, column, ...fields } as Token);
  }

  #error(offset: number, message: string): void {
    const { line, column } = this.#source.positionAt(offset);
    this.#problems.error(message, { line, column });
  }

  /** `text.indexOf(needle, from)`, answered from the cache when an earlier search already covers it. */
  #indexOf(needle: string, from: number): number {
    const cached = this.#searches.get(needle);
    if (cached !== undefined && cached.from <= from && (cached.found === -1 || cached.found >= from)) return cached.found;
    const found = this.#text.indexOf(needle, from);
    this.#searches.set(needle, { from, found });
    return found;
  }

  /** The offset of the line break ending the line at `from` (or the end of the text). */
  #lineEnd(from: number): number {
    const lf = this.#indexOf('\n', from);
    const cr = this.#indexOf('\r', from);
    if (lf < 0) return cr < 0 ? this.#text.length : cr;
    return cr < 0 ? lf : Math.min(lf, cr);
  }

  /** The first `needle` at or after `from` on the same line, or -1. */
  #onLine(needle: string, from: number): number {
    const found = this.#indexOf(needle, from);
    return found >= 0 && found < this.#lineEnd(from) ? found : -1;
  }

  /** Offset just past the line break at `offset`. */
  #afterLineBreak(offset: number): number {
    return this.#text.charCodeAt(offset) === CR && this.#text.charCodeAt(offset + 1) === LF ? offset + 2 : offset + 1;
  }

  /**
   * From the start of a line, skips blank lines and lines holding only comments. Returns where the
   * next content starts (undefined at the end of the text), its indentation and whether a blank
   * line was passed.
   */
  #skipToContent(from: number): { contentAt: number | undefined; indent: number; blank: boolean } {
    let offset = from;
    let blank = false;
    for (;;) {
      let lineHadComment = false;
      let indentStart = offset;
      for (;;) {
        while (offset < this.#text.length && isBlank(this.#text.charCodeAt(offset))) offset += 1;
        const afterComment = this.#skipComment(offset);
        if (afterComment === offset) break;
        offset = afterComment;
        lineHadComment = true;
        indentStart = offset;
      }
      if (offset >= this.#text.length) return { contentAt: undefined, indent: 0, blank };
      if (isLineBreak(this.#text.charCodeAt(offset))) {
        if (!lineHadComment) blank = true;
        offset = this.#afterLineBreak(offset);
        continue;
      }
      return { contentAt: offset, indent: offset - indentStart, blank };
    }
  }

  /** Skips one comment starting at `offset`; returns `offset` when none starts there. */
  #skipComment(offset: number): number {
    const text = this.#text;
    if (text.startsWith('<!--', offset)) return this.#closeComment(offset, '-->', offset + 4);
    if (text.startsWith('/*', offset)) return this.#closeComment(offset, '*/', offset + 2);
    if (text.startsWith('//', offset)) return this.#lineEnd(offset);
    return offset;
  }

  #closeComment(start: number, closer: string, searchFrom: number): number {
    const close = this.#indexOf(closer, searchFrom);
    if (close >= 0) return close + closer.length;
    this.#error(start, `this comment is never closed: add ${closer} where it ends`);
    return this.#text.length;
  }

  #lineBreak(): void {
    const breakAt = this.#pos;
    const next = this.#skipToContent(this.#afterLineBreak(breakAt));
    if (next.contentAt === undefined) {
      // Trailing blank lines and comments end the text; they separate nothing.
      this.#pos = this.#text.length;
      return;
    }
    if (next.blank) {
      this.#emit(breakAt, next.contentAt, { kind: 'emptyLine' });
      this.#emphasis = [];
    } else this.#emit(breakAt, next.contentAt, { kind: 'newline' });
    this.#pos = next.contentAt;
    this.#lineStart(next.indent, next.blank);
  }

  /** Constructs that only count at the start of a line; `#pos` is at the line's first content. */
  #lineStart(indent: number, blockStart: boolean): void {
    const text = this.#text;
    const start = this.#pos;
    if (this.#tokens.length === 0 && this.#match(FRONT_MATTER_FENCE, start) !== undefined) {
      this.#frontMatter(start);
      return;
    }
    if (text.startsWith('--', start)) {
      this.#inference(start);
      return;
    }
    const symbol = RELATION_SYMBOLS.find((candidate) => text.startsWith(candidate, start));
    // A lone `_` before a blank is Argdown's short form of `<_`.
    const bareUndercut = symbol === undefined && text[start] === '_' && /\s/.test(text[start + 1] ?? '');
    if (symbol !== undefined || bareUndercut) {
      this.#pos = start + (symbol?.length ?? 1);
      this.#emit(start, this.#pos, { kind: 'relation', symbol: symbol ?? '<_', indent });
      this.#skipBlanks();
      return;
    }
    const number = this.#match(STATEMENT_NUMBER, start);
    if (number !== undefined) {
      this.#pos = start + number[0].length;
      this.#emit(start, this.#pos, { kind: 'statementNumber', number: Number(number[1]), indent });
      this.#skipBlanks();
      return;
    }
    const ordered = this.#match(ORDERED_LIST_ITEM, start);
    const item = ordered ?? this.#match(UNORDERED_LIST_ITEM, start);
    if (item !== undefined) {
      this.#pos = start + item[0].length;
      this.#emit(start, this.#pos, { kind: 'listItem', ordered: ordered !== undefined, indent });
      this.#skipBlanks();
      return;
    }
    const heading = blockStart ? this.#match(HEADING, start) : undefined;
    if (heading !== undefined) {
      this.#pos = start + heading[0].length;
      this.#emit(start, this.#pos, { kind: 'heading', level: heading[1]?.length ?? 1 });
      this.#skipBlanks();
    }
  }

  /** Blanks after a line-start marker separate it from its content; they are not text. */
  #skipBlanks(): void {
    while (this.#pos < this.#text.length && isBlank(this.#text.charCodeAt(this.#pos))) this.#pos += 1;
  }

  #match(pattern: RegExp, offset: number): RegExpExecArray | undefined {
    pattern.lastIndex = offset;
    return pattern.exec(this.#text) ?? undefined;
  }

  /** `===` on a line of its own, the YAML, and a closing `===` line. */
  #frontMatter(start: number): void {
    const contentStart = this.#afterLineBreak(this.#lineEnd(start));
    let lineStart = contentStart;
    while (lineStart < this.#text.length) {
      const lineEnd = this.#lineEnd(lineStart);
      if (this.#match(FRONT_MATTER_FENCE, lineStart) !== undefined) {
        this.#emit(start, lineEnd, { kind: 'frontMatter', content: { source: this.#text.slice(contentStart, lineStart), offset: contentStart } });
        this.#pos = lineEnd;
        return;
      }
      lineStart = lineEnd >= this.#text.length ? lineEnd : this.#afterLineBreak(lineEnd);
    }
    this.#error(start, 'the front matter is never closed: end it with a line ===');
    this.#pos = this.#text.length;
  }

  /**
   * An inference line: `--` then inference rules separated by commas and optional `{…}` data, up
   * to the next `--` (more dashes allowed), possibly over several lines but not past a blank line.
   */
  #inference(start: number): void {
    const text = this.#text;
    const rules: string[] = [];
    let rule = '';
    let data: EmbeddedSource | undefined;
    let offset = start + 2;
    const endRule = () => {
      const trimmed = rule.replace(/\s+/g, ' ').trim();
      if (trimmed !== '') rules.push(trimmed);
      rule = '';
    };
    while (offset < text.length) {
      const code = text.charCodeAt(offset);
      if (text.startsWith('--', offset)) {
        endRule();
        while (text.charCodeAt(offset) === 0x2d) offset += 1;
        this.#pos = offset;
        this.#emit(start, offset, { kind: 'inference', rules, data });
        this.#skipBlanks();
        return;
      }
      const afterComment = this.#skipComment(offset);
      if (afterComment !== offset) {
        offset = afterComment;
        continue;
      }
      if (isLineBreak(code)) {
        const next = this.#skipToContent(this.#afterLineBreak(offset));
        if (next.blank || next.contentAt === undefined) break;
        rule += ' ';
        offset = next.contentAt;
        continue;
      }
      const close = code === 0x7b ? this.#closingBrace.get(offset) : undefined;
      if (close !== undefined) {
        endRule();
        data = { source: text.slice(offset, close + 1), offset };
        offset = close + 1;
        continue;
      }
      if (code === 0x2c) endRule();
      else rule += text[offset];
      offset += 1;
    }
    this.#error(start, 'this inference line is never closed: end it with -- (for example ---- or -- rule --)');
    this.#pos = this.#lineEnd(start);
  }

  /** One inline token (or skipped comment) at `#pos`, which is not a line break. */
  #inline(): void {
    const text = this.#text;
    const start = this.#pos;
    const afterComment = this.#skipComment(start);
    if (afterComment !== start) {
      this.#pos = afterComment;
      return;
    }
    const code = text.charCodeAt(start);
    switch (code) {
      case 0x7b: // {
        if (this.#data(start)) return;
        break;
      case 0x5c: // \
        if (start + 1 < text.length && !isLineBreak(text.charCodeAt(start + 1))) {
          this.#pos = start + 2;
          this.#addText(start, text[start + 1] ?? '');
          return;
        }
        break;
      case 0x2e: // .
      case 0x3a: // :
        this.#shortcode(start);
        return;
      case 0x2a: // *
      case 0x5f: // _
        if (this.#emphasisMarker(start)) return;
        break;
      case 0x5b: // [
        if (this.#bracket(start)) return;
        break;
      case 0x23: // #
        if (this.#tag(start)) return;
        break;
      case 0x40: // @
        if (this.#mention(start)) return;
        break;
      case 0x3c: // <
        if (this.#angle(start)) return;
        break;
      default: {
        const plain = this.#match(PLAIN_TEXT, start);
        if (plain !== undefined) {
          this.#pos = start + plain[0].length;
          this.#addText(start, plain[0]);
          return;
        }
      }
    }
    // A character that starts no construct here is text.
    this.#pos = start + 1;
    this.#addText(start, text[start] ?? '');
  }

  /** Text is merged into the previous text token when they touch. */
  #addText(start: number, value: string): void {
    const last = this.#tokens.at(-1);
    if (last !== undefined && last.kind === 'text' && last.end === start) {
      this.#tokens[this.#tokens.length - 1] = { ...last, end: this.#pos, text: last.text + value };
      return;
    }
    this.#emit(start, this.#pos, { kind: 'text', text: value });
  }

  /**
   * A shortcode becomes its character (a blank after it is kept); a run Argdown's lexer takes for
   * one but that names none stays text as written, consumed whole as Argdown does.
   */
  #shortcode(start: number): void {
    const run = this.#match(SHORTCODE_CANDIDATE, start)?.[0] ?? this.#text[start] ?? '';
    this.#pos = start + run.length;
    const character = SHORTCODES.get(run.trimEnd());
    this.#addText(start, character === undefined ? run : character + run.slice(run.trimEnd().length));
  }

  #data(start: number): boolean {
    const close = this.#closingBrace.get(start);
    if (close === undefined) return false;
    this.#pos = close + 1;
    this.#emit(start, this.#pos, { kind: 'data', data: { source: this.#text.slice(start, close + 1), offset: start } });
    return true;
  }

  /**
   * Argdown's bold/italic rule: a marker closes the innermost open range of its kind when it follows
   * a non-blank character and is followed by a blank, a line end or punctuation; otherwise it opens
   * a range when a non-blank character follows. The parser turns unclosed markers back into text.
   */
  #emphasisMarker(start: number): boolean {
    const text = this.#text;
    const single = text[start] === '*' ? '*' : '_';
    const double: EmphasisMarker = single === '*' ? '**' : '__';
    const isDouble = text.startsWith(double, start);
    const open = this.#emphasis.at(-1);
    const afterBlank = start === 0 || /\s/.test(text[start - 1] ?? ' ');
    const closesAt = (offset: number) => offset >= text.length || AFTER_EMPHASIS_END.test(text[offset] ?? '');
    const opensAt = (offset: number) => offset < text.length && !/\s/.test(text[offset] ?? ' ');
    let marker: EmphasisMarker | undefined;
    let role: 'start' | 'end' = 'start';
    if (isDouble && open === double && !afterBlank && closesAt(start + 2)) [marker, role] = [double, 'end'];
    else if (open === single && !afterBlank && closesAt(start + 1)) [marker, role] = [single, 'end'];
    else if (isDouble && opensAt(start + 2)) marker = double;
    else if (opensAt(start + 1)) marker = single;
    if (marker === undefined) return false;
    if (role === 'end') this.#emphasis.pop();
    else this.#emphasis.push(marker);
    this.#pos = start + marker.length;
    this.#emit(start, this.#pos, { kind: 'emphasis', marker, role });
    return true;
  }

  /** `[text](url)`, `[Title]:` or `[Title]` at a `[`. */
  #bracket(start: number): boolean {
    const text = this.#text;
    const close = this.#onLine(']', start + 2);
    if (close >= 0 && text[close + 1] === '(') {
      const urlEnd = this.#onLine(')', close + 3);
      if (urlEnd >= 0) {
        let end = urlEnd + 1;
        const trailing = isBlank(text.charCodeAt(end)) ? ' ' : '';
        if (trailing !== '') end += 1;
        this.#pos = end;
        this.#emit(start, end, { kind: 'link', text: text.slice(start + 1, close) + trailing, url: text.slice(close + 2, urlEnd) });
        return true;
      }
    }
    const definition = this.#onLine(']:', start + 2);
    if (definition >= 0) return this.#title(start, definition + 2, 'statementDefinition', start + 1, definition);
    if (close >= 0) return this.#title(start, close + 1, 'statementReference', start + 1, close);
    return false;
  }

  /** `<Title>:` or `<Title>` at a `<`. */
  #angle(start: number): boolean {
    const definition = this.#onLine('>:', start + 2);
    if (definition >= 0) return this.#title(start, definition + 2, 'argumentDefinition', start + 1, definition);
    const close = this.#onLine('>', start + 2);
    if (close >= 0) return this.#title(start, close + 1, 'argumentReference', start + 1, close);
    return false;
  }

  /** `@[Title]` or `@<Title>`, with one trailing blank as Argdown keeps it. */
  #mention(start: number): boolean {
    const opener = this.#text[start + 1];
    if (opener !== '[' && opener !== '<') return false;
    const close = this.#onLine(opener === '[' ? ']' : '>', start + 3);
    if (close < 0) return false;
    const end = isBlank(this.#text.charCodeAt(close + 1)) ? close + 2 : close + 1;
    return this.#title(start, end, opener === '[' ? 'statementMention' : 'argumentMention', start + 2, close);
  }

  #title(start: number, end: number, kind: TitleTokenKind, titleStart: number, titleEnd: number): boolean {
    this.#pos = end;
    this.#emit(start, end, { kind, title: this.#text.slice(titleStart, titleEnd), image: this.#text.slice(start, end) });
    return true;
  }

  #tag(start: number): boolean {
    const match = this.#match(TAG, start);
    if (match === undefined) return false;
    this.#pos = start + match[0].length;
    this.#emit(start, this.#pos, { kind: 'tag', tag: match[1] ?? match[2] ?? '', image: match[0] });
    return true;
  }
}

/**
 * Pairs every `{` with its `}` in one pass (nesting counted, `\`-escaped braces skipped); a blank
 * line closes nothing, so data never runs across blocks.
 */
function matchBraces(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  let open: number[] = [];
  let lineIsBlank = true;
  for (let offset = 0; offset < text.length; offset += 1) {
    const code = text.charCodeAt(offset);
    if (isLineBreak(code)) {
      if (lineIsBlank) open = [];
      if (code === CR && text.charCodeAt(offset + 1) === LF) offset += 1;
      lineIsBlank = true;
      continue;
    }
    if (!isBlank(code)) lineIsBlank = false;
    if (code === 0x5c) offset += 1;
    else if (code === 0x7b) open.push(offset);
    else if (code === 0x7d) {
      const opener = open.pop();
      if (opener !== undefined) pairs.set(opener, offset);
    }
  }
  return pairs;
}
