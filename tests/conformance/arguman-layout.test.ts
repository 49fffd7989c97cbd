/**
 * The Arguman debate graphs (real, large and mostly disconnected: 20 debates each) open and lay out.
 * Scraped from arguman.org with no stated licence, so they stay outside the repository: read from
 * CORPORA_DIR (debate-graphs-arguman/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { parseCsv, readArgumanGraph } from '../support/arguman.ts';
import { overlappingPairs } from '../support/layout-quality.ts';
import { loaded } from '../support/load-result.ts';
import { outsideCorpus } from './corpora-dir.ts';

const ARGUMAN_DIR = outsideCorpus('debate-graphs-arguman');

function csvRows(name: string): string[][] {
  return parseCsv(readFileSync(join(ARGUMAN_DIR, name), 'utf8')).slice(1);
}

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
