// Reading a chosen file off the page's thread hands the session the map and its measured boxes;
// the session draws with those boxes and keeps them through edits that leave the nodes alone.
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { linksOfMap } from '../../src/core/edge-links.ts';
import { readMapBytes } from '../../src/core/formats/read-map.ts';
import { extentsOf, measureLanguages } from '../../src/layout/node-boxes.ts';
import { fileParts, joinParts, measureMap, readFileBytes, readOpenedFile, WORKER_MIN_BYTES } from '../../src/ui/map-reader.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { SMALL_MAP } from './fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('reading a chosen file', () => {
  it('reads a map, measures its boxes in both languages and resolves its edges’ links', () => {
    const opened = readOpenedFile(encode(JSON.stringify(SMALL_MAP)), readMapBytes);
    expect(opened.read.format).toBe('argmap-json');
    expect(opened.read.result.ok).toBe(true);
    expect(opened.measures).toEqual({ boxes: measureLanguages(SMALL_MAP), links: linksOfMap(SMALL_MAP) });
  });

  it('reports a bad file where it goes wrong, with no measures', () => {
    const opened = readOpenedFile(encode('{"schemaVersion": 1, "title": {"zh": "x"}, "nodes": [ }'), readMapBytes);
    expect(opened.measures).toBeUndefined();
    expect(opened.read.result.ok).toBe(false);
    if (!opened.read.result.ok) expect(opened.read.result.problems[0]).toMatchObject({ line: 1, column: expect.any(Number) });
  });

  it('reads on the page where no worker can start, however big the file', async () => {
    expect(typeof Worker).toBe('undefined');
    const padded = JSON.stringify(SMALL_MAP, null, 1).replace('{', `{${' '.repeat(WORKER_MIN_BYTES)}`);
    const opened = await readFileBytes(encode(padded));
    expect(opened.read.result.ok).toBe(true);
    expect(opened.measures).toEqual(measureMap(SMALL_MAP));
  });
});

describe('the reading worker’s reply in parts', () => {
  it('sends runs of nodes, edges and boxes, then the rest, and the page joins them into the same file', () => {
    const opened = readOpenedFile(encode(JSON.stringify(SMALL_MAP)), readMapBytes);
    const parts = [...fileParts(opened, 2)];
    expect(parts.map((part) => part.kind)).toEqual(['nodes', 'nodes', 'nodes', 'edges', 'edges', 'boxes', 'boxes', 'boxes', 'boxes', 'boxes', 'boxes', 'rest']);
    expect(parts.every((part) => part.kind === 'rest' || part.items.length <= 2)).toBe(true);
    const rest = parts.at(-1);
    if (rest?.kind !== 'rest' || !rest.read.result.ok) throw new Error('the last part is the read result');
    expect(rest.read.result.map.nodes).toEqual([]);
    const joined = joinParts(parts);
    expect(joined).toEqual(opened);
    if (joined.read.result.ok) expect(joined.read.result.map.nodes.map((node) => node.id)).toEqual(SMALL_MAP.nodes.map((node) => node.id));
  });

  it('sends a refused file as its problems alone', () => {
    const opened = readOpenedFile(encode('{"nodes": ['), readMapBytes);
    const parts = [...fileParts(opened)];
    expect(parts).toEqual([{ kind: 'rest', read: opened.read }]);
    expect(joinParts(parts)).toEqual(opened);
  });
});

describe('the session with boxes measured by the reader', () => {
  it('draws and lays out with the boxes it was given', () => {
    const session = new MapSession({ map: SMALL_MAP, name: 'seed', sourceTexts: new Map() });
    const other = { ...SMALL_MAP, nodes: SMALL_MAP.nodes.slice(0, 3), edges: SMALL_MAP.edges.slice(0, 1) };
    const measures = measureMap(other);
    const { boxes } = measures;
    session.receive('other.json', { ok: true, map: other, warnings: [] }, undefined, measures);
    flushSync();
    expect(session.links).toBe(measures.links);
    expect(session.boxes).toBe(boxes.zh);
    session.language = 'en';
    flushSync();
    expect(session.boxes).toBe(boxes.en);
    expect(session.extents).toEqual(extentsOf(boxes));
  });

  it('keeps the measures, and so the layout, through an edit of the title; measures again when nodes or edges change', () => {
    const session = new MapSession({ map: SMALL_MAP, name: 'seed', sourceTexts: new Map() });
    const boxes = session.boxesByLanguage;
    const links = session.links;
    session.edit({ ...SMALL_MAP, title: { zh: '新标题', en: 'New title' } });
    flushSync();
    expect(session.boxesByLanguage).toBe(boxes);
    expect(session.links).toBe(links);
    const fewer = { ...session.map, nodes: session.map.nodes.slice(0, 2), edges: [] };
    session.edit(fewer);
    flushSync();
    expect([...session.extents.keys()]).toEqual(fewer.nodes.map((node) => node.id));
    expect(session.links.from).toHaveLength(0);
  });
});
