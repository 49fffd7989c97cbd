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

/**
 * applyUpdateChecked for a document that receives many updates (a server's room): it keeps a
 * copy with its own read model, so each update is judged by the incremental read stage instead
 * of a full copy and read. Only a refused update costs a new copy.
 */
export class CheckedDocument {
  readonly doc: Y.Doc;
  #copy!: Y.Doc;
  #model!: ReadModel;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.#renew();
  }

  apply(update: Uint8Array, origin?: unknown): CheckedUpdate {
    const before = new Set(this.#model.problems.map(key));
    try {
      Y.applyUpdate(this.#copy, update);
    } catch {
      this.#renew();
      return { ok: false, problems: [{ pointer: '', message: 'the update is malformed' }] };
    }
    const waiting = this.#copy.store.pendingStructs !== null || this.#copy.store.pendingDs !== null;
    const added = waiting
      ? [{ pointer: '', message: 'the update depends on changes this document does not have' }]
      : this.#model.problems.filter((problem) => !before.has(key(problem)));
    if (added.length > 0) {
      this.#renew();
      return { ok: false, problems: added };
    }
    Y.applyUpdate(this.doc, update, origin);
    return { ok: true };
  }

  destroy(): void {
    this.#model.destroy();
    this.#copy.destroy();
  }

  #renew(): void {
    this.#model?.destroy();
    this.#copy?.destroy();
    this.#copy = new Y.Doc();
    Y.applyUpdate(this.#copy, Y.encodeStateAsUpdate(this.doc));
    this.#model = new ReadModel(this.#copy);
  }
}
