import { describe, expect, it } from 'vitest';
import { splitGraphemes, textWidth, wrapText } from '../../src/core/text/wrap.ts';

const box = { fontSize: 14, maxWidth: 196, maxLines: 6 };

describe('wrapText', () => {
  it('breaks Chinese between characters and never starts a line with closing punctuation', () => {
    const { lines } = wrapText('大模型摧毁了创业，因为模型、算力和数据，三大支柱都向大厂集中，看不到创业公司的机会', box);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(textWidth(line, 14)).toBeLessThanOrEqual(196);
      expect(line[0]).not.toMatch(/[，。、；：？！）”]/);
    }
    expect(lines.join('')).toBe('大模型摧毁了创业，因为模型、算力和数据，三大支柱都向大厂集中，看不到创业公司的机会');
  });

  it('breaks English at spaces and keeps words whole', () => {
    const text = 'Large models destroy startups: models, compute and data all concentrate in the big firms';
    const { lines } = wrapText(text, box);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(text.split(' ')).toEqual(expect.arrayContaining(line.split(' ')));
  });

  it('breaks a word wider than the box by grapheme, without looping forever', () => {
    const word = 'x'.repeat(500);
    const { lines, truncated } = wrapText(word, { fontSize: 14, maxWidth: 50, maxLines: 1000 });
    expect(truncated).toBe(false);
    expect(lines.join('')).toBe(word);
    expect(lines.length).toBeGreaterThan(10);
  });

  it('survives a single grapheme wider than the box', () => {
    const { lines } = wrapText('汉字', { fontSize: 14, maxWidth: 5, maxLines: 10 });
    expect(lines).toEqual(['汉', '字']);
  });

  it('keeps emoji ZWJ sequences and flags whole', () => {
    const family = '👨‍👩‍👧‍👦';
    const { lines } = wrapText(`${family}🇨🇳`.repeat(40), { fontSize: 14, maxWidth: 100, maxLines: 100 });
    for (const line of lines) {
      expect(splitGraphemes(line).every((grapheme) => grapheme === family || grapheme === '🇨🇳')).toBe(true);
    }
  });

  it('cuts long labels to the line limit with an ellipsis', () => {
    const { lines, truncated } = wrapText('很长的标签'.repeat(1000), box);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(6);
    expect(lines[5]!.endsWith('…')).toBe(true);
  });

  it('caps the combining marks of Zalgo text', () => {
    const zalgo = `Z${'\u0301'.repeat(300)}a`;
    const [first] = splitGraphemes(zalgo);
    expect(Array.from(first!).length).toBeLessThanOrEqual(8);
  });
});

describe('splitting by code point where that is the same as by grapheme', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const bySegmenter = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment);
  const FAST_RANGES: ReadonlyArray<readonly [number, number]> = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x3000, 0x3029], [0x3030, 0x303f], [0x4e00, 0x9fff], [0xff01, 0xff60]];

  it('gives what the segmenter gives for every character of the fast ranges, next to each other and to itself', () => {
    const characters = FAST_RANGES.flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, offset) => String.fromCodePoint(first + offset)));
    const text = characters.map((character) => character + character).join('');
    expect(splitGraphemes(text)).toEqual(bySegmenter(text));
  });

  it('leaves marks, joiners, emoji and half-width voicing marks to the segmenter', () => {
    for (const text of ['e\u0301t', '你\u302A好', 'ﾊﾟ', '👍🏽', '🇨🇳', 'a\u200Db', '\r\n']) expect(splitGraphemes(text)).toEqual(bySegmenter(text));
  });
});
