/**
 * AIF's dialogue layer: who asserted a proposition (L → YA → I) and in which words. Speakers come
 * from the participants table, else from the locution's text; the words become the claim's quote
 * of the dialogue, so `validate`, `stats` and `convert` agree on dialogue maps.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAif, importAif, type AifImportResult } from '../../src/core/formats/aif.ts';
import { DIALOGUE_SOURCE, readLocutionText } from '../../src/core/formats/aif/dialogue.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { findQuoteProblems } from '../../src/core/validate/quotes.ts';
import { inProcess as run } from '../support/cli-in-process.ts';

type NodeRow = readonly [id: string, type: string, text: string];

function nodeset(nodes: readonly NodeRow[], links: readonly (readonly [string, string])[], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({
    nodes: nodes.map(([nodeID, type, text]) => ({ nodeID, text, type })),
    edges: links.map(([fromID, toID], index) => ({ edgeID: String(100 + index), fromID, toID })),
    locutions: [],
    ...extra,
  }, null, 2)}\n`;
}

function imported(result: AifImportResult): ArgMap {
  if (result.map === undefined) throw new Error(`expected the AIF to load: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result.map;
}

/** A QT30-like exchange: two asserted propositions, one supporting the other, and a transition. */
const DIALOGUE = nodeset(
  [
    ['L1', 'L', 'Lisa Nandy : We should work together'], ['Y1', 'YA', 'Asserting'], ['I1', 'I', 'we should work together'],
    ['L2', 'L', 'Chris: Fiona Bruce : Because it is the only way'], ['Y2', 'YA', 'Asserting'], ['I2', 'I', 'it is the only way'],
    ['T1', 'TA', 'Default Transition'], ['Y3', 'YA', 'Arguing'], ['R1', 'RA', 'Default Inference'],
  ],
  [['L1', 'Y1'], ['Y1', 'I1'], ['L2', 'Y2'], ['Y2', 'I2'], ['L2', 'T1'], ['T1', 'L1'], ['T1', 'Y3'], ['Y3', 'R1'], ['I2', 'R1'], ['R1', 'I1']],
);

describe('reading a locution', () => {
  it('splits "Speaker : words", with or without a space after the colon', () => {
    expect(readLocutionText('Alex Massie : looks to be a terrible mistake')).toEqual({ speaker: 'Alex Massie', words: 'looks to be a terrible mistake' });
    expect(readLocutionText('Nick Ferrari :Whether it takes him to New York')).toEqual({ speaker: 'Nick Ferrari', words: 'Whether it takes him to New York' });
    expect(readLocutionText('Michelle Dewberry :  let\'s just be clear')).toEqual({ speaker: 'Michelle Dewberry', words: 'let\'s just be clear' });
    expect(readLocutionText(':) Ana : hello')).toEqual({ speaker: ':) Ana', words: 'hello' });
  });

  it('takes the real speaker after annotators\' prefixes, and keeps a quoted speaker in the words', () => {
    expect(readLocutionText('Chris: Lisa Nandy : I got slightly worried')).toEqual({ speaker: 'Lisa Nandy', words: 'I got slightly worried' });
    expect(readLocutionText('M: CL : you often have public inquiries')).toEqual({ speaker: 'CL', words: 'you often have public inquiries' });
    expect(readLocutionText('Barbara: California_Viking : HIllary : Everyone changes their mind'))
      .toEqual({ speaker: 'California_Viking', words: 'HIllary : Everyone changes their mind' });
  });

  it('reads AraucariaDB\'s "Speaker says \'words\'"', () => {
    expect(readLocutionText("VCBrown says 'semesterisation is a good idea'")).toEqual({ speaker: 'VCBrown', words: 'semesterisation is a good idea' });
  });

  it('finds no name in plain words, a colon of a sentence, a link or an over-long prefix', () => {
    expect(readLocutionText('disagreements between party members are to be expected.')).toEqual({ words: 'disagreements between party members are to be expected.' });
    expect(readLocutionText('The ratio was clear: three to one')).toEqual({ words: 'The ratio was clear: three to one' });
    expect(readLocutionText('see https://example.org/a:b for more')).toEqual({ words: 'see https://example.org/a:b for more' });
    const long = `${'word '.repeat(30)}: and then`;
    expect(readLocutionText(long)).toEqual({ words: long.trim() });
  });

  it('reads hostile texts in linear time: long runs of spaces, colons and quotes end the test, not the tab', () => {
    const spaces = ' '.repeat(200_000);
    expect(readLocutionText(`a${spaces}b`).speaker).toBeUndefined();
    expect(readLocutionText(`${spaces}: b`)).toEqual({ words: ': b' });
    expect(readLocutionText(`Ana${spaces}:${spaces}b`)).toEqual({ speaker: 'Ana', words: 'b' });
    expect(readLocutionText(`${'x:'.repeat(100_000)} : y`).speaker).toBeUndefined();
    expect(readLocutionText(`${"'".repeat(100_000)} says '`).speaker).toBeUndefined();
    expect(readLocutionText(`Ana says '${'a says '.repeat(50_000)}`).speaker).toBeUndefined();
  });
});

describe('speakers and quotes from the dialogue', () => {
  it('anchors each I-node to the L-node that asserted it: the actor is the speaker, the quote the words', () => {
    const map = imported(importAif(DIALOGUE));
    expect(map.actors).toEqual([
      { id: 'Lisa Nandy', name: { en: 'Lisa Nandy' } },
      { id: 'Fiona Bruce', name: { en: 'Fiona Bruce' } },
    ]);
    expect(map.nodes.map(({ id, actor, quote }) => ({ id, actor, quote }))).toEqual([
      { id: 'I1', actor: 'Lisa Nandy', quote: { source: 'aif-dialogue', text: 'We should work together' } },
      { id: 'I2', actor: 'Fiona Bruce', quote: { source: 'aif-dialogue', text: 'Because it is the only way' } },
    ]);
    expect(map.sources).toEqual([DIALOGUE_SOURCE]);
  });

  it('takes the participant of the locution\'s person first (xAIF), and the words from the text', () => {
    const text = JSON.stringify({
      AIF: {
        nodes: [{ nodeID: 1, text: 'Renewables cut emissions.', type: 'L' }, { nodeID: 2, text: 'Asserting', type: 'YA' }, { nodeID: 3, text: 'Renewables cut emissions.', type: 'I' }],
        edges: [{ edgeID: 1, fromID: 1, toID: 2 }, { edgeID: 2, fromID: 2, toID: 3 }],
        locutions: [{ nodeID: 1, personID: 0 }],
        participants: [{ participantID: 0, firstname: 'Speaker', surname: 'A' }],
      },
      text: '',
    });
    const map = imported(importAif(text));
    expect(map.nodes[0]).toMatchObject({ actor: 'Speaker A', quote: { source: 'aif-dialogue', text: 'Renewables cut emissions.' } });
  });

  it('a locution with no name, or only a person id, attributes nothing; neither does a transition\'s Agreeing', () => {
    const text = nodeset(
      [
        ['L1', 'L', 'we should work together'], ['Y1', 'YA', 'Asserting'], ['I1', 'I', 'we should work together'],
        ['L2', 'L', 'Fiona Bruce : I agree'], ['T1', 'TA', 'Default Transition'], ['Y2', 'YA', 'Agreeing'],
        ['L3', 'L', 'Fiona Bruce : '], ['Y3', 'YA', 'Asserting'], ['I3', 'I', 'nothing said'],
      ],
      [['L1', 'Y1'], ['Y1', 'I1'], ['L1', 'T1'], ['T1', 'L2'], ['T1', 'Y2'], ['Y2', 'I1'], ['L3', 'Y3'], ['Y3', 'I3']],
      { locutions: [{ nodeID: 'L1', personID: '23' }] },
    );
    const map = imported(importAif(text));
    expect(map.actors).toEqual([]);
    expect(map.nodes.map((node) => [node.actor, node.quote])).toEqual([[undefined, undefined], [undefined, undefined]]);
    expect(map.sources).toEqual([]);
  });

  it('a participant name no actor can carry, or words of nothing visible, do not stop the map from opening', () => {
    const text = nodeset(
      [
        ['L1', 'L', 'Ana : we should act'], ['Y1', 'YA', 'Asserting'], ['I1', 'I', 'we should act'],
        ['L2', 'L', 'Ben : \u200B\u2060'], ['Y2', 'YA', 'Asserting'], ['I2', 'I', 'nothing visible said'],
      ],
      [['L1', 'Y1'], ['Y1', 'I1'], ['L2', 'Y2'], ['Y2', 'I2']],
      { locutions: [{ nodeID: 'L1', personID: '1' }], participants: [{ participantID: '1', firstname: 'x'.repeat(300), surname: '' }] },
    );
    const map = imported(importAif(text));
    expect(map.nodes.map((node) => node.actor)).toEqual(['Ana', undefined]);
  });

  it('the quote validation finds nothing to refuse: every attributed claim quotes the dialogue, which has no file to check', () => {
    const map = imported(importAif(DIALOGUE));
    expect(map.nodes.every((node) => node.actor === undefined || node.quote !== undefined)).toBe(true);
    expect(findQuoteProblems(map, new Map())).toEqual([]);
  });

  it('a dialogue map is written back unchanged, with no argmap member', () => {
    expect(JSON.parse(exportAif(imported(importAif(DIALOGUE))))).toEqual(JSON.parse(DIALOGUE));
  });

  it('a claim whose quote was changed keeps it through AIF, in a note', () => {
    const map = imported(importAif(DIALOGUE));
    const edited: ArgMap = { ...map, nodes: map.nodes.map((node) => (node.id === 'I1' ? { ...node, quote: { source: 'aif-dialogue', text: 'work together' } } : node)) };
    const back = imported(importAif(exportAif(edited)));
    expect(back.nodes.map((node) => node.quote?.text)).toEqual(['work together', 'Because it is the only way']);
    expect(back.sources).toEqual([DIALOGUE_SOURCE]);
  });

  it('a speaker the map adds is written as a locution of their quoted words, which read back as the same quote', () => {
    const map: ArgMap = {
      schemaVersion: 1, title: { en: 'Bridge' }, sources: [DIALOGUE_SOURCE], actors: [{ id: 'Ana', name: { en: 'Ana' } }],
      nodes: [{ id: 'b', kind: 'claim', text: { en: 'The town needs a bridge' }, actor: 'Ana', quote: { source: 'aif-dialogue', text: 'We really need that bridge, honestly' } }],
      edges: [],
    };
    const aif = JSON.parse(exportAif(map)) as { nodes: { type: string; text: string }[]; argmap?: unknown };
    expect(aif.nodes.filter((node) => node.type === 'L').map((node) => node.text)).toEqual(['Ana : We really need that bridge, honestly']);
    // Only the title needs a note: the speaker, the quote and its source come back from the AIF itself.
    expect(aif.argmap).toEqual({ language: 'en', title: { en: 'Bridge' } });
    const back = imported(importAif(exportAif(map)));
    expect(back.nodes[0]).toMatchObject({ actor: 'Ana', quote: { source: 'aif-dialogue', text: 'We really need that bridge, honestly' } });
  });
});

describe('validate, stats and convert agree on a dialogue map', () => {
  const directory = mkdtempSync(join(tmpdir(), 'argmap-aif-dialogue-'));

  it('validate accepts it, stats counts its speakers, and the converted map validates too', async () => {
    const file = join(directory, 'dialogue.json');
    writeFileSync(file, DIALOGUE);
    const validated = await run('validate', file);
    expect(validated.out).not.toContain('error');
    expect(validated.code).toBe(0);
    const stats = await run('stats', file);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.out)).toMatchObject({ format: 'aif-json', nodes: 2, edges: 1, actors: 2 });
    const converted = join(directory, 'dialogue.argmap.json');
    expect((await run('convert', file, '-o', converted)).code).toBe(0);
    expect((await run('validate', converted)).code).toBe(0);
    expect(JSON.parse((await run('stats', converted)).out)).toMatchObject({ nodes: 2, edges: 1, actors: 2 });
  });
});
