import { describe, expect, it } from 'vitest';
import { problemsOnReadingBack, writeCheckedMap } from '../../src/core/formats/write-map.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';

function smallMap(text: string): ArgMap {
  const loaded = loadMapText(JSON.stringify({
    schemaVersion: 1, title: { en: 't' }, sources: [], actors: [],
    nodes: [{ id: 'a', kind: 'claim', text: { en: 'a' } }, { id: 'b', kind: 'claim', text: { en: 'b' } }],
    edges: [{ id: 'e', from: 'b', to: 'a', kind: 'support' }],
  }));
  if (!loaded.ok) throw new Error('fixture map is invalid');
  const map = loaded.map;
  // A map edited in memory past the format's limits: what a writer must refuse.
  return { ...map, nodes: map.nodes.map((node, index) => (index === 0 ? { ...node, text: { en: text } } : node)) };
}

describe('writers check what they write with the real reader', () => {
  it('writeCheckedMap returns the text of a map that opens again, in every text format', () => {
    for (const format of ['argmap-json', 'aif-json', 'argdown'] as const) {
      const written = writeCheckedMap(smallMap('fine'), format, 'en');
      expect(written.ok, format).toBe(true);
    }
  });

  it('writeCheckedMap refuses a map the reader would reject, with the reader’s located problem', () => {
    const written = writeCheckedMap(smallMap('x'.repeat(10_001)), 'argmap-json', 'en');
    expect(written.ok).toBe(false);
    if (written.ok) return;
    expect(written.problems[0]!.message).toMatch(/10000/);
    expect(written.problems[0]!.pointer).toBe('/nodes/0/text/en');
  });

  it('problemsOnReadingBack reads with the named format’s reader, not by guessing', () => {
    expect(problemsOnReadingBack('{"schemaVersion": 1}', 'argmap-json').length).toBeGreaterThan(0);
    expect(problemsOnReadingBack('<svg xmlns="http://www.w3.org/2000/svg"/>', 'argmap-svg').length).toBeGreaterThan(0);
  });
});
