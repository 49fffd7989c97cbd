/** Stage 2 of the Argdown reader: blocks, relation trees and premise–conclusion structures. */

import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/core/formats/argdown/lexer.ts';
import { MAX_RELATION_DEPTH, parseTokens, type BlockNode, type ElementNode, type ParseResult } from '../../src/core/formats/argdown/parser.ts';
import { SourceText } from '../../src/core/formats/argdown/source-text.ts';

function parse(text: string): ParseResult {
  return parseTokens(tokenize(text));
}

function blocks(text: string): readonly BlockNode[] {
  const { document, problems } = parse(text);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return document.blocks;
}

function element(text: string): ElementNode {
  const [first] = blocks(text);
  if (first === undefined || (first.kind !== 'statement' && first.kind !== 'argument')) throw new Error(`expected a statement or argument, got ${first?.kind}`);
  return first;
}

/** The relation tree as `symbol text` lines, indented two spaces per level. */
function tree(root: ElementNode): string[] {
  const lines: string[] = [];
  const pending = root.relations.map((relation) => ({ relation, depth: 0 })).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { member } = next.relation;
    lines.push(`${'  '.repeat(next.depth)}${next.relation.symbol} ${member.title ?? member.content.text}`);
    pending.push(...member.relations.map((relation) => ({ relation, depth: next.depth + 1 })).reverse());
  }
  return lines;
}

function errors(text: string): string[] {
  return parse(text).problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
}

describe('blocks', () => {
  it('separates blocks at blank lines and joins the lines of a statement', () => {
    const parsed = blocks('This is another statement. It consists\nof several sentences.\n\n  indented\n  continuation  \n\n!');
    expect(parsed.map((block) => (block.kind === 'statement' ? block.content.text : block.kind))).toEqual([
      'This is another statement. It consists of several sentences.',
      'indented continuation',
      '!',
    ]);
  });

  it('reads titled statements, references, arguments and headings', () => {
    const parsed = blocks('# Section {isGroup: true}\n\n[T]: text\n\n[T]\n\n<A>: description\n\n<A>');
    expect(parsed.map((block) => (block.kind === 'heading' ? `h${block.level} ${block.content.text}` : 'title' in block ? `${block.kind} ${block.title} ${block.isReference}` : block.kind))).toEqual([
      'h1 Section',
      'statement T false',
      'statement T true',
      'argument A false',
      'argument A true',
    ]);
    const [heading] = parsed;
    expect(heading?.kind === 'heading' && heading.data?.get('isGroup')).toBe(true);
  });

  it('keeps where each element starts', () => {
    const { position } = element('\n\n  [T]: text');
    expect(position).toEqual({ line: 3, column: 3 });
  });
});

describe('inline content', () => {
  it('drops bold and italic markers and link targets, keeps mentions as written', () => {
    expect(element('__bold__ and *italic* with a [link](https://x.org) and @[T] and @<A>').content).toEqual({
      text: 'bold and italic with a link and @[T] and @<A>',
      tags: [],
      mentions: [
        { kind: 'statement', title: 'T' },
        { kind: 'argument', title: 'A' },
      ],
    });
  });

  it('leaves markers that are never closed as text', () => {
    expect(element('snake_case_name and 2 * 3').content.text).toBe('snake_case_name and 2 * 3');
  });

  it('removes the tags that end a text and keeps those inside a sentence', () => {
    expect(element('a #tag and a sentence #end #(two words)\n#more').content).toMatchObject({ text: 'a #tag and a sentence', tags: ['tag', 'end', 'two words', 'more'] });
  });

  it('removes every tag with model: {removeTagsFromText: true}', () => {
    const [statement] = blocks('===\nmodel:\n    removeTagsFromText: true\n===\n\na #tag and text');
    expect(statement?.kind === 'statement' && statement.content.text).toBe('a and text');
  });

  it('reads data after the text, also on the next line', () => {
    expect(element('[s]: God is dead.\n{sources: ["a", "b"]}').data?.get('sources')).toEqual(['a', 'b']);
  });

  it('reads escaped markup as text', () => {
    expect(element('[A]: \\[text\\] \\#no-tag \\*x\\*').content).toMatchObject({ text: '[text] #no-tag *x*', tags: [] });
  });
});

describe('relation trees', () => {
  it('nests relations by indentation, as Argdown does', () => {
    // A shallower line closes the deeper levels and joins the level it reaches (G under A, not C).
    expect(tree(element('A\n  + B\n  - C\n      <+ D\n        <- E\n          +> F\n    -> G'))).toEqual(['+ B', '- C', '  <+ D', '    <- E', '      +> F', '-> G']);
  });

  it('gives continuation lines to the last element and reads relation members of every kind', () => {
    const root = element('[Thesis]: text\n  + <P1>: Freedom of speech\n  is never absolute. #pro\n    - [S]\n    >< untitled text');
    expect(tree(root)).toEqual(['+ P1', '  - S', '  >< untitled text']);
    expect(root.relations[0]?.member.content).toMatchObject({ text: 'Freedom of speech is never absolute.', tags: ['pro'] });
  });

  it('builds trees without recursion up to the depth cap, and refuses deeper ones', () => {
    const chain = (depth: number) => `root\n${Array.from({ length: depth }, (_, level) => `${' '.repeat(level + 1)}+ s`).join('\n')}`;
    let node: ElementNode | undefined = element(chain(MAX_RELATION_DEPTH));
    let depth = 0;
    while (node?.relations[0] !== undefined) {
      node = node.relations[0].member;
      depth += 1;
    }
    expect(depth).toBe(MAX_RELATION_DEPTH);
    expect(errors(chain(MAX_RELATION_DEPTH + 1))).toEqual([`${MAX_RELATION_DEPTH + 2}:${MAX_RELATION_DEPTH + 2} relations are nested more than ${MAX_RELATION_DEPTH} levels deep`]);
  });

  it('parses 10,000 nested relation levels without overflowing the stack', () => {
    const levels = 10_000;
    const source = new SourceText('');
    const tokens: Token[] = [{ kind: 'text', text: 'root', offset: 0, end: 0, line: 1, column: 1 }];
    for (let level = 1; level <= levels; level += 1) {
      const place = { offset: 0, end: 0, line: level + 1, column: level + 1 };
      tokens.push({ kind: 'newline', ...place }, { kind: 'relation', symbol: '+', indent: level, ...place }, { kind: 'text', text: `s${level}`, ...place });
    }
    const { problems } = parseTokens({ tokens, source, problems: [] });
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: MAX_RELATION_DEPTH + 2, message: expect.stringContaining('nested more than') })]);
  });
});

describe('premise–conclusion structures', () => {
  it('reads premises, inferences with rules and data, and conclusions', () => {
    const [pcs] = blocks('(1) [Absolute Freedom of Speech]\n(2) Censorship violates freedom of speech.\n--\nSpecification, Modus ponens {uses: [1,2]}\n--\n(3) Censorship is wrong.\n    -> [Censorship]');
    if (pcs?.kind !== 'pcs') throw new Error('expected a pcs');
    expect(pcs.items.map((item) => (item.kind === 'inference' ? `-- ${item.rules.join(' | ')} ${JSON.stringify([...(item.data ?? [])])}` : `(${item.number}) ${item.statement.title ?? item.statement.content.text}`))).toEqual([
      '(1) Absolute Freedom of Speech',
      '(2) Censorship violates freedom of speech.',
      '-- Specification | Modus ponens [["uses",[1,2]]]',
      '(3) Censorship is wrong.',
    ]);
    const conclusion = pcs.items[3];
    expect(conclusion?.kind === 'pcsStatement' && tree(conclusion.statement)).toEqual(['-> Censorship']);
  });

  it('reads undercuts under an inference line', () => {
    const [, pcs] = blocks('<a>\n\n(1) s1\n-----\n    <_ <b>\n(2) s2');
    const inference = pcs?.kind === 'pcs' ? pcs.items[1] : undefined;
    expect(inference?.kind === 'inference' && inference.relations.map((relation) => `${relation.symbol} ${relation.member.title}`)).toEqual(['<_ b']);
  });

  it('starts a new block at a numbered statement or list item that follows text directly', () => {
    expect(blocks('<A>\n(1) p\n----\n(2) c').map((block) => block.kind)).toEqual(['argument', 'pcs']);
    expect(blocks('Intro:\n  * one\n  * two').map((block) => block.kind)).toEqual(['statement', 'list']);
  });
});

describe('syntax errors', () => {
  it.each([
    ['a\n\n    + b', '3:5 a relation (+) must follow the statement or argument it belongs to, without a blank line'],
    ['a\n  +\n  - b', '2:3 this relation (+) names no statement or argument'],
    ['# Heading\n  + b', '2:3 a heading cannot have relations: leave a blank line after it'],
    ['(1) A\n(2) B', '1:1 a premise–conclusion structure needs an inference line (----) before its conclusion'],
    ['(1) A\n----', '2:1 this inference line has no conclusion after it: add a numbered statement'],
    ['(1) A\n----\nB', '3:1 an inference line must be followed by its numbered conclusion, such as (3) …'],
    ['a\n----\n(2) B', '2:1 an inference line (--) must follow a numbered premise: (1) premise, ----, (2) conclusion'],
    ['[s]\n  >< <a>', '2:3 a contradiction (><) relates two statements, not an argument'],
    ['(1) <a>\n----\n(2) c', '1:1 (1) must be followed by a statement, not an argument'],
    ['(1) A\n----\n  + <b>\n(2) C', '3:3 only undercuts (<_) can follow an inference line, not +'],
  ])('locates the error in %j', (text, expected) => {
    expect(errors(text)).toEqual([expected]);
  });

  it('skips the broken block and goes on with the next', () => {
    const { document, problems } = parse('a\n\n+ b\n- c\n\n[d]: fine');
    expect(problems).toHaveLength(1);
    expect(document.blocks.map((block) => (block.kind === 'statement' ? block.title ?? block.content.text : block.kind))).toEqual(['a', 'd']);
  });
});

describe('lenient readings, with warnings', () => {
  it('reads a title inside text as text', () => {
    const { document, problems } = parse('See [Nietzsche\'s Slogan]: God is dead.');
    expect(document.blocks[0]?.kind === 'statement' && document.blocks[0].content.text).toBe("See [Nietzsche's Slogan]: God is dead.");
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 5 })]);
  });

  it('reads each list item as a statement of its own, with its title', () => {
    const { document, problems } = parse("1. [Nietzsche's Slogan]: God is dead.\n2. [Design]: The world is\n   designed\n* <a>: An argument");
    expect(problems).toEqual([]);
    const [list] = document.blocks;
    expect(list?.kind === 'list' && list.items.map((item) => [item.kind, item.title, item.content.text])).toEqual([
      ['statement', "Nietzsche's Slogan", 'God is dead.'],
      ['statement', 'Design', 'The world is designed'],
      ['argument', 'a', 'An argument'],
    ]);
  });

  it('ignores text after a bare reference, keeping its tags and data', () => {
    const { document, problems } = parse('[s1] some text #tag {a: 1}');
    const [statement] = document.blocks;
    expect(statement?.kind === 'statement' && [statement.content.text, statement.content.tags, statement.data?.get('a')]).toEqual(['', ['tag'], 1]);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 5, message: expect.stringContaining('[s1]') })]);
  });

  it('warns about data that is not YAML and ignores it', () => {
    const { document, problems } = parse('(1) A\n-- Rule {depends on: [1,2]; uses: [1,2]} --\n(2) C');
    const inference = document.blocks[0]?.kind === 'pcs' ? document.blocks[0].items[1] : undefined;
    expect(inference?.kind === 'inference' && inference.data).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 27 })]);
  });

  it('warns about front matter that is not YAML and ignores it', () => {
    const { document, problems } = parse('===\ntitle: "open\n===\n\ntext');
    expect(document.frontMatter?.value).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 8 })]);
  });
});
