/**
 * Reading a CSV pair (a nodes file and an edges file, columns in columns.ts) into a map. The
 * rows become an argmap document, which then goes through the same stages as a map file
 * (schema, text repairs, integrity), so a CSV map obeys every rule a JSON map does; each problem
 * those stages find is put back on the file and line of the row it came from. Nothing here throws.
 */
import { loadMapText, MAX_FILE_BYTES } from '../../load-map.ts';
import type { ArgMap, Language } from '../../model.ts';
import { EDGE_KINDS, NODE_KINDS } from '../../model.ts';
import { ProblemCollector, quoteForMessage, type Problem } from '../../problems.ts';
import { guessLanguage } from '../detect.ts';
import { CSV_EXTENSION, EDGE_COLUMNS, EDGES_SUFFIX, NODE_COLUMNS, NODES_SUFFIX, TAG_SEPARATOR } from './columns.ts';
import { readTable, type CsvFile, type CsvRow } from './table.ts';

export interface CsvPair {
  readonly nodes: CsvFile;
  readonly edges: CsvFile;
}

export interface CsvImportOptions {
  /** The map's title; else the nodes file's name without `.nodes.csv`. */
  readonly title?: string;
  /** The language of `Label` texts; guessed from them when absent. */
  readonly language?: Language;
}

export interface CsvImportResult {
  /** Absent when the pair has errors; then `problems` says where. */
  readonly map?: ArgMap;
  readonly problems: Problem[];
}

interface Place {
  readonly file: string;
  readonly line: number;
}

const HAN = /\p{Script=Han}/u;
const EDGE_TYPE_ALIASES: ReadonlyMap<string, string> = new Map([['pro', 'support'], ['con', 'attack']]);

/** The map's title when none is given: `debate.nodes.csv` → `debate`. */
export function pairTitle(nodesFileName: string): string {
  const base = nodesFileName.replace(/^.*[\\/]/, '');
  return (base.toLowerCase().endsWith(NODES_SUFFIX) ? base.slice(0, -NODES_SUFFIX.length) : base.replace(/\.csv$/i, '')) || 'CSV map';
}

/** The other file's name: `map.nodes.csv` ↔ `map.edges.csv`; undefined for a name of neither form. */
export function siblingName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(NODES_SUFFIX)) return `${name.slice(0, -NODES_SUFFIX.length)}${EDGES_SUFFIX}`;
  if (lower.endsWith(EDGES_SUFFIX)) return `${name.slice(0, -EDGES_SUFFIX.length)}${NODES_SUFFIX}`;
  return undefined;
}

export function importCsvPair(pair: CsvPair, options: CsvImportOptions = {}): CsvImportResult {
  // The last line of defence, as in load-map.ts: a bug becomes a problem, not a crash.
  try {
    return readPair(pair, options);
  } catch {
    return { problems: [{ severity: 'error', message: 'internal error while reading the CSV files' }] };
  }
}

function readPair(pair: CsvPair, options: CsvImportOptions): CsvImportResult {
  const problems = new ProblemCollector();
  for (const file of [pair.nodes, pair.edges]) {
    if (file.text.length > MAX_FILE_BYTES) problems.error(`the file is too large; argmap opens files up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB`, { file: file.name });
  }
  if (problems.hasErrors) return { problems: problems.toArray() };
  const nodeTable = readTable(pair.nodes, NODE_COLUMNS, problems);
  const edgeTable = readTable(pair.edges, EDGE_COLUMNS, problems);
  if (!nodeTable || !edgeTable || problems.hasErrors) return { problems: problems.toArray() };

  const places = new Map<string, Place>();
  const nodesAt = (row: CsvRow): Place => ({ file: pair.nodes.name, line: row.line });
  const edgesAt = (row: CsvRow): Place => ({ file: pair.edges.name, line: row.line });
  const cell = (row: CsvRow, column: string): string => (row.cells.get(column) ?? '').trim();

  const labels = nodeTable.rows.map((row) => cell(row, 'Label'));
  const title = options.title ?? pairTitle(pair.nodes.name);
  // The labels say their language; a file name ("debate") is no evidence of it.
  const language = options.language ?? guessLanguage(labels.some((label) => label !== '') ? labels : [title]);

  const actors: { id: string; name: Record<string, string> }[] = [];
  const actorByName = new Map<string, string>();
  const descriptions: [string, string][] = [];
  const nodes: Record<string, unknown>[] = [];
  const takenIds = new Set<string>();

  nodeTable.rows.forEach((row, index) => {
    const at = nodesAt(row);
    const id = nodeTable.columns.has('ID') ? cell(row, 'ID') : labels[index]!;
    if (id === '') {
      problems.error(nodeTable.columns.has('ID') ? 'this node has no ID' : 'this node has no Label, which is its id when there is no ID column', at);
      return;
    }
    const kind = cell(row, 'Type').toLowerCase() || 'claim';
    if (!(NODE_KINDS as readonly string[]).includes(kind)) {
      problems.error(`the Type of node ${quoteForMessage(id)} must be one of ${NODE_KINDS.join(', ')}, not ${quoteForMessage(cell(row, 'Type'))}`, { ...at, id });
      return;
    }
    const text: Record<string, string> = {};
    const zh = cell(row, 'Text (zh)');
    const en = cell(row, 'Text (en)');
    if (zh !== '') text['zh'] = zh;
    if (en !== '') text['en'] = en;
    if (zh === '' && en === '') {
      if (labels[index] === '') {
        problems.error(`node ${quoteForMessage(id)} has no text: fill its Label, Text (zh) or Text (en)`, { ...at, id });
        return;
      }
      text[language] = labels[index]!;
    }
    const node: Record<string, unknown> = { id, kind, text };
    const speaker = cell(row, 'Speaker');
    if (speaker !== '') {
      let actor = actorByName.get(speaker);
      if (actor === undefined) {
        actor = `a${actors.length + 1}`;
        actorByName.set(speaker, actor);
        places.set(`/actors/${actors.length}`, at);
        actors.push({ id: actor, name: { [HAN.test(speaker) ? 'zh' : 'en']: speaker } });
      }
      node['actor'] = actor;
    }
    const tags = cell(row, 'Tags').split(TAG_SEPARATOR).map((tag) => tag.trim()).filter((tag) => tag !== '');
    if (tags.length > 0) node['tags'] = tags;
    const section = cell(row, 'Section');
    if (section !== '') node['section'] = section;
    const position = readPosition(cell(row, 'X'), cell(row, 'Y'), id, at, problems);
    if (position) node['position'] = position;
    const description = cell(row, 'Description');
    if (description !== '') descriptions.push([id, description]);
    places.set(`/nodes/${nodes.length}`, at);
    nodes.push(node);
    takenIds.add(id);
  });

  const edges: Record<string, unknown>[] = [];
  const explicitEdgeIds = new Set(edgeTable.columns.has('ID') ? edgeTable.rows.map((row) => cell(row, 'ID')) : []);
  let counter = 0;
  const nextEdgeId = (): string => {
    let id: string;
    do id = `e${(counter += 1)}`;
    while (takenIds.has(id) || explicitEdgeIds.has(id));
    return id;
  };
  for (const row of edgeTable.rows) {
    const at = edgesAt(row);
    const id = edgeTable.columns.has('ID') ? cell(row, 'ID') : nextEdgeId();
    if (id === '') {
      problems.error('this edge has no ID', at);
      continue;
    }
    const from = cell(row, 'From');
    const to = cell(row, 'To');
    if (from === '' || to === '') {
      problems.error(`edge ${quoteForMessage(id)} needs both a From and a To`, { ...at, id });
      continue;
    }
    const typed = cell(row, 'Type').toLowerCase();
    const kind = EDGE_TYPE_ALIASES.get(typed) ?? typed;
    if (!(EDGE_KINDS as readonly string[]).includes(kind)) {
      const found = typed === '' ? 'empty' : `not ${quoteForMessage(cell(row, 'Type'))}`;
      problems.error(`the Type of edge ${quoteForMessage(id)} must be one of ${EDGE_KINDS.join(', ')} (or pro, con); it is ${found}`, { ...at, id });
      continue;
    }
    const edge: Record<string, unknown> = { id, from, to, kind };
    const group = cell(row, 'Group');
    if (group !== '') edge['group'] = group;
    places.set(`/edges/${edges.length}`, at);
    edges.push(edge);
  }
  if (problems.hasErrors) return { problems: problems.toArray() };

  const document = {
    schemaVersion: 1,
    title: { [HAN.test(title) ? 'zh' : language]: title },
    sources: [],
    actors,
    nodes,
    edges,
    ...(descriptions.length > 0 ? { extensions: { [CSV_EXTENSION]: { descriptions } } } : {}),
  };
  const fallback: Place = { file: pair.nodes.name, line: 1 };
  const placeOf = (pointer: string): Place => {
    for (let current = pointer; current.includes('/'); current = current.slice(0, current.lastIndexOf('/'))) {
      const place = places.get(current);
      if (place !== undefined) return place;
    }
    return fallback;
  };
  // The document goes through the same stages as a map file; its problems go back to the rows.
  const loaded = loadMapText(JSON.stringify(document));
  for (const problem of loaded.ok ? loaded.warnings : loaded.problems) {
    const place = problem.pointer === undefined ? fallback : placeOf(problem.pointer);
    problems[problem.severity](problem.message, { ...place, ...(problem.id === undefined ? {} : { id: problem.id }) });
  }
  return loaded.ok ? { map: loaded.map, problems: problems.toArray() } : { problems: problems.toArray() };
}

function readPosition(x: string, y: string, id: string, at: Place, problems: ProblemCollector): { x: number; y: number } | undefined {
  if (x === '' && y === '') return undefined;
  const point = { x: Number(x), y: Number(y) };
  if (x === '' || y === '' || !Number.isFinite(point.x) || !Number.isFinite(point.y)) {
    problems.error(`node ${quoteForMessage(id)} has X ${quoteForMessage(x)} and Y ${quoteForMessage(y)}; a place needs both, as numbers`, { ...at, id });
    return undefined;
  }
  return point;
}
