/** What the benchmarks share: their command-line counts, medians, and their sections of bench/RESULTS.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');

/** A positive whole number given as `name N` on the command line, or the fallback. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number`);
  return value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Puts the section (from its `start` to its `end` marker) into RESULTS.md in place of the last one,
 * or at the end when there is none yet; other benchmarks rewrite the rest.
 */
export function writeResultsSection(start: string, end: string, section: string): void {
  let text = '';
  try {
    text = readFileSync(RESULTS, 'utf8');
  } catch {
    // No results yet: the section is the file.
  }
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}` : `${text.trimEnd()}${text === '' ? '' : '\n\n'}${section}\n`;
  writeFileSync(RESULTS, next);
}
