/**
 * A test loader for the Arguman debate graphs (`debate-graphs-arguman/`, read from CORPORA_DIR by the
 * conformance suite):
 * `*_nodes.csv` (n, url, label, description) and `*_edges.csv` (n1, n2, weight), where an edge
 * leads from premise n1 to the claim n2 it speaks to and the weight is its stance: 1.0 because
 * (support), -1.0 but (attack), -0.5 however (an attack with the scheme "however"). The map is
 * built as a map file and read through loadMapText, so it meets every rule a map file meets.
 * Not app code: it throws on a file it cannot read, which is what a test wants.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadMapText, type LoadResult } from '../../src/core/load-map.ts';
import type { EdgeKind, Language } from '../../src/core/model.ts';

export const ARGUMAN_GRAPHS = {
  'am-ch': { language: 'zh', title: 'Arguman（中文）' },
  'am-en': { language: 'en', title: 'Arguman (English)' },
} as const satisfies Record<string, { language: Language; title: string }>;
export type ArgumanGraph = keyof typeof ARGUMAN_GRAPHS;

const STANCES: ReadonlyMap<string, { readonly kind: EdgeKind; readonly scheme?: string }> = new Map([
  ['1.0', { kind: 'support' }],
  ['-1.0', { kind: 'attack' }],
  ['-0.5', { kind: 'attack', scheme: 'however' }],
]);

/** CSV as the app reads it, with papaparse: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
  const [problem] = parsed.errors;
  if (problem !== undefined) throw new Error(`the CSV is malformed at row ${(problem.row ?? 0) + 1}: ${problem.message}`);
  return parsed.data;
}

/** The rows of a CSV with a header, as records by column name; a row of another width is an error. */
function records(text: string, columns: readonly string[]): Map<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.join(',') !== columns.join(',')) throw new Error(`expected the header ${columns.join(',')}, found ${header?.join(',')}`);
  return rows.map((row, index) => {
    if (row.length !== columns.length) throw new Error(`row ${index + 2} has ${row.length} fields, not ${columns.length}`);
    return new Map(columns.map((column, position) => [column, row[position]!]));
  });
}

export function argumanMap(nodesCsv: string, edgesCsv: string, graph: ArgumanGraph): LoadResult {
  const { language, title } = ARGUMAN_GRAPHS[graph];
  const nodes = records(nodesCsv, ['n', 'url', 'label', 'description']).map((record) => ({
    id: `n${record.get('n')}`,
    kind: 'claim',
    // Labels start with a space, as Arguman wrote them.
    text: { [language]: record.get('label')!.trim() },
  }));
  const edges = records(edgesCsv, ['n1', 'n2', 'weight']).map((record, index) => {
    const weight = record.get('weight')!;
    const stance = STANCES.get(weight);
    if (stance === undefined) throw new Error(`edge row ${index + 2} has the weight ${weight}, which is no Arguman stance`);
    return { id: `e${index + 1}`, from: `n${record.get('n1')}`, to: `n${record.get('n2')}`, ...stance };
  });
  return loadMapText(JSON.stringify({ schemaVersion: 1, title: { [language]: title }, sources: [], actors: [], nodes, edges }));
}

export function readArgumanGraph(folder: string, graph: ArgumanGraph): LoadResult {
  return argumanMap(readFileSync(join(folder, `${graph}_nodes.csv`), 'utf8'), readFileSync(join(folder, `${graph}_edges.csv`), 'utf8'), graph);
}
