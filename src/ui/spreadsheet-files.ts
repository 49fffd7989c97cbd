/**
 * Spreadsheets in the app: a CSV pair (nodes and edges) chosen or dropped together opens as one
 * map, read as a file is (in the reading worker when big); Save as writes the pair as two
 * downloads, or GraphML. The readers and writers load on first use, not with the app.
 *
 * Two downloads rather than a zip: the files saved are the very files argmap opens (chosen or
 * dropped together) and that a spreadsheet or Kumu imports, with nothing to unpack first.
 */
import { MAX_FILE_BYTES } from '../core/load-map.ts';
import type { ArgMap, Language } from '../core/model.ts';
import type { Problem } from '../core/problems.ts';
import { EDGE_COLUMNS, headerKey } from '../core/formats/csv/columns.ts';
import type { SpreadsheetFormat } from '../core/formats/text-formats.ts';
import type { Position } from '../layout/layout-node.ts';
import { isSpreadsheetFile } from './file-access.ts';
import { readCsvPairFiles, type OpenedFile } from './map-reader.ts';

const EDGES_NAME = /\.edges\.csv$/i;
const NODES_NAME = /\.nodes\.csv$/i;

export interface OpenedSpreadsheet {
  /** The name the map is shown under: `debate.csv` for `debate.nodes.csv` + `debate.edges.csv`. */
  readonly fileName: string;
  readonly opened: OpenedFile;
}

function refusal(fileName: string, message: string, file?: string): OpenedSpreadsheet {
  return { fileName, opened: { read: { format: 'csv', result: { ok: false, problems: [{ severity: 'error', message, ...(file === undefined ? {} : { file }) }] } } } };
}

/** Whether a CSV file's header (its first line) names the edges' From and To columns. */
function namesEdges(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const header = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const columns = header.split(/[,;\t]/).map((cell) => EDGE_COLUMNS.known.get(headerKey(cell.replace(/"/g, ''))));
  return columns.includes('From') && columns.includes('To');
}

/**
 * Reads a CSV pair (in the reading worker when it is big): the edges file is the one named
 * `*.edges.csv`, else the one whose header has From and To.
 */
export async function readSpreadsheetFiles(files: readonly File[]): Promise<OpenedSpreadsheet> {
  const shownName = files.map((file) => file.name).join(' + ');
  if (files.length !== 2 || !files.every(isSpreadsheetFile)) {
    return refusal(shownName, 'a CSV map is two files, its nodes and its edges (such as map.nodes.csv and map.edges.csv): choose or drop both together');
  }
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) return refusal(shownName, `the file is ${file.size} bytes; argmap opens files up to ${MAX_FILE_BYTES} bytes`, file.name);
  }
  const bytes = await Promise.all(files.map(async (file) => new Uint8Array(await file.arrayBuffer())));
  const [first, second] = files as readonly [File, File];
  const named = EDGES_NAME.test(first.name) || NODES_NAME.test(second.name) || EDGES_NAME.test(second.name) || NODES_NAME.test(first.name);
  const edgesFirst = named ? EDGES_NAME.test(first.name) || NODES_NAME.test(second.name) : namesEdges(bytes[0]!);
  const [nodes, edges] = edgesFirst ? [1, 0] : [0, 1];
  const { pairTitle } = await import('../core/formats/csv/index.ts');
  const opened = await readCsvPairFiles({ nodes: { name: files[nodes]!.name, bytes: bytes[nodes]! }, edges: { name: files[edges]!.name, bytes: bytes[edges]! } });
  return { fileName: `${pairTitle(files[nodes]!.name)}.csv`, opened };
}

export interface SavedFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

export type SpreadsheetSave = { readonly ok: true; readonly files: readonly SavedFile[] } | { readonly ok: false; readonly fileName: string; readonly problems: readonly Problem[] };

/** The files Save as writes for a spreadsheet format; a CSV pair only when it opens again. */
export async function spreadsheetFiles(map: ArgMap, format: SpreadsheetFormat, name: string, language: Language, positions: readonly Position[]): Promise<SpreadsheetSave> {
  if (format === 'graphml') {
    const { buildGraphml } = await import('../export/graphml.ts');
    return { ok: true, files: [{ name: `${name}.graphml`, text: buildGraphml(map, positions, { language }), type: 'application/graphml+xml' }] };
  }
  const { writeCheckedCsvPair, NODES_SUFFIX, EDGES_SUFFIX } = await import('../core/formats/csv/index.ts');
  const names = { nodes: `${name}${NODES_SUFFIX}`, edges: `${name}${EDGES_SUFFIX}` };
  const written = writeCheckedCsvPair(map, language, names);
  if (!written.ok) return { ok: false, fileName: names.nodes, problems: written.problems };
  return {
    ok: true,
    files: [
      { name: names.nodes, text: written.pair.nodes, type: 'text/csv' },
      { name: names.edges, text: written.pair.edges, type: 'text/csv' },
    ],
  };
}
