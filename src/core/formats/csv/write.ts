/**
 * Writing a map as a CSV pair (columns in columns.ts): what a spreadsheet or Kumu can hold.
 * Both texts, kinds, speakers' names, tags, sections, saved places and descriptions go in; sources,
 * quotes, actors' affiliations, tours and the title do not (argmap JSON keeps everything).
 */
import { inLanguage, indexMap, type ArgMap, type JsonData, type Language } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import { CSV_EXTENSION, EDGE_HEADER, NODE_HEADER, TAG_SEPARATOR } from './columns.ts';
import { importCsvPair } from './read.ts';
import { protectFormula, writeTable } from './table.ts';

export interface CsvPairText {
  readonly nodes: string;
  readonly edges: string;
}

/** The descriptions a CSV pair brought in, kept in the map's `extensions.csv`. */
function descriptionsOf(map: ArgMap): ReadonlyMap<string, string> {
  const kept: JsonData | undefined = map.extensions?.get(CSV_EXTENSION);
  const list = kept !== null && typeof kept === 'object' && !Array.isArray(kept) ? (kept as { readonly [key: string]: JsonData })['descriptions'] : undefined;
  const descriptions = new Map<string, string>();
  if (!Array.isArray(list)) return descriptions;
  for (const entry of list as readonly JsonData[]) {
    if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') descriptions.set(entry[0], entry[1]);
  }
  return descriptions;
}

/** `language` picks the Label column's text (the other is in its own column). */
export function writeCsvPair(map: ArgMap, language: Language): CsvPairText {
  const { actors } = indexMap(map);
  const descriptions = descriptionsOf(map);
  const text = (value: string | undefined): string => protectFormula(value ?? '');
  const nodeRows = map.nodes.map((node) => {
    const actor = node.actor === undefined ? undefined : actors.get(node.actor);
    const row: Record<(typeof NODE_HEADER)[number], string> = {
      ID: text(node.id),
      Label: text(inLanguage(node.text, language)),
      Type: node.kind,
      Description: text(descriptions.get(node.id)),
      'Text (zh)': text(node.text.zh),
      'Text (en)': text(node.text.en),
      Speaker: text(actor === undefined ? '' : inLanguage(actor.name, language)),
      Tags: text(node.tags?.join(TAG_SEPARATOR)),
      Section: text(node.section),
      X: node.position === undefined ? '' : String(node.position.x),
      Y: node.position === undefined ? '' : String(node.position.y),
    };
    return NODE_HEADER.map((column) => row[column]);
  });
  const edgeRows = map.edges.map((edge) => [text(edge.id), text(edge.from), text(edge.to), edge.kind, text(edge.group)]);
  return { nodes: writeTable(NODE_HEADER, nodeRows), edges: writeTable(EDGE_HEADER, edgeRows) };
}

export type CheckedCsvPair = { readonly ok: true; readonly pair: CsvPairText } | { readonly ok: false; readonly problems: readonly Problem[] };

/** `writeCsvPair`, then the pair read back with the real reader: the files only when they open again. */
export function writeCheckedCsvPair(map: ArgMap, language: Language, names: { readonly nodes: string; readonly edges: string }): CheckedCsvPair {
  const pair = writeCsvPair(map, language);
  const reread = importCsvPair({ nodes: { name: names.nodes, text: pair.nodes }, edges: { name: names.edges, text: pair.edges } });
  const errors = reread.problems.filter((problem) => problem.severity === 'error');
  return reread.map !== undefined && errors.length === 0 ? { ok: true, pair } : { ok: false, problems: errors };
}
