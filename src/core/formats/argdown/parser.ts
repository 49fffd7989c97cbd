/**
 * Stage 2 of the Argdown reader: tokens → a syntax tree of blocks, following the grammar of
 * Argdown's parser (christianvoigt/argdown, `parser.ts`). Blocks are separated by blank lines:
 * - a heading `# …` (its text may go on over several lines, with tags and `{…}` data);
 * - a statement: untitled text, `[Title]: text` or a bare `[Title]` reference (tags and data only);
 * - an argument: `<Title>: description` or a bare `<Title>`;
 * - a premise–conclusion structure: numbered statements `(1) …` with inference lines `--…--`,
 *   which must end with a conclusion after an inference line;
 * - a list of statements or arguments (`* item`, `1. item`, indented or not), each item its own.
 * Statements and arguments carry relation trees: lines starting with a relation symbol, nested by
 * indentation. A line indented deeper than the previous relation is its child; a shallower line
 * closes the deeper levels and becomes a sibling at the level it reaches (Argdown's rule).
 *
 * Lenient where Argdown is strict but the meaning is plain: a numbered statement or a list item
 * may follow other text without a blank line (it starts a new block), a title inside text is read
 * as text (warning), text after a bare reference is ignored (warning), bold/italic markers without
 * a partner are text. Structural mistakes are located errors and the block is skipped.
 *
 * Relation trees are built with an explicit stack, never by recursion, and their depth is capped.
 */

import type { Position, Problem } from '../../problems.ts';
import { ProblemCollector, quoteForMessage } from '../../problems.ts';
import type { EmbeddedSource, EmphasisMarker, LexResult, RelationSymbol, Token } from './lexer.ts';
import type { SourceText } from './source-text.ts';
import { isYamlMap, parseYamlDocument, parseYamlFlowMapping, type YamlMap, type YamlValue } from './yaml.ts';

/** Far deeper than any real debate; deeper trees are refused rather than walked. */
export const MAX_RELATION_DEPTH = 1000;

/** The visible text of a statement, argument description or heading, and what it holds. */
export interface InlineContent {
  /**
   * Markup removed: bold/italic markers, link targets and the tags that end the text (all tags
   * with the front matter setting `model: {removeTagsFromText: true}`); line breaks read as spaces.
   */
  readonly text: string;
  /** Distinct tags in order of appearance. */
  readonly tags: readonly string[];
  readonly mentions: readonly { readonly kind: 'statement' | 'argument'; readonly title: string }[];
}

interface ElementBase {
  /** Undefined for an untitled statement. */
  readonly title: string | undefined;
  /** A bare `[Title]` or `<Title>` (a reference, not a definition). */
  readonly isReference: boolean;
  readonly content: InlineContent;
  readonly data: YamlMap | undefined;
  readonly relations: readonly RelationNode[];
  readonly position: Position;
}

export interface StatementNode extends ElementBase {
  readonly kind: 'statement';
}

export interface ArgumentNode extends ElementBase {
  readonly kind: 'argument';
  readonly title: string;
}

export type ElementNode = StatementNode | ArgumentNode;

/** One relation line: its symbol and the statement or argument after it, with that one's own tree. */
export interface RelationNode {
  readonly symbol: RelationSymbol;
  readonly member: ElementNode;
  readonly position: Position;
}

export interface HeadingNode {
  readonly kind: 'heading';
  readonly level: number;
  readonly content: InlineContent;
  readonly data: YamlMap | undefined;
  readonly position: Position;
}

export interface PcsStatementNode {
  readonly kind: 'pcsStatement';
  /** The number as written in `(n)`. */
  readonly number: number;
  readonly statement: StatementNode;
  readonly position: Position;
}

export interface InferenceNode {
  readonly kind: 'inference';
  readonly rules: readonly string[];
  readonly data: YamlMap | undefined;
  /** `<_` lines under the inference line: what undercuts this inference. */
  readonly relations: readonly RelationNode[];
  readonly position: Position;
}

export interface PcsNode {
  readonly kind: 'pcs';
  readonly items: readonly (PcsStatementNode | InferenceNode)[];
  readonly position: Position;
}

export interface ListNode {
  readonly kind: 'list';
  readonly items: readonly ElementNode[];
  readonly position: Position;
}

export type BlockNode = HeadingNode | ElementNode | PcsNode | ListNode;

export interface FrontMatterNode {
  /** Undefined when the YAML could not be read or is not a mapping (a warning says why). */
  readonly value: YamlMap | undefined;
  readonly position: Position;
  /** Where each top-level key is written, to locate later problems. */
  readonly keyPositions: ReadonlyMap<string, Position>;
}

export interface ArgdownDocument {
  readonly frontMatter: FrontMatterNode | undefined;
  readonly blocks: readonly BlockNode[];
}

export interface ParseResult {
  readonly document: ArgdownDocument;
  readonly problems: Problem[];
}

export function parseTokens(lexed: LexResult): ParseResult {
  return new Parser(lexed).run();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type RelationParent = Mutable<ElementNode> | Mutable<InferenceNode>;
type Relations = RelationNode[];

interface RelationLevel {
  readonly indent: number;
  readonly parent: RelationParent;
  lastMember: Mutable<ElementNode>;
}

/** The block being read and where its next relation lines attach. */
type OpenBlock =
  | { readonly kind: 'heading'; readonly node: Mutable<HeadingNode> }
  | { readonly kind: 'element'; readonly node: Mutable<ElementNode> }
  | { readonly kind: 'pcs'; readonly node: Mutable<PcsNode>; readonly items: (PcsStatementNode | InferenceNode)[] }
  | { readonly kind: 'list'; readonly node: Mutable<ListNode>; readonly items: ElementNode[] };

const EMPTY_CONTENT: InlineContent = { text: '', tags: [], mentions: [] };

/** Collects the inline tokens of one element or heading, then makes its InlineContent. */
class ContentBuilder {
  readonly #pieces: string[] = [];
  /** Indexes of the pieces that are tags, as written. */
  readonly #tagPieces = new Set<number>();
  readonly #tags: string[] = [];
  readonly #knownTags = new Set<string>();
  readonly #mentions: { kind: 'statement' | 'argument'; title: string }[] = [];
  /** Open bold/italic markers and the index of their piece, which becomes '' when closed. */
  readonly #open: { marker: EmphasisMarker; piece: number }[] = [];
  readonly #finish: (content: InlineContent) => void;
  readonly #removeAllTags: boolean;

  constructor(finish: (content: InlineContent) => void, removeAllTags: boolean) {
    this.#finish = finish;
    this.#removeAllTags = removeAllTags;
  }

  text(text: string): void {
    this.#pieces.push(text);
  }

  lineBreak(): void {
    this.#pieces.push('\n');
  }

  tag(tag: string, image: string): void {
    if (!this.#knownTags.has(tag)) {
      this.#knownTags.add(tag);
      this.#tags.push(tag);
    }
    this.#tagPieces.add(this.#pieces.length);
    this.#pieces.push(image);
  }

  mention(kind: 'statement' | 'argument', title: string, image: string): void {
    this.#mentions.push({ kind, title });
    this.#pieces.push(image);
  }

  emphasis(marker: EmphasisMarker, role: 'start' | 'end'): void {
    const open = this.#open.at(-1);
    if (role === 'end' && open !== undefined && open.marker === marker) {
      this.#open.pop();
      this.#pieces[open.piece] = '';
      return;
    }
    if (role === 'start') this.#open.push({ marker, piece: this.#pieces.length });
    this.#pieces.push(marker);
  }

  /**
   * Writes the content into its node; markers never closed stay as the text they were. Tags that
   * end the text are labels and leave it; a tag inside a sentence is part of it and stays.
   */
  close(): void {
    const pieces = this.#pieces;
    let trailing = pieces.length;
    while (trailing > 0 && (this.#tagPieces.has(trailing - 1) || (pieces[trailing - 1] ?? '').trim() === '')) trailing -= 1;
    for (const index of this.#tagPieces) if (this.#removeAllTags || index >= trailing) pieces[index] = '';
    const text = pieces.join('').replace(/[ \t]*\n[ \t]*/g, ' ').trim();
    this.#finish({ text, tags: this.#tags, mentions: this.#mentions });
  }
}

class Parser {
  readonly #tokens: readonly Token[];
  readonly #source: SourceText;
  readonly #problems = new ProblemCollector();
  readonly #blocks: BlockNode[] = [];
  #frontMatter: FrontMatterNode | undefined;
  #index = 0;
  #open: OpenBlock | undefined;
  /** Every content builder of the open block, closed when the block ends. */
  #builders: ContentBuilder[] = [];
  /**
   * Where inline tokens go: the statement, argument or heading last started. A bare reference
   * takes only tags and data; once text follows it (a warning), further text is ignored.
   */
  #content: { builder: ContentBuilder; node: { data: YamlMap | undefined }; accepts: 'text' | 'tagsAndData' | 'ignoredText'; referenceImage: string } | undefined;
  /** The element or inference that relation lines at the current indentation attach to. */
  #relationRoot: RelationParent | undefined;
  #levels: RelationLevel[] = [];
  /** After an error the rest of the block is skipped. */
  #skipping = false;
  /** Argdown's `model: {removeTagsFromText: true}`; without it only the tags ending a text leave it. */
  #removeAllTags = false;

  constructor(lexed: LexResult) {
    this.#tokens = lexed.tokens;
    this.#source = lexed.source;
  }

  run(): ParseResult {
    while (this.#index < this.#tokens.length) {
      const token = this.#tokens[this.#index];
      this.#index += 1;
      if (token !== undefined) this.#token(token);
    }
    this.#closeBlock();
    return { document: { frontMatter: this.#frontMatter, blocks: this.#blocks }, problems: this.#problems.toArray() };
  }

  #error(at: Position, message: string): void {
    this.#problems.error(message, { line: at.line, column: at.column });
    this.#skipping = true;
  }

  #warning(at: Position, message: string): void {
    this.#problems.warning(message, { line: at.line, column: at.column });
  }

  #token(token: Token): void {
    if (token.kind === 'emptyLine') {
      this.#closeBlock();
      return;
    }
    if (this.#skipping) return;
    if (token.kind === 'frontMatter') {
      this.#readFrontMatter(token, token.content);
      return;
    }
    if (this.#open === undefined) {
      this.#openBlock(token);
      return;
    }
    switch (token.kind) {
      case 'newline':
        this.#content?.builder.lineBreak();
        return;
      case 'relation':
        this.#relation(token);
        return;
      case 'statementNumber':
        if (this.#open.kind !== 'pcs') this.#startNewBlock(token);
        else this.#pcsStatement(token, this.#open);
        return;
      case 'inference':
        this.#inference(token);
        return;
      case 'listItem':
        if (this.#open.kind !== 'list') this.#startNewBlock(token);
        else this.#listItem(token, this.#open);
        return;
      default:
        this.#inline(token);
    }
  }

  /** A numbered statement or list item right after other text: Argdown wants a blank line; we start a block. */
  #startNewBlock(token: Token): void {
    this.#closeBlock();
    this.#openBlock(token);
  }

  #readFrontMatter(token: Token, content: EmbeddedSource): void {
    const parsed = parseYamlDocument(content.source);
    const position = { line: token.line, column: token.column };
    let value: YamlMap | undefined;
    if (!parsed.ok) this.#warning(this.#source.positionAt(content.offset + parsed.offset), `the front matter is not valid YAML (${parsed.message}); it was ignored`);
    else if (isYamlMap(parsed.value)) {
      value = parsed.value;
      const settings = value.get('model');
      this.#removeAllTags = isYamlMap(settings) && settings.get('removeTagsFromText') === true;
    } else if (parsed.value !== null) this.#warning(position, 'the front matter must be `key: value` lines; it was ignored');
    this.#frontMatter = { value, position, keyPositions: this.#keyPositions(content) };
  }

  /** Top-level keys are the lines that start with `key:` in the first column. */
  #keyPositions(content: EmbeddedSource): ReadonlyMap<string, Position> {
    const positions = new Map<string, Position>();
    const line = /^([^\s#:][^:\r\n]*?)[ \t]*:(?=[ \t\r\n]|$)/gmu;
    for (const match of content.source.matchAll(line)) {
      const key = match[1] ?? '';
      if (!positions.has(key)) positions.set(key, this.#source.positionAt(content.offset + match.index));
    }
    return positions;
  }

  #openBlock(token: Token): void {
    const position = { line: token.line, column: token.column };
    switch (token.kind) {
      case 'heading': {
        const node: Mutable<HeadingNode> = { kind: 'heading', level: token.level, content: EMPTY_CONTENT, data: undefined, position };
        this.#open = { kind: 'heading', node };
        this.#setContent(node, false, '', (content) => (node.content = content));
        this.#relationRoot = undefined;
        return;
      }
      case 'relation':
        this.#error(position, `a relation (${token.symbol}) must follow the statement or argument it belongs to, without a blank line`);
        return;
      case 'inference':
        this.#error(position, 'an inference line (--) must come between numbered statements: (1) premise, ----, (2) conclusion');
        return;
      case 'statementNumber': {
        const items: (PcsStatementNode | InferenceNode)[] = [];
        const open: OpenBlock = { kind: 'pcs', node: { kind: 'pcs', items, position }, items };
        this.#open = open;
        this.#pcsStatement(token, open);
        return;
      }
      case 'listItem': {
        const items: ElementNode[] = [];
        const open: OpenBlock = { kind: 'list', node: { kind: 'list', items, position }, items };
        this.#open = open;
        this.#listItem(token, open);
        return;
      }
      case 'newline':
        return;
      default: {
        const element = this.#element(token);
        this.#open = { kind: 'element', node: element };
        this.#rootRelationsAt(element);
      }
    }
  }

  /**
   * Starts a statement or argument at `first` (a title token or its first text): the title token
   * is consumed, the rest of its line and the lines after it are its content.
   */
  #element(first: Token): Mutable<ElementNode> {
    const position = { line: first.line, column: first.column };
    const base = { content: EMPTY_CONTENT, data: undefined, relations: [] as Relations, position };
    let node: Mutable<ElementNode>;
    let referenceImage = '';
    switch (first.kind) {
      case 'statementDefinition':
        node = { kind: 'statement', title: first.title, isReference: false, ...base };
        break;
      case 'statementReference':
        node = { kind: 'statement', title: first.title, isReference: true, ...base };
        referenceImage = first.image;
        break;
      case 'argumentDefinition':
        node = { kind: 'argument', title: first.title, isReference: false, ...base };
        break;
      case 'argumentReference':
        node = { kind: 'argument', title: first.title, isReference: true, ...base };
        referenceImage = first.image;
        break;
      default:
        node = { kind: 'statement', title: undefined, isReference: false, ...base };
    }
    this.#setContent(node, node.isReference, referenceImage, (content) => (node.content = content));
    if (node.title === undefined) this.#inline(first);
    return node;
  }

  #setContent(node: { data: YamlMap | undefined }, isReference: boolean, referenceImage: string, finish: (content: InlineContent) => void): void {
    const builder = new ContentBuilder(finish, this.#removeAllTags);
    this.#builders.push(builder);
    this.#content = { builder, node, accepts: isReference ? 'tagsAndData' : 'text', referenceImage };
  }

  #rootRelationsAt(root: RelationParent): void {
    this.#relationRoot = root;
    this.#levels = [];
  }

  /** Text, tags, mentions, links, markers and data of the element or heading being read. */
  #inline(token: Token): void {
    const target = this.#content;
    const position = { line: token.line, column: token.column };
    if (target === undefined) {
      // Only an inference line leaves nothing to write into.
      if (token.kind !== 'text' || token.text.trim() !== '') this.#error(position, 'an inference line must be followed by its numbered conclusion, such as (3) …');
      return;
    }
    const { builder } = target;
    if (token.kind === 'data') {
      this.#data(token.data, target.node);
      return;
    }
    if (token.kind === 'tag') {
      builder.tag(token.tag, token.image);
      return;
    }
    if (target.accepts !== 'text') {
      const visible = token.kind === 'text' ? token.text.trim() !== '' : token.kind !== 'newline';
      if (visible && target.accepts === 'tagsAndData') {
        this.#warning(position, `text after the reference ${target.referenceImage} was ignored; write ${target.referenceImage}: text to give it a text`);
        target.accepts = 'ignoredText';
      }
      return;
    }
    switch (token.kind) {
      case 'text':
        builder.text(token.text);
        return;
      case 'link':
        builder.text(token.text);
        return;
      case 'emphasis':
        builder.emphasis(token.marker, token.role);
        return;
      case 'statementMention':
      case 'argumentMention':
        builder.mention(token.kind === 'statementMention' ? 'statement' : 'argument', token.title, token.image);
        return;
      case 'statementDefinition':
      case 'statementReference':
      case 'argumentDefinition':
      case 'argumentReference':
        this.#warning(position, `${quoteForMessage(token.image)} was read as text: a title can only start a statement or argument (write @${token.image.replace(/:$/, '')} to mention it, or escape the bracket with \\)`);
        builder.text(token.image);
        return;
      default:
        // Line-start tokens never reach here.
        return;
    }
  }

  #data(source: EmbeddedSource, node: { data: YamlMap | undefined }): void {
    const parsed = parseYamlFlowMapping(source.source);
    if (!parsed.ok) {
      this.#warning(this.#source.positionAt(source.offset + parsed.offset), `this {…} data is not valid YAML (${parsed.message}); it was ignored`);
      return;
    }
    if (!isYamlMap(parsed.value)) return;
    // The node's data is always a Map made here, so more data of the same node is merged into it in
    // place; later keys win, as in Argdown.
    const data = (node.data as Map<string, YamlValue> | undefined) ?? new Map<string, YamlValue>();
    for (const [key, value] of parsed.value) data.set(key, value);
    node.data = data;
  }

  #relation(token: Extract<Token, { kind: 'relation' }>): void {
    const position = { line: token.line, column: token.column };
    const root = this.#relationRoot;
    if (root === undefined) {
      this.#error(position, 'a heading cannot have relations: leave a blank line after it');
      return;
    }
    const levels = this.#levels;
    const top = levels.at(-1);
    let parent: RelationParent;
    let opensLevel = false;
    if (top === undefined) {
      parent = root;
      opensLevel = true;
    } else if (token.indent > top.indent) {
      if (levels.length >= MAX_RELATION_DEPTH) {
        this.#error(position, `relations are nested more than ${MAX_RELATION_DEPTH} levels deep`);
        return;
      }
      parent = top.lastMember;
      opensLevel = true;
    } else {
      while (levels.length > 1 && token.indent < (levels.at(-1)?.indent ?? 0)) levels.pop();
      parent = (levels.at(-1) ?? top).parent;
    }
    if (parent.kind === 'inference' && token.symbol !== '<_') {
      this.#error(position, `only undercuts (<_) can follow an inference line, not ${token.symbol}`);
      return;
    }
    const first = this.#nextOnLine();
    if (first === undefined) {
      this.#error(position, `this relation (${token.symbol}) names no statement or argument`);
      return;
    }
    const member = this.#element(first);
    if (token.symbol === '><' && member.kind === 'argument') {
      this.#error(position, 'a contradiction (><) relates two statements, not an argument');
      return;
    }
    if (opensLevel) levels.push({ indent: token.indent, parent, lastMember: member });
    else {
      const level = levels.at(-1);
      if (level !== undefined) level.lastMember = member;
    }
    (parent.relations as Relations).push({ symbol: token.symbol, member, position });
  }

  /** The token after a line-start token when it is on the same line. */
  #nextOnLine(): Token | undefined {
    const next = this.#tokens[this.#index];
    if (next === undefined || next.kind === 'newline' || next.kind === 'emptyLine') return undefined;
    this.#index += 1;
    return next;
  }

  #pcsStatement(token: Extract<Token, { kind: 'statementNumber' }>, open: Extract<OpenBlock, { kind: 'pcs' }>): void {
    const position = { line: token.line, column: token.column };
    const first = this.#nextOnLine();
    if (first === undefined) {
      this.#error(position, `(${token.number}) needs a statement on the same line`);
      return;
    }
    if (first.kind === 'argumentDefinition' || first.kind === 'argumentReference') {
      this.#error(position, `(${token.number}) must be followed by a statement, not an argument`);
      return;
    }
    const statement = this.#element(first) as Mutable<StatementNode>;
    open.items.push({ kind: 'pcsStatement', number: token.number, statement, position });
    this.#rootRelationsAt(statement);
  }

  #inference(token: Extract<Token, { kind: 'inference' }>): void {
    const position = { line: token.line, column: token.column };
    const open = this.#open;
    if (open?.kind !== 'pcs' || open.items.at(-1)?.kind !== 'pcsStatement') {
      this.#error(position, 'an inference line (--) must follow a numbered premise: (1) premise, ----, (2) conclusion');
      return;
    }
    const next = this.#tokens[this.#index];
    if (next?.kind === 'text' && next.text.trim() === '') this.#index += 1;
    else if (next !== undefined && next.kind !== 'newline' && next.kind !== 'emptyLine') {
      this.#error({ line: next.line, column: next.column }, 'nothing may follow an inference line on the same line');
      return;
    }
    const inference: Mutable<InferenceNode> = { kind: 'inference', rules: token.rules, data: undefined, relations: [], position };
    if (token.data !== undefined) this.#data(token.data, inference);
    open.items.push(inference);
    this.#content = undefined;
    this.#rootRelationsAt(inference);
  }

  #listItem(token: Extract<Token, { kind: 'listItem' }>, open: Extract<OpenBlock, { kind: 'list' }>): void {
    const first = this.#nextOnLine();
    if (first === undefined) {
      this.#error({ line: token.line, column: token.column }, 'this list item is empty');
      return;
    }
    const element = this.#element(first);
    open.items.push(element);
    this.#rootRelationsAt(element);
  }

  /** Ends the open block: its texts are finished and a complete block is kept. */
  #closeBlock(): void {
    const open = this.#open;
    if (open !== undefined && !this.#skipping) {
      for (const builder of this.#builders) builder.close();
      if (open.kind === 'pcs') this.#closePcs(open);
      else this.#blocks.push(open.node);
    }
    this.#open = undefined;
    this.#builders = [];
    this.#content = undefined;
    this.#relationRoot = undefined;
    this.#levels = [];
    this.#skipping = false;
  }

  #closePcs(open: Extract<OpenBlock, { kind: 'pcs' }>): void {
    const last = open.items.at(-1);
    if (last?.kind === 'inference') {
      this.#problems.error('this inference line has no conclusion after it: add a numbered statement', { line: last.position.line, column: last.position.column });
      return;
    }
    if (!open.items.some((item) => item.kind === 'inference')) {
      const { line, column } = open.node.position;
      this.#problems.error('a premise–conclusion structure needs an inference line (----) before its conclusion', { line, column });
      return;
    }
    this.#blocks.push(open.node);
  }
}
