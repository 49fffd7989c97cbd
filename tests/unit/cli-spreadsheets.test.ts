// @vitest-environment jsdom
/** `argmap convert` to and from a CSV pair, and to GraphML; `stats` and `validate` read a pair from either file. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvPairPaths } from '../../src/cli/spreadsheet-formats.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { makeMap } from '../support/make-map.ts';
import { inProcess as argmap } from '../support/cli-in-process.ts';

const MAP = makeMap([['q', 'question'], 'a', 'b'], [['e1', 'a', 'q', 'answer'], ['e2', 'b', 'a', 'attack']], (id) => `text of ${id}, "quoted"`);

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'argmap-cli-csv-'));
}

describe('argmap convert and CSV pairs', () => {
  it('--to csv writes map.nodes.csv and map.edges.csv next to -o, which convert, stats and validate read back', async () => {
    const dir = folder();
    const input = join(dir, 'map.json');
    writeFileSync(input, serializeMap(MAP));
    const converted = await argmap('convert', input, '-o', join(dir, 'out.csv'));
    expect(converted).toMatchObject({ code: 0, err: '' });
    expect(converted.out).toBe(`wrote ${join(dir, 'out.nodes.csv')}\nwrote ${join(dir, 'out.edges.csv')}\n`);
    expect(readFileSync(join(dir, 'out.edges.csv'), 'utf8')).toBe('\uFEFFID,From,To,Type,Group\r\ne1,a,q,answer,\r\ne2,b,a,attack,\r\n');

    const stats = await argmap('stats', join(dir, 'out.edges.csv'));
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ format: 'csv', nodes: 3, edges: 2 });
    expect((await argmap('validate', join(dir, 'out.nodes.csv'))).code).toBe(0);

    expect((await argmap('convert', join(dir, 'out.nodes.csv'), '-o', join(dir, 'back.json'))).code).toBe(0);
    const back = loadMapText(readFileSync(join(dir, 'back.json'), 'utf8'));
    expect(back.ok && back.map.nodes.map((node) => [node.id, node.text])).toEqual(MAP.nodes.map((node) => [node.id, node.text]));
    expect(back.ok && back.map.edges).toEqual(MAP.edges);
  });

  it('names the pair from -o whichever way it is written', () => {
    expect(csvPairPaths('/d/map.csv')).toEqual({ nodes: '/d/map.nodes.csv', edges: '/d/map.edges.csv' });
    expect(csvPairPaths('/d/map.nodes.csv')).toEqual({ nodes: '/d/map.nodes.csv', edges: '/d/map.edges.csv' });
    expect(csvPairPaths('map')).toEqual({ nodes: 'map.nodes.csv', edges: 'map.edges.csv' });
  });

  it('replaces neither file of a pair without --force', async () => {
    const dir = folder();
    const input = join(dir, 'map.json');
    writeFileSync(input, serializeMap(MAP));
    writeFileSync(join(dir, 'out.edges.csv'), 'keep me');
    const refused = await argmap('convert', input, '--to', 'csv', '-o', join(dir, 'out'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('out.edges.csv exists; use --force');
    expect(existsSync(join(dir, 'out.nodes.csv'))).toBe(false);
    expect(readFileSync(join(dir, 'out.edges.csv'), 'utf8')).toBe('keep me');
    expect((await argmap('convert', input, '--to', 'csv', '-o', join(dir, 'out'), '--force')).code).toBe(0);
  });

  it('a missing sibling and a bad row are named with their file (and line)', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'lone.nodes.csv'), 'ID,Label\na,A\n');
    const lone = await argmap('validate', join(dir, 'lone.nodes.csv'));
    expect(lone.code).toBe(1);
    expect(lone.err).toContain(`${join(dir, 'lone.edges.csv')}: error: a CSV pair needs lone.edges.csv beside lone.nodes.csv`);

    writeFileSync(join(dir, 'bad.nodes.csv'), 'ID,Label\na,A\nb,B\n');
    writeFileSync(join(dir, 'bad.edges.csv'), 'From,To,Type\nb,a,support\nb,ghost,attack\n');
    const bad = await argmap('stats', join(dir, 'bad.nodes.csv'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(new RegExp(`^${join(dir, 'bad.edges.csv').replaceAll('.', '\\.')}:3: error: .*"ghost"`, 'm'));
  });
});

describe('argmap convert --to graphml', () => {
  it('writes a well-formed GraphML file with every node placed and every edge', async () => {
    const dir = folder();
    const input = join(dir, 'map.json');
    writeFileSync(input, serializeMap(MAP));
    expect((await argmap('convert', input, '-o', join(dir, 'map.graphml'))).code).toBe(0);
    const document = new DOMParser().parseFromString(readFileSync(join(dir, 'map.graphml'), 'utf8'), 'application/xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    const nodes = [...document.getElementsByTagName('node')];
    expect(nodes.map((node) => node.getAttribute('id'))).toEqual(['q', 'a', 'b']);
    for (const node of nodes) {
      const x = [...node.children].find((child) => child.getAttribute('key') === 'x')?.textContent;
      expect(Number.isFinite(Number(x)) && x !== '').toBe(true);
    }
    expect([...document.getElementsByTagName('edge')].map((edge) => edge.getAttribute('id'))).toEqual(['e1', 'e2']);
  });
});
