/**
 * Judging a document from elsewhere: a replica's update is applied to a copy first and kept only
 * if it leaves the map valid. This is what a collaboration server runs on every client update.
 */
import * as Y from 'yjs';
import { ReadModel, type DocumentProblem } from './read-model.ts';

/** Every problem of the document: empty when it holds a valid map and nothing else. */
export function validateDocument(doc: Y.Doc): readonly DocumentProblem[] {
  const model = new ReadModel(doc);
  const problems = model.problems;
  model.destroy();
  return problems;
}

export type CheckedUpdate = { readonly ok: true } | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

const key = (problem: DocumentProblem) => `${problem.pointer}\u0000${problem.message}`;

/**
 * Applies `update` to `doc` only if it adds no problem (problems the document already had, from
 * merging concurrent edits, do not count against it). A malformed update changes nothing.
 */
export function applyUpdateChecked(doc: Y.Doc, update: Uint8Array, origin?: unknown): CheckedUpdate {
  const before = new Set(validateDocument(doc).map(key));
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(copy, update);
  } catch {
    return { ok: false, problems: [{ pointer: '', message: 'the update is malformed' }] };
  }
  // An update that needs changes this document lacks (say, one that was refused) would wait
  // unapplied, and be judged without them: it is refused instead.
  const waiting = copy.store.pendingStructs !== null || copy.store.pendingDs !== null;
  const added = waiting
    ? [{ pointer: '', message: 'the update depends on changes this document does not have' }]
    : validateDocument(copy).filter((problem) => !before.has(key(problem)));
  copy.destroy();
  if (added.length > 0) return { ok: false, problems: added };
  Y.applyUpdate(doc, update, origin);
  return { ok: true };
}
