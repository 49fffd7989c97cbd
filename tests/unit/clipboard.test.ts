import { describe, expect, it } from 'vitest';
import { copyFragment, MapDocument, pasteFragment, parseFragment } from '../../src/core/document/index.ts';
import { LIMITS } from '../../src/core/document/record-rules.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { clipboardTexts, FRAGMENT_TYPE, MAX_FRAGMENT_CHARS, offsetTo, pasteAction, withPlaces } from '../../src/ui/clipboard.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();

function clipboard(data: Record<string, string>): (type: string) => string {
  return (type) => data[type] ?? '';
}

const pair: ArgMap = {
  schemaVersion: 1,
  title: { en: 'Pair' },
  sources: [],
  actors: [],
  nodes: [
    { id: 'a', kind: 'claim', text: { zh: '甲', en: 'First\nline' } },
    { id: 'b', kind: 'evidence', text: { en: 'Second' }, position: { x: 300, y: 40 } },
  ],
  edges: [{ id: 'ab', from: 'b', to: 'a', kind: 'support' }],
};

describe('what a copy puts on the clipboard', () => {
  it('gives each node the place it has on screen, keeping a saved one', () => {
    const placed = withPlaces(pair, (id) => (id === 'a' ? { id, x: 10.04, y: -20.26 } : { id, x: 999, y: 999 }));
    expect(placed.nodes.map((node) => node.position)).toEqual([{ x: 10, y: -20.3 }, { x: 300, y: 40 }]);
  });

  it('is argmap JSON that reads back as the same fragment, and one line of text per node', () => {
    const texts = clipboardTexts(pair, 'en');
    expect(texts.plain).toBe('First line\nSecond\n');
    expect(clipboardTexts(pair, 'zh').plain).toBe('甲\nSecond\n');
    const parsed = parseFragment(texts.fragment);
    expect(parsed.ok && parsed.fragment).toEqual(pair);
  });

  it('copies the seed nodes with the edges among them and the actors and sources they name', () => {
    const ids = seed.nodes.filter((node) => node.actor !== undefined).slice(0, 6).map((node) => node.id);
    const parsed = parseFragment(clipboardTexts(copyFragment(seed, ids), 'zh').fragment);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.fragment.nodes.map((node) => node.id)).toEqual(ids);
    expect(parsed.fragment.actors.map((actor) => actor.id).sort()).toEqual([...new Set(parsed.fragment.nodes.map((node) => node.actor))].sort());
  });
});

describe('where a paste goes', () => {
  it('shifts the middle of the placed nodes to the target', () => {
    const placed = withPlaces(pair, () => ({ id: 'a', x: 100, y: 0 }));
    expect(offsetTo(placed, { x: 0, y: 0 })).toEqual({ x: -200, y: -20 });
    expect(offsetTo(pair, { x: 5, y: 5 })).toEqual({ x: 5 - 300, y: 5 - 40 });
    expect(offsetTo({ ...pair, nodes: pair.nodes.map(({ position: _, ...node }) => node) }, { x: 5, y: 5 })).toEqual({ x: 0, y: 0 });
  });

  it('pastes a copy into the map it came from under new ids, at the target', () => {
    const document = MapDocument.fromMap(seed);
    const ids = [seed.nodes[0]!.id, seed.nodes[1]!.id];
    const fragment = withPlaces(copyFragment(seed, ids), (id) => ({ id, x: id === ids[0] ? 0 : 100, y: 0 }));
    const applied = document.apply(pasteFragment(fragment, offsetTo(fragment, { x: 1000, y: 500 })));
    if (!applied.ok) throw new Error(applied.message);
    const pasted = ids.map((id) => document.map.nodes.find((node) => node.id === applied.result.ids.get(id))!);
    expect(pasted.map((node) => node.id)).toEqual(ids.map((id) => `${id}-2`));
    expect(pasted.map((node) => node.position)).toEqual([{ x: 950, y: 500 }, { x: 1050, y: 500 }]);
  });
});

describe('what a paste does', () => {
  it('reads argmap’s own type as a fragment, whatever the plain text says', () => {
    expect(pasteAction(clipboard({ [FRAGMENT_TYPE]: '{"x":1}', 'text/plain': 'words' }), LIMITS.text)).toEqual({ kind: 'fragment', text: '{"x":1}' });
  });

  it('makes one claim of plain text, markup and all, and never reads HTML', () => {
    const markup = 'See <b>this</b> & <img src=x onerror=alert(1)>';
    expect(pasteAction(clipboard({ 'text/plain': `  ${markup}\n`, 'text/html': '<p>other</p>' }), LIMITS.text)).toEqual({ kind: 'claim', text: markup });
    expect(pasteAction(clipboard({ 'text/html': '<p>only html</p>' }), LIMITS.text)).toEqual({ kind: 'nothing' });
    expect(pasteAction(clipboard({ 'text/plain': '  \n ' }), LIMITS.text)).toEqual({ kind: 'nothing' });
  });

  it('leaves a map in a format argmap reads to open as a map', () => {
    expect(pasteAction(clipboard({ 'text/plain': JSON.stringify(pair) }), LIMITS.text)).toEqual({ kind: 'open' });
    expect(pasteAction(clipboard({ 'text/plain': '[Claim]: text\n  + support\n' }), LIMITS.text)).toEqual({ kind: 'open' });
    expect(pasteAction(clipboard({ 'text/plain': 'Discussion Title: x\n\n1. Thesis' }), LIMITS.text)).toEqual({ kind: 'open' });
  });

  it('refuses a 10 MB paste, as text or as a fragment, saying how long it is', () => {
    const huge = 'word '.repeat(2 * 1024 * 1024);
    expect(pasteAction(clipboard({ 'text/plain': huge }), LIMITS.text)).toEqual({ kind: 'too-long', what: 'claim', length: huge.trim().length, limit: LIMITS.text });
    const fragment = `{"nodes":[${' '.repeat(10 * 1024 * 1024)}]}`;
    expect(pasteAction(clipboard({ [FRAGMENT_TYPE]: fragment }), LIMITS.text)).toEqual({ kind: 'too-long', what: 'fragment', length: fragment.length, limit: MAX_FRAGMENT_CHARS });
  });

  it('takes a claim of exactly the limit, and refuses one more character', () => {
    expect(pasteAction(clipboard({ 'text/plain': 'x'.repeat(LIMITS.text) }), LIMITS.text).kind).toBe('claim');
    expect(pasteAction(clipboard({ 'text/plain': 'x'.repeat(LIMITS.text + 1) }), LIMITS.text).kind).toBe('too-long');
  });
});
