/**
 * What a file is, from its content alone (a file name can lie, and the app gets dropped files):
 * argmap JSON, an argmap SVG export, Argdown, AIF JSON or a Kialo text export; for anything
 * else, a description of what it looks like, so the user hears "this looks like a PNG image"
 * rather than a syntax error. Detection only routes a file to its reader: the reader then checks
 * everything and reports located problems, so a broken file of a known kind is routed to its
 * reader rather than called unknown.
 */

import { decodeBytes } from '../json/decode.ts';
import { isJsonObject, parseJson, type JsonValue } from '../json/parse-json.ts';
import { isAifDocument, LOOKALIKES, recogniseBytes, recogniseText, SNIFF_LENGTH } from '../json/sniff.ts';
import type { Language } from '../model.ts';
import { EDGE_COLUMNS, headerKey, NODE_COLUMNS } from './csv/columns.ts';

export const FILE_FORMATS = ['argmap-json', 'argmap-svg', 'argdown', 'aif-json', 'kialo', 'csv', 'unknown'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];
/** The formats argmap reads a map from. */
export type MapFormat = Exclude<FileFormat, 'unknown'>;

export interface DetectedFormat {
  readonly format: FileFormat;
  /** What the file is or looks like, as a noun phrase: `a PNG image`, `an AIF JSON file`. */
  readonly description: string;
}

const DESCRIPTIONS: Readonly<Record<MapFormat, string>> = {
  'argmap-json': 'an argmap JSON map',
  'argmap-svg': 'an SVG exported by argmap',
  argdown: 'an Argdown document',
  'aif-json': 'an AIF JSON file',
  kialo: 'a Kialo discussion export',
  csv: 'a pair of CSV files (nodes and edges)',
};

function known(format: MapFormat): DetectedFormat {
  return { format, description: DESCRIPTIONS[format] };
}

function unknown(description: string): DetectedFormat {
  return { format: 'unknown', description };
}

/** The sentence the user reads when a file is of no format argmap opens. */
export function unknownFormatMessage(detected: DetectedFormat): string {
  return `this looks like ${detected.description}; argmap opens argmap JSON and SVG, Argdown, AIF JSON and Kialo text exports`;
}

/** Excel keeps its workbook under `xl/`; the name shows in the first local headers of the ZIP. */
const XLSX_MARKER = [...new TextEncoder().encode('xl/')];

function containsBytes(bytes: Uint8Array, needle: readonly number[], limit: number): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  for (let index = 0; index <= end; index += 1) {
    if (needle.every((byte, offset) => bytes[index + offset] === byte)) return true;
  }
  return false;
}

/** The format a file's name decides: only Argdown's names, as any text may be Argdown. */
export function formatOfName(name: string): MapFormat | undefined {
  return /\.(?:argdown|ad)$/i.test(name) ? 'argdown' : undefined;
}

/** The format of a file: its name decides when it is an Argdown name, else its content. */
export function detectFormat(input: Uint8Array | string, name?: string): DetectedFormat {
  if (name !== undefined && formatOfName(name) === 'argdown') return known('argdown');
  if (typeof input === 'string') return detectText(input);
  const binary = recogniseBytes(input);
  if (binary === 'zip' && containsBytes(input, XLSX_MARKER, SNIFF_LENGTH)) return unknown('a spreadsheet (.xlsx, a ZIP archive)');
  if (binary !== undefined) return unknown(LOOKALIKES[binary]);
  const decoded = decodeBytes(input);
  return decoded.ok ? detectText(decoded.text) : unknown('binary data or text that is not UTF-8');
}

/** A Kialo export starts with its title line. */
const KIALO_TITLE = /^Discussion Title:/;
/** Keys that only AIF uses; enough to route a JSON file that does not parse to the AIF reader. */
const AIF_KEY = /"(?:nodeID|fromID|toID|AIF)"\s*:/;
/** How a JSON text that is not an object or array starts. */
const BARE_JSON_START = /^(?:null|true|false|-?\d|")/;
/** The element an argmap SVG export keeps its map in (see src/export/svg.ts). */
const ARGMAP_METADATA = /<metadata\b[^>]*\bid\s*=\s*(["'])argmap-data\1/;

function detectText(text: string): DetectedFormat {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const head = withoutBom.slice(0, SNIFF_LENGTH).trimStart();
  if (head === '') return unknown('an empty file');
  const lookalike = recogniseText(head);
  if (lookalike === 'svg') {
    return ARGMAP_METADATA.test(withoutBom) ? known('argmap-svg') : unknown('an SVG or XML file without argmap data');
  }
  if (lookalike === 'argdown') return known('argdown');
  if (lookalike !== undefined) return unknown(LOOKALIKES[lookalike]);
  if (head.startsWith('{') || head.startsWith('[')) return detectJson(withoutBom, head);
  if (KIALO_TITLE.test(head)) return known('kialo');
  // A bare JSON value (`null`, a number, a string) is JSON, just not a map: the map reader says which.
  if (BARE_JSON_START.test(head) && parseJson(withoutBom).ok) return known('argmap-json');
  if (isCsvHeader(head)) return known('csv');
  if (hasArgdownStructure(head)) return known('argdown');
  return unknown('plain text');
}

/** A first line of two or more cells, each a column of a CSV pair (`ID,Label,Type`, `From;To`). */
function isCsvHeader(head: string): boolean {
  const cells = (head.split(/\r\n|\n|\r/, 1)[0] ?? '').split(/[,;\t]/).map((cell) => headerKey(cell.replace(/^\s*"|"\s*$/g, '')));
  return cells.length >= 2 && cells.every((cell) => NODE_COLUMNS.known.has(cell) || EDGE_COLUMNS.known.has(cell));
}

/**
 * Argdown structure near the start of a text that is no other format: a `[Title]` or `<Title>`
 * opening a line, an indented relation line (`+`, `-`, `<+`, `<-`, `+>`, `->`, `><`, `_>`, `<_`,
 * `_`) under a line of text, a numbered premise `(1)` or a mention `@[Title]`. Any of them makes
 * the text Argdown; prose without any (headings and emphasis at most) stays "plain text", a note
 * rather than a map, though a `.argdown` name or the Argdown tab still reads it as Argdown.
 */
const ARGDOWN_STRUCTURE = [
  /^[ \t]*(?:\[[^\]\r\n]+\]|<[^>\r\n]+>)/m,
  /^[ \t]*\S[^\r\n]*\r?\n[ \t]+(?:<[+_-]|[+_-]>|><|[+_-])[ \t]+\S/m,
  /@(?:\[[^\]\r\n]+\]|<[^>\r\n]+>)/,
  /^[ \t]*\(\d+\)[ \t]+\S/m,
];

function hasArgdownStructure(head: string): boolean {
  return ARGDOWN_STRUCTURE.some((pattern) => pattern.test(head));
}

/** `[Title]: text` or a bare `[Title]` line: how most Argdown documents begin, and no JSON does. */
const ARGDOWN_START = /^\[[^\]\r\n]+\](?::|[ \t]*(?:\r?\n|$))/;

function detectJson(text: string, head: string): DetectedFormat {
  const parsed = parseJson(text);
  // Broken JSON goes to the reader it was meant for, which says where it breaks.
  if (!parsed.ok) return known(AIF_KEY.test(head) ? 'aif-json' : ARGDOWN_START.test(head) ? 'argdown' : 'argmap-json');
  if (isAifDocument(parsed.value)) return known('aif-json');
  if (looksLikeArgmap(parsed.value)) return known('argmap-json');
  return unknown('a JSON file that is neither an argmap map nor AIF');
}

/** An argmap map announces its version, or at least has the lists of nodes and edges. */
function looksLikeArgmap(value: JsonValue): boolean {
  if (!isJsonObject(value)) return false;
  return Object.hasOwn(value, 'schemaVersion') || (Object.hasOwn(value, 'nodes') && Object.hasOwn(value, 'edges'));
}

const HAN = /\p{Script=Han}/u;

/**
 * The language of texts that do not say which they are in (AIF, Kialo): Chinese when more than
 * half of the non-blank texts contain Han characters, English otherwise. A few Chinese names in
 * an English debate do not tip it.
 */
export function guessLanguage(texts: Iterable<string>): Language {
  let counted = 0;
  let chinese = 0;
  for (const text of texts) {
    if (text.trim() === '') continue;
    counted += 1;
    if (HAN.test(text)) chinese += 1;
  }
  return counted > 0 && chinese * 2 > counted ? 'zh' : 'en';
}
