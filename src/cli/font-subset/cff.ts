/**
 * CFF (the outline table of OpenType fonts such as Noto Sans CJK): reading a glyph's outline by
 * running its Type 2 charstring (subroutines, hints and flex included, per Adobe TN 5177), and
 * writing a small CFF that holds a few glyphs as plain moveto/lineto/curveto charstrings.
 */

/** One glyph outline in font units: contours of absolute points. */
export type Outline = readonly Segment[];
export type Segment =
  | { readonly type: 'move'; readonly x: number; readonly y: number }
  | { readonly type: 'line'; readonly x: number; readonly y: number }
  | { readonly type: 'curve'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number };

/** A CFF INDEX, read lazily: a CJK font's CharStrings INDEX has 65,535 items, of which a picture uses a few hundred. */
interface Index {
  readonly count: number;
  item(index: number): Uint8Array | undefined;
  readonly end: number;
}

function readIndex(cff: Uint8Array, start: number): Index {
  const count = (cff[start]! << 8) | cff[start + 1]!;
  if (count === 0) return { count, item: () => undefined, end: start + 2 };
  const offsetSize = cff[start + 2]!;
  const offset = (index: number): number => {
    let value = 0;
    for (let byte = 0; byte < offsetSize; byte += 1) value = value * 256 + cff[start + 3 + index * offsetSize + byte]!;
    return value;
  };
  const dataStart = start + 3 + (count + 1) * offsetSize - 1;
  return {
    count,
    item: (index) => (index >= 0 && index < count ? cff.subarray(dataStart + offset(index), dataStart + offset(index + 1)) : undefined),
    end: dataStart + offset(count),
  };
}

/** A DICT's operands by operator (escaped operators are 1200 + the second byte). */
function readDict(bytes: Uint8Array): Map<number, number[]> {
  const dict = new Map<number, number[]>();
  let operands: number[] = [];
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte <= 21) {
      const operator = byte === 12 ? 1200 + bytes[index + 1]! : byte;
      index += byte === 12 ? 2 : 1;
      dict.set(operator, operands);
      operands = [];
    } else if (byte === 28) {
      operands.push(((bytes[index + 1]! << 24) >> 16) | bytes[index + 2]!);
      index += 3;
    } else if (byte === 29) {
      operands.push((bytes[index + 1]! << 24) | (bytes[index + 2]! << 16) | (bytes[index + 3]! << 8) | bytes[index + 4]!);
      index += 5;
    } else if (byte === 30) {
      // A real number (only in FontMatrix and the like, never an offset): skipped as 0.
      index += 1;
      while (index < bytes.length && (bytes[index]! & 0x0f) !== 0x0f && (bytes[index]! & 0xf0) !== 0xf0) index += 1;
      index += 1;
      operands.push(0);
    } else if (byte >= 32 && byte <= 246) {
      operands.push(byte - 139);
      index += 1;
    } else if (byte >= 247 && byte <= 250) {
      operands.push((byte - 247) * 256 + bytes[index + 1]! + 108);
      index += 2;
    } else if (byte >= 251 && byte <= 254) {
      operands.push(-(byte - 251) * 256 - bytes[index + 1]! - 108);
      index += 2;
    } else index += 1;
  }
  return dict;
}

function bias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

export interface CffFont {
  readonly glyphCount: number;
  outline(glyph: number): Outline;
}

/** Opens a CFF table (name-keyed or CID-keyed) for reading outlines. */
export function readCff(cff: Uint8Array): CffFont {
  const names = readIndex(cff, cff[2]!);
  const tops = readIndex(cff, names.end);
  const strings = readIndex(cff, tops.end);
  const globalSubrs = readIndex(cff, strings.end);
  const top = readDict(tops.item(0)!);
  const charStrings = readIndex(cff, top.get(17)![0]!);
  const noSubrs = readIndex(new Uint8Array(2), 0);

  const localSubrsOf = (privateOperands: number[] | undefined): Index => {
    if (privateOperands === undefined) return noSubrs;
    const [size, offset] = privateOperands as [number, number];
    const privateDict = readDict(cff.subarray(offset, offset + size));
    const subrs = privateDict.get(19)?.[0];
    return subrs === undefined ? noSubrs : readIndex(cff, offset + subrs);
  };

  let subrsOf: (glyph: number) => Index;
  const fdArray = top.get(1236);
  if (fdArray === undefined) {
    const local = localSubrsOf(top.get(18));
    subrsOf = () => local;
  } else {
    const dicts = readIndex(cff, fdArray[0]!);
    const fonts = Array.from({ length: dicts.count }, (_, index) => localSubrsOf(readDict(dicts.item(index)!).get(18)));
    const fdOf = fdSelect(cff, top.get(1237)![0]!, charStrings.count);
    subrsOf = (glyph) => fonts[fdOf(glyph)] ?? noSubrs;
  }
  return {
    glyphCount: charStrings.count,
    outline: (glyph) => runCharString(charStrings.item(glyph) ?? new Uint8Array([14]), subrsOf(glyph), globalSubrs),
  };
}

function fdSelect(cff: Uint8Array, offset: number, glyphCount: number): (glyph: number) => number {
  const format = cff[offset]!;
  if (format === 0) return (glyph) => cff[offset + 1 + glyph]!;
  if (format !== 3) throw new Error(`FDSelect format ${format} is not supported`);
  const ranges = (cff[offset + 1]! << 8) | cff[offset + 2]!;
  const first = (index: number): number => (cff[offset + 3 + 3 * index]! << 8) | cff[offset + 4 + 3 * index]!;
  return (glyph) => {
    if (glyph >= glyphCount) return 0;
    let low = 0;
    let high = ranges - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (first(middle) <= glyph) low = middle;
      else high = middle - 1;
    }
    return cff[offset + 5 + 3 * low]!;
  };
}

/** Runs a Type 2 charstring into an outline. The width, hints and masks are read past; the path is kept. */
function runCharString(code: Uint8Array, localSubrs: Index, globalSubrs: Index): Outline {
  const path: Segment[] = [];
  const stack: number[] = [];
  let x = 0;
  let y = 0;
  let stems = 0;
  let widthRead = false;
  let depth = 0;

  const move = (dx: number, dy: number): void => {
    x += dx;
    y += dy;
    path.push({ type: 'move', x, y });
  };
  const line = (dx: number, dy: number): void => {
    x += dx;
    y += dy;
    path.push({ type: 'line', x, y });
  };
  const curve = (dxa: number, dya: number, dxb: number, dyb: number, dxc: number, dyc: number): void => {
    const x1 = x + dxa;
    const y1 = y + dya;
    const x2 = x1 + dxb;
    const y2 = y1 + dyb;
    x = x2 + dxc;
    y = y2 + dyc;
    path.push({ type: 'curve', x1, y1, x2, y2, x, y });
  };
  /** The first stack-clearing operator may carry the width first: drop it when the count says so. */
  const dropWidth = (odd: boolean): void => {
    if (!widthRead && odd && stack.length > 0) stack.shift();
    widthRead = true;
  };
  const stemHints = (): void => {
    dropWidth(stack.length % 2 === 1);
    stems += stack.length >> 1;
    stack.length = 0;
  };

  const execute = (bytes: Uint8Array): boolean => {
    depth += 1;
    if (depth > 10) throw new Error('charstring subroutines nest too deep');
    let index = 0;
    while (index < bytes.length) {
      const byte = bytes[index]!;
      index += 1;
      if (byte >= 32) {
        if (byte <= 246) stack.push(byte - 139);
        else if (byte <= 250) stack.push((byte - 247) * 256 + bytes[index++]! + 108);
        else if (byte <= 254) stack.push(-(byte - 251) * 256 - bytes[index++]! - 108);
        else {
          const fixed = (bytes[index]! << 24) | (bytes[index + 1]! << 16) | (bytes[index + 2]! << 8) | bytes[index + 3]!;
          stack.push(fixed / 65536);
          index += 4;
        }
        continue;
      }
      if (byte === 28) {
        stack.push(((bytes[index]! << 24) >> 16) | bytes[index + 1]!);
        index += 2;
        continue;
      }
      switch (byte) {
        case 1: // hstem
        case 3: // vstem
        case 18: // hstemhm
        case 23: // vstemhm
          stemHints();
          break;
        case 19: // hintmask
        case 20: // cntrmask
          // Stem values before a mask are an implied vstem.
          stemHints();
          index += (stems + 7) >> 3;
          break;
        case 21: // rmoveto
          dropWidth(stack.length > 2);
          move(stack[0]!, stack[1]!);
          stack.length = 0;
          break;
        case 22: // hmoveto
          dropWidth(stack.length > 1);
          move(stack[0]!, 0);
          stack.length = 0;
          break;
        case 4: // vmoveto
          dropWidth(stack.length > 1);
          move(0, stack[0]!);
          stack.length = 0;
          break;
        case 5: // rlineto
          for (let i = 0; i + 1 < stack.length; i += 2) line(stack[i]!, stack[i + 1]!);
          stack.length = 0;
          break;
        case 6: // hlineto
        case 7: // vlineto
          for (let i = 0; i < stack.length; i += 1) {
            const horizontal = (i % 2 === 0) === (byte === 6);
            line(horizontal ? stack[i]! : 0, horizontal ? 0 : stack[i]!);
          }
          stack.length = 0;
          break;
        case 8: // rrcurveto
          for (let i = 0; i + 5 < stack.length; i += 6) curve(stack[i]!, stack[i + 1]!, stack[i + 2]!, stack[i + 3]!, stack[i + 4]!, stack[i + 5]!);
          stack.length = 0;
          break;
        case 24: {
          // rcurveline
          let i = 0;
          for (; i + 7 < stack.length; i += 6) curve(stack[i]!, stack[i + 1]!, stack[i + 2]!, stack[i + 3]!, stack[i + 4]!, stack[i + 5]!);
          line(stack[i]!, stack[i + 1]!);
          stack.length = 0;
          break;
        }
        case 25: {
          // rlinecurve
          let i = 0;
          for (; i + 7 < stack.length; i += 2) line(stack[i]!, stack[i + 1]!);
          curve(stack[i]!, stack[i + 1]!, stack[i + 2]!, stack[i + 3]!, stack[i + 4]!, stack[i + 5]!);
          stack.length = 0;
          break;
        }
        case 26: {
          // vvcurveto
          let i = 0;
          let dx1 = 0;
          if (stack.length % 2 === 1) dx1 = stack[i++]!;
          for (; i + 3 < stack.length; i += 4) {
            curve(dx1, stack[i]!, stack[i + 1]!, stack[i + 2]!, 0, stack[i + 3]!);
            dx1 = 0;
          }
          stack.length = 0;
          break;
        }
        case 27: {
          // hhcurveto
          let i = 0;
          let dy1 = 0;
          if (stack.length % 2 === 1) dy1 = stack[i++]!;
          for (; i + 3 < stack.length; i += 4) {
            curve(stack[i]!, dy1, stack[i + 1]!, stack[i + 2]!, stack[i + 3]!, 0);
            dy1 = 0;
          }
          stack.length = 0;
          break;
        }
        case 30: // vhcurveto
        case 31: {
          // hvcurveto
          let horizontal = byte === 31;
          for (let i = 0; i + 3 < stack.length; i += 4) {
            const last = i + 8 > stack.length;
            const extra = last && stack.length - i === 5 ? stack[i + 4]! : 0;
            if (horizontal) curve(stack[i]!, 0, stack[i + 1]!, stack[i + 2]!, extra, stack[i + 3]!);
            else curve(0, stack[i]!, stack[i + 1]!, stack[i + 2]!, stack[i + 3]!, extra);
            horizontal = !horizontal;
          }
          stack.length = 0;
          break;
        }
        case 10: // callsubr
        case 29: {
          // callgsubr
          const subrs = byte === 10 ? localSubrs : globalSubrs;
          const number = stack.pop()! + bias(subrs.count);
          const subr = subrs.item(number);
          if (subr === undefined) throw new Error(`charstring calls a missing subroutine ${number}`);
          if (!execute(subr)) {
            depth -= 1;
            return false;
          }
          break;
        }
        case 11: // return
          depth -= 1;
          return true;
        case 14: // endchar
          dropWidth(stack.length > 0 && stack.length !== 4);
          stack.length = 0;
          depth -= 1;
          return false;
        case 12: {
          const escaped = bytes[index++]!;
          const s = stack;
          if (escaped === 35) {
            // flex: two curves
            curve(s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!);
            curve(s[6]!, s[7]!, s[8]!, s[9]!, s[10]!, s[11]!);
          } else if (escaped === 34) {
            // hflex
            curve(s[0]!, 0, s[1]!, s[2]!, s[3]!, 0);
            curve(s[4]!, 0, s[5]!, -s[2]!, s[6]!, 0);
          } else if (escaped === 36) {
            // hflex1
            curve(s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, 0);
            curve(s[5]!, 0, s[6]!, s[7]!, s[8]!, -(s[1]! + s[3]! + s[7]!));
          } else if (escaped === 37) {
            // flex1: the last point moves along the larger of the two directions
            const dx = s[0]! + s[2]! + s[4]! + s[6]! + s[8]!;
            const dy = s[1]! + s[3]! + s[5]! + s[7]! + s[9]!;
            curve(s[0]!, s[1]!, s[2]!, s[3]!, s[4]!, s[5]!);
            if (Math.abs(dx) > Math.abs(dy)) curve(s[6]!, s[7]!, s[8]!, s[9]!, s[10]!, -dy);
            else curve(s[6]!, s[7]!, s[8]!, s[9]!, -dx, s[10]!);
          } else throw new Error(`charstring operator 12 ${escaped} is not supported`);
          stack.length = 0;
          break;
        }
        default:
          throw new Error(`charstring operator ${byte} is not supported`);
      }
    }
    depth -= 1;
    return true;
  };
  execute(code);
  return path;
}

/** A DICT number in the fixed 5-byte form, so offsets can be filled in without changing sizes. */
function fixedInteger(value: number): number[] {
  return [29, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** A charstring number: integers in the short forms, anything else as 16.16 fixed. */
function charStringNumber(value: number): number[] {
  if (Number.isInteger(value)) {
    if (value >= -107 && value <= 107) return [value + 139];
    if (value >= 108 && value <= 1131) return [((value - 108) >> 8) + 247, (value - 108) & 0xff];
    if (value >= -1131 && value <= -108) return [((-value - 108) >> 8) + 251, (-value - 108) & 0xff];
    if (value >= -32768 && value <= 32767) return [28, (value >> 8) & 0xff, value & 0xff];
  }
  const fixed = Math.round(value * 65536);
  return [255, (fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff];
}

function encodeOutline(outline: Outline): Uint8Array {
  const bytes: number[] = [];
  let x = 0;
  let y = 0;
  const delta = (toX: number, toY: number): void => {
    bytes.push(...charStringNumber(toX - x), ...charStringNumber(toY - y));
    x = toX;
    y = toY;
  };
  for (const segment of outline) {
    if (segment.type === 'move') {
      delta(segment.x, segment.y);
      bytes.push(21);
    } else if (segment.type === 'line') {
      delta(segment.x, segment.y);
      bytes.push(5);
    } else {
      delta(segment.x1, segment.y1);
      delta(segment.x2, segment.y2);
      delta(segment.x, segment.y);
      bytes.push(8);
    }
  }
  bytes.push(14);
  return Uint8Array.from(bytes);
}

function writeIndex(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return new Uint8Array(2);
  const dataLength = items.reduce((sum, item) => sum + item.length, 0);
  const offsetSize = dataLength + 1 < 0x100 ? 1 : dataLength + 1 < 0x10000 ? 2 : dataLength + 1 < 0x1000000 ? 3 : 4;
  const bytes = new Uint8Array(3 + (items.length + 1) * offsetSize + dataLength);
  bytes[0] = items.length >> 8;
  bytes[1] = items.length & 0xff;
  bytes[2] = offsetSize;
  let offset = 1;
  let data = 3 + (items.length + 1) * offsetSize;
  for (let index = 0; index <= items.length; index += 1) {
    for (let byte = 0; byte < offsetSize; byte += 1) bytes[3 + index * offsetSize + byte] = (offset >>> (8 * (offsetSize - 1 - byte))) & 0xff;
    const item = items[index];
    if (item === undefined) break;
    bytes.set(item, data);
    data += item.length;
    offset += item.length;
  }
  return bytes;
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

/** A name-keyed CFF holding `outlines` as glyphs 0…n-1 (glyph 0 should be .notdef); widths live in hmtx. */
export function writeCff(fontName: string, outlines: readonly Outline[]): Uint8Array {
  const header = Uint8Array.from([1, 0, 4, 4]);
  const names = writeIndex([ascii(fontName)]);
  // Glyph names g1…gN-1, as custom strings (string ids from 391 on).
  const strings = writeIndex(outlines.slice(1).map((_, index) => ascii(`g${index + 1}`)));
  const globalSubrs = writeIndex([]);
  const charset = new Uint8Array(1 + 2 * (outlines.length - 1));
  for (let glyph = 1; glyph < outlines.length; glyph += 1) {
    charset[2 * glyph - 1] = (390 + glyph) >> 8;
    charset[2 * glyph] = (390 + glyph) & 0xff;
  }
  const charStrings = writeIndex(outlines.map(encodeOutline));
  const privateDict = Uint8Array.from([139, 20, 139, 21]); // defaultWidthX 0, nominalWidthX 0

  // charset (15), CharStrings (17), Private (18): fixed-size operands, so the offsets can follow the dict.
  const topDict = (charsetOffset: number, charStringsOffset: number, privateOffset: number): Uint8Array =>
    Uint8Array.from([...fixedInteger(charsetOffset), 15, ...fixedInteger(charStringsOffset), 17, ...fixedInteger(privateDict.length), ...fixedInteger(privateOffset), 18]);
  const charsetOffset = header.length + names.length + writeIndex([topDict(0, 0, 0)]).length + strings.length + globalSubrs.length;
  const charStringsOffset = charsetOffset + charset.length;
  const privateOffset = charStringsOffset + charStrings.length;
  const parts = [header, names, writeIndex([topDict(charsetOffset, charStringsOffset, privateOffset)]), strings, globalSubrs, charset, charStrings, privateDict];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
