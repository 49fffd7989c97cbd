/**
 * Text as search compares it: NFKC (full-width letters, compatibility ideographs and ligatures
 * become their plain forms), lower case, and no whitespace, so `Zhu  Xiaohu` and `zhuxiaohu`
 * are the same text.
 *
 * Folding goes one character at a time (a character with its combining marks), so each folded
 * unit knows where it came from and a match can be highlighted in the original. Query and
 * index are folded by the same code, so they always agree.
 */

export interface FoldedText {
  readonly folded: string;
  /** For each UTF-16 unit of `folded`, the start of the original character it came from. */
  readonly originStarts: Uint32Array;
  /** For each UTF-16 unit of `folded`, the end of the original character it came from. */
  readonly originEnds: Uint32Array;
}

const COMBINING_MARK = /\p{M}/uy;
const WHITESPACE = /\s/gu;
/** Every mark lies above U+02FF. */
const FIRST_MARK = 0x300;
/** CJK Extension A and the unified ideographs: NFKC and lower case leave them as they are. */
const FIRST_PLAIN_IDEOGRAPH = 0x3400;
const LAST_PLAIN_IDEOGRAPH = 0x9fff;

function codePointLength(text: string, index: number): number {
  const code = text.codePointAt(index) ?? 0;
  return code > 0xffff ? 2 : 1;
}

function isCombiningMark(text: string, index: number): boolean {
  if (text.charCodeAt(index) < FIRST_MARK) return false;
  COMBINING_MARK.lastIndex = index;
  return COMBINING_MARK.test(text);
}

function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  // Fast paths for what maps are mostly made of; the general path gives the same answer.
  if (character.length === 1 && code < 0x80) return /\s/.test(character) ? '' : character.toLowerCase();
  if (character.length === 1 && code >= FIRST_PLAIN_IDEOGRAPH && code <= LAST_PLAIN_IDEOGRAPH) return character;
  return character.normalize('NFKC').toLowerCase().replace(WHITESPACE, '');
}

/** Calls `visit` with the folded form of each character that folds to something, and where it stood. */
function forEachFoldedCharacter(text: string, visit: (folded: string, start: number, end: number) => void): void {
  let index = 0;
  while (index < text.length) {
    const start = index;
    index += codePointLength(text, index);
    while (index < text.length && isCombiningMark(text, index)) index += codePointLength(text, index);
    const folded = foldCharacter(text.slice(start, index));
    if (folded !== '') visit(folded, start, index);
  }
}

export function foldText(text: string): string {
  const pieces: string[] = [];
  forEachFoldedCharacter(text, (folded) => pieces.push(folded));
  return pieces.join('');
}

export function foldTextWithOrigins(text: string): FoldedText {
  const pieces: string[] = [];
  const originStarts: number[] = [];
  const originEnds: number[] = [];
  forEachFoldedCharacter(text, (folded, start, end) => {
    pieces.push(folded);
    for (let unit = 0; unit < folded.length; unit += 1) {
      originStarts.push(start);
      originEnds.push(end);
    }
  });
  return { folded: pieces.join(''), originStarts: Uint32Array.from(originStarts), originEnds: Uint32Array.from(originEnds) };
}
