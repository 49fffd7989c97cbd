/**
 * The OpenType container: reading a face's tables from a font file or a collection (.ttc), the
 * two tables a subset needs to read (cmap: characters to glyphs; hmtx: advance widths), and
 * writing a new font file from tables.
 */

export type Tables = ReadonlyMap<string, Uint8Array>;

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

function readFace(bytes: Uint8Array, offset: number): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(offset + 4);
  const tables = new Map<string, Uint8Array>();
  for (let index = 0; index < count; index += 1) {
    const record = offset + 12 + 16 * index;
    const start = view.getUint32(record + 8);
    tables.set(tag(view, record), bytes.subarray(start, start + view.getUint32(record + 12)));
  }
  return tables;
}

/** Every face of a font file: one for .otf/.ttf, each member of a .ttc collection. */
export function readFaces(bytes: Uint8Array): Map<string, Uint8Array>[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (tag(view, 0) !== 'ttcf') return [readFace(bytes, 0)];
  const count = view.getUint32(8);
  return Array.from({ length: count }, (_, index) => readFace(bytes, view.getUint32(12 + 4 * index)));
}

function dataView(table: Uint8Array): DataView {
  return new DataView(table.buffer, table.byteOffset, table.byteLength);
}

/** The names of a face by name id (Windows platform, English), e.g. 1 family, 2 subfamily. */
export function faceNames(name: Uint8Array): Map<number, string> {
  const view = dataView(name);
  const count = view.getUint16(2);
  const storage = view.getUint16(4);
  const names = new Map<number, string>();
  for (let index = 0; index < count; index += 1) {
    const record = 6 + 12 * index;
    if (view.getUint16(record) !== 3 || view.getUint16(record + 4) !== 0x409) continue;
    const length = view.getUint16(record + 8);
    const start = storage + view.getUint16(record + 10);
    let text = '';
    for (let offset = start; offset + 1 < start + length; offset += 2) text += String.fromCharCode(view.getUint16(offset));
    names.set(view.getUint16(record + 6), text);
  }
  return names;
}

/** Character → glyph id, from the cmap's Unicode subtable (format 12 for all planes, else format 4). */
export function characterMap(cmap: Uint8Array): (codePoint: number) => number {
  const view = dataView(cmap);
  const count = view.getUint16(2);
  let format4: number | undefined;
  for (let index = 0; index < count; index += 1) {
    const platform = view.getUint16(4 + 8 * index);
    const encoding = view.getUint16(6 + 8 * index);
    const offset = view.getUint32(8 + 8 * index);
    const format = view.getUint16(offset);
    if (format === 12 && (platform === 3 || platform === 0)) return format12(view, offset);
    if (format === 4 && ((platform === 3 && encoding === 1) || platform === 0)) format4 = offset;
  }
  if (format4 === undefined) throw new Error('the font has no Unicode character map');
  return format4Lookup(view, format4);
}

function format12(view: DataView, offset: number): (codePoint: number) => number {
  const groups = view.getUint32(offset + 12);
  return (codePoint) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const group = offset + 16 + 12 * middle;
      const start = view.getUint32(group);
      if (codePoint < start) high = middle - 1;
      else if (codePoint > view.getUint32(group + 4)) low = middle + 1;
      else return view.getUint32(group + 8) + codePoint - start;
    }
    return 0;
  };
}

function format4Lookup(view: DataView, offset: number): (codePoint: number) => number {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let segment = 0; segment < segments; segment += 1) {
      if (codePoint > view.getUint16(ends + 2 * segment)) continue;
      const start = view.getUint16(starts + 2 * segment);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + 2 * segment);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * segment);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + 2 * segment + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** A glyph's advance width and left side bearing, from hmtx (and hhea's count of full metrics). */
export function horizontalMetrics(hhea: Uint8Array, hmtx: Uint8Array): (glyph: number) => { advance: number; bearing: number } {
  const full = dataView(hhea).getUint16(34);
  const view = dataView(hmtx);
  return (glyph) => {
    const advance = view.getUint16(4 * Math.min(glyph, full - 1));
    const bearing = glyph < full ? view.getInt16(4 * glyph + 2) : view.getInt16(4 * full + 2 * (glyph - full));
    return { advance, bearing };
  };
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = dataView(padded);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

/** A font file holding `tables` (tags sorted, each 4-byte aligned, with checksums). */
export function writeFont(tables: Tables, flavour: 'OTTO' | 'true'): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  let length = headerLength;
  const offsets = tags.map((name) => {
    const offset = length;
    length += (tables.get(name)!.length + 3) & ~3;
    return offset;
  });
  const bytes = new Uint8Array(length);
  const view = dataView(bytes);
  for (let index = 0; index < 4; index += 1) view.setUint8(index, flavour.charCodeAt(index));
  if (flavour === 'true') view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  tags.forEach((name, index) => {
    const table = tables.get(name)!;
    const record = 12 + 16 * index;
    for (let char = 0; char < 4; char += 1) view.setUint8(record + char, name.charCodeAt(char));
    view.setUint32(record + 4, checksum(table));
    view.setUint32(record + 8, offsets[index]!);
    view.setUint32(record + 12, table.length);
    bytes.set(table, offsets[index]!);
  });
  return bytes;
}

/** A name table with Windows English names by id (1 family, 2 subfamily, 4 full name, 6 PostScript name). */
export function nameTable(names: ReadonlyMap<number, string>): Uint8Array {
  const entries = [...names].sort(([a], [b]) => a - b);
  const storage = 6 + 12 * entries.length;
  const length = storage + entries.reduce((sum, [, text]) => sum + 2 * text.length, 0);
  const bytes = new Uint8Array(length);
  const view = dataView(bytes);
  view.setUint16(2, entries.length);
  view.setUint16(4, storage);
  let offset = 0;
  entries.forEach(([id, text], index) => {
    const record = 6 + 12 * index;
    view.setUint16(record, 3);
    view.setUint16(record + 2, 1);
    view.setUint16(record + 4, 0x409);
    view.setUint16(record + 6, id);
    view.setUint16(record + 8, 2 * text.length);
    view.setUint16(record + 10, offset);
    for (let char = 0; char < text.length; char += 1) view.setUint16(storage + offset + 2 * char, text.charCodeAt(char));
    offset += 2 * text.length;
  });
  return bytes;
}

/** A cmap with one format 12 subtable (Windows, full Unicode) for `pairs` of character and glyph, sorted by character. */
export function cmapTable(pairs: readonly (readonly [number, number])[]): Uint8Array {
  const groups: [number, number, number][] = [];
  for (const [codePoint, glyph] of pairs) {
    const last = groups.at(-1);
    if (last !== undefined && codePoint === last[1] + 1 && glyph === last[2] + codePoint - last[0]) last[1] = codePoint;
    else groups.push([codePoint, codePoint, glyph]);
  }
  const bytes = new Uint8Array(12 + 16 + 12 * groups.length);
  const view = dataView(bytes);
  view.setUint16(2, 1);
  view.setUint16(4, 3);
  view.setUint16(6, 10);
  view.setUint32(8, 12);
  view.setUint16(12, 12);
  view.setUint32(16, 16 + 12 * groups.length);
  view.setUint32(24, groups.length);
  groups.forEach(([start, end, glyph], index) => {
    view.setUint32(28 + 12 * index, start);
    view.setUint32(32 + 12 * index, end);
    view.setUint32(36 + 12 * index, glyph);
  });
  return bytes;
}
