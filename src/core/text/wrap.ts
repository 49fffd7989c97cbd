/**
 * Label wrapping without a DOM, so the live view, the SVG export and the CLI all break
 * lines at the same places. Widths come from a coarse font model (wide East Asian
 * graphemes are one em, Latin letters about half an em); boxes are sized with slack.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Zalgo text stacks hundreds of marks on one letter; a few are enough to show it. */
const MAX_CODE_POINTS_PER_GRAPHEME = 8;

/** Characters that must not start a line in Chinese typesetting (kinsoku). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕”’…·,.;:?!)]}%'.split(''));
/** Characters that must not end a line. */
const NO_LINE_END = new Set('（《「『【〔“‘([{'.split(''));

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF\u2E80-\u2FFF\u3200-\u33FF]|\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const NARROW_LATIN = /[iljtf.,;:'!|I ()\[\]]/;
const WIDE_LATIN = /[mwMW@%]/;
const UPPER = /[A-Z0-9]/;

/**
 * Text made only of characters that are each a grapheme of their own whatever follows them
 * (printable ASCII and Latin-1, general punctuation, CJK ideographs and punctuation, full-width
 * forms) splits by code point, about ten times faster than the segmenter: that is nearly all of
 * a real map's text, and a 20,000-node map measures its labels in both languages when it opens.
 */
const SINGLE_CODE_POINT_GRAPHEMES = /^[\x20-\x7E\xA0-\xFF\u2010-\u2027\u3000-\u3029\u3030-\u303F\u4E00-\u9FFF\uFF01-\uFF60]*$/;

export function splitGraphemes(text: string): string[] {
  if (SINGLE_CODE_POINT_GRAPHEMES.test(text)) return text.split('');
  const result: string[] = [];
  for (const { segment } of graphemes.segment(text)) {
    result.push(Array.from(segment).length > MAX_CODE_POINTS_PER_GRAPHEME
      ? Array.from(segment).slice(0, MAX_CODE_POINTS_PER_GRAPHEME).join('')
      : segment);
  }
  return result;
}

function isWide(grapheme: string): boolean {
  return WIDE.test(grapheme);
}

/** Maps repeat the same few thousand graphemes; the regular expressions need not run for each. */
const MAX_REMEMBERED_WIDTHS = 20_000;
const rememberedWidths = new Map<string, number>();

/** Advance of one grapheme in ems. */
export function graphemeWidth(grapheme: string): number {
  let width = rememberedWidths.get(grapheme);
  if (width === undefined) {
    width = measureGrapheme(grapheme);
    if (rememberedWidths.size < MAX_REMEMBERED_WIDTHS) rememberedWidths.set(grapheme, width);
  }
  return width;
}

function measureGrapheme(grapheme: string): number {
  if (isWide(grapheme)) return 1;
  if (/^\p{M}+$/u.test(grapheme)) return 0;
  if (NARROW_LATIN.test(grapheme)) return 0.3;
  if (WIDE_LATIN.test(grapheme)) return 0.85;
  if (UPPER.test(grapheme)) return 0.65;
  return 0.55;
}

export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const grapheme of splitGraphemes(text)) ems += graphemeWidth(grapheme);
  return ems * fontSize;
}

export interface WrapOptions {
  readonly fontSize: number;
  readonly maxWidth: number;
  readonly maxLines: number;
}

export interface WrappedText {
  readonly lines: readonly string[];
  /** Width of the widest line. */
  readonly width: number;
  /** True when the text did not fit in `maxLines` and was cut with an ellipsis. */
  readonly truncated: boolean;
}

/** A line may break before this grapheme (a space, or between wide graphemes, respecting kinsoku). */
function canBreakBefore(previous: string, next: string): boolean {
  if (NO_LINE_START.has(next) || NO_LINE_END.has(previous)) return false;
  if (/\s/u.test(previous) || /\s/u.test(next)) return true;
  return isWide(previous) || isWide(next);
}

export function wrapText(text: string, options: WrapOptions): WrappedText {
  const { fontSize, maxWidth, maxLines } = options;
  const units = splitGraphemes(text.replace(/\s+/gu, ' ').trim());
  const lines: string[][] = [];
  let line: string[] = [];
  let lineWidth = 0;
  let lastBreak = -1;

  for (const grapheme of units) {
    const width = graphemeWidth(grapheme) * fontSize;
    if (line.length > 0 && canBreakBefore(line[line.length - 1]!, grapheme)) lastBreak = line.length;
    if (line.length > 0 && lineWidth + width > maxWidth) {
      // Break at the last opportunity; a single word wider than the box breaks by grapheme.
      const cut = lastBreak > 0 ? lastBreak : line.length;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      while (line[0] === ' ') line.shift();
      lineWidth = line.reduce((sum, g) => sum + graphemeWidth(g) * fontSize, 0);
      lastBreak = -1;
    }
    if (line.length === 0 && grapheme === ' ') continue;
    line.push(grapheme);
    lineWidth += width;
  }
  if (line.length > 0) lines.push(line);

  const truncated = lines.length > maxLines;
  const kept = lines.slice(0, maxLines).map((graphemesOfLine) => graphemesOfLine.join('').trimEnd());
  if (truncated) kept[maxLines - 1] = ellipsize(kept[maxLines - 1]!, fontSize, maxWidth);
  const width = kept.reduce((widest, current) => Math.max(widest, textWidth(current, fontSize)), 0);
  return { lines: kept, width, truncated };
}

function ellipsize(line: string, fontSize: number, maxWidth: number): string {
  const kept = splitGraphemes(line);
  const ellipsisWidth = graphemeWidth('…') * fontSize;
  while (kept.length > 0 && textWidth(kept.join(''), fontSize) + ellipsisWidth > maxWidth) kept.pop();
  return `${kept.join('').trimEnd()}…`;
}
