/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read; anything else is
 * refused with the byte offset of the first bad byte, never decoded into mojibake.
 */

import type { Problem } from '../problems.ts';

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: Problem };

const SAVE_AS_UTF8 = 'save the map as UTF-8';

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

function refuse(message: string, position: { line?: number; column?: number } = {}): DecodeResult {
  return { ok: false, problem: { severity: 'error', message, ...position } };
}

export function decodeBytes(bytes: Uint8Array): DecodeResult {
  // UTF-32 LE's BOM starts like UTF-16 LE's, so it is checked first.
  if (startsWithBytes(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWithBytes(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return refuse(`the file is UTF-32, which argmap does not read; ${SAVE_AS_UTF8}`);
  }
  if (startsWithBytes(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, true);
  if (startsWithBytes(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, false);
  // JSON starts with ASCII, so a NUL in the first two bytes means UTF-16/32 text.
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) {
    return refuse(`this looks like UTF-16 or UTF-32 text without a byte order mark; ${SAVE_AS_UTF8}`);
  }
  const invalidAt = findInvalidUtf8(bytes);
  if (invalidAt >= 0) {
    const byte = (bytes[invalidAt] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refuse(`the file is not valid UTF-8: byte 0x${byte} at byte offset ${invalidAt}; ${SAVE_AS_UTF8}`, positionOfByte(bytes, invalidAt));
  }
  // Validated above, so the fatal decoder cannot throw; it also drops a UTF-8 BOM.
  return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
}

/** Code units per String.fromCharCode call: well below any engine's argument limit. */
const UTF16_CHUNK = 8192;

/**
 * Decodes UTF-16 after its 2-byte BOM. Lone surrogates are kept: inside a string the sanitizer
 * repairs them with a warning, elsewhere the parser reports them.
 */
function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): DecodeResult {
  if (bytes.length % 2 !== 0) {
    return refuse(`the file is UTF-16 but has an odd number of bytes (the last one, at byte offset ${bytes.length - 1}, is half a character)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  for (let chunkStart = 2; chunkStart < bytes.length; chunkStart += 2 * UTF16_CHUNK) {
    const chunkEnd = Math.min(bytes.length, chunkStart + 2 * UTF16_CHUNK);
    const units: number[] = [];
    for (let offset = chunkStart; offset < chunkEnd; offset += 2) units.push(view.getUint16(offset, littleEndian));
    parts.push(String.fromCharCode(...units));
  }
  return { ok: true, text: parts.join('') };
}

/**
 * The byte offset where the first ill-formed UTF-8 sequence starts, or -1. Follows the Unicode
 * table of well-formed byte sequences: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let secondMin = 0x80;
    let secondMax = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) secondMin = 0xa0;
      if (lead === 0xed) secondMax = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) secondMin = 0x90;
      if (lead === 0xf4) secondMax = 0x8f;
    } else return index;
    if (index + length > bytes.length) return index;
    const second = bytes[index + 1] ?? 0;
    if (second < secondMin || second > secondMax) return index;
    for (let continuation = 2; continuation < length; continuation += 1) {
      if (((bytes[index + continuation] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}

/** Line and column (in characters, as in the decoded text) of a byte in valid UTF-8 before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line += 1;
      lineStart = index + 1;
    }
  }
  // A BOM on line 1 is not part of the text, so it does not count as a column.
  const textStart = line === 1 && startsWithBytes(bytes, [0xef, 0xbb, 0xbf]) ? 3 : lineStart;
  return { line, column: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(textStart, offset)).length + 1 };
}
