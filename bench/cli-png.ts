/**
 * What the CLI's PNG costs against its SVG of the same map: the generated 800-claim map (seeded,
 * bench/big-maps/generate.ts) rendered by the real executable, `argmap render MAP -o OUT.svg`
 * and `-o OUT.png`, alternately, each run a fresh process (start-up, reading, layout, drawing and
 * writing all counted, as a user waits for them). The target: PNG at most 3× SVG, by medians.
 *
 *   npx tsx bench/cli-png.ts [--runs 3] [--strict]
 *
 * Writes its section of bench/RESULTS.md; `--strict` exits with status 1 when the target is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, option, writeResultsSection } from './bench-support.ts';
import { generateMap } from './big-maps/generate.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(PROJECT_ROOT, 'bin', 'argmap.js');
const START = '<!-- cli-png:start -->';
const END = '<!-- cli-png:end -->';
const CLAIMS = 800;
const TARGET_RATIO = 3;
const RUNS = option('--runs', 3);
const STRICT = process.argv.includes('--strict');

/** One `argmap render` in a fresh process: wall time in ms, and the size of what it wrote. */
function render(map: string, output: string): { ms: number; bytes: number } {
  rmSync(output, { force: true });
  const started = performance.now();
  execFileSync(process.execPath, [BIN, 'render', map, '-o', output], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { ms: performance.now() - started, bytes: statSync(output).size };
}

function main(): number {
  const folder = mkdtempSync(path.join(tmpdir(), 'argmap-cli-png-bench-'));
  try {
    const map = path.join(folder, 'map.json');
    writeFileSync(map, JSON.stringify(generateMap(CLAIMS, 1)));
    const loadBefore = loadavg()[0]!;
    const svg: number[] = [];
    const png: number[] = [];
    let sizes = { svg: 0, png: 0, width: 0, height: 0 };
    // A warm-up pair fills the file cache; then SVG and PNG alternate, so a busy moment hits both.
    render(map, path.join(folder, 'warm.svg'));
    for (let run = 0; run < RUNS; run += 1) {
      const pictureSvg = render(map, path.join(folder, 'map.svg'));
      const picturePng = render(map, path.join(folder, 'map.png'));
      svg.push(pictureSvg.ms);
      png.push(picturePng.ms);
      const header = readFileSync(path.join(folder, 'map.png'));
      sizes = { svg: pictureSvg.bytes, png: picturePng.bytes, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
    }
    const ratio = median(png) / median(svg);
    const passed = ratio <= TARGET_RATIO;
    const when = new Date().toISOString().replace(/:\d\d\.\d+Z$/, ' UTC').replace('T', ' ');
    const seconds = (ms: number): string => (ms / 1000).toFixed(2);
    const section = [
      START,
      '## CLI: PNG against SVG (issue 12)',
      '',
      `Measured ${when} on ${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}; one-minute load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end. Rerun: \`npx tsx bench/cli-png.ts --runs ${RUNS}\` (also part of \`npm run bench\`).`,
      '',
      `The generated ${CLAIMS}-claim map (bench/big-maps/generate.ts, seed 1), rendered by the real executable as \`argmap render map.json -o map.svg\` and \`-o map.png\` (scale 1: ${sizes.width} × ${sizes.height} px), ${RUNS} runs each, alternating, after one warm-up run; each run is a fresh process, so start-up, reading, layout, drawing and writing are all counted. Before this change the PNG of this map took 3 min 9 s (measured once, 2026-12-07 02:27 UTC, load about 7): resvg loaded every system font and read the 19 MB CJK collection again for each of the map’s 18,000 glyphs.`,
      '',
      '| output | median (s) | runs (s) | file size |',
      '| --- | ---: | --- | ---: |',
      `| SVG | ${seconds(median(svg))} | ${svg.map(seconds).join(', ')} | ${(sizes.svg / 1e6).toFixed(1)} MB |`,
      `| PNG | ${seconds(median(png))} | ${png.map(seconds).join(', ')} | ${(sizes.png / 1e6).toFixed(1)} MB |`,
      '',
      `**PNG/SVG: ${ratio.toFixed(2)}×** (target ≤ ${TARGET_RATIO}×): ${passed ? 'pass' : 'MISSED'}.`,
      END,
    ].join('\n');
    console.log(section.split('\n').slice(1, -1).join('\n'));
    writeResultsSection(START, END, section);
    return STRICT && !passed ? 1 : 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

process.exitCode = main();
