/**
 * The Arguman debate graphs (real, large and mostly disconnected: 20 debates each) open and lay out.
 * Read from the shared corpora (CORPORA_DIR, or ../shared/corpora beside the project); a missing
 * folder fails the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { argumanMap, parseCsv, readArgumanGraph } from '../support/arguman.ts';
import { overlappingPairs } from '../support/layout-quality.ts';
import { loaded } from '../support/load-result.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ARGUMAN_DIR = join(resolve(PROJECT_ROOT, process.env['CORPORA_DIR'] ?? '../shared/corpora'), 'debate-graphs-arguman');


function csvRows(name: string): string[][] {
  return parseCsv(readFileSync(join(ARGUMAN_DIR, name), 'utf8')).slice(1);
}

describe('the Arguman test loader', () => {
  it('finds the corpus', () => {
    expect(existsSync(join(ARGUMAN_DIR, 'am-ch_nodes.csv')), `no Arguman graphs in ${ARGUMAN_DIR}: set CORPORA_DIR to the folder holding debate-graphs-arguman`).toBe(true);
  });

  it('reads quoted CSV fields with commas, doubled quotes, line breaks and CRLF rows', () => {
    expect(parseCsv('n,label\r\n1," a, ""b""\nc"\r\n2,d')).toEqual([['n', 'label'], ['1', ' a, "b"\nc'], ['2', 'd']]);
    expect(() => parseCsv('n\n"open')).toThrow('the CSV ends inside a quoted field');
  });

  it('maps weights to stances: 1.0 support, -1.0 attack, -0.5 an attack with the scheme "however"', () => {
    const nodes = 'n,url,label,description\n0,a," Root",""\n1,b," Because",""\n2,c," But",""\n3,d," However",""\n';
    const edges = 'n1,n2,weight\n1,0,1.0\n2,0,-1.0\n3,0,-0.5\n';
    const { map } = loaded(argumanMap(nodes, edges, 'am-en'));
    expect(map.nodes[0]).toEqual({ id: 'n0', kind: 'claim', text: { en: 'Root' } });
    expect(map.edges).toEqual([
      { id: 'e1', from: 'n1', to: 'n0', kind: 'support' },
      { id: 'e2', from: 'n2', to: 'n0', kind: 'attack' },
      { id: 'e3', from: 'n3', to: 'n0', kind: 'attack', scheme: 'however' },
    ]);
    expect(() => argumanMap(nodes, 'n1,n2,weight\n1,0,0.5\n', 'am-en')).toThrow('edge row 2 has the weight 0.5, which is no Arguman stance');
  });
});

describe('Arguman graphs open and lay out', () => {
  it('the Chinese graph opens: 717 claims in Chinese and an edge per CSV row, with its stance', () => {
    const { map, warnings } = loaded(readArgumanGraph(ARGUMAN_DIR, 'am-ch'));
    expect(warnings).toEqual([]);
    expect(map.nodes).toHaveLength(717);
    expect(map.nodes.every((node) => node.text.zh !== undefined && node.text.en === undefined)).toBe(true);
    const rows = csvRows('am-ch_edges.csv');
    expect(map.edges).toHaveLength(rows.length);
    const count = (weight: string) => rows.filter((row) => row[2] === weight).length;
    expect(map.edges.filter((edge) => edge.kind === 'support')).toHaveLength(count('1.0'));
    expect(map.edges.filter((edge) => edge.scheme === 'however')).toHaveLength(count('-0.5'));
    expect(map.edges.filter((edge) => edge.kind === 'attack')).toHaveLength(count('-1.0') + count('-0.5'));
  });

  it('the English graph lays out with finite positions and no overlapping labels', () => {
    const { map } = loaded(readArgumanGraph(ARGUMAN_DIR, 'am-en'));
    expect(map.nodes).toHaveLength(184);
    const positions = settleLayout(map, layoutExtents(map));
    expect(positions.every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(overlappingPairs(positions, layoutExtents(map))).toEqual([]);
  });

  it('the Chinese graph lays out with finite positions and no overlapping labels', () => {
    const { map } = loaded(readArgumanGraph(ARGUMAN_DIR, 'am-ch'));
    const positions = settleLayout(map, layoutExtents(map));
    expect(positions).toHaveLength(717);
    expect(positions.every(({ x, y }) => Number.isFinite(x) && Number.isFinite(y))).toBe(true);
    expect(overlappingPairs(positions, layoutExtents(map))).toEqual([]);
  });
});
