// @vitest-environment jsdom
/** Big maps draw on a canvas in the app, but their exports stay SVG: a 20,000-node export must still be a valid file. */
import { describe, expect, it } from 'vitest';
import { generateMap } from '../../bench/big-maps/generate.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import { buildSvg } from '../../src/export/svg.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { seededRandom } from '../../src/layout/random.ts';
import { treeSeededPositions } from '../../src/layout/tree-seed.ts';

const NODE_COUNT = 20_000;
/** jsdom parses the 22 MiB file in about 10 s on this 2-core machine. */
const PARSE_TIMEOUT_MS = 120_000;

describe('exporting a 20,000-node map as SVG', () => {
  const loaded = loadMapText(JSON.stringify(generateMap(NODE_COUNT, 1)));
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  const map = loaded.map;
  const extents = layoutExtents(map);
  // The export is built from data and positions whatever they are; the tree-seeded start spares settling 20,000 nodes here.
  const seeded = treeSeededPositions(map, extents, seededRandom('export'));
  const positions = map.nodes.map((node) => ({ id: node.id, ...seeded.get(node.id)! }));
  const svg = buildSvg(map, positions, { language: 'zh' });

  it('is well-formed XML with every node and edge drawn, and the whole map in its metadata', () => {
    const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(document.documentElement.localName).toBe('svg');
    expect(document.querySelectorAll('g[data-node-id]')).toHaveLength(NODE_COUNT);
    expect(document.querySelectorAll('[data-edge-id]')).toHaveLength(map.edges.length);
    const viewBox = (document.documentElement.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
    expect(viewBox).toHaveLength(4);
    expect(viewBox.every(Number.isFinite)).toBe(true);
    const embedded = JSON.parse(document.getElementsByTagName('metadata')[0]?.textContent ?? '') as { nodes: unknown[]; edges: unknown[] };
    expect(embedded.nodes).toHaveLength(NODE_COUNT);
    expect(embedded.edges).toHaveLength(map.edges.length);
  }, PARSE_TIMEOUT_MS);
});
