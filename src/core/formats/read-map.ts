/**
 * Opening a file of any format argmap reads: the format is detected from the content (not
 * the name), then the importer of that format runs. Every importer validates the map it
 * builds with the same stages as argmap JSON, so every result obeys the same rules.
 */
import { decodeBytes } from '../json/decode.ts';
import { recogniseBytes } from '../json/sniff.ts';
import { loadMapBytes, MAX_FILE_BYTES, type LoadResult } from '../load-map.ts';
import type { ArgMap } from '../model.ts';
import type { Problem } from '../problems.ts';
import { importAif } from './aif.ts';
import { parseArgdown } from './argdown/index.ts';
import { readArgmapSvg } from './argmap-svg.ts';
import { detectFormat, unknownFormatMessage, type FileFormat, type MapFormat } from './detect.ts';
import { importKialo } from './kialo.ts';

export interface ReadResult {
  readonly format: FileFormat;
  readonly result: LoadResult;
}

/** An importer's map and problems, as a load result: any error means no map. */
function fromImport(imported: { readonly map?: ArgMap; readonly problems: Problem[] }): LoadResult {
  const errors = imported.problems.some((problem) => problem.severity === 'error');
  return imported.map !== undefined && !errors ? { ok: true, map: imported.map, warnings: imported.problems } : { ok: false, problems: imported.problems };
}

/** `name`, when given, decides for an Argdown name (`.argdown`, `.ad`); otherwise the content does. */
export function readMapBytes(bytes: Uint8Array, name?: string): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { format: 'unknown', result: loadMapBytes(bytes) };
  const detected = detectFormat(bytes, name);
  // JSON maps are decoded by their own stage, which locates bad UTF-8 and reads UTF-16.
  if (detected.format === 'argmap-json') return { format: detected.format, result: loadMapBytes(bytes) };
  // Text that does not decode gets the decoder's one wording, with the byte offset and line:column.
  const decoded = recogniseBytes(bytes) === undefined ? decodeBytes(bytes) : undefined;
  if (decoded !== undefined && !decoded.ok) return { format: 'unknown', result: { ok: false, problems: [decoded.problem] } };
  if (detected.format === 'unknown' || decoded === undefined) return { format: 'unknown', result: { ok: false, problems: [{ severity: 'error', message: unknownFormatMessage(detected) }] } };
  return readMapText(decoded.text, name);
}

export function readMapText(text: string, name?: string): ReadResult {
  const detected = detectFormat(text, name);
  if (detected.format === 'unknown') return { format: 'unknown', result: { ok: false, problems: [{ severity: 'error', message: unknownFormatMessage(detected) }] } };
  return { format: detected.format, result: readMapAs(text, detected.format) };
}

/** Reads text with the reader of a format already decided (by detection, a file name or a writer). */
export function readMapAs(text: string, format: MapFormat): LoadResult {
  switch (format) {
    case 'argmap-json':
      return loadMapBytes(new TextEncoder().encode(text));
    case 'argmap-svg':
      return readArgmapSvg(text);
    case 'argdown':
      return fromImport(parseArgdown(text));
    case 'aif-json':
      return fromImport(importAif(text));
    case 'kialo':
      return fromImport(importKialo(text));
    case 'csv':
      // One text cannot hold a pair: csv/ reads the nodes and edges files together.
      return { ok: false, problems: [{ severity: 'error', message: 'a CSV map is two files, its nodes and its edges (map.nodes.csv and map.edges.csv): open them together' }] };
  }
}
