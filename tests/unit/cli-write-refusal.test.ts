/**
 * Every file the CLI writes is read back with argmap's own reader first, and refused rather than
 * written when the reader would reject it. No real map makes today's writers produce such a file,
 * so the map writer is made faulty here: it stretches a node's text past the format's limit.
 * (A PNG is a picture argmap never opens: it is not read back.)
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { inProcess } from '../support/cli-in-process.ts';

vi.mock('../../src/core/serialize.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/core/serialize.ts')>();
  const stretched = (map: ArgMap): ArgMap => ({ ...map, nodes: map.nodes.map((node, index) => (index === 0 ? { ...node, text: { en: 'x'.repeat(10_001) } } : node)) });
  return { ...actual, serializeMap: (map: ArgMap, indent?: number) => actual.serializeMap(stretched(map), indent) };
});

const directory = mkdtempSync(join(tmpdir(), 'argmap-cli-refusal-'));
const input = join(directory, 'map.json');
writeFileSync(input, JSON.stringify({
  schemaVersion: 1, title: { en: 'Tea or coffee' }, sources: [], actors: [],
  nodes: [{ id: 'q', kind: 'question', text: { en: 'Tea or coffee?' } }, { id: 'a', kind: 'claim', text: { en: 'Tea.' } }],
  edges: [{ id: 'e', from: 'a', to: 'q', kind: 'answer' }],
}));

describe('writers refuse a file argmap could not open again', () => {
  it.each(['out.json', 'out.svg'])('%s: nothing is written, and the reader’s located problem is shown', async (name) => {
    const output = join(directory, name);
    const result = await inProcess('convert', input, '-o', output);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(`argmap: not writing ${output}: argmap could not open it again:\n`);
    expect(result.err).toMatch(/\/nodes\/0\/text\/en: error: .*10000/);
    expect(existsSync(output)).toBe(false);
  });
});
