/**
 * Does every importer take time linear in its input? Each case reads a worst-case-shaped input
 * (bench/importer-inputs.ts) at sizes n, 2n and 4n; a linear importer takes about twice as long
 * for twice the input (n log n slightly more), a quadratic one four times. The ratio compares two
 * runs of the same importer in the same process, so machine load cancels out as far as it can.
 *
 *   node --expose-gc --import tsx bench/importer-scaling.ts [--runs 3] [--scale 1] [--only kialo] [--strict]
 *
 * Each time is the fastest of `--runs` reads (the least disturbed by other processes), after
 * one warm-up read at the smallest size; with --expose-gc, garbage is collected before each read
 * so one read does not pay for the last one's. `--scale` multiplies every n; `--only` keeps the cases
 * whose importer name contains its text (any case). `--strict` exits with
 * status 1 when an importer is super-linear (see MAX_RATIO). Prints a Markdown table for bench/RESULTS.md.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { importAif } from '../src/core/formats/aif.ts';
import { parseArgdown } from '../src/core/formats/argdown/index.ts';
import { readArgmapSvg } from '../src/core/formats/argmap-svg.ts';
import { parseIccma } from '../src/core/formats/iccma.ts';
import { importKialo } from '../src/core/formats/kialo.ts';
import { loadMapText } from '../src/core/load-map.ts';
import * as inputs from './importer-inputs.ts';

/**
 * Over 3 the time grows clearly faster than n log n (about 2.1); a quadratic importer gives 4.
 * An importer is called super-linear when both of its ratios are over it: a machine busy with
 * other work can lift one ratio that far, but rarely both.
 */
const MAX_RATIO = 3;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!(value > 0)) throw new Error(`${name} takes a positive number`);
  return value;
}
const RUNS = Math.round(option('--runs', 3));
const SCALE = option('--scale', 1);
const STRICT = process.argv.includes('--strict');
const ONLY = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').toLowerCase() : '';

interface ScalingCase {
  readonly name: string;
  /** The shape of the input, for the table. */
  readonly shape: string;
  readonly n: number;
  readonly input: (n: number) => string;
  /** Reads the input; returns whether a map (or framework) came out, for the table. */
  readonly read: (text: string) => boolean;
}

const CASES: readonly ScalingCase[] = [
  { name: 'Kialo', shape: 'chain of `-> See` cross-links, each naming the next', n: 8000, input: inputs.kialoSeeChain, read: (text) => importKialo(text).map !== undefined },
  { name: 'Kialo', shape: 'one claim of `[a](` links that never close', n: 200000, input: inputs.kialoUnclosedLinks, read: (text) => importKialo(text).map !== undefined },
  { name: 'argmap JSON', shape: 'valid map, n claims and n − 1 edges', n: 8000, input: inputs.argmapJson, read: (text) => loadMapText(text).ok },
  { name: 'argmap JSON', shape: 'one n-character key over n/4 items', n: 1000000, input: inputs.argmapJsonLongKey, read: (text) => loadMapText(text).ok },
  { name: 'argmap SVG', shape: 'export of n claims, metadata full of entities', n: 6000, input: inputs.argmapSvg, read: (text) => readArgmapSvg(text).ok },
  { name: 'argmap SVG', shape: 'n comments, CDATA sections, instructions and tags before the metadata', n: 20000, input: inputs.argmapSvgMarkup, read: (text) => readArgmapSvg(text).ok },
  { name: 'Argdown', shape: 'n statements with relations, n/10 arguments', n: 2000, input: inputs.argdown, read: (text) => parseArgdown(text).map !== undefined },
  { name: 'Argdown', shape: 'n statements each mentioning and attacking one', n: 2000, input: inputs.argdownOneHub, read: (text) => parseArgdown(text).map !== undefined },
  { name: 'Argdown', shape: 'one statement of n lines of tags, mentions, escapes', n: 2000, input: inputs.argdownLongStatement, read: (text) => parseArgdown(text).map !== undefined },
  { name: 'AIF', shape: 'AIFdb nodeset, n I-nodes and n − 1 RA/CA nodes', n: 4000, input: inputs.aif, read: (text) => importAif(text).map !== undefined },
  { name: 'AIF', shape: 'n premises of one conclusion, each asserted by a locution', n: 2000, input: inputs.aifOneHub, read: (text) => importAif(text).map !== undefined },
  { name: 'ICCMA APX', shape: 'n arguments, 3n attacks before the arguments', n: 40000, input: inputs.iccmaApx, read: (text) => parseIccma(text, 'apx').ok },
  { name: 'ICCMA TGF', shape: 'n arguments, 3n attacks', n: 40000, input: inputs.iccmaTgf, read: (text) => parseIccma(text, 'tgf').ok },
  { name: 'ICCMA I23', shape: 'n arguments, 3n attacks', n: 40000, input: inputs.iccmaI23, read: (text) => parseIccma(text, 'i23').ok },
];

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function fastest(read: () => boolean): { ms: number; ok: boolean } {
  let best = Number.POSITIVE_INFINITY;
  let ok = false;
  for (let run = 0; run < RUNS; run += 1) {
    collectGarbage();
    const start = performance.now();
    ok = read();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, ok };
}

interface Measured {
  readonly scalingCase: ScalingCase;
  readonly sizes: readonly { readonly n: number; readonly kilobytes: number; readonly ms: number; readonly ok: boolean }[];
  readonly ratios: readonly number[];
}

function measure(scalingCase: ScalingCase): Measured {
  const base = Math.max(4, Math.round(scalingCase.n * SCALE));
  const warmUp = scalingCase.input(base);
  scalingCase.read(warmUp);
  const sizes = [base, 2 * base, 4 * base].map((n) => {
    const text = scalingCase.input(n);
    const { ms, ok } = fastest(() => scalingCase.read(text));
    return { n, kilobytes: text.length / 1024, ms, ok };
  });
  const ratios = sizes.slice(1).map((size, index) => size.ms / sizes[index]!.ms);
  return { scalingCase, sizes, ratios };
}

const format = (value: number, digits = 0): string => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const results: Measured[] = [];
for (const scalingCase of CASES.filter(({ name }) => name.toLowerCase().includes(ONLY))) {
  const measured = measure(scalingCase);
  results.push(measured);
  const [small, , large] = measured.sizes;
  console.error(`${scalingCase.name} (${scalingCase.shape}): ${format(small!.ms, 1)} ms → ${format(large!.ms, 1)} ms, ratios ${measured.ratios.map((ratio) => ratio.toFixed(2)).join(', ')}`);
}

console.log(`Run on ${new Date().toISOString()}, ${cpus().length} cores, load ${loadavg().map((load) => load.toFixed(1)).join(' ')}, fastest of ${RUNS} runs.\n`);
console.log('| Importer | Input shape | n | size at n (KB) | t(n) ms | t(2n) ms | t(4n) ms | t(2n)/t(n) | t(4n)/t(2n) | map read |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|');
for (const { scalingCase, sizes, ratios } of results) {
  const [small, middle, large] = sizes;
  console.log(
    `| ${scalingCase.name} | ${scalingCase.shape} | ${format(small!.n)} | ${format(small!.kilobytes)} | ${format(small!.ms, 1)} | ${format(middle!.ms, 1)} | ${format(large!.ms, 1)} ` +
      `| ${ratios[0]!.toFixed(2)} | ${ratios[1]!.toFixed(2)} | ${sizes.every((size) => size.ok) ? 'yes' : 'no (located problems)'} |`,
  );
}
const superLinear = results.filter(({ ratios }) => ratios.every((ratio) => ratio > MAX_RATIO));
if (superLinear.length > 0) {
  console.error(`super-linear (both ratios over ${MAX_RATIO}): ${superLinear.map(({ scalingCase }) => `${scalingCase.name} (${scalingCase.shape})`).join('; ')}`);
  if (STRICT) process.exitCode = 1;
}
