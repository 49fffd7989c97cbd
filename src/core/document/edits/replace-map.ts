/**
 * An edit made elsewhere as a whole new map (the Argdown tab, the tour editor, "Save layout"):
 * the document takes the difference, element by element, so it stays one undo step, texts change
 * by splices (and so merge with other people's typing), and untouched elements stay untouched.
 */
import * as Y from 'yjs';
import { LANGUAGES, type ArgMap, type ArgNode } from '../../model.ts';
import { ProblemCollector } from '../../problems.ts';
import { checkIntegrity } from '../../validate/integrity.ts';
import { META_FIELD, NODE_FIELD, nodeText, type NodeRecord, type Roots } from '../doc-schema.ts';
import type { Description } from '../describe.ts';
import { schemaProblem } from '../record-rules.ts';
import { textSplice } from '../text-diff.ts';
import { actorRecord, edgeRecord, extensionsText, nodeRecord, sourceRecord, tourRecord } from '../write-records.ts';
import { refuse, type Edit } from './edit.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function sameOrder(a: readonly { readonly id: string }[], b: readonly { readonly id: string }[]): boolean {
  return a.length === b.length && a.every((item, index) => item.id === b[index]!.id);
}

/** The schema's verdict on each element of `map` that is not the same object as before. */
function recordProblem(map: ArgMap, before: ArgMap): string | undefined {
  const changed = <T>(items: readonly T[], previous: readonly T[]) => {
    const kept = new Set(previous);
    return items.filter((item) => !kept.has(item));
  };
  const checks: [Parameters<typeof schemaProblem>[0], readonly unknown[]][] = [
    ['node', changed(map.nodes, before.nodes)],
    ['edge', changed(map.edges, before.edges)],
    ['actor', changed(map.actors, before.actors)],
    ['source', changed(map.sources, before.sources)],
    ['tour', changed(map.tours ?? [], before.tours ?? [])],
  ];
  for (const [definition, items] of checks) {
    for (const item of items) {
      const problem = schemaProblem(definition, JSON.parse(JSON.stringify(item)));
      if (problem !== undefined) return `${definition} ${JSON.stringify((item as { id: string }).id)}: ${problem}`;
    }
  }
  return schemaProblem('bilingual', { ...map.title });
}

function writeNode(record: NodeRecord, node: ArgNode, old: ArgNode): void {
  if (node.kind !== old.kind) record.set(NODE_FIELD.kind, node.kind);
  for (const language of LANGUAGES) {
    const text = node.text[language];
    const current = nodeText(record, language);
    if (text === undefined) {
      if (current !== undefined) record.delete(language);
    } else if (current === undefined) record.set(language, new Y.Text(text));
    else {
      const splice = textSplice(current.toString(), text);
      if (splice !== undefined) {
        if (splice.deleteCount > 0) current.delete(splice.index, splice.deleteCount);
        if (splice.insert.length > 0) current.insert(splice.index, splice.insert);
      }
    }
  }
  const fields = [
    [NODE_FIELD.actor, node.actor, old.actor],
    [NODE_FIELD.quote, node.quote && { ...node.quote }, old.quote],
    [NODE_FIELD.position, node.position && { ...node.position }, old.position],
    [NODE_FIELD.tags, node.tags && [...node.tags], old.tags],
    [NODE_FIELD.section, node.section, old.section],
  ] as const;
  for (const [field, value, previous] of fields) {
    if (same(value, previous)) continue;
    if (value === undefined) record.delete(field);
    else record.set(field, value);
  }
}

function writePlain<T extends { readonly id: string }>(root: Y.Map<unknown>, next: readonly T[], before: readonly T[], toRecord: (item: T, order: number) => object): void {
  const previous = new Map(before.map((item) => [item.id, item]));
  const reorder = !sameOrder(next, before);
  const kept = new Set(next.map((item) => item.id));
  for (const item of before) if (!kept.has(item.id)) root.delete(item.id);
  next.forEach((item, order) => {
    const old = previous.get(item.id);
    if (!reorder && old !== undefined && (old === item || same(old, item))) return;
    const stored = root.get(item.id) as { order?: unknown } | undefined;
    const keptOrder = !reorder && typeof stored?.order === 'number' ? stored.order : order;
    root.set(item.id, toRecord(item, keptOrder));
  });
}

/**
 * Makes the document hold `next`, a whole map; refused when `next` is not a valid map. Edits of
 * one `gesture` (typing in the Argdown tab) make one undo step per pause.
 */
export function replaceMap(next: ArgMap, description: Description, gesture?: string): Edit<void> {
  return (context) => {
    const before = context.map;
    if (next === before) return refuse('the map did not change');
    const problems = new ProblemCollector(undefined, 1);
    checkIntegrity(next, problems);
    const integrity = problems.toArray().find((problem) => problem.severity === 'error');
    if (integrity !== undefined) return refuse(integrity.message);
    const problem = recordProblem(next, before);
    if (problem !== undefined) return refuse(problem);
    return {
      ok: true,
      description,
      result: undefined,
      ...(gesture !== undefined ? { gesture: { key: gesture, merge: 'pause' as const } } : {}),
      write: (roots: Roots) => {
        if (!same(next.title, before.title)) roots.meta.set(META_FIELD.title, { ...next.title });
        if ((next.tours !== undefined) !== (before.tours !== undefined)) roots.meta.set(META_FIELD.toursListed, next.tours !== undefined);
        const extensions = next.extensions === undefined ? undefined : extensionsText(next.extensions);
        if (extensions !== (before.extensions === undefined ? undefined : extensionsText(before.extensions))) {
          if (extensions === undefined) roots.meta.delete(META_FIELD.extensions);
          else roots.meta.set(META_FIELD.extensions, extensions);
        }
        writePlain(roots.sources, next.sources, before.sources, sourceRecord);
        writePlain(roots.actors, next.actors, before.actors, actorRecord);
        const reorder = !sameOrder(next.nodes, before.nodes);
        const previous = new Map(before.nodes.map((node) => [node.id, node]));
        const kept = new Set(next.nodes.map((node) => node.id));
        for (const node of before.nodes) if (!kept.has(node.id)) roots.nodes.delete(node.id);
        next.nodes.forEach((node, order) => {
          const old = previous.get(node.id);
          const record = roots.nodes.get(node.id);
          if (old === undefined || record === undefined) roots.nodes.set(node.id, nodeRecord(node, order));
          else {
            if (reorder) record.set(NODE_FIELD.order, order);
            if (old !== node) writeNode(record, node, old);
          }
        });
        writePlain(roots.edges, next.edges, before.edges, edgeRecord);
        writePlain(roots.tours, next.tours ?? [], before.tours ?? [], tourRecord);
      },
    };
  };
}
