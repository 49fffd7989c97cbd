/**
 * Recognises files that are obviously not argmap JSON, so the user hears what they opened
 * ("this looks like a PNG image") instead of a syntax error at 1:1.
 */

import { startsWithBytes } from './decode.ts';
import { isJsonObject, type JsonArray, type JsonValue } from './parse-json.ts';

function looksLike(what: string): string {
  return `this looks like ${what}; argmap opens argmap JSON maps`;
}

const PNG = 'a PNG image';
const ZIP = 'a ZIP archive (such as .xlsx or .docx)';
const PDF = 'a PDF document';

const BINARY_SIGNATURES: readonly { readonly signature: readonly number[]; readonly what: string }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: PNG },
  { signature: [0x50, 0x4b, 0x03, 0x04], what: ZIP },
  { signature: [0x25, 0x50, 0x44, 0x46], what: PDF },
  { signature: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { signature: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
];

/** What the bytes look like, when they are clearly a binary format; checked before decoding. */
export function sniffBytes(bytes: Uint8Array): string | undefined {
  const match = BINARY_SIGNATURES.find(({ signature }) => startsWithBytes(bytes, signature));
  return match === undefined ? undefined : looksLike(match.what);
}

/** Only the start of a file is looked at, so sniffing stays cheap on large inputs. */
const SNIFF_LENGTH = 65536;
/** Argdown statements and arguments at the start of a line: `[Title]:` or `<Title>:`. */
const ARGDOWN_DEFINITION = /^[ \t]*(?:\[[^\]\r\n]+\]|<[^>\r\n]+>):/m;

/** What decoded text looks like, when it is clearly not JSON. */
export function sniffText(text: string): string | undefined {
  const head = text.slice(0, SNIFF_LENGTH).trimStart();
  if (/^(?:<\?xml|<svg[\s>]|<!DOCTYPE svg)/i.test(head)) return looksLike('an SVG/XML file');
  if (/^(?:<!DOCTYPE html|<html[\s>])/i.test(head)) return looksLike('an HTML page');
  // Binary formats read as text (by a non-fatal decoder the PNG signature byte becomes U+FFFD).
  if (/^[\u0089\uFFFD]PNG/.test(head)) return looksLike(PNG);
  if (head.startsWith('PK\u0003\u0004')) return looksLike(ZIP);
  if (head.startsWith('%PDF')) return looksLike(PDF);
  const jsonStart = head.startsWith('{') || head.startsWith('[');
  if (!jsonStart && (head.startsWith('===') || ARGDOWN_DEFINITION.test(head))) return looksLike('Argdown');
  return undefined;
}

/** What parsed JSON looks like, when it is another argument format: AIF (AIFdb) has `nodes` with `nodeID`s. */
export function sniffParsed(value: JsonValue): string | undefined {
  const nodes = isJsonObject(value) && Object.hasOwn(value, 'nodes') ? value['nodes'] : undefined;
  const first = Array.isArray(nodes) ? (nodes as JsonArray)[0] : undefined;
  return isJsonObject(first) && Object.hasOwn(first, 'nodeID') ? looksLike('an AIF (AIFdb) file') : undefined;
}
