import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSvg } from '../../src/export/svg.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { loadSeedMap, SEED_MAP_PATH } from '../support/seed.ts';
import { inProcess } from '../support/cli-in-process.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/argmap.js', import.meta.url).pathname;
const SEED = SEED_MAP_PATH;
const directory = mkdtempSync(join(tmpdir(), 'argmap-cli-'));

function file(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the real `argmap` executable, as a person would through `npx argmap`. */
async function argmap(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('argmap CLI', () => {
  it('validate: the seed map is valid, with its quotes checked against the article (real executable)', async () => {
    const result = await argmap('validate', SEED);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid');
    expect(result.stderr).toBe('');
  }, 30_000);

  it('validate: a broken quote is reported with its pointer and node id', async () => {
    const map = JSON.parse(readFileSync(SEED, 'utf8')) as { nodes: { quote?: { text: string } }[] };
    mkdirSync(join(directory, 'sources'), { recursive: true });
    copyFileSync(join(dirname(SEED), 'sources/hundred-model-war.txt'), join(directory, 'sources/hundred-model-war.txt'));
    const index = map.nodes.findIndex((node) => node.quote);
    map.nodes[index]!.quote!.text = '这句话不在文章里';
    const result = await inProcess('validate', file('bad-quote.json', JSON.stringify(map)));
    expect(result.code).toBe(1);
    expect(result.err).toContain(`/nodes/${index}/quote/text`);
    expect(result.err).toContain('not verbatim');
    expect(result.out).toMatch(/bad-quote\.json: invalid \(1 error\)/);
  });

  it('validate: a syntax error has line and column, and never a stack trace', async () => {
    const result = await argmap('validate', file('truncated.json', '{\n  "nodes": ['));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/truncated\.json:2:\d+: error: /);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('validate: duplicate and dangling ids name the offending id; every file is reported', async () => {
    const duplicate = file('duplicate.json', JSON.stringify({
      schemaVersion: 1, title: { en: 'd' }, sources: [], actors: [],
      nodes: [{ id: 'n1', kind: 'claim', text: { en: 'a' } }, { id: 'n1', kind: 'claim', text: { en: 'b' } }], edges: [],
    }));
    const dangling = file('dangling.json', JSON.stringify({
      schemaVersion: 1, title: { en: 'd' }, sources: [], actors: [],
      nodes: [{ id: 'n1', kind: 'claim', text: { en: 'a' } }], edges: [{ id: 'e1', from: 'n1', to: 'ghost', kind: 'support' }],
    }));
    const result = await inProcess('validate', duplicate, dangling, SEED);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/duplicate\.json.*\/nodes\/1\/id.*"n1"/);
    expect(result.err).toMatch(/dangling\.json.*\/edges\/0\/to.*"ghost"/);
    expect(result.out).toContain(`${SEED}: valid`);
  });

  it('validate: a missing file is an error, not a crash', async () => {
    const result = await inProcess('validate', join(directory, 'nope.json'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('no such file');
  });

  it('render writes the same SVG as the app’s export for the deterministic layout (real executable)', async () => {
    const output = join(directory, 'seed.svg');
    const result = await argmap('render', SEED, '-o', output, '--lang', 'en');
    expect(result.code).toBe(0);
    const seed = loadSeedMap();
    expect(readFileSync(output, 'utf8')).toBe(buildSvg(seed, settleLayout(seed, layoutExtents(seed)), { language: 'en' }));
  }, 30_000);

  it('render refuses an invalid map with exit 1 and located errors', async () => {
    const result = await inProcess('render', file('empty.json', ''), '-o', join(directory, 'x.svg'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('empty');
  });

  it('render writes a PNG of the same picture (real executable)', async () => {
    const output = join(directory, 'seed.png');
    const result = await argmap('render', SEED, '-o', output, '--scale', '2');
    expect(result.code).toBe(0);
    const png = readFileSync(output);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const seed = loadSeedMap();
    const svg = buildSvg(seed, settleLayout(seed, layoutExtents(seed)), { language: 'zh' });
    const svgWidth = Number(/width="([\d.]+)"/.exec(svg)![1]);
    // The PNG's IHDR width is the SVG's width at the asked scale.
    expect(png.readUInt32BE(16)).toBe(Math.ceil(svgWidth * 2));
  }, 60_000);

  it('convert writes AIF and Argdown that read back to the same nodes, edge kinds and actors', async () => {
    const seed = loadSeedMap();
    for (const [name, language] of [['seed.aif.json', 'en'], ['seed.argdown', 'zh']] as const) {
      const output = join(directory, name);
      expect((await inProcess('convert', SEED, '-o', output, '--lang', language)).code).toBe(0);
      const back = join(directory, `${name}.back.json`);
      expect((await inProcess('convert', output, '-o', back)).code).toBe(0);
      const reread = JSON.parse(readFileSync(back, 'utf8')) as { nodes: { id: string; text: unknown }[]; edges: { kind: string }[]; actors: unknown[] };
      expect(reread.nodes.map((node) => node.text)).toEqual(seed.nodes.map((node) => node.text));
      expect(reread.edges.map((edge) => edge.kind).sort()).toEqual(seed.edges.map((edge) => edge.kind).sort());
      expect(reread.actors).toHaveLength(seed.actors.length);
    }
  });

  it('stats prints one JSON object with counts, for argmap JSON and for other formats', async () => {
    const seed = loadSeedMap();
    const result = await inProcess('stats', SEED);
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.out) as { format: string; nodes: number; edges: number; edgesByKind: Record<string, number>; actors: number };
    expect(stats).toEqual({
      format: 'argmap-json',
      nodes: seed.nodes.length,
      edges: seed.edges.length,
      edgesByKind: {
        support: seed.edges.filter((edge) => edge.kind === 'support').length,
        attack: seed.edges.filter((edge) => edge.kind === 'attack').length,
        undercut: seed.edges.filter((edge) => edge.kind === 'undercut').length,
        answer: seed.edges.filter((edge) => edge.kind === 'answer').length,
        rephrase: seed.edges.filter((edge) => edge.kind === 'rephrase').length,
      },
      actors: seed.actors.length,
    });
    const kialo = file('debate.txt', 'Discussion Title: Tea or coffee?\n\n1. Tea is better.\n1.1. Pro: It has less caffeine.\n1.2. Con: Coffee tastes better.\n');
    const kialoStats = JSON.parse((await inProcess('stats', kialo)).out) as { format: string; edgesByKind: Record<string, number> };
    expect(kialoStats.format).toBe('kialo');
    expect(kialoStats.edgesByKind['support']).toBe(1);
    expect(kialoStats.edgesByKind['attack']).toBe(1);
  });

  it('reads a file of the wrong kind with a clear message', async () => {
    const png = file('picture.png', '\x89PNG\r\n\x1a\n0000');
    const result = await inProcess('stats', png);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/looks like/);
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['validate']],
    [['render', SEED]],
    [['render', SEED, '-o']],
    [['render', SEED, '-o', 'out.txt']],
    [['render', SEED, '-o', 'out.json']],
    [['convert', SEED, '-o', 'out.unknown']],
    [['convert', SEED, '-o', 'out.json', '--to', 'pdf']],
    [['render', SEED, '-o', 'out.png', '--scale', '3']],
    [['stats']],
    [['render', SEED, '-o', 'out.svg', '--lang', 'fr']],
    [['render', SEED, '-o', 'out.svg', '--colour']],
  ])('usage errors exit 2 with a usage line: %j', async (args) => {
    const result = await inProcess(...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    // One line saying what is wrong, one usage line: the command's own, or the list of commands.
    const command = ['validate', 'render', 'convert', 'stats'].includes(args[0] ?? '') ? args[0]! : 'validate|render|convert|stats|extensions|serve';
    expect(result.err).toMatch(new RegExp(`^argmap: [^\\n]+\\nusage: argmap ${command.replaceAll('|', '\\|')} [^\\n]*\\n$`));
  });
});
