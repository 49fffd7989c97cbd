/**
 * The column mapping of a CSV pair (README, "Spreadsheets"). Kumu's sheets are read as they are:
 * nodes `Label, Type, Description`, edges `From, To, Type`; argmap's own columns come beside
 * them. Headers match without regard to case, spaces, `_`, `-` and brackets: `Text (zh)`,
 * `text_zh` and `TEXT ZH` are one column.
 *
 * Nodes: `ID` (when absent, the Label is the id), `Type` (question, claim or evidence; empty is
 * claim), `Label` (the text, when neither `Text (zh)` nor `Text (en)` is given; on writing, the
 * text in the language saved), `Text (zh)`, `Text (en)`, `Speaker` (a person's name: one actor
 * per name), `Description` (kept with the map for writing back; argmap shows no description),
 * `Tags` (separated by `|`, as Kumu writes them), `Section`, `X`, `Y` (a saved place).
 *
 * Edges: `ID` (when absent, `e1`, `e2`… by row), `From`, `To` (node ids; for an undercut, `To`
 * is the id of the edge attacked), `Type` (support, attack, undercut, answer, rephrase; `pro`
 * and `con` also read), `Group` (edges of one linked argument).
 */

export interface ColumnSpec {
  /** Header key → column key. */
  readonly known: ReadonlyMap<string, string>;
  /** Column keys a file must have. */
  readonly required: readonly string[];
  /** A header line to show in a message. */
  readonly example: string;
}

/** The form a header is matched in: `Text (zh)` → `textzh`. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_\-()[\]]/g, '');
}

export const NODE_HEADER = ['ID', 'Label', 'Type', 'Description', 'Text (zh)', 'Text (en)', 'Speaker', 'Tags', 'Section', 'X', 'Y'] as const;
export const EDGE_HEADER = ['ID', 'From', 'To', 'Type', 'Group'] as const;

function spec(header: readonly string[], required: readonly string[], aliases: Readonly<Record<string, string>>): ColumnSpec {
  const known = new Map(header.map((name) => [headerKey(name), name]));
  for (const [alias, name] of Object.entries(aliases)) known.set(headerKey(alias), name);
  return { known, required, example: header.join(',') };
}

/** Kumu calls a node's text its Label; a node needs a Label or one of the texts, checked per row. */
export const NODE_COLUMNS = spec(NODE_HEADER, [], { zh: 'Text (zh)', en: 'Text (en)', kind: 'Type', actor: 'Speaker', speaker: 'Speaker' });
export const EDGE_COLUMNS = spec(EDGE_HEADER, ['From', 'To'], { kind: 'Type', source: 'From', target: 'To' });

/** Tags in one cell, as Kumu writes them. */
export const TAG_SEPARATOR = '|';

/** The file names of a pair: `map.nodes.csv` and `map.edges.csv`. */
export const NODES_SUFFIX = '.nodes.csv';
export const EDGES_SUFFIX = '.edges.csv';

/** The `extensions` namespace that keeps what a CSV pair has and argmap does not show (descriptions). */
export const CSV_EXTENSION = 'csv';
