/** Stage 1 of the Argdown reader: tokens, their kinds and their line:column. */

import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/core/formats/argdown/lexer.ts';

function kinds(text: string): string[] {
  return tokenize(text).tokens.map((token) => token.kind);
}

function only<K extends Token['kind']>(text: string, kind: K): (Token & { kind: K })[] {
  return tokenize(text).tokens.filter((token): token is Token & { kind: K } => token.kind === kind);
}

function at(token: Token | undefined): string {
  return token === undefined ? 'none' : `${token.line}:${token.column}`;
}

describe('positions', () => {
  it('gives every token its 1-based line and column', () => {
    const { tokens } = tokenize('a\nb\ncd: @[A] *e*\n\n<B>: f\n    + g\n        -> h');
    const described = tokens.map((token) => `${token.kind}@${at(token)}`);
    expect(described).toEqual([
      'text@1:1',
      'newline@1:2',
      'text@2:1',
      'newline@2:2',
      'text@3:1',
      'statementMention@3:5',
      'emphasis@3:10',
      'text@3:11',
      'emphasis@3:12',
      'emptyLine@3:13',
      'argumentDefinition@5:1',
      'text@5:5',
      'newline@5:7',
      'relation@6:5',
      'text@6:7',
      'newline@6:8',
      'relation@7:9',
      'text@7:12',
    ]);
  });

  it('counts columns in UTF-16 code units, as editors do', () => {
    const [tag] = only('😀 中文 #x', 'tag');
    expect(at(tag)).toBe('1:7');
  });

  it('starts at line 2 when the first line is empty', () => {
    expect(at(tokenize('\na\nb').tokens[0])).toBe('2:1');
  });

  it('reads \\r\\n and a lone \\r as one line break each', () => {
    const crlf = tokenize('Another statement\r\n  + An argument\r\n\r\n(1) A\r\n----\r\n(2) B');
    expect(crlf.tokens.map((token) => `${token.kind}@${at(token)}`)).toEqual([
      'text@1:1',
      'newline@1:18',
      'relation@2:3',
      'text@2:5',
      'emptyLine@2:16',
      'statementNumber@4:1',
      'text@4:5',
      'newline@4:6',
      'inference@5:1',
      'newline@5:5',
      'statementNumber@6:1',
      'text@6:5',
    ]);
    expect(only('a\rb\r\rc', 'text').map(at)).toEqual(['1:1', '2:1', '4:1']);
    expect(kinds('a\rb\r\rc')).toEqual(['text', 'newline', 'text', 'emptyLine', 'text']);
  });
});

describe('comments', () => {
  it('drops //, /* */ and <!-- --> comments, inline or on lines of their own', () => {
    const text = 'Another <!-- **Comment** --> Statement <!-- [Comment] -->\n// line\n/* block */\nmore // rest';
    expect(only(text, 'text').map((token) => token.text)).toEqual(['Another ', ' Statement ', 'more ']);
    expect(kinds(text)).not.toContain('emptyLine');
  });

  it('treats a line holding only a comment as neither blank nor content', () => {
    expect(kinds('A\n<!--\nmulti\nline\n-->\nB')).toEqual(['text', 'newline', 'text']);
    expect(kinds('A\n\n/* c */\n\nB')).toEqual(['text', 'emptyLine', 'text']);
  });

  it('hides Argdown syntax inside comments', () => {
    expect(kinds('Some statement\n\n<!--\n#A Multi-Line Comment\n+ A support relation\n(1) A\n---\n(2) C\n-->\n\nTHE END')).toEqual(['text', 'emptyLine', 'text']);
  });

  it('reports an unclosed comment where it starts', () => {
    for (const opener of ['<!--', '/*']) {
      const { problems } = tokenize(`a\n  b ${opener} never closed\n\nc`);
      expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 5 })]);
      expect(problems[0]?.message).toContain(opener === '/*' ? '*/' : '-->');
    }
  });
});

describe('escapes', () => {
  it('reads the character after a backslash as text', () => {
    expect(only('1 \\< 3 \\> 2 \\[Some text\\] \\# x \\\\', 'text').map((token) => token.text).join('')).toBe('1 < 3 > 2 [Some text] # x \\');
    expect(kinds('\\[A\\]: no definition')).toEqual(['text']);
  });

  it('keeps a backslash at the end of a line', () => {
    expect(only('a\\\nb', 'text').map((token) => token.text)).toEqual(['a\\', 'b']);
  });
});

describe('line starts', () => {
  it('reads all nine relation symbols with their indentation', () => {
    const symbols = ['+', '-', '<+', '<-', '+>', '->', '><', '_>', '<_'];
    const relations = only(`s\n${symbols.map((symbol, index) => `${' '.repeat(index + 1)}${symbol} x`).join('\n')}`, 'relation');
    expect(relations.map((token) => [token.symbol, token.indent])).toEqual(symbols.map((symbol, index) => [symbol, index + 1]));
  });

  it('counts a tab as one column of indentation, as Argdown does', () => {
    expect(only('s\n\t\t+ x', 'relation')[0]?.indent).toBe(2);
  });

  it('reads + and - only at the start of a line', () => {
    expect(kinds('2 + 3 - 1')).toEqual(['text']);
  });

  it('reads statement numbers and inference lines', () => {
    const inference = only('(1) A\n-- Inference Rule 1, Inference Rule 2 {uses: [1]} -----\n(2) C', 'inference')[0];
    expect(inference?.rules).toEqual(['Inference Rule 1', 'Inference Rule 2']);
    expect(inference?.data?.source).toBe('{uses: [1]}');
    expect(only('(12) A', 'statementNumber')[0]?.number).toBe(12);
  });

  it('reads an inference line over several lines, and ---- as one with no rule', () => {
    const [multi] = only('(1) A\n--\nModus ponens\n{uses: [1,2,3,4]}\n--\n(2) B', 'inference');
    expect(multi?.rules).toEqual(['Modus ponens']);
    expect(multi?.data?.source).toBe('{uses: [1,2,3,4]}');
    expect(only('(1) A\n----\n(2) B', 'inference')[0]?.rules).toEqual([]);
  });

  it('reports an inference line that is never closed', () => {
    const { problems } = tokenize('(1) A\n-- Modus ponens\n\n(2) B');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 1 })]);
  });

  it('reads list items at the start of a line, indented or not, as Argdown does', () => {
    expect(only('  * one\n  1. two', 'listItem').map((token) => token.ordered)).toEqual([false, true]);
    expect(only('* one\n1. two\n12. three', 'listItem').map((token) => [token.ordered, token.indent])).toEqual([
      [false, 0],
      [true, 0],
      [true, 0],
    ]);
    expect(kinds('1.5 litres *per* day')).toEqual(['text', 'emphasis', 'text', 'emphasis', 'text']);
  });

  it('reads a lone _ before a blank as an undercut, as Argdown does', () => {
    expect(only('<a>\n  _ <b>\n  _> <c>\n  <_ <d>', 'relation').map((token) => token.symbol)).toEqual(['<_', '_>', '<_']);
    expect(kinds('<a>\n  _b_')).toEqual(['argumentReference', 'newline', 'emphasis', 'text', 'emphasis']);
  });

  it('reads headings only at the start of a block', () => {
    expect(only('# Title\n\ntext\n# not a heading', 'heading').map((token) => token.level)).toEqual([1]);
    expect(only('### Three', 'heading')[0]?.level).toBe(3);
    expect(kinds('#tag')).toEqual(['tag']);
  });
});

describe('front matter', () => {
  it('reads the YAML between === lines at the start of the text', () => {
    const [frontMatter] = only('\n===\ntitle: A\n===\n\ntext', 'frontMatter');
    expect(frontMatter?.content.source).toBe('title: A\n');
    expect(at(frontMatter)).toBe('2:1');
  });

  it('reads === later in the text as text', () => {
    expect(kinds('text\n\n===\nx\n===')).not.toContain('frontMatter');
  });

  it('reports front matter that is never closed', () => {
    const { problems, tokens } = tokenize('===\ntitle: A\n\n[s]: text');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', line: 1, column: 1 })]);
    expect(tokens).toEqual([]);
  });
});

describe('inline constructs', () => {
  it('reads definitions, references and mentions with their titles', () => {
    const tokens = tokenize('[Statement-Title]: text @[Other] and @<Arg> ').tokens.filter((token) => 'title' in token);
    expect(tokens.map((token) => [token.kind, 'title' in token ? token.title : ''])).toEqual([
      ['statementDefinition', 'Statement-Title'],
      ['statementMention', 'Other'],
      ['argumentMention', 'Arg'],
    ]);
    expect(only('<A>: d', 'argumentDefinition')[0]?.title).toBe('A');
    expect(only('<A>', 'argumentReference')[0]?.title).toBe('A');
    expect(only('[Word @#*%!]: text', 'statementDefinition')[0]?.title).toBe('Word @#*%!');
  });

  it('reads links, plain tags and tags with spaces', () => {
    const text = '[Statement-Title]: (Some text) [Link Text](http://www.argunet.org) some more text. #tag1 #tag-2 #(tag 3)';
    expect(only(text, 'link').map((token) => [token.text, token.url])).toEqual([['Link Text ', 'http://www.argunet.org']]);
    expect(only(text, 'tag').map((token) => token.tag)).toEqual(['tag1', 'tag-2', 'tag 3']);
  });

  it('reads {…} data over several lines, and an unmatched brace as text', () => {
    const [data] = only('[s]: t\n{sources: [\n  "a",\n  "b"\n]}', 'data');
    expect(data?.data.source).toBe('{sources: [\n  "a",\n  "b"\n]}');
    expect(kinds('a { b')).toEqual(['text']);
    expect(kinds('a {\n\n}')).toEqual(['text', 'emptyLine', 'text']);
  });

  it('pairs bold and italic markers as Argdown does', () => {
    const markers = (text: string) => only(text, 'emphasis').map((token) => `${token.role}${token.marker}`);
    expect(markers('__bold__ _italic_ **b** *i*')).toEqual(['start__', 'end__', 'start_', 'end_', 'start**', 'end**', 'start*', 'end*']);
    expect(markers('***both***')).toEqual(['start**', 'start*', 'end*', 'end**']);
    expect(markers('_italic_:')).toEqual(['start_', 'end_']);
    expect(markers('snake_case_name')).toEqual(['start_', 'start_']);
    expect(markers('a * b')).toEqual([]);
  });
});

describe('hostile text', () => {
  it('stays linear on a long line full of openers', () => {
    const started = performance.now();
    const { tokens } = tokenize(`[<@{#*_`.repeat(100_000));
    expect(tokens.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
