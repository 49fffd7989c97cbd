/**
 * Which unnamed text is Argdown: every text with Argdown structure that Argdown's own parser reads
 * without errors, and no other format; a `.argdown` name decides whatever the text.
 */

import { describe, expect, it } from 'vitest';
import { detectFormat, formatOfName } from '../../src/core/formats/detect.ts';
import { readMapBytes, readMapText } from '../../src/core/formats/read-map.ts';
import { CORPORA_PRESENT, HOW_TO_FIX, corpusFiles } from '../fixtures/argdown/corpora.ts';
import { readWithArgdown } from '../fixtures/argdown/official.ts';

const PLAIN_STATEMENT = 'Big labs will win the model war.\n  + Only they can pay for the compute.\n  - Open models catch up within months.\n';

describe('sniffing Argdown', () => {
  it('reads a plain statement with indented relation lines, no front matter, as Argdown', () => {
    expect(detectFormat(PLAIN_STATEMENT).format).toBe('argdown');
    const read = readMapText(PLAIN_STATEMENT);
    expect(read.format).toBe('argdown');
    expect(read.result.ok && read.result.map.edges.map((edge) => edge.kind)).toEqual(['support', 'attack']);
  });

  it.each([
    ['an argument with an undercut', '<A>: Costs fall.\n    _ <B>: Only for some.\n'],
    ['an outgoing relation', 'Prices fall.\n\t+> Demand grows.\n'],
    ['a mention', '# On @[Costs]\n\nCosts fall.\n'],
    ['a contradiction', 'Prices fall.\n  >< Prices rise.\n'],
    ['a premise–conclusion structure', '(1) All men are mortal.\n(2) Socrates is a man.\n----\n(3) Socrates is mortal.\n'],
    ['an argument reference at the start', '<Costs>\n\nSome text.\n'],
    ['a statement title after some prose', 'Notes.\n\n[Costs]: Costs fall.\n'],
  ])('reads %s as Argdown', (_name, text) => {
    expect(readWithArgdown(text).accepted).toBe(true);
    expect(detectFormat(text).format).toBe('argdown');
  });

  it('leaves prose without any Argdown structure as plain text, unless a .argdown name decides', () => {
    const notes = 'Shopping list: eggs, flour, 2 lemons.\nCall the plumber on Tuesday.\n';
    expect(detectFormat(notes)).toEqual({ format: 'unknown', description: 'plain text' });
    expect(detectFormat(notes, 'notes.argdown').format).toBe('argdown');
    expect(detectFormat(new TextEncoder().encode(notes), 'NOTES.AD').format).toBe('argdown');
    expect(formatOfName('map.json')).toBeUndefined();
    expect(detectFormat('a,b\n-1,2\n').format).toBe('unknown');
  });

  it('reads as Argdown every corpus file that @argdown/core accepts, but the four of prose alone', () => {
    expect(CORPORA_PRESENT, HOW_TO_FIX).toBe(true);
    const files = [...corpusFiles('argdown-christianvoigt'), ...corpusFiles('argdown-docs-snippets')].filter((file) => file.name.endsWith('.argdown'));
    const accepted = files.filter((file) => readWithArgdown(file.text).accepted);
    const missed = accepted.filter((file) => detectFormat(file.text).format !== 'argdown').map((file) => file.name);
    // Tests of Argdown's lexer holding only escaped characters, headings, emphasis or two words.
    expect(missed).toEqual([
      'packages__argdown-core__test__lexer-escaped-chars.argdown',
      'packages__argdown-core__test__lexer-heading.argdown',
      'packages__argdown-core__test__lexer-italic-bold.argdown',
      'packages__argdown-core__test__lexer-token-locations-first-line-empty.argdown',
    ]);
    expect(accepted.length).toBeGreaterThan(80);
  });
});

describe('a file named .argdown', () => {
  it('is read as Argdown whatever its text', () => {
    const bytes = new TextEncoder().encode('Only prose here.\n');
    expect(readMapBytes(bytes).format).toBe('unknown');
    const read = readMapBytes(bytes, 'debate.argdown');
    expect(read.format).toBe('argdown');
    expect(read.result.ok && read.result.map.nodes.map((node) => node.text.en)).toEqual(['Only prose here.']);
  });
});
