/**
 * A font file holding only the characters a picture uses, for resvg. resvg reads a font file
 * whole for every glyph it draws, so with the 19 MB Noto Sans CJK collection an 800-claim map
 * (18,000 glyphs) spent minutes reading fonts; a subset of its few hundred characters is a few
 * hundred kilobytes. The subset keeps the outlines (CFF), advance widths, vertical metrics and
 * names of one face; it drops OpenType layout (GSUB/GPOS), which the export's text does not need
 * beyond plain advances.
 */
import { readCff, writeCff, type Outline } from './cff.ts';
import { characterMap, cmapTable, faceNames, horizontalMetrics, nameTable, readFaces, writeFont, type Tables } from './sfnt.ts';

export interface FaceChoice {
  /** The family name the picture asks for, e.g. `Noto Sans CJK SC`. */
  readonly family: string;
  /** The subfamily: `Regular`, `Bold`. */
  readonly style: string;
}

function copy(table: Uint8Array): Uint8Array {
  return Uint8Array.from(table);
}

/**
 * The subset of one face of a CFF-flavoured font file (.otf or .ttc) for `codePoints`, or
 * undefined when the file has no such face or is not CFF (a TrueType font is then used whole).
 */
export function subsetFont(fontFile: Uint8Array, choice: FaceChoice, codePoints: Iterable<number>): Uint8Array | undefined {
  const face = readFaces(fontFile).find((tables) => {
    const name = tables.get('name');
    if (name === undefined) return false;
    const names = faceNames(name);
    return (names.get(16) ?? names.get(1)) === choice.family && (names.get(17) ?? names.get(2)) === choice.style;
  });
  const required = ['CFF ', 'cmap', 'head', 'hhea', 'hmtx', 'OS/2', 'post', 'name'].map((tag) => face?.get(tag));
  if (face === undefined || required.some((table) => table === undefined)) return undefined;
  const [cffTable, cmap, head, hhea, hmtx, os2, post] = required as Uint8Array[];

  const glyphOf = characterMap(cmap!);
  const metrics = horizontalMetrics(hhea!, hmtx!);
  const cff = readCff(cffTable!);
  const newGlyphs = new Map<number, number>([[0, 0]]);
  const pairs: [number, number][] = [];
  for (const codePoint of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const glyph = glyphOf(codePoint);
    if (glyph === 0 || glyph >= cff.glyphCount) continue;
    if (!newGlyphs.has(glyph)) newGlyphs.set(glyph, newGlyphs.size);
    pairs.push([codePoint, newGlyphs.get(glyph)!]);
  }
  const oldGlyphs = [...newGlyphs.keys()];
  const outlines: Outline[] = oldGlyphs.map((glyph) => cff.outline(glyph));

  const hmtxOut = new Uint8Array(4 * oldGlyphs.length);
  const hmtxView = new DataView(hmtxOut.buffer);
  oldGlyphs.forEach((glyph, index) => {
    const { advance, bearing } = metrics(glyph);
    hmtxView.setUint16(4 * index, advance);
    hmtxView.setInt16(4 * index + 2, bearing);
  });
  const hheaOut = copy(hhea!);
  new DataView(hheaOut.buffer).setUint16(34, oldGlyphs.length);
  const headOut = copy(head!);
  new DataView(headOut.buffer).setUint32(8, 0); // checkSumAdjustment: nothing reads it
  const maxp = new Uint8Array(6);
  new DataView(maxp.buffer).setUint32(0, 0x00005000);
  new DataView(maxp.buffer).setUint16(4, oldGlyphs.length);
  // post version 3: no glyph names (the CFF has its own).
  const postOut = copy(post!.subarray(0, 32));
  new DataView(postOut.buffer).setUint32(0, 0x00030000);
  const postScriptName = `${choice.family}-${choice.style}`.replace(/[^A-Za-z0-9-]/g, '');

  const tables: Tables = new Map([
    ['CFF ', writeCff(postScriptName, outlines)],
    ['cmap', cmapTable(pairs)],
    ['head', headOut],
    ['hhea', hheaOut],
    ['hmtx', hmtxOut],
    ['maxp', maxp],
    ['name', nameTable(new Map([[1, choice.family], [2, choice.style], [4, `${choice.family} ${choice.style}`], [6, postScriptName]]))],
    ['OS/2', copy(os2!)],
    ['post', postOut],
  ]);
  return writeFont(tables, 'OTTO');
}
