import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEdge, addNode, addStep, addTour, applyUpdateChecked, CheckedDocument, copyFragment, createActor, deleteEdge, deleteNodes, documentToMap, MapDocument,
  moveNodes, parseFragment, pasteFragment, replaceMap, reverseEdge, setEdgeKind, setKind, setSpeaker, setTags, unpinNodes, updateText, validateDocument,
  type Edit,
} from '../../src/core/document/index.ts';
import { rootsOf } from '../../src/core/document/doc-schema.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { serializeMap } from '../../src/core/serialize.ts';
import { makeMap } from '../support/make-map.ts';

function debate(): ArgMap {
  return {
    ...makeMap([['q', 'question'], 'a', 'b', ['ev', 'evidence']], [['e1', 'a', 'q', 'answer'], ['e2', 'b', 'a', 'attack'], ['e3', 'ev', 'a']]),
    actors: [{ id: 'zhu', name: { zh: '朱啸虎' } }],
    tours: [{ id: 't', title: { en: 'Tour' }, steps: [{ reveal: ['q', 'a'], focus: ['a'], caption: { en: 'one' } }, { reveal: ['b', 'e2'], focus: [], caption: { en: 'two' } }] }],
  };
}

/** Applies an edit that must be refused, and checks that nothing at all was written. */
function expectRefused(document: MapDocument, edit: Edit, message: RegExp): void {
  const state = Y.encodeStateVector(document.doc);
  const map = document.map;
  const applied = document.apply(edit);
  expect(applied.ok).toBe(false);
  if (!applied.ok) expect(applied.message).toMatch(message);
  expect(Y.encodeStateVector(document.doc)).toEqual(state);
  expect(document.map).toBe(map);
}

describe('edits', () => {
  it('adds a node where it was made, with a description for undo', () => {
    const document = MapDocument.fromMap(debate());
    const applied = document.apply(addNode({ id: 'c', kind: 'claim', text: { zh: '新主张\r\n第二行\t!' }, position: { x: 10, y: 20 } }));
    expect(applied).toMatchObject({ ok: true, result: { id: 'c' }, description: { zh: '添加主张', en: 'add a claim' } });
    expect(document.map.nodes.at(-1)).toEqual({ id: 'c', kind: 'claim', text: { zh: '新主张\n第二行 !' }, position: { x: 10, y: 20 } });
  });

  it('draws new ids that no element has', () => {
    const document = MapDocument.fromMap(debate());
    const ids = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const applied = document.apply(addNode({ text: { en: `claim ${i}` } }));
      if (applied.ok) ids.add(applied.result.id);
    }
    expect(ids.size).toBe(20);
    expect(document.map.nodes).toHaveLength(24);
  });

  it('refuses invalid edits with a message and writes nothing', () => {
    const document = MapDocument.fromMap(debate());
    expectRefused(document, addEdge({ from: 'a', to: 'missing', kind: 'support' }), /points to a missing node "missing"/);
    expectRefused(document, addEdge({ from: 'b', to: 'q', kind: 'undercut' }), /must point to an edge, but "q" is a node/);
    expectRefused(document, addNode({ id: 'e1', text: { en: 'x' } }), /duplicate id "e1"/);
    expectRefused(document, addEdge({ id: 'a', from: 'b', to: 'q', kind: 'support' }), /duplicate id "a"/);
    expectRefused(document, updateText('a', 'en', 'x'.repeat(10_001)), /longer than the limit of 10000 characters/);
    expectRefused(document, updateText('a', 'en', '  '), /needs text in at least one language/);
    expectRefused(document, addEdge({ from: 'b', to: 'a', kind: 'answer' }), /must point to a question/);
    expectRefused(document, setKind('q', 'claim'), /stays a question: 1 answer/);
    expectRefused(document, setSpeaker('a', 'nobody'), /no actor "nobody"/);
    expectRefused(document, moveNodes([{ id: 'a', x: 2e6, y: 0 }]), /within ±1000000/);
    expectRefused(document, setTags('a', Array.from({ length: 51 }, (_, i) => `t${i}`)), /limit of 50/);
  });

  it('refuses a 10 MB paste into a node text', () => {
    const document = MapDocument.fromMap(debate());
    expectRefused(document, updateText('a', 'zh', '长'.repeat(10 * 1024 * 1024)), /longer than the limit of 10000 characters/);
  });

  it('types into a Y.Text with one splice, so concurrent typing merges', () => {
    const one = MapDocument.fromMap(makeMap(['a'], [], () => 'The market'), { clientID: 1 });
    const twoDoc = new Y.Doc();
    twoDoc.clientID = 2;
    Y.applyUpdate(twoDoc, Y.encodeStateAsUpdate(one.doc));
    const two = new MapDocument(twoDoc);
    one.apply(updateText('a', 'en', 'The big market'));
    two.apply(updateText('a', 'en', 'The market grows'));
    Y.applyUpdate(two.doc, Y.encodeStateAsUpdate(one.doc));
    Y.applyUpdate(one.doc, Y.encodeStateAsUpdate(two.doc));
    expect(one.map.nodes[0]!.text.en).toBe('The big market grows');
    expect(two.map.nodes[0]!.text.en).toBe('The big market grows');
  });

  it('a blank language is removed, and a new language gets its own text', () => {
    const document = MapDocument.fromMap(makeMap(['a'], []));
    expect(document.apply(updateText('a', 'zh', '主张')).ok).toBe(true);
    expect(document.map.nodes[0]!.text).toEqual({ zh: '主张', en: 'a' });
    expect(document.apply(updateText('a', 'en', ' ')).ok).toBe(true);
    expect(document.map.nodes[0]!.text).toEqual({ zh: '主张' });
  });

  it('sets kind, tags and speaker, creating an actor in the same step', () => {
    const document = MapDocument.fromMap(debate());
    expect(document.apply(setKind('ev', 'evidence')).ok).toBe(false);
    expect(document.apply(setKind('b', 'evidence'))).toMatchObject({ ok: true, description: { en: 'change to evidence' } });
    document.apply(setTags('b', ['cost', 'scale']));
    const applied = document.apply(setSpeaker('b', { name: { zh: '傅盛' }, affiliation: { zh: '猎豹移动' } }));
    expect(applied.ok).toBe(true);
    const actorId = applied.ok ? applied.result.actor : undefined;
    expect(document.map.actors.find((actor) => actor.id === actorId)).toEqual({ id: actorId, name: { zh: '傅盛' }, affiliation: { zh: '猎豹移动' } });
    expect(document.map.nodes.find((node) => node.id === 'b')).toMatchObject({ kind: 'evidence', tags: ['cost', 'scale'], actor: actorId });
    expect(document.apply(createActor({ id: 'zhu', name: { en: 'again' } }))).toMatchObject({ ok: false, message: 'duplicate id "zhu"' });
    expect(document.apply(setSpeaker('b', undefined)).ok).toBe(true);
    expect(document.map.nodes.find((node) => node.id === 'b')!.actor).toBeUndefined();
  });

  it('connects every kind, an undercut onto an edge, and a mutual rebuttal', () => {
    const document = MapDocument.fromMap(debate());
    expect(document.apply(addEdge({ id: 'e4', from: 'a', to: 'b', kind: 'attack' }))).toMatchObject({ ok: true, description: { zh: '连接：反驳' } });
    expect(document.apply(addEdge({ id: 'u', from: 'ev', to: 'e2', kind: 'undercut' })).ok).toBe(true);
    expect(document.apply(addEdge({ id: 'r', from: 'ev', to: 'b', kind: 'rephrase' })).ok).toBe(true);
    expect(document.apply(addEdge({ from: 'ev', to: 'u', kind: 'undercut' })).ok).toBe(false);
    expect(document.map.edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'u', 'r']);
  });

  it('reverses an edge and changes its kind in place', () => {
    const document = MapDocument.fromMap({ ...debate(), edges: [...debate().edges, { id: 'g1', from: 'ev', to: 'b', kind: 'support', group: 'G' }] });
    expect(document.apply(reverseEdge('e1')).ok).toBe(false);
    expect(document.apply(reverseEdge('e2')).ok).toBe(true);
    expect(document.map.edges[1]).toEqual({ id: 'e2', from: 'a', to: 'b', kind: 'attack' });
    expect(document.apply(setEdgeKind('g1', 'attack')).ok).toBe(true);
    expect(document.map.edges[3]).toEqual({ id: 'g1', from: 'ev', to: 'b', kind: 'attack' });
    expect(document.apply(setEdgeKind('e2', 'undercut')).ok).toBe(false);
  });

  it('deletes nodes with their edges and undercuts, counts them, and takes them out of tour steps', () => {
    const document = MapDocument.fromMap({ ...debate(), edges: [...debate().edges, { id: 'u', from: 'ev', to: 'e2', kind: 'undercut' }] });
    const applied = document.apply(deleteNodes(['b', 'missing']));
    expect(applied).toMatchObject({ ok: true, result: { nodes: 1, edges: 2 }, description: { zh: '删除 1 个节点', en: 'delete 1 node' } });
    expect(document.map.edges.map((edge) => edge.id)).toEqual(['e1', 'e3']);
    expect(document.map.tours![0]!.steps[1]).toEqual({ reveal: [], focus: [], caption: { en: 'two' } });
    expect(document.apply(deleteNodes(['q', 'a']))).toMatchObject({ ok: true, result: { nodes: 2, edges: 2 }, description: { zh: '删除 2 个节点' } });
    expect(document.map.tours![0]!.steps[0]).toEqual({ reveal: [], focus: [], caption: { en: 'one' } });
    expect(document.problems).toEqual([]);
  });

  it('deletes an edge with the undercuts that attack it', () => {
    const document = MapDocument.fromMap({ ...debate(), edges: [...debate().edges, { id: 'u', from: 'ev', to: 'e2', kind: 'undercut' }] });
    expect(document.apply(deleteEdge('e2'))).toMatchObject({ ok: true, result: { nodes: 0, edges: 2 } });
    expect(document.map.tours![0]!.steps[1]!.reveal).toEqual(['b']);
  });

  it('moves and pins nodes to 0.1, and unpins them', () => {
    const document = MapDocument.fromMap(debate());
    expect(document.apply(moveNodes([{ id: 'a', x: 10.04, y: -0.01 }, { id: 'b', x: 3, y: 4 }]))).toMatchObject({ ok: true, description: { en: 'move 2 nodes' } });
    expect(document.map.nodes[1]!.position).toEqual({ x: 10, y: 0 });
    expect(Object.is(document.map.nodes[1]!.position!.y, 0)).toBe(true);
    expect(document.apply(unpinNodes(['a'])).ok).toBe(true);
    expect(document.map.nodes[1]!.position).toBeUndefined();
  });

  it('edits tours through the tour functions, refusing steps that name missing elements', () => {
    const document = MapDocument.fromMap(makeMap(['a', 'b'], []));
    const added = document.apply(addTour({ title: { en: 'Walk' } }));
    expect(added.ok).toBe(true);
    const tourId = added.ok ? added.result! : '';
    expect(document.apply(addStep(tourId, { reveal: ['a'], focus: [], caption: { en: 's' } })).ok).toBe(true);
    expect(document.apply(addStep(tourId, { reveal: ['nope'], focus: [], caption: { en: 's' } }))).toMatchObject({ ok: false, message: 'a tour step names a missing node or edge "nope"' });
    expect(document.map.tours![0]!.steps).toHaveLength(2);
  });

  it('pastes a fragment, renaming ids that collide and keeping markup as text', () => {
    const document = MapDocument.fromMap(debate());
    const fragment = copyFragment(document.map, ['a', 'b']);
    expect(fragment.edges.map((edge) => edge.id)).toEqual(['e2']);
    const applied = document.apply(pasteFragment(fragment, { x: 5, y: 5 }));
    expect(applied).toMatchObject({ ok: true, result: { nodes: 2, edges: 1 }, description: { en: 'paste 2 nodes' } });
    expect(document.map.edges.at(-1)).toEqual({ id: 'e2-2', from: 'b-2', to: 'a-2', kind: 'attack' });

    const hostile = serializeMap({ ...makeMap(['x'], [], () => '<img src=x onerror=alert(1)><script>alert(2)</script>'), title: { en: 't' } });
    const parsed = parseFragment(hostile);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) document.apply(pasteFragment(parsed.fragment));
    expect(document.map.nodes.at(-1)!.text.en).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expect(parseFragment('not json').ok).toBe(false);
  });

  it('takes a whole new map from another panel, refusing an invalid one', () => {
    const document = MapDocument.fromMap(debate());
    const next: ArgMap = { ...document.map, nodes: document.map.nodes.map((node) => (node.id === 'a' ? { ...node, text: { en: 'a, in Argdown' } } : node)) };
    expect(document.apply(replaceMap(next, { zh: '编辑 Argdown', en: 'edit Argdown' })).ok).toBe(true);
    expect(document.map.nodes[1]!.text.en).toBe('a, in Argdown');
    expectRefused(document, replaceMap({ ...next, edges: [...next.edges, { id: 'x', from: 'a', to: 'nowhere', kind: 'support' }] }, { zh: '', en: '' }), /missing node "nowhere"/);
  });

  it('a new edit that drops redo steps says so', () => {
    const document = MapDocument.fromMap(debate());
    document.apply(deleteNodes(['b', 'ev']));
    document.history.undo();
    const applied = document.apply(addNode({ text: { en: 'new' } }));
    expect(applied).toMatchObject({ ok: true, discardedRedo: { steps: 1, next: { zh: '删除 2 个节点' } } });
  });
});

describe('documents from elsewhere', () => {
  it('accepts a valid update and refuses one that breaks an edge\'s ends or holds an oversized text', () => {
    const server = MapDocument.fromMap(debate()).doc;
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const clientDocument = new MapDocument(client);

    let before = Y.encodeStateVector(client);
    clientDocument.apply(addNode({ id: 'c', text: { en: 'fine' } }));
    expect(applyUpdateChecked(server, Y.encodeStateAsUpdate(client, before))).toEqual({ ok: true });
    expect(documentToMap(server).nodes.map((node) => node.id)).toContain('c');

    // A hand-crafted update: an edge record whose end does not exist, written past the edits.
    before = Y.encodeStateVector(client);
    rootsOf(client).edges.set('bad', { order: 9, from: 'a', to: 'gone', kind: 'support' });
    const refused = applyUpdateChecked(server, Y.encodeStateAsUpdate(client, before));
    expect(refused).toMatchObject({ ok: false, problems: [{ pointer: '/edges/bad', message: expect.stringMatching(/missing node "gone"/) }] });
    expect(rootsOf(server).edges.has('bad')).toBe(false);

    // The client's next change builds on the refused one, so it cannot be judged alone.
    before = Y.encodeStateVector(client);
    clientDocument.apply(addNode({ id: 'd', text: { en: 'later' } }));
    expect(applyUpdateChecked(server, Y.encodeStateAsUpdate(client, before))).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/depends on changes/) }] });

    const typist = new Y.Doc();
    Y.applyUpdate(typist, Y.encodeStateAsUpdate(server));
    before = Y.encodeStateVector(typist);
    (rootsOf(typist).nodes.get('a')!.get('en') as Y.Text).insert(0, 'x'.repeat(1_000_000));
    const oversized = applyUpdateChecked(server, Y.encodeStateAsUpdate(typist, before));
    expect(oversized.ok).toBe(false);
    if (!oversized.ok) expect(oversized.problems[0]).toEqual({ pointer: '/nodes/a', id: 'a', message: '/text/en: is longer than the limit of 10000 characters' });
    expect(documentToMap(server).nodes.find((node) => node.id === 'a')!.text.en).toBe('a');

    expect(applyUpdateChecked(server, new Uint8Array([1, 2, 3, 250]))).toMatchObject({ ok: false });
  });

  it('a checked document judges a stream of updates the same way, and recovers after a refusal', () => {
    const server = new CheckedDocument(MapDocument.fromMap(debate()).doc);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server.doc));
    const clientDocument = new MapDocument(client);
    const send = (change: () => void) => {
      const before = Y.encodeStateVector(client);
      change();
      return server.apply(Y.encodeStateAsUpdate(client, before));
    };
    expect(send(() => clientDocument.apply(addNode({ id: 'c', text: { en: 'c' } })))).toEqual({ ok: true });
    expect(send(() => clientDocument.apply(updateText('c', 'en', 'c, typed')))).toEqual({ ok: true });
    expect(send(() => rootsOf(client).edges.set('bad', { order: 9, from: 'c', to: 'gone', kind: 'attack' }))).toMatchObject({ ok: false });
    expect(documentToMap(server.doc).nodes.find((node) => node.id === 'c')!.text.en).toBe('c, typed');
    expect(rootsOf(server.doc).edges.has('bad')).toBe(false);

    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server.doc));
    const before = Y.encodeStateVector(fresh);
    new MapDocument(fresh).apply(deleteNodes(['a']));
    expect(server.apply(Y.encodeStateAsUpdate(fresh, before))).toEqual({ ok: true });
    expect(documentToMap(server.doc).edges.map((edge) => edge.id)).toEqual([]);
    expect(validateDocument(server.doc)).toEqual([]);
    server.destroy();
  });

  it('reports hostile records and keeps them out of the map', () => {
    const doc = MapDocument.fromMap(debate()).doc;
    const roots = rootsOf(doc);
    doc.transact(() => {
      roots.nodes.set('weird', new Y.Map());
      roots.edges.set('e9', { order: 1, from: 'a', to: 'b', kind: 'support', extra: true });
      roots.edges.set('__proto__', 'text');
      roots.meta.set('schemaVersion', 7);
    });
    const pointers = validateDocument(doc).map((problem) => problem.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/schemaVersion', '/nodes/weird', '/edges/e9', '/edges/__proto__']));
    const map = documentToMap(doc);
    expect(map.nodes.map((node) => node.id)).toEqual(['q', 'a', 'b', 'ev']);
    expect(map.edges.map((edge) => edge.id)).toEqual(['e1', 'e2', 'e3']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
