import { describe, expect, it } from 'vitest';
import { addEdge, addNode, deleteNodes, MapDocument, moveNodes, redoLabel, undoLabel, updateText } from '../../src/core/document/index.ts';
import { makeMap } from '../support/make-map.ts';

/** Yjs reads the clock through a reference taken at load, so pauses are real (and short). */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function threeClaims(captureTimeout?: number): MapDocument {
  return MapDocument.fromMap(makeMap(['a', 'b', 'c', 'd'], [['e1', 'a', 'b'], ['e2', 'c', 'd', 'attack']]), captureTimeout === undefined ? {} : { captureTimeout });
}

describe('undo and redo', () => {
  it('says what the next undo and redo do, in both languages', () => {
    const document = threeClaims();
    expect(document.history.state).toEqual({ undo: undefined, redo: undefined, undoSteps: 0, redoSteps: 0 });
    document.apply(deleteNodes(['a', 'b', 'c']));
    const next = document.history.state.undo!;
    expect(undoLabel(next, 'zh')).toBe('撤销：删除 3 个节点');
    expect(undoLabel(next, 'en')).toBe('Undo: delete 3 nodes');
    expect(document.history.undo()).toEqual(next);
    expect(document.map.nodes).toHaveLength(4);
    expect(redoLabel(document.history.state.redo!, 'zh')).toBe('重做：删除 3 个节点');
    document.history.redo();
    expect(document.map.nodes.map((node) => node.id)).toEqual(['d']);
    expect(undoLabel(document.history.state.undo!, 'en')).toBe('Undo: delete 3 nodes');
  });

  it('a multi-delete is one step, and undo brings back nodes, edges and texts', () => {
    const document = threeClaims();
    const before = document.map;
    document.apply(deleteNodes(['a', 'c']));
    expect(document.history.state.undoSteps).toBe(1);
    document.history.undo();
    expect(document.map).toEqual(before);
  });

  it('typing is one step per pause', async () => {
    const document = threeClaims(200);
    for (const text of ['a ', 'a b', 'a bc']) {
      document.apply(updateText('a', 'en', text));
      await pause(20);
    }
    await pause(300);
    document.apply(updateText('a', 'en', 'a bcd'));
    expect(document.history.state.undoSteps).toBe(2);
    document.history.undo();
    expect(document.map.nodes[0]!.text.en).toBe('a bc');
    document.history.undo();
    expect(document.map.nodes[0]!.text.en).toBe('a');
  });

  it('typing right after another edit is a step of its own, as is typing in another text', () => {
    const document = threeClaims();
    document.apply(addEdge({ from: 'a', to: 'd', kind: 'support' }));
    document.apply(updateText('a', 'en', 'A'));
    document.apply(updateText('b', 'en', 'B'));
    expect(document.history.state.undoSteps).toBe(3);
  });

  it('a drag is one step however long it lasts, with pauses longer than typing\'s; the next drag is another', async () => {
    const document = threeClaims(10);
    for (let frame = 0; frame < 30; frame += 1) {
      document.apply(moveNodes([{ id: 'a', x: frame * 10, y: 0 }, { id: 'b', x: frame * 10, y: 50 }], 'drag-1'));
      if (frame % 10 === 0) await pause(30);
    }
    document.history.endGesture();
    document.apply(moveNodes([{ id: 'a', x: 0, y: 999 }], 'drag-2'));
    expect(document.history.state.undoSteps).toBe(2);
    expect(undoLabel(document.history.state.undo!, 'zh')).toBe('撤销：移动 1 个节点');
    document.history.undo();
    expect(document.map.nodes[0]!.position).toEqual({ x: 290, y: 0 });
    document.history.undo();
    expect(document.map.nodes[0]!.position).toBeUndefined();
    expect(document.map.nodes[1]!.position).toBeUndefined();
  });

  it('undo restores a deleted node\'s text so that typing in it merges again', () => {
    const document = threeClaims();
    document.apply(deleteNodes(['a']));
    document.history.undo();
    expect(document.apply(updateText('a', 'en', 'a again')).ok).toBe(true);
    expect(document.map.nodes[0]!.text.en).toBe('a again');
  });

  it('an edit after undo reports the redo steps it drops', () => {
    const document = threeClaims();
    document.apply(addNode({ text: { en: 'x' } }));
    document.apply(deleteNodes(['a', 'b']));
    document.history.undo();
    document.history.undo();
    const applied = document.apply(addNode({ text: { en: 'y' } }));
    expect(applied.ok && applied.discardedRedo).toEqual({ steps: 2, next: { zh: '添加主张', en: 'add a claim' } });
    expect(document.history.state.redoSteps).toBe(0);
  });
});
