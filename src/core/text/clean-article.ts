/**
 * Repairs the damage a news article picked up on its way to us: pinyin glosses after
 * characters (`業(yè)`), HTML residue from a stripped link, and traditional characters.
 * The script conversion is passed in so that this module stays free of the large
 * OpenCC tables, which only the command-line cleaner needs.
 */

/** One Han character followed by a parenthesised, lower-case, single-syllable pinyin gloss. */
const PINYIN_GLOSS = /(\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)/gu;

/** What remains of `<a href="…OpenAI" target=_blank class=infotextkey>OpenAI</a>` once the tags were cut. */
const LINK_RESIDUE = /[\w./:?=&%#-]*\s+target=_blank\s+class=infotextkey>/g;

export interface GlossCount {
  glosses: number;
  distinctCharacters: number;
}

export function countPinyinGlosses(text: string): GlossCount {
  const characters = new Set<string>();
  let glosses = 0;
  for (const match of text.matchAll(PINYIN_GLOSS)) {
    glosses += 1;
    characters.add(match[1]!);
  }
  return { glosses, distinctCharacters: characters.size };
}

export function cleanArticle(raw: string, toSimplified: (text: string) => string): string {
  const withoutBom = raw.replace(/^\uFEFF/, '');
  const unglossed = withoutBom.replace(PINYIN_GLOSS, '$1');
  const withoutResidue = unglossed.replace(LINK_RESIDUE, '');
  const normalisedLines = withoutResidue.replace(/\r\n?/g, '\n');
  const simplified = toSimplified(normalisedLines);
  return simplified.endsWith('\n') ? simplified : `${simplified}\n`;
}
