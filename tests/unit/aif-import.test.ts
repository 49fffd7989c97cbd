/** Reading AIF JSON: the mapping rules, the three flavours, located problems, hostile input. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAif, type AifImportResult } from '../../src/core/formats/aif.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';

const OVA3_FIXTURE = resolve(import.meta.dirname, '../fixtures/aif/ova3-bike-lanes.json');
const ova3Text = readFileSync(OVA3_FIXTURE, 'utf8');

type NodeRow = readonly [id: string | number, type: string, text: string];

/** An AIFdb nodeset with string ids (or whatever ids the rows give). */
function nodeset(nodes: readonly NodeRow[], links: readonly (readonly [string | number, string | number])[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    nodes: nodes.map(([nodeID, type, text]) => ({ nodeID, text, type })),
    edges: links.map(([fromID, toID], index) => ({ edgeID: String(100 + index), fromID, toID })),
    locutions: [],
    ...extra,
  }, null, 2);
}

function imported(result: AifImportResult): ArgMap {
  if (result.map === undefined) throw new Error(`expected the AIF to load: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result.map;
}

/** Where a snippet starts in a text (its last occurrence with `last`), as problems report it. */
function positionOf(text: string, snippet: string, last = false): { line: number; column: number } {
  const offset = last ? text.lastIndexOf(snippet) : text.indexOf(snippet);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

describe('AIF mapping rules', () => {
  it('reads the OVA3 wrapper: I-nodes, a linked RA, an undercut of it, an attack, a rephrase and two speakers', () => {
    const result = importAif(ova3Text);
    const map = imported(result);
    expect(result.problems).toEqual([]);
    expect(map.nodes.map((node) => [node.id, node.kind, node.text.en, node.actor])).toEqual([
      ['2', 'claim', 'The city should build protected bike lanes on Main Street', 'Anna Kowalski'],
      ['5', 'claim', 'Cycling injuries on Main Street doubled last year', 'Anna Kowalski'],
      ['8', 'claim', 'Protected lanes cut cycling injuries wherever they were built', 'Anna Kowalski'],
      ['12', 'claim', 'The injury figures count e-scooters as bicycles', 'Ben Osei'],
      ['18', 'claim', 'Main Street is too narrow for bike lanes and two-way traffic', 'Ben Osei'],
      ['21', 'claim', 'Main Street cannot fit bike lanes next to two lanes of traffic', undefined],
    ]);
    expect(map.edges).toEqual([
      { id: '10.1', from: '5', to: '2', kind: 'support', group: '10', scheme: 'Practical Reasoning' },
      { id: '10.2', from: '8', to: '2', kind: 'support', group: '10', scheme: 'Practical Reasoning' },
      { id: '14', from: '12', to: '10.1', kind: 'undercut' },
      { id: '20', from: '18', to: '2', kind: 'attack' },
      { id: '22', from: '21', to: '18', kind: 'rephrase' },
    ]);
    expect(map.actors).toEqual([
      { id: 'Anna Kowalski', name: { en: 'Anna Kowalski' } },
      { id: 'Ben Osei', name: { en: 'Ben Osei' } },
    ]);
  });

  it('keeps what the map does not show under extensions.aif: the wrapper, OVA layout, xAIF text, all nodes and links, locutions', () => {
    const map = imported(importAif(ova3Text));
    const original = JSON.parse(ova3Text) as { AIF: Record<string, unknown>; OVA: unknown; text: unknown };
    const kept = map.extensions!.get('aif') as Record<string, unknown>;
    expect([...map.extensions!.keys()]).toEqual(['aif']);
    expect(kept['language']).toBe('en');
    expect(kept['nodes']).toEqual(original.AIF['nodes']);
    expect(kept['edges']).toEqual(original.AIF['edges']);
    expect(kept['locutions']).toEqual(original.AIF['locutions']);
    const document = kept['document'] as { AIF: Record<string, unknown>; OVA: unknown; text: unknown };
    expect(document.OVA).toEqual(original.OVA);
    expect(document.text).toEqual(original.text);
    expect(document.AIF['participants']).toEqual(original.AIF['participants']);
    expect(Object.keys(document.AIF)).toEqual(Object.keys(original.AIF));
  });

  it('reads an AIFdb nodeset: defaults carry no scheme, the scheme field names one, a CA on an attack undercuts it', () => {
    const text = nodeset(
      [
        ['a', 'I', 'Claim A'], ['b', 'I', 'Premise B'], ['c', 'I', 'Premise C'], ['d', 'I', 'Rebuttal D'], ['e', 'I', 'Counter E'],
        ['f', 'I', 'Restated A'], ['ra1', 'RA', 'RA'], ['ra2', 'RA', 'Default Inference'], ['ca1', 'CA', 'Default Conflict'],
        ['ca2', 'CA', 'CA'], ['ma1', 'MA', 'Default Rephrase'],
      ],
      [['b', 'ra1'], ['ra1', 'a'], ['c', 'ra2'], ['ra2', 'a'], ['d', 'ca1'], ['ca1', 'a'], ['e', 'ca2'], ['ca2', 'ca1'], ['f', 'ma1'], ['ma1', 'a']],
    ).replace('"text": "RA",', '"text": "RA", "scheme": "ExpertOpinion", "schemeID": "12",');
    const map = imported(importAif(text));
    expect(map.edges).toEqual([
      { id: 'ra1', from: 'b', to: 'a', kind: 'support', scheme: 'ExpertOpinion' },
      { id: 'ra2', from: 'c', to: 'a', kind: 'support' },
      { id: 'ca1', from: 'd', to: 'a', kind: 'attack' },
      { id: 'ca2', from: 'e', to: 'ca1', kind: 'undercut' },
      { id: 'ma1', from: 'f', to: 'a', kind: 'rephrase' },
    ]);
    expect(map.actors).toEqual([]);
    expect(map.title).toEqual({ en: 'AIF map' });
  });

  it('an RA with the text argmap:answer is an answer, and the I-node it concludes a question', () => {
    const map = imported(importAif(nodeset([['q', 'I', 'Who wins?'], ['p', 'I', 'The big labs'], ['r', 'RA', 'argmap:answer']], [['p', 'r'], ['r', 'q']])));
    expect(map.edges).toEqual([{ id: 'r', from: 'p', to: 'q', kind: 'answer' }]);
    expect(map.nodes.map((node) => node.kind)).toEqual(['question', 'claim']);
  });

  it('names speakers by participant, else by the L-node text before " : ", never by a bare person id; the first anchor counts', () => {
    const text = nodeset(
      [
        ['1', 'L', 'Lisa Nandy : We should work together'], ['2', 'YA', 'Asserting'], ['3', 'I', 'We should work together'],
        ['4', 'L', 'no speaker in this text'], ['5', 'YA', 'Agreeing'],
        ['6', 'L', 'Someone : Quite right'], ['7', 'YA', 'Asserting'], ['8', 'I', 'That is right'],
      ],
      [['1', '2'], ['2', '3'], ['4', '5'], ['5', '3'], ['6', '7'], ['7', '8']],
      { locutions: [{ nodeID: '4', personID: '77' }, { nodeID: '6', personID: 9 }], participants: [{ participantID: 9, firstname: 'Fiona', surname: 'Bruce' }] },
    );
    const map = imported(importAif(text));
    expect(map.nodes.map((node) => node.actor)).toEqual(['Lisa Nandy', 'Fiona Bruce']);
    expect(map.actors.map((actor) => actor.id)).toEqual(['Lisa Nandy', 'Fiona Bruce']);
  });

  it('takes the language from the options, or guesses Chinese from the texts', () => {
    const chinese = nodeset([['1', 'I', '大模型需要算力'], ['2', 'I', '算力很贵'], ['3', 'RA', 'Default Inference']], [['2', '3'], ['3', '1']]);
    expect(imported(importAif(chinese)).nodes[0]!.text).toEqual({ zh: '大模型需要算力' });
    expect(imported(importAif(chinese, { language: 'en', title: 'Compute' })).nodes[0]!.text).toEqual({ en: '大模型需要算力' });
    expect(imported(importAif(chinese, { title: '算力' })).title).toEqual({ zh: '算力' });
  });

  it('reads integer ids as strings and keeps ids like __proto__ and constructor as plain ids', () => {
    const map = imported(importAif(nodeset([['__proto__', 'I', 'A'], ['constructor', 'I', 'B'], [7, 'RA', 'Default Inference']], [['constructor', 7], [7, '__proto__']])));
    expect(map.nodes.map((node) => node.id)).toEqual(['__proto__', 'constructor']);
    expect(map.edges).toEqual([{ id: '7', from: 'constructor', to: '__proto__', kind: 'support' }]);
    expect(({} as Record<string, unknown>)['text']).toBeUndefined();
  });
});

describe('AIF S-nodes the map cannot show', () => {
  it.each([
    ['an RA without a conclusion', [['a', 'I', 'A'], ['r', 'RA', 'Default Inference']], [['a', 'r']], 'RA node "r" has 0 conclusions, not one'],
    ['an RA without an I-node premise', [['a', 'I', 'A'], ['y', 'YA', 'Arguing'], ['r', 'RA', 'Default Inference']], [['y', 'r'], ['r', 'a']], 'RA node "r" has no I-node premise'],
    ['a CA aimed at an L-node', [['a', 'I', 'A'], ['l', 'L', 'X : y'], ['c', 'CA', 'Default Conflict']], [['a', 'c'], ['c', 'l']], 'CA node "c" concludes L node "l", which argmap cannot show as its target'],
    ['an MA restating its own premise', [['a', 'I', 'A'], ['m', 'MA', 'Default Rephrase']], [['a', 'm'], ['m', 'a']], 'MA node "m" concludes one of its own premises'],
    ['a CA aimed at an MA', [['a', 'I', 'A'], ['b', 'I', 'B'], ['c', 'I', 'C'], ['m', 'MA', 'Default Rephrase'], ['x', 'CA', 'Default Conflict']],
      [['a', 'm'], ['m', 'b'], ['c', 'x'], ['x', 'm']], 'CA node "x" concludes MA node "m", which argmap cannot show as its target'],
    ['a CA aimed at an undercut', [['a', 'I', 'A'], ['b', 'I', 'B'], ['c', 'I', 'C'], ['d', 'I', 'D'], ['r', 'RA', 'RA'], ['u', 'CA', 'CA'], ['x', 'CA', 'CA']],
      [['a', 'r'], ['r', 'b'], ['c', 'u'], ['u', 'r'], ['d', 'x'], ['x', 'u']], 'CA node "x" aims at CA node "u", which is not shown as a support, answer or attack'],
  ] as const)('%s is kept with a located warning', (_name, nodes, links, message) => {
    const text = nodeset(nodes, links);
    const result = importAif(text);
    const map = imported(result);
    const offender = message.split('"')[1]!;
    // A node is located where its object starts, the line before its nodeID.
    const { line } = positionOf(text, `"nodeID": "${offender}"`);
    expect(result.problems).toEqual([{
      severity: 'warning',
      message: `${message}; it is kept for writing back but not shown`,
      pointer: `/nodes/${nodes.findIndex(([id]) => id === offender)}`,
      id: offender,
      line: line - 1,
      column: 5,
    }]);
    expect(map.edges.some((edge) => edge.id === offender)).toBe(false);
  });
});

describe('AIF problems are located by JSON pointer', () => {
  const twoNodes: NodeRow[] = [['a', 'I', 'A'], ['b', 'I', 'B'], ['r', 'RA', 'Default Inference']];

  it('a link to a missing node names the id at /edges/N/fromID', () => {
    const text = nodeset(twoNodes, [['a', 'r'], ['ghost', 'r'], ['r', 'b']]);
    expect(importAif(text)).toEqual({
      problems: [{ severity: 'error', message: 'fromID "ghost" names no node', pointer: '/edges/1/fromID', id: 'ghost', ...positionOf(text, '"fromID": "ghost"') }],
    });
  });

  it('a node without a type, with a non-string text or a non-id nodeID is an error at that field', () => {
    const text = JSON.stringify({ nodes: [{ nodeID: 'a', text: 'A' }, { nodeID: 'b', type: 'I', text: 5 }, { nodeID: 1.5, type: 'I', text: 'C' }, { nodeID: 'd', type: 'I' }], edges: [] });
    expect(importAif(text).problems.map(({ message, pointer }) => [pointer, message])).toEqual([
      ['/nodes/0/type', 'node "a" has no type'],
      ['/nodes/1/text', 'text must be a string, not number'],
      ['/nodes/2/nodeID', 'nodeID must be a non-empty string or a whole number, not the number 1.5'],
      ['/nodes/3', 'I-node "d" has no text'],
    ]);
  });

  it('an integer id and its string twin collide; a repeated id is a duplicate', () => {
    const text = nodeset([[5, 'I', 'A'], ['5', 'I', 'B'], ['x', 'I', 'C'], ['x', 'I', 'D']], []);
    expect(importAif(text).problems).toEqual([
      { severity: 'error', message: 'node id the string "5" collides with the number 5 at /nodes/0/nodeID: argmap reads both as "5"', pointer: '/nodes/1/nodeID', id: '5', ...positionOf(text, '"nodeID": "5"') },
      { severity: 'error', message: 'duplicate node id "x" (first at /nodes/2/nodeID)', pointer: '/nodes/3/nodeID', id: 'x', ...positionOf(text, '"nodeID": "x"', true) },
    ]);
  });

  it('points into the xAIF wrapper, and names files that are no AIF', () => {
    expect(importAif('{"AIF": {"nodes": {}, "edges": []}}').problems).toEqual([
      { severity: 'error', message: 'an AIF file has an array "nodes"', pointer: '/AIF/nodes', line: 1, column: 10 },
    ]);
    expect(importAif('[1, 2]').problems[0]).toMatchObject({ pointer: '', message: expect.stringContaining('an AIF file is a JSON object') });
    expect(importAif('{"nodes": [}').problems[0]).toMatchObject({ line: 1, column: 12 });
  });

  it('problems the map rules find (blank text, control characters) point at the AIF node', () => {
    const text = nodeset([['a', 'I', '   '], ['b', 'I', 'B\u0007'], ['r', 'RA', 'RA']], [['b', 'r'], ['r', 'a']]);
    expect(importAif(text).problems).toEqual([
      { severity: 'error', message: 'node "a" has no text', pointer: '/nodes/0/text', id: 'a', ...positionOf(text, '"text": "   "') },
      { severity: 'warning', message: 'replaced 1 control character (first U+0007) with U+FFFD', pointer: '/nodes/1/text', id: 'b', ...positionOf(text, '"text": "B') },
    ]);
  });

  it('a malformed argmap member is refused where it is wrong', () => {
    const text = nodeset(twoNodes, [['a', 'r'], ['r', 'b']], { argmap: { language: 'fr', nodes: [{ id: 'a', kind: 'fact', text: { en: 'A' } }], edges: {} } });
    expect(importAif(text).problems.map(({ pointer, message }) => [pointer, message])).toEqual([
      ['/argmap/language', 'language must be one of zh, en'],
      ['/argmap/edges', 'must be an array, not object'],
    ]);
    const badKind = nodeset(twoNodes, [['a', 'r'], ['r', 'b']], { argmap: { nodes: [{ id: 'a', kind: 'fact', text: { en: 'A' } }] } });
    expect(importAif(badKind).problems.map(({ pointer, message }) => [pointer, message])).toEqual([
      ['/argmap/nodes/0/kind', 'kind must be one of question, claim, evidence, not "fact"'],
    ]);
  });
});

describe('hostile AIF input never throws', () => {
  const samples = [ova3Text, nodeset([['a', 'I', 'A "quoted" \u202E'], ['b', 'I', 'B'], ['r', 'RA', 'RA']], [['b', 'r'], ['r', 'a']], { argmap: { language: 'en', nodes: [{ id: 'a', kind: 'claim', text: { en: 'A', zh: '甲' } }] } })];

  it('every truncation of a file is read or refused with problems', () => {
    for (const sample of samples) {
      for (let length = 0; length < sample.length; length += 7) {
        const result = importAif(sample.slice(0, length));
        expect(result.map !== undefined || result.problems.some((problem) => problem.severity === 'error')).toBe(true);
      }
    }
  });

  it('files with a value swapped for another type at every position are read or refused with problems', () => {
    const values = ['null', '[]', '{}', '"__proto__"', '-1', '1e400'];
    for (const sample of samples) {
      const scalars = [...sample.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+|true|false|null/g)];
      scalars.forEach((match, index) => {
        const replacement = values[index % values.length]!;
        const mutated = sample.slice(0, match.index) + replacement + sample.slice(match.index + match[0].length);
        expect(() => importAif(mutated)).not.toThrow();
      });
    }
  });

  it('refuses a file above the size limit without reading it', () => {
    expect(importAif(' '.repeat(21 * 1024 * 1024)).problems[0]?.message).toMatch(/too large/);
  });
});
