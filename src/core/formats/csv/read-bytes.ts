/**
 * A CSV pair from the files' bytes, as the CLI, the page and the reading worker get them: each file
 * must be UTF-8 (a spreadsheet's "CSV UTF-8") within the size limit; problems name the file.
 */
import { MAX_FILE_BYTES } from '../../load-map.ts';
import type { ReadResult } from '../read-map.ts';
import { importCsvPair } from './read.ts';

export interface CsvFileBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CsvPairBytes {
  readonly nodes: CsvFileBytes;
  readonly edges: CsvFileBytes;
}

function refused(message: string, file: string): ReadResult {
  return { format: 'csv', result: { ok: false, problems: [{ severity: 'error', message, file }] } };
}

export function readCsvPairBytes(pair: CsvPairBytes): ReadResult {
  const texts: string[] = [];
  for (const file of [pair.nodes, pair.edges]) {
    if (file.bytes.length > MAX_FILE_BYTES) return refused(`the file is ${file.bytes.length} bytes; argmap opens files up to ${MAX_FILE_BYTES} bytes`, file.name);
    try {
      texts.push(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
    } catch {
      return refused('the file is not UTF-8 text; save the sheet as "CSV UTF-8"', file.name);
    }
  }
  const imported = importCsvPair({ nodes: { name: pair.nodes.name, text: texts[0]! }, edges: { name: pair.edges.name, text: texts[1]! } });
  const failed = imported.map === undefined || imported.problems.some((problem) => problem.severity === 'error');
  return { format: 'csv', result: failed ? { ok: false, problems: imported.problems } : { ok: true, map: imported.map!, warnings: imported.problems } };
}
