/**
 * The CLI's spreadsheet formats: a CSV pair in (`map.nodes.csv` with `map.edges.csv` beside it, or
 * the other way round) and out (`--to csv` writes both files next to -o), and GraphML out.
 * main.ts hands over the reading of bytes and the writing of files, so every file is read and
 * written the way the other formats are.
 */
import { lstat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readCsvPairBytes, siblingName, writeCheckedCsvPair, EDGES_SUFFIX, NODES_SUFFIX } from '../core/formats/csv/index.ts';
import type { ReadResult } from '../core/formats/read-map.ts';
import type { ArgMap, Language } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { buildGraphml } from '../export/graphml.ts';
import { settleLayout } from '../layout/force-layout.ts';
import { layoutExtents } from '../layout/node-boxes.ts';
import type { Streams } from './main.ts';
import { writeAtomically } from './write-output.ts';

/** `convert --to csv` (a nodes and an edges file next to -o) and `--to graphml`. */
export const SPREADSHEET_OUTPUTS = ['csv', 'graphml'] as const;
export type SpreadsheetOutput = (typeof SPREADSHEET_OUTPUTS)[number];

export type ReadBytes = (path: string) => Promise<{ readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly message: string }>;

/** A file of a CSV pair, by its name: `*.nodes.csv` or `*.edges.csv`. */
export function isCsvPairFile(file: string): boolean {
  return siblingName(file) !== undefined;
}

/** Reads a CSV pair from either of its files; problems name the file they are in. */
export async function readCsvPairInput(file: string, readBytes: ReadBytes): Promise<ReadResult> {
  const other = siblingName(file)!;
  const [nodesPath, edgesPath] = file.toLowerCase().endsWith(NODES_SUFFIX) ? [file, other] : [other, file];
  const files: Uint8Array[] = [];
  for (const path of [nodesPath, edgesPath]) {
    const read = await readBytes(path);
    if (!read.ok) {
      const message = path === other ? `a CSV pair needs ${basename(other)} beside ${basename(file)}: cannot read it (${read.message})` : read.message;
      return { format: 'csv', result: { ok: false, problems: [{ severity: 'error', message, file: path }] } };
    }
    files.push(read.bytes);
  }
  return readCsvPairBytes({ nodes: { name: nodesPath, bytes: files[0]! }, edges: { name: edgesPath, bytes: files[1]! } });
}

/** The two files `--to csv -o OUT` writes: `OUT` without `.csv`/`.nodes.csv`, then the suffixes. */
export function csvPairPaths(output: string): { readonly nodes: string; readonly edges: string } {
  const name = basename(output);
  const stem = name.replace(/\.(?:nodes|edges)\.csv$/i, '').replace(/\.csv$/i, '') || name;
  return { nodes: join(dirname(output), `${stem}${NODES_SUFFIX}`), edges: join(dirname(output), `${stem}${EDGES_SUFFIX}`) };
}

export type SpreadsheetFiles = { readonly ok: true; readonly files: readonly { readonly path: string; readonly text: string }[] } | { readonly ok: false; readonly problems: readonly Problem[] };

/** What `--to csv` or `--to graphml` writes for a map: the files and their texts, checked before anything is written. */
export function spreadsheetFiles(map: ArgMap, format: SpreadsheetOutput, output: string, options: { readonly language: Language; readonly seed: string }): SpreadsheetFiles {
  if (format === 'graphml') {
    const positions = settleLayout(map, layoutExtents(map), { seed: options.seed });
    return { ok: true, files: [{ path: output, text: buildGraphml(map, positions, { language: options.language }) }] };
  }
  const paths = csvPairPaths(output);
  const written = writeCheckedCsvPair(map, options.language, { nodes: basename(paths.nodes), edges: basename(paths.edges) });
  if (!written.ok) return written;
  return { ok: true, files: [{ path: paths.nodes, text: written.pair.nodes }, { path: paths.edges, text: written.pair.edges }] };
}

export interface SpreadsheetArguments {
  readonly input: string;
  readonly output: string;
  readonly format: SpreadsheetOutput;
  readonly language: Language;
  readonly seed: string;
  readonly force: boolean;
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(() => true, () => false);
}

/**
 * Writes the files, each atomically, as main.ts writes one: nothing when the pair would not open
 * again, and neither file of a pair when either exists and --force is not given.
 */
export async function writeSpreadsheetOutput(map: ArgMap, args: SpreadsheetArguments, streams: Streams): Promise<number> {
  const made = spreadsheetFiles(map, args.format, args.output, args);
  if (!made.ok) {
    streams.err.write(`argmap: not writing ${args.output}: argmap could not open it again:\n`);
    for (const problem of made.problems) streams.err.write(`${formatProblem(problem, args.output)}\n`);
    return 1;
  }
  if (!args.force) {
    for (const file of made.files) {
      if (await exists(file.path)) {
        streams.err.write(`argmap: ${file.path} exists; use --force to replace it\n`);
        return 1;
      }
    }
  }
  for (const file of made.files) {
    const written = await writeAtomically({ output: file.path, content: file.text, input: args.input, force: args.force }, streams.writeContent);
    if (!written.ok) {
      streams.err.write(`argmap: ${written.message}\n`);
      return 1;
    }
    streams.out.write(`wrote ${file.path}\n`);
  }
  return 0;
}
