import { describe, expect, it } from 'vitest';
import { addNodeWithNewSpeaker, MapDocument } from '../../src/core/document/index.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { makeMap } from '../support/make-map.ts';

function article(): ArgMap {
  return { ...makeMap(['a'], []), sources: [{ id: 'article', title: { zh: '文章' } }], actors: [{ id: 'zhu', name: { zh: '朱啸虎' } }] };
}

const QUOTE = { source: 'article', text: '大模型摧毁了创业' };

describe('a node with a new speaker', () => {
  it('makes the actor and the node in one step, undone together', () => {
    const document = MapDocument.fromMap(article());
    const applied = document.apply(addNodeWithNewSpeaker({ kind: 'claim', text: { zh: QUOTE.text }, quote: QUOTE }, { name: { zh: '傅盛' }, affiliation: { zh: '猎豹移动' } }));
    expect(applied).toMatchObject({ ok: true, description: { zh: '添加主张' } });
    if (!applied.ok) return;
    expect(document.map.actors.at(-1)).toEqual({ id: applied.result.actor, name: { zh: '傅盛' }, affiliation: { zh: '猎豹移动' } });
    expect(document.map.nodes.at(-1)).toEqual({ id: applied.result.id, kind: 'claim', text: { zh: QUOTE.text }, actor: applied.result.actor, quote: QUOTE });
    expect(document.history.state.undoSteps).toBe(1);

    document.history.undo();
    expect(document.map.actors.map((actor) => actor.id)).toEqual(['zhu']);
    expect(document.map.nodes.map((node) => node.id)).toEqual(['a']);
  });

  it('refuses a speaker without a name, or a node that cannot be, and writes nothing', () => {
    const document = MapDocument.fromMap(article());
    const before = document.map;
    expect(document.apply(addNodeWithNewSpeaker({ text: { zh: 'x' } }, { name: { zh: '  ' } }))).toEqual({ ok: false, message: 'a speaker needs a name' });
    expect(document.apply(addNodeWithNewSpeaker({ text: { zh: 'x' }, quote: { source: 'nowhere', text: 'x' } }, { name: { zh: '傅盛' } }))).toMatchObject({ ok: false, message: expect.stringMatching(/unknown source "nowhere"/) });
    expect(document.map).toBe(before);
  });
});
