/**
 * The editable document on big generated maps (bench/big-maps/generate.ts), each figure beside
 * a baseline measured in the same run:
 *   - deriving the read model after one edit (5,000 nodes), against deriving it in full;
 *   - undoing 100 steps, against making those 100 edits;
 *   - the document's memory for 20,000 nodes, against the read-only map alone;
 *   - encoding the whole document (what y-indexeddb's merge of stored updates did on the page;
 *     autosave now merges in a worker, bench/editing.ts), and checking one
 *     remote update (what a collaboration server does per update), against applying it unchecked.
 * Writes its section of bench/RESULTS.md; `--strict` exits with status 1 when a target is missed.
 *
 *   node --expose-gc --import tsx bench/document.ts [--strict]
 */
import { cpus, loadavg } from 'node:os';
import * as Y from 'yjs';
import { median, writeResultsSection } from './bench-support.ts';
import { generateMap } from './big-maps/generate.ts';
import { loadMapText } from '../src/core/load-map.ts';
import type { ArgMap } from '../src/core/model.ts';
import {
  addEdge, addNode, applyUpdateChecked, CheckedDocument, deleteNodes, MapDocument, mapToDocument, moveNodes, ReadModel, setKind, updateText, type Edit,
} from '../src/core/document/index.ts';
import { TabSync } from '../src/ui/document-tabs.ts';

const START = '<!-- document:start -->';
const END = '<!-- document:end -->';
const TARGETS = { deriveMs: 5, undo100Ms: 200, memory20kMb: 150 };

function load(nodeCount: number): ArgMap {
  const loaded = loadMapText(JSON.stringify(generateMap(nodeCount, 1)));
  if (!loaded.ok) throw new Error('the generated map does not load');
  return loaded.map;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc --import tsx bench/document.ts');
  for (let i = 0; i < 3; i += 1) collect();
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** The read model's own cost: from the end of the edit's writes to its change listener. */
function deriveTimes(nodeCount: number, runs: number): { full: number[]; edits: Map<string, number[]>; apply: Map<string, number[]> } {
  const map = load(nodeCount);
  const doc = mapToDocument(map);
  let started = 0;
  // Registered before the document's read model, so it runs first after each transaction.
  doc.on('afterTransaction', () => {
    started = performance.now();
  });
  const document = new MapDocument(doc);
  let derived = 0;
  document.onChange(() => {
    derived = performance.now() - started;
  });
  const full: number[] = [];
  for (let run = 0; run < Math.max(5, Math.round(runs / 5)); run += 1) {
    const start = performance.now();
    new ReadModel(doc).destroy();
    full.push(performance.now() - start);
  }
  const edits = new Map<string, number[]>();
  const apply = new Map<string, number[]>();
  const ids = document.map.nodes.map((node) => node.id);
  const cases: [string, (run: number) => Edit][] = [
    ['type in a text', (run) => updateText(ids[run % ids.length]!, 'en', `edited text ${run}`)],
    ['add a node', (run) => addNode({ text: { zh: `新主张 ${run}` }, position: { x: run, y: run } })],
    ['connect two nodes', (run) => addEdge({ from: ids[run]!, to: ids[run + 1]!, kind: 'attack' })],
    ['change a kind', (run) => setKind(ids[(run * 7) % ids.length]!, run % 2 === 0 ? 'evidence' : 'claim')],
    ['move a node', (run) => moveNodes([{ id: ids[run]!, x: run, y: -run }])],
    ['delete a node with its edges', (run) => deleteNodes([ids[ids.length - 1 - run]!])],
  ];
  for (const [label, edit] of cases) {
    const times: number[] = [];
    const totals: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const start = performance.now();
      const applied = document.apply(edit(run));
      const total = performance.now() - start;
      if (!applied.ok) continue;
      times.push(derived);
      totals.push(total);
    }
    edits.set(label, times);
    apply.set(label, totals);
  }
  document.destroy();
  return { full, edits, apply };
}

function hundredEdits(document: MapDocument, ids: readonly string[]): void {
  for (let step = 0; step < 100; step += 1) {
    const id = ids[(step * 37) % ids.length]!;
    const edit: Edit<unknown> = step % 4 === 0 ? addNode({ text: { en: `claim ${step}` } })
      : step % 4 === 1 ? updateText(id, 'zh', `改写 ${step}`)
      : step % 4 === 2 ? moveNodes([{ id, x: step, y: step }])
      : deleteNodes([id]);
    document.apply(edit);
    document.history.endGesture();
  }
}

function undoTimes(nodeCount: number): { edit100: number; undo100: number; redo100: number; matches: boolean } {
  const map = load(nodeCount);
  const document = MapDocument.fromMap(map);
  const ids = map.nodes.map((node) => node.id);
  // One round not counted: the first runs of each function are the JIT's, not the document's.
  hundredEdits(document, ids);
  while (document.history.state.undoSteps > 0) document.history.undo();
  document.history.clear();
  const start = performance.now();
  hundredEdits(document, ids);
  const edit100 = performance.now() - start;
  if (document.history.state.undoSteps !== 100) throw new Error(`expected 100 steps, got ${document.history.state.undoSteps}`);
  const undoStart = performance.now();
  while (document.history.state.undoSteps > 0) document.history.undo();
  const undo100 = performance.now() - undoStart;
  const matches = JSON.stringify(document.map.nodes) === JSON.stringify(map.nodes);
  const redoStart = performance.now();
  while (document.history.state.redoSteps > 0) document.history.redo();
  const redo100 = performance.now() - redoStart;
  document.destroy();
  return { edit100, undo100, redo100, matches };
}

function memory(nodeCount: number): { mapMb: number; docMb: number; documentMb: number; updateBytes: number; encodeMs: number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  let map: ArgMap | undefined = load(nodeCount);
  gc();
  const withMap = process.memoryUsage().heapUsed;
  let doc: Y.Doc | undefined = mapToDocument(map);
  gc();
  const withDoc = process.memoryUsage().heapUsed;
  let document: MapDocument | undefined = new MapDocument(doc);
  gc();
  const withDocument = process.memoryUsage().heapUsed;
  // What y-indexeddb did on the page's thread when it compacted its store (every 500 updates);
  // autosave now merges the stored updates in a worker (document-compaction.ts).
  const encodings: number[] = [];
  let update: Uint8Array = new Uint8Array();
  for (let run = 0; run < 5; run += 1) {
    const encodeStart = performance.now();
    update = Y.encodeStateAsUpdate(doc);
    encodings.push(performance.now() - encodeStart);
  }
  const encodeMs = median(encodings);
  const result = {
    mapMb: (withMap - base) / 2 ** 20,
    docMb: (withDoc - withMap) / 2 ** 20,
    documentMb: (withDocument - withMap) / 2 ** 20,
    updateBytes: update.length,
    encodeMs,
  };
  document.destroy();
  document = undefined;
  doc = undefined;
  map = undefined;
  return result;
}

function checkedUpdate(nodeCount: number): { applyMs: number; checkedMs: number; gateMs: number } {
  const server = mapToDocument(load(nodeCount));
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const document = new MapDocument(client);
  const plain: number[] = [];
  const checked: number[] = [];
  const plainServer = new Y.Doc();
  Y.applyUpdate(plainServer, Y.encodeStateAsUpdate(server));
  const gateServer = new Y.Doc();
  Y.applyUpdate(gateServer, Y.encodeStateAsUpdate(server));
  const gate = new CheckedDocument(gateServer);
  const gated: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const before = Y.encodeStateVector(client);
    document.apply(addNode({ text: { en: `remote ${run}` } }));
    const update = Y.encodeStateAsUpdate(client, before);
    let start = performance.now();
    Y.applyUpdate(plainServer, update);
    plain.push(performance.now() - start);
    start = performance.now();
    if (!applyUpdateChecked(server, update).ok) throw new Error('a valid update was refused');
    checked.push(performance.now() - start);
    start = performance.now();
    if (!gate.apply(update).ok) throw new Error('a valid update was refused');
    gated.push(performance.now() - start);
  }
  return { applyMs: median(plain), checkedMs: median(checked), gateMs: median(gated) };
}

/** Two tabs in one process: from an edit in one to its read model changing in the other, over a BroadcastChannel. */
async function tabLatency(nodeCount: number, runs: number): Promise<{ medianMs: number; maxMs: number }> {
  const key = `bench-${process.pid}`;
  const first = MapDocument.fromMap(load(nodeCount));
  const secondDoc = new Y.Doc();
  Y.applyUpdate(secondDoc, Y.encodeStateAsUpdate(first.doc));
  const second = new MapDocument(secondDoc);
  const tabs = [new TabSync(first.doc, key), new TabSync(secondDoc, key)];
  const times: number[] = [];
  const ids = first.map.nodes.map((node) => node.id);
  for (let run = 0; run < runs; run += 1) {
    const arrived = new Promise<void>((resolve) => {
      const stop = second.onChange(() => {
        stop();
        resolve();
      });
    });
    const start = performance.now();
    first.apply(updateText(ids[run]!, 'en', `typed in the other tab ${run}`));
    await arrived;
    times.push(performance.now() - start);
  }
  for (const tab of tabs) tab.destroy();
  return { medianMs: median(times), maxMs: Math.max(...times) };
}

const strict = process.argv.includes('--strict');
const runs = 60;
const derive = deriveTimes(5000, runs);
const fullMedian = median(derive.full);
const undo = undoTimes(5000);
const memory20k = memory(20_000);
const memory5k = memory(5000);
const server = checkedUpdate(5000);
const tabs = await tabLatency(5000, 30);

const deriveRows = [...derive.edits].map(([label, times]) => {
  const value = median(times);
  return { label, value, apply: median(derive.apply.get(label)!), ok: value <= TARGETS.deriveMs };
});
const misses = [
  ...deriveRows.filter((row) => !row.ok).map((row) => `derive after "${row.label}"`),
  ...(undo.undo100 <= TARGETS.undo100Ms && undo.matches ? [] : ['undo 100 steps']),
  ...(memory20k.documentMb < TARGETS.memory20kMb ? [] : ['memory for 20,000 nodes']),
  ...(tabs.medianMs <= 100 ? [] : ['two tabs']),
];

const section = [
  START,
  '## Editable document (issue 15)',
  '',
  `\`node --expose-gc --import tsx bench/document.ts\` (part of \`npm run bench\`), ${new Date().toISOString().slice(0, 16)} UTC, ` +
    `${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}. Generated maps of bench/big-maps/generate.ts (seed 1). Medians of ${runs} edits each.`,
  '',
  '### Deriving the read model after one edit (5,000 nodes, 5,900 edges)',
  '',
  `Baseline: deriving the whole read model from the document, **${ms(fullMedian)} ms** (median of ${derive.full.length}).`,
  'Derive is the read model\'s own work after the edit\'s transaction; the whole edit adds checking the edit, writing it, and the undo manager.',
  '',
  `| edit | derive (target ≤ ${TARGETS.deriveMs} ms) | vs full derive | whole edit | met |`,
  '| --- | ---: | ---: | ---: | :---: |',
  ...deriveRows.map((row) => `| ${row.label} | ${ms(row.value)} ms | ${(row.value / fullMedian).toFixed(3)}× | ${ms(row.apply)} ms | ${row.ok ? 'yes' : '**no**'} |`),
  '',
  '### Undo (5,000 nodes)',
  '',
  `| | ms | vs making the edits |`,
  '| --- | ---: | ---: |',
  `| making 100 edits (baseline: add, type, move, delete in turn, one step each) | ${ms(undo.edit100)} | 1× |`,
  `| undoing those 100 steps (target ≤ ${TARGETS.undo100Ms} ms) | ${ms(undo.undo100)} | ${(undo.undo100 / undo.edit100).toFixed(2)}× |`,
  `| redoing them | ${ms(undo.redo100)} | ${(undo.redo100 / undo.edit100).toFixed(2)}× |`,
  '',
  `After undoing all 100, the nodes equal the original map's: ${undo.matches ? 'yes' : '**no**'}.`,
  '',
  '### Memory and size',
  '',
  'Heap growth after garbage collection. Baseline: the read-only map (ArgMap) alone. "Document" is the Y.Doc plus its read model and undo manager. ' +
    'Encoding the whole document is what y-indexeddb\'s merge of the stored updates did on the page\'s thread; autosave now does it in a worker (bench/editing.ts measures the page meanwhile).',
  '',
  `| nodes | map alone | Y.Doc | document (target < ${TARGETS.memory20kMb} MB at 20,000) | document vs map | encoded update | encoding it (median of 5) |`,
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...[[5000, memory5k], [20_000, memory20k]].map(([count, m]) => {
    const row = m as typeof memory20k;
    return `| ${(count as number).toLocaleString('en')} | ${row.mapMb.toFixed(1)} MB | ${row.docMb.toFixed(1)} MB | ${row.documentMb.toFixed(1)} MB | ${(row.documentMb / row.mapMb).toFixed(1)}× | ${(row.updateBytes / 2 ** 20).toFixed(2)} MB | ${ms(row.encodeMs)} ms |`;
  }),
  '',
  '### A collaboration server checking one update (5,000 nodes)',
  '',
  `| | ms | vs applying it unchecked |`,
  '| --- | ---: | ---: |',
  `| applying a one-node update unchecked (baseline) | ${ms(server.applyMs)} | 1× |`,
  `| \`applyUpdateChecked\` (copy the document, apply, read it all, then apply) | ${ms(server.checkedMs)} | ${(server.checkedMs / server.applyMs).toFixed(0)}× |`,
  `| \`CheckedDocument.apply\` (a kept copy read incrementally) | ${ms(server.gateMs)} | ${(server.gateMs / server.applyMs).toFixed(0)}× |`,
  '',
  '### Two tabs (5,000 nodes)',
  '',
  `From an edit in one document to the other document's read model, over a BroadcastChannel between two documents of one Node process (the browser test tests/e2e/authoring.spec.ts checks two real tabs): median ${ms(tabs.medianMs)} ms, slowest ${ms(tabs.maxMs)} ms of 30 (target ≤ 100 ms).`,
  '',
  misses.length === 0 ? 'Every target met.' : `Missed: ${misses.join(', ')}.`,
  END,
].join('\n');

writeResultsSection(START, END, section);
console.log(section);
if (strict && misses.length > 0) process.exitCode = 1;
