/**
 * A CSV file as rows of named cells, each row with the line it starts on, read by papaparse
 * (quoted fields with commas, quotes and line breaks; CRLF; a BOM; `,`, `;` or tab between
 * fields). Problems name the file and the line; nothing here throws.
 */
import Papa from 'papaparse';
import type { ProblemCollector } from '../../problems.ts';
import { quoteForMessage } from '../../problems.ts';
import { headerKey, type ColumnSpec } from './columns.ts';

export interface CsvFile {
  /** Shown in problems: `map.edges.csv:4: error: …`. */
  readonly name: string;
  readonly text: string;
}

export interface CsvRow {
  readonly line: number;
  /** Cells by column key (see columns.ts); a column the file lacks reads as ''. */
  readonly cells: ReadonlyMap<string, string>;
}

export interface CsvTable {
  /** The keys of the columns the header names. */
  readonly columns: ReadonlySet<string>;
  readonly rows: readonly CsvRow[];
}

/** Line numbers of offsets into a text, found by binary search over the line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const character = text.charCodeAt(index);
    if (character === 0x0a) starts.push(index + 1);
    else if (character === 0x0d && text.charCodeAt(index + 1) !== 0x0a) starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator the header row uses most (`,` when none): the header names plain columns, while
 * texts below it hold every separator, which misleads papaparse's guess over the whole file.
 */
function headerDelimiter(text: string): string {
  const header = text.trimStart().split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

/** papaparse reads the file one row at a time, so each row keeps the line it starts on. */
export function readTable(file: CsvFile, spec: ColumnSpec, problems: ProblemCollector): CsvTable | undefined {
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
  const lineOf = lineFinder(text);
  const records: { line: number; fields: string[] }[] = [];
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: headerDelimiter(text),
    skipEmptyLines: false,
    step: (result) => {
      const line = lineOf(rowStart);
      for (const error of result.errors) {
        const at = error.index === undefined ? line : lineOf(error.index);
        problems.error(error.code === 'MissingQuotes' ? 'a quoted field is not closed: a `"` is missing' : error.message, { file: file.name, line: at });
      }
      rowStart = result.meta.cursor;
      if (result.data.some((field) => field.trim() !== '')) records.push({ line, fields: result.data });
    },
  });
  const [header, ...body] = records;
  if (header === undefined) {
    problems.error(`the file is empty; its first row names the columns: ${spec.required.join(', ')}`, { file: file.name, line: 1 });
    return undefined;
  }
  const keys = header.fields.map((name) => spec.known.get(headerKey(name)));
  const columns = new Set<string>();
  header.fields.forEach((name, index) => {
    const key = keys[index];
    if (name.trim() === '') return;
    if (key === undefined) problems.warning(`the column ${quoteForMessage(name.trim())} is not read; argmap reads ${[...new Set(spec.known.values())].join(', ')}`, { file: file.name, line: header.line });
    else if (columns.has(key)) problems.error(`the column ${quoteForMessage(name.trim())} appears twice`, { file: file.name, line: header.line });
    else columns.add(key);
  });
  for (const required of spec.required) {
    if (!columns.has(required)) problems.error(`the first row has no ${required} column; it names the columns, e.g. ${spec.example}`, { file: file.name, line: header.line });
  }
  if (problems.hasErrors) return undefined;

  const rows = body.map(({ line, fields }) => {
    if (fields.length > keys.length && fields.slice(keys.length).some((field) => field.trim() !== '')) {
      problems.error(`this row has ${fields.length} cells, but the first row names ${keys.length} columns`, { file: file.name, line });
    }
    const cells = new Map<string, string>();
    keys.forEach((key, index) => {
      if (key !== undefined) cells.set(key, unprotectFormula(fields[index] ?? ''));
    });
    return { line, cells };
  });
  return { columns, rows };
}

/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV injection):
 * writing puts a `'` before such text (and before text that starts with `'`), reading takes it off.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function protectFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function unprotectFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Rows to CSV: every cell quoted where it must be, CRLF between rows, a BOM so Excel reads UTF-8. */
export function writeTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${Papa.unparse([header as string[], ...(rows as string[][])], { newline: '\r\n', quotes: false })}\r\n`;
}
