/**
 * Random edit sequences for the document's property tests. A command is data: it names nodes and
 * edges by picks (indices taken modulo the map's current lists), so every sequence applies to any
 * map, and some commands are meant to be refused (missing ends, oversized texts, blank texts).
 */
import fc from 'fast-check';
import type { EdgeKind, Language, NodeKind } from '../../src/core/model.ts';
import {
  addEdge, addNode, addStep, addTour, copyFragment, deleteEdge, deleteNodes, deleteStep, moveNodes, pasteFragment, reverseEdge,
  setEdgeKind, setKind, setSpeaker, unpinNodes, updateText, type AppliedEdit, type MapDocument,
} from '../../src/core/document/index.ts';
import { bilingual, visibleText } from './arbitrary-map.ts';

export type Command =
  | { readonly op: 'addNode'; readonly kind: NodeKind; readonly text: { zh?: string; en?: string } }
  | { readonly op: 'updateText'; readonly node: number; readonly language: Language; readonly text: string }
  | { readonly op: 'setKind'; readonly node: number; readonly kind: NodeKind }
  | { readonly op: 'setSpeaker'; readonly node: number; readonly actor: number | 'new' | 'none' }
  | { readonly op: 'addEdge'; readonly kind: EdgeKind; readonly from: number; readonly to: number; readonly toEdge: boolean }
  | { readonly op: 'addDanglingEdge'; readonly from: number }
  | { readonly op: 'reverseEdge'; readonly edge: number }
  | { readonly op: 'setEdgeKind'; readonly edge: number; readonly kind: EdgeKind }
  | { readonly op: 'deleteNodes'; readonly nodes: readonly number[] }
  | { readonly op: 'deleteEdge'; readonly edge: number }
  | { readonly op: 'moveNodes'; readonly nodes: readonly number[]; readonly x: number; readonly y: number }
  | { readonly op: 'unpin'; readonly node: number }
  | { readonly op: 'addTour'; readonly reveal: readonly number[] }
  | { readonly op: 'addStep'; readonly tour: number; readonly reveal: readonly number[] }
  | { readonly op: 'deleteStep'; readonly tour: number; readonly step: number }
  | { readonly op: 'paste'; readonly nodes: readonly number[] };

const nodeKind = fc.constantFrom<NodeKind>('question', 'claim', 'evidence');
const edgeKind = fc.constantFrom<EdgeKind>('support', 'attack', 'undercut', 'answer', 'rephrase');
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: visibleText(6) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(10_001), 'tab\there\r\nline') },
);

export const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('addNode' as const), kind: nodeKind, text: bilingual }),
  fc.record({ op: fc.constant('updateText' as const), node: fc.nat(), language: fc.constantFrom<Language>('zh', 'en'), text }),
  fc.record({ op: fc.constant('setKind' as const), node: fc.nat(), kind: nodeKind }),
  fc.record({ op: fc.constant('setSpeaker' as const), node: fc.nat(), actor: fc.oneof(fc.nat(), fc.constantFrom('new' as const, 'none' as const)) }),
  fc.record({ op: fc.constant('addEdge' as const), kind: edgeKind, from: fc.nat(), to: fc.nat(), toEdge: fc.boolean() }),
  fc.record({ op: fc.constant('addDanglingEdge' as const), from: fc.nat() }),
  fc.record({ op: fc.constant('reverseEdge' as const), edge: fc.nat() }),
  fc.record({ op: fc.constant('setEdgeKind' as const), edge: fc.nat(), kind: edgeKind }),
  fc.record({ op: fc.constant('deleteNodes' as const), nodes: picks }),
  fc.record({ op: fc.constant('deleteEdge' as const), edge: fc.nat() }),
  fc.record({ op: fc.constant('moveNodes' as const), nodes: picks, x: fc.integer({ min: -2_000_000, max: 2_000_000 }), y: fc.integer({ min: -5000, max: 5000 }) }),
  fc.record({ op: fc.constant('unpin' as const), node: fc.nat() }),
  fc.record({ op: fc.constant('addTour' as const), reveal: picks }),
  fc.record({ op: fc.constant('addStep' as const), tour: fc.nat(), reveal: picks }),
  fc.record({ op: fc.constant('deleteStep' as const), tour: fc.nat(), step: fc.nat() }),
  fc.record({ op: fc.constant('paste' as const), nodes: picks }),
);

export const commands = (maxLength = 12): fc.Arbitrary<Command[]> => fc.array(command, { maxLength });

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Applies one command to `document`; undefined when the map had nothing to pick. */
export function applyCommand(document: MapDocument, command: Command): AppliedEdit<unknown> | undefined {
  const map = document.map;
  const nodeId = (index: number) => pick(map.nodes, index)?.id;
  const edgeId = (index: number) => pick(map.edges, index)?.id;
  const elementIds = [...map.nodes.map((node) => node.id), ...map.edges.map((edge) => edge.id)];
  const reveal = (indices: readonly number[]) => indices.flatMap((index) => (elementIds.length === 0 ? [] : [elementIds[index % elementIds.length]!]));
  switch (command.op) {
    case 'addNode':
      return document.apply(addNode({ kind: command.kind, text: command.text }));
    case 'updateText': {
      const id = nodeId(command.node);
      return id === undefined ? undefined : document.apply(updateText(id, command.language, command.text));
    }
    case 'setKind': {
      const id = nodeId(command.node);
      return id === undefined ? undefined : document.apply(setKind(id, command.kind));
    }
    case 'setSpeaker': {
      const id = nodeId(command.node);
      if (id === undefined) return undefined;
      const actor = command.actor === 'new' ? { name: { zh: '新发言人' } } : command.actor === 'none' ? undefined : pick(map.actors, command.actor)?.id;
      return document.apply(setSpeaker(id, actor));
    }
    case 'addEdge': {
      const from = nodeId(command.from);
      const to = command.toEdge ? edgeId(command.to) : nodeId(command.to);
      return from === undefined || to === undefined ? undefined : document.apply(addEdge({ from, to, kind: command.kind }));
    }
    case 'addDanglingEdge': {
      const from = nodeId(command.from);
      return from === undefined ? undefined : document.apply(addEdge({ from, to: 'no-such-node', kind: 'support' }));
    }
    case 'reverseEdge': {
      const id = edgeId(command.edge);
      return id === undefined ? undefined : document.apply(reverseEdge(id));
    }
    case 'setEdgeKind': {
      const id = edgeId(command.edge);
      return id === undefined ? undefined : document.apply(setEdgeKind(id, command.kind));
    }
    case 'deleteNodes':
      return document.apply(deleteNodes(command.nodes.flatMap((index) => nodeId(index) ?? [])));
    case 'deleteEdge': {
      const id = edgeId(command.edge);
      return id === undefined ? undefined : document.apply(deleteEdge(id));
    }
    case 'moveNodes':
      return document.apply(moveNodes(command.nodes.flatMap((index) => { const id = nodeId(index); return id === undefined ? [] : [{ id, x: command.x, y: command.y }]; })));
    case 'unpin': {
      const id = nodeId(command.node);
      return id === undefined ? undefined : document.apply(unpinNodes([id]));
    }
    case 'addTour':
      return document.apply(addTour({ title: { en: 'Tour' }, firstStep: { reveal: reveal(command.reveal), focus: [], caption: { zh: '第一步' } } }));
    case 'addStep': {
      const tour = pick(map.tours ?? [], command.tour);
      return tour === undefined ? undefined : document.apply(addStep(tour.id, { reveal: reveal(command.reveal), focus: [], caption: { en: 'Step' } }));
    }
    case 'deleteStep': {
      const tour = pick(map.tours ?? [], command.tour);
      return tour === undefined ? undefined : document.apply(deleteStep(tour.id, command.step % tour.steps.length));
    }
    case 'paste': {
      const ids = command.nodes.flatMap((index) => nodeId(index) ?? []);
      return ids.length === 0 ? undefined : document.apply(pasteFragment(copyFragment(map, ids), { x: 40, y: 40 }));
    }
  }
}
