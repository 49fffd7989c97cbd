import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEdge, addNode, MapDocument, updateText } from '../../src/core/document/index.ts';
import { TabSync } from '../../src/ui/document-tabs.ts';
import { makeMap } from '../support/make-map.ts';

const open: TabSync[] = [];
afterEach(() => {
  for (const tab of open.splice(0)) tab.destroy();
});

let channels = 0;
function uniqueKey(): string {
  channels += 1;
  return `test-${process.pid}-${channels}`;
}

function tab(doc: Y.Doc, key: string): TabSync {
  const sync = new TabSync(doc, key);
  open.push(sync);
  return sync;
}

/** Waits until `done` holds; BroadcastChannel delivers in later tasks. */
async function until(done: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !done(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

describe('two tabs, one map', () => {
  it('a tab that opens later receives the map, and edits then flow both ways', async () => {
    const key = uniqueKey();
    const first = MapDocument.fromMap(makeMap(['a', 'b'], [['e', 'a', 'b']]));
    tab(first.doc, key);
    const secondDoc = new Y.Doc();
    tab(secondDoc, key);
    const second = new MapDocument(secondDoc);
    await until(() => second.map.nodes.length === 2);
    expect(second.map).toEqual(first.map);

    first.apply(addNode({ id: 'c', text: { zh: '第三' } }));
    await until(() => second.map.nodes.length === 3);
    second.apply(updateText('c', 'zh', '第三个主张'));
    await until(() => first.map.nodes[2]!.text.zh === '第三个主张');
  });

  it('concurrent edits in two tabs both survive, and each tab undoes only its own', async () => {
    const key = uniqueKey();
    const map = makeMap(['a', 'b'], [], () => 'text');
    const one = MapDocument.fromMap(map, { clientID: 11 });
    const twoDoc = new Y.Doc();
    twoDoc.clientID = 12;
    Y.applyUpdate(twoDoc, Y.encodeStateAsUpdate(one.doc));
    const two = new MapDocument(twoDoc);
    // Both edit before either hears from the other.
    one.apply(updateText('a', 'en', 'text one'));
    two.apply(updateText('a', 'en', 'two text'));
    two.apply(addEdge({ id: 'e', from: 'a', to: 'b', kind: 'attack' }));
    tab(one.doc, key);
    tab(two.doc, key);
    await until(() => one.map.edges.length === 1 && one.map.nodes[0]!.text.en === two.map.nodes[0]!.text.en);
    expect(one.map.nodes[0]!.text.en).toBe('two text one');
    expect(one.map).toEqual(two.map);

    one.history.undo();
    await until(() => two.map.nodes[0]!.text.en === 'two text');
    expect(two.map.edges).toHaveLength(1);
  });

  it('ignores messages that are not ours', async () => {
    const key = uniqueKey();
    const document = MapDocument.fromMap(makeMap(['a'], []));
    tab(document.doc, key);
    const stranger = new BroadcastChannel(`argmap-map:${key}`);
    stranger.postMessage({ type: 'update', update: new Uint8Array([9, 9, 9]) });
    stranger.postMessage({ type: 'hello', state: 'not bytes' });
    stranger.postMessage('hello');
    const listener = new TabSync(new Y.Doc(), key);
    open.push(listener);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stranger.close();
    expect(document.map.nodes.map((node) => node.id)).toEqual(['a']);
  });
});
