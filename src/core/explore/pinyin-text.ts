/**
 * The pinyin of a Chinese text, worked out once when the search index is built, so that
 * `zhuxiaohu` (full pinyin without tones) and `zxh` (initials) find 朱啸虎.
 *
 * The text is cut into units: each letter or digit is one unit (punctuation and whitespace are
 * left out, so a query runs across them). A Chinese character's unit is its syllable, read in
 * context by pinyin-pro (so 行业 reads hangye, 行动 xingdong); any other character stands for
 * itself. `ü` is written `v`, as pinyin keyboards do.
 */
import { pinyin } from 'pinyin-pro';
import { foldText } from './text-fold.ts';

export interface PinyinText {
  /** The syllables of all units, run together: 大模型 → `damoxing`. */
  readonly syllables: string;
  /** One letter per unit: the first letter of a Chinese syllable, else `NOT_AN_INITIAL`. */
  readonly initials: string;
  /** Where each unit starts in `syllables`, plus a last entry for the end. */
  readonly unitStarts: Uint32Array;
  /** Where each unit's character starts in the original text (UTF-16 offsets). */
  readonly originStarts: Uint32Array;
  /** Where each unit's character ends in the original text. */
  readonly originEnds: Uint32Array;
}

/** Stands for a unit that is not Chinese; a query of letters never matches it. */
const NOT_AN_INITIAL = '\u0000';

/** How to read polyphonic characters: a person's or organisation's name reads its first character as a surname (单 shan, not dan). */
export type PinyinReading = 'text' | 'name';

const HAN = /\p{Script=Han}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const SYLLABLE = /^[a-z]+$/;

/** Undefined for a text without Chinese characters. */
export function pinyinText(text: string, reading: PinyinReading): PinyinText | undefined {
  if (!HAN.test(text)) return undefined;
  const characters = Array.from(text);
  const readings = pinyin(text, {
    toneType: 'none',
    type: 'array',
    v: true,
    nonZh: 'spaced',
    ...(reading === 'name' ? { mode: 'surname', surname: 'head' } : {}),
  });
  // pinyin-pro gives one reading per code point; should a release break that, no pinyin beats wrong highlights.
  if (readings.length !== characters.length) return undefined;

  let syllables = '';
  let initials = '';
  const unitStarts: number[] = [];
  const originStarts: number[] = [];
  const originEnds: number[] = [];
  let offset = 0;
  characters.forEach((character, index) => {
    const start = offset;
    offset += character.length;
    if (!LETTER_OR_DIGIT.test(character)) return;
    const syllable = readings[index] ?? '';
    const isChinese = syllable !== character && SYLLABLE.test(syllable);
    const unit = isChinese ? syllable : foldText(character);
    if (unit === '') return;
    unitStarts.push(syllables.length);
    originStarts.push(start);
    originEnds.push(offset);
    syllables += unit;
    initials += isChinese ? syllable.charAt(0) : NOT_AN_INITIAL;
  });
  unitStarts.push(syllables.length);
  return {
    syllables,
    initials,
    unitStarts: Uint32Array.from(unitStarts),
    originStarts: Uint32Array.from(originStarts),
    originEnds: Uint32Array.from(originEnds),
  };
}

/** The unit that starts exactly at `position` of `syllables`, or -1 when `position` falls inside a unit. */
export function unitStartingAt(text: PinyinText, position: number): number {
  const { unitStarts } = text;
  let low = 0;
  let high = unitStarts.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = unitStarts[middle]!;
    if (start === position) return middle;
    if (start < position) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The unit that holds the character at `position` of `syllables`. */
export function unitHolding(text: PinyinText, position: number): number {
  const { unitStarts } = text;
  let low = 0;
  let high = unitStarts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (unitStarts[middle]! <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}
