/**
 * Judging a document from elsewhere: a replica's update is applied to a copy first and kept only
 * if it leaves the map valid. This is what a collaboration server runs on every client update.
 */
import * as Y from 'yjs';
import { isMergeLeftover } from './merge-leftovers.ts';
import { ReadModel, type DocumentProblem } from './read-model.ts';

/** Every problem of the document: empty when it holds a valid map and nothing else. */
export function validateDocument(doc: Y.Doc): readonly DocumentProblem[] {
  const model = new ReadModel(doc);
  const problems = model.problems;
  model.destroy();
  return problems;
}

/** Why an update was refused: it could not be read, it builds on changes refused or not yet here, or it breaks the map. */
export type RefusalCause = 'malformed' | 'missing-changes' | 'invalid-map';

export type CheckedUpdate =
  | { readonly ok: true }
  | { readonly ok: false; readonly cause: RefusalCause; readonly problems: readonly DocumentProblem[] };

const key = (problem: DocumentProblem) => `${problem.pointer}\u0000${problem.message}`;

/**
 * Applies `update` to `doc` only if it adds no problem. Problems the document already had, and
 * those merging leaves (an element naming one deleted meanwhile, see merge-leftovers.ts), do not
 * count against it. A malformed update changes nothing.
 */
export function applyUpdateChecked(doc: Y.Doc, update: Uint8Array, origin?: unknown): CheckedUpdate {
  const judge = new CheckedDocument(doc);
  try {
    return judge.apply(update, origin);
  } finally {
    judge.destroy();
  }
}

/**
 * The judge of a document that receives many updates (a server's room): it keeps a copy with its
 * own read model, which follows every change of the document whatever its origin, so each update
 * is judged by the incremental read stage instead of a full copy and read. Only a refused update
 * costs a new copy.
 */
export class CheckedDocument {
  readonly doc: Y.Doc;
  #copy!: Y.Doc;
  #model!: ReadModel;
  readonly #follow = (update: Uint8Array): void => Y.applyUpdate(this.#copy, update);

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.#renew();
    doc.on('update', this.#follow);
  }

  /** Whether `update` may be applied to the document; the document itself is not changed. */
  check(update: Uint8Array): CheckedUpdate {
    const before = new Set(this.#model.problems.map(key));
    try {
      Y.applyUpdate(this.#copy, update);
    } catch {
      return this.#refuse('malformed', [{ pointer: '', message: 'the update is malformed' }]);
    }
    // An update that needs changes this document lacks (say, one that was refused) would wait
    // unapplied, and be judged without them: it is refused instead.
    if (this.#copy.store.pendingStructs !== null || this.#copy.store.pendingDs !== null) {
      return this.#refuse('missing-changes', [{ pointer: '', message: 'the update depends on changes this document does not have' }]);
    }
    const added = this.#model.problems.filter((problem) => !before.has(key(problem)) && !isMergeLeftover(this.#copy, problem));
    return added.length > 0 ? this.#refuse('invalid-map', added) : { ok: true };
  }

  /** Applies `update` to the document if `check` accepts it. */
  apply(update: Uint8Array, origin?: unknown): CheckedUpdate {
    const verdict = this.check(update);
    if (verdict.ok) Y.applyUpdate(this.doc, update, origin);
    return verdict;
  }

  destroy(): void {
    this.doc.off('update', this.#follow);
    this.#model.destroy();
    this.#copy.destroy();
  }

  #refuse(cause: RefusalCause, problems: readonly DocumentProblem[]): CheckedUpdate {
    this.#renew();
    return { ok: false, cause, problems };
  }

  #renew(): void {
    this.#model?.destroy();
    this.#copy?.destroy();
    this.#copy = new Y.Doc();
    Y.applyUpdate(this.#copy, Y.encodeStateAsUpdate(this.doc));
    this.#model = new ReadModel(this.#copy);
  }
}
