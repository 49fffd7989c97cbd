import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAif } from '../../src/core/formats/aif.ts';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { enumerateExtensions, namedExtensions } from '../../src/core/semantics/extensions.ts';
import { frameworkFromMap } from '../../src/core/semantics/framework.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { SEED_MAP_PATH } from '../support/seed.ts';
import { inProcess } from '../support/cli-in-process.ts';

const directory = mkdtempSync(join(tmpdir(), 'argmap-extensions-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the command and parses its one line of JSON. */
async function extensions(path: string, semantics: string): Promise<{ result: unknown; err: string }> {
  const { code, out, err } = await inProcess('extensions', path, '--semantics', semantics);
  expect(code, err).toBe(0);
  expect(out.endsWith('\n') && out.indexOf('\n') === out.length - 1, 'one line of output').toBe(true);
  return { result: JSON.parse(out) as unknown, err };
}

const EVEN_CYCLE_TGF = 'b\na\nc\n#\na b\nb a\nb c\n';

function map(nodes: readonly string[], edges: readonly (readonly [string, string, string, string])[]): string {
  return JSON.stringify({
    schemaVersion: 1,
    title: { en: 'test' },
    sources: [],
    actors: [],
    nodes: nodes.map((id) => ({ id, kind: 'claim', text: { en: id } })),
    edges: edges.map(([id, from, kind, to]) => ({ id, from, kind, to })),
  });
}

describe('argmap extensions', () => {
  it.each([
    ['grounded', [[]]],
    ['complete', [[], ['a', 'c'], ['b']]],
    ['preferred', [['a', 'c'], ['b']]],
    ['stable', [['a', 'c'], ['b']]],
  ])('prints the %s extensions of a TGF file as sorted JSON', async (semantics, expected) => {
    const { result, err } = await extensions(file('cycle.tgf', EVEN_CYCLE_TGF), semantics);
    expect(result).toEqual({ semantics, extensions: expected });
    expect(err).toBe('');
  });

  it('reads APX and I23 files, by extension or by content', async () => {
    expect((await extensions(file('x.apx', 'arg(b).\narg(a).\natt(a,b).\n'), 'grounded')).result).toEqual({ semantics: 'grounded', extensions: [['a']] });
    expect((await extensions(file('x.i23', 'p af 3\n1 2\n'), 'stable')).result).toEqual({ semantics: 'stable', extensions: [['1', '3']] });
    expect((await extensions(file('x.af', 'p af 2\n1 2\n2 1\n'), 'stable')).result).toEqual({ semantics: 'stable', extensions: [['1'], ['2']] });
    expect((await extensions(file('apx-in-disguise.txt', 'att(a,b).\narg(a).\narg(b).'), 'grounded')).result).toEqual({ semantics: 'grounded', extensions: [['a']] });
    expect((await extensions(file('i23-in-disguise', '# c\np af 1\n'), 'grounded')).result).toEqual({ semantics: 'grounded', extensions: [['1']] });
  });

  it('prints an empty list when there is no stable extension', async () => {
    expect((await extensions(file('odd.tgf', 'a\nb\nc\n#\na b\nb c\nc a'), 'stable')).result).toEqual({ semantics: 'stable', extensions: [] });
  });

  it('reports only node ids for an argmap map, with an undercut inference kept out of sight', async () => {
    const path = file('undercut.json', map(['p', 'c', 'u'], [['e-pc', 'p', 'attack', 'c'], ['e-u', 'u', 'undercut', 'e-pc']]));
    expect((await extensions(path, 'grounded')).result).toEqual({ semantics: 'grounded', extensions: [['c', 'p', 'u']] });
    const json = file('map-without-json-name', map(['x', 'y'], [['e', 'x', 'attack', 'y']]));
    expect((await extensions(json, 'complete')).result).toEqual({ semantics: 'complete', extensions: [['x']] });
  });

  it.each([
    ['Argdown', 'debate.argdown', '[Tea]: Tea is better.\n  - [Coffee]: Coffee tastes better.\n    - [Taste]: Taste is personal.\n'],
    ['Argdown without a telling name', 'debate', '[Tea]: Tea is better.\n  - [Coffee]: Coffee tastes better.\n    - [Taste]: Taste is personal.\n'],
    ['Kialo', 'debate.txt', 'Discussion Title: Tea or coffee?\n\n1. Tea is better.\n1.1. Con: Coffee tastes better.\n1.1.1. Con: Taste is personal.\n'],
    ['AIF', 'debate.aif.json', 'aif'],
    ['argmap SVG', 'debate.svg', 'svg'],
  ])('reads %s, as stats does, with the same extensions as the map read in the core', async (_, name, content) => {
    const small = map(['p', 'q', 'r'], [['e1', 'q', 'attack', 'p'], ['e2', 'r', 'attack', 'q']]);
    const loaded = loadMapText(small);
    if (!loaded.ok) throw new Error('fixture');
    const text =
      content === 'aif' ? exportAif(loaded.map, { language: 'en' })
      : content === 'svg' ? buildSvg(loaded.map, settleLayout(loaded.map, layoutExtents(loaded.map)), { language: 'en' })
      : content;
    const path = file(name, text);
    const read = readMapBytes(new TextEncoder().encode(text));
    expect(read.result.ok, JSON.stringify(read.result)).toBe(true);
    if (!read.result.ok) return;
    const { framework, nodeCount } = frameworkFromMap(read.result.map);
    const expected = namedExtensions(framework, enumerateExtensions(framework, 'grounded').extensions, nodeCount);
    const { result } = await extensions(path, 'grounded');
    expect(result).toEqual({ semantics: 'grounded', extensions: expected });
    expect((result as { extensions: string[][] }).extensions[0]!.length).toBeGreaterThan(1);
  });

  it('lets an .argdown name decide, as stats does, for prose that no content sniffing calls Argdown', async () => {
    const path = file('prose.argdown', 'Tea is better than coffee.\n');
    const { result } = await extensions(path, 'grounded');
    expect((result as { extensions: string[][] }).extensions).toHaveLength(1);
    expect((result as { extensions: string[][] }).extensions[0]).toHaveLength(1);
  });

  it('reads the seed map', async () => {
    const { result } = await extensions(SEED_MAP_PATH, 'preferred');
    const { extensions: found } = result as { extensions: string[][] };
    expect(found.length).toBeGreaterThan(0);
    for (const extension of found) expect([...extension].sort()).toEqual(extension);
  });

  it('still prints valid JSON when the search is capped, says so on stderr, and exits 0', async () => {
    // Nine independent even cycles: 3^9 = 19,683 complete extensions, over the cap of 10,000.
    const lines = Array.from({ length: 9 }, (_, i) => `att(a${i},b${i}).\natt(b${i},a${i}).\narg(a${i}).\narg(b${i}).`);
    const { code, out, err } = await inProcess('extensions', file('cycles.apx', lines.join('\n')), '--semantics', 'complete');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { semantics: string; extensions: string[][]; complete: boolean };
    expect(result.complete).toBe(false);
    expect(result.extensions).toHaveLength(10_000);
    expect(err).toMatch(/cycles\.apx: search stopped at 10000 extensions .*"complete": false/);
  });

  it('reports a malformed file with located errors on stderr and exit 1', async () => {
    const result = await inProcess('extensions', file('bad.apx', 'arg(a).\natt(a,b).\n'), '--semantics', 'grounded');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/bad\.apx:2:7: error: unknown argument "b"/);
  });

  it('reports a malformed I23 header and an invalid map the same way', async () => {
    const i23 = await inProcess('extensions', file('bad.i23', 'p af 2\np af 3\n'), '--semantics', 'stable');
    expect(i23.code).toBe(1);
    expect(i23.err).toMatch(/bad\.i23:2:1: error: a second `p af` header/);
    const json = await inProcess('extensions', file('bad.json', '{\n  "nodes": ['), '--semantics', 'stable');
    expect(json.code).toBe(1);
    expect(json.err).toMatch(/bad\.json:2:\d+: error: /);
  });

  it('reports a missing file and a non-UTF-8 file', async () => {
    const missing = await inProcess('extensions', join(directory, 'nope.tgf'), '--semantics', 'grounded');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such file');
    const latin1 = await inProcess('extensions', file('latin1.tgf', new Uint8Array([0x61, 0x0a, 0xe9, 0x0a])), '--semantics', 'grounded');
    expect(latin1.code).toBe(1);
    expect(latin1.err).toMatch(/latin1\.tgf:2:1: error: the file is not valid UTF-8/);
  });

  it.each([
    [['extensions']],
    [['extensions', 'x.tgf']],
    [['extensions', 'x.tgf', '--semantics']],
    [['extensions', 'x.tgf', '--semantics', 'ideal']],
    [['extensions', 'x.tgf', 'y.tgf', '--semantics', 'stable']],
    [['extensions', 'x.tgf', '--semantic', 'stable']],
  ])('usage errors exit 2 with the usage line: %j', async (args) => {
    const result = await inProcess(...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^argmap: .+\nusage: argmap extensions FILE --semantics grounded\|complete\|preferred\|stable\n$/);
  });

  it('is listed in the general usage', async () => {
    const result = await inProcess('--help');
    expect(result.out).toContain('argmap extensions FILE --semantics grounded|complete|preferred|stable');
  });
});
