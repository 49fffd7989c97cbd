/**
 * Recognises files that are obviously not argmap JSON, so the user hears what they opened
 * ("this looks like a PNG image") instead of a syntax error at 1:1. The recognisers are shared
 * with format detection (`src/core/formats/detect.ts`), which names what it sees the same way.
 */

import { startsWithBytes } from './decode.ts';
import { isJsonObject, type JsonArray, type JsonValue } from './parse-json.ts';

function looksLike(what: string): string {
  return `this looks like ${what}; argmap opens argmap JSON maps`;
}

/** What a file can be recognised as before it is read as a map, named for messages. */
export const LOOKALIKES = {
  png: 'a PNG image',
  zip: 'a ZIP archive (such as .xlsx or .docx)',
  pdf: 'a PDF document',
  gzip: 'a gzip-compressed file',
  jpeg: 'a JPEG image',
  svg: 'an SVG/XML file',
  html: 'an HTML page',
  argdown: 'Argdown',
} as const;
export type Lookalike = keyof typeof LOOKALIKES;

const BINARY_SIGNATURES: readonly { readonly signature: readonly number[]; readonly kind: Lookalike }[] = [
  { signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'png' },
  { signature: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { signature: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { signature: [0x1f, 0x8b], kind: 'gzip' },
  { signature: [0xff, 0xd8, 0xff], kind: 'jpeg' },
];

/** The binary format the bytes start with, if they have a known signature. */
export function recogniseBytes(bytes: Uint8Array): Lookalike | undefined {
  return BINARY_SIGNATURES.find(({ signature }) => startsWithBytes(bytes, signature))?.kind;
}

/** What the bytes look like, when they are clearly a binary format; checked before decoding. */
export function sniffBytes(bytes: Uint8Array): string | undefined {
  const kind = recogniseBytes(bytes);
  return kind === undefined ? undefined : looksLike(LOOKALIKES[kind]);
}

/** Only the start of a file is looked at, so sniffing stays cheap on large inputs. */
export const SNIFF_LENGTH = 65536;
/** Argdown statements and arguments at the start of a line: `[Title]:` or `<Title>:`. */
const ARGDOWN_DEFINITION = /^[ \t]*(?:\[[^\]\r\n]+\]|<[^>\r\n]+>):/m;

/** The format decoded text clearly is when it is not JSON, judged from its start. */
export function recogniseText(text: string): Lookalike | undefined {
  const head = text.slice(0, SNIFF_LENGTH).trimStart();
  if (/^(?:<\?xml|<svg[\s>]|<!DOCTYPE svg)/i.test(head)) return 'svg';
  if (/^(?:<!DOCTYPE html|<html[\s>])/i.test(head)) return 'html';
  // Binary formats read as text (by a non-fatal decoder the PNG signature byte becomes U+FFFD).
  if (/^[\u0089\uFFFD]PNG/.test(head)) return 'png';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  if (head.startsWith('%PDF')) return 'pdf';
  const jsonStart = head.startsWith('{') || head.startsWith('[');
  if (!jsonStart && (head.startsWith('===') || ARGDOWN_DEFINITION.test(head))) return 'argdown';
  return undefined;
}

/** What decoded text looks like, when it is clearly not JSON. */
export function sniffText(text: string): string | undefined {
  const kind = recogniseText(text);
  return kind === undefined ? undefined : looksLike(LOOKALIKES[kind]);
}

/**
 * Whether parsed JSON is AIF: an AIFdb nodeset (`nodes` whose first item has a `nodeID`) or the
 * xAIF/OVA3 wrapper, whose `AIF` member holds such a nodeset.
 */
export function isAifDocument(value: JsonValue): boolean {
  if (!isJsonObject(value)) return false;
  const wrapped = Object.hasOwn(value, 'AIF') ? value['AIF'] : undefined;
  if (isJsonObject(wrapped) && Object.hasOwn(wrapped, 'nodes') && Array.isArray(wrapped['nodes'])) return true;
  const nodes = Object.hasOwn(value, 'nodes') ? value['nodes'] : undefined;
  const first = Array.isArray(nodes) ? (nodes as JsonArray)[0] : undefined;
  return isJsonObject(first) && Object.hasOwn(first, 'nodeID');
}

/** What parsed JSON looks like, when it is another argument format (AIF). */
export function sniffParsed(value: JsonValue): string | undefined {
  return isAifDocument(value) ? looksLike('an AIF (AIFdb) file') : undefined;
}
