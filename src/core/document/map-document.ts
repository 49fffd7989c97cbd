/**
 * One map open for editing: its Y.Doc (the truth), the read model derived from it, and its
 * history. `apply` is the one path of every change: the edit checks the current map and either
 * refuses (nothing is written) or is written in one transaction, one undo step.
 */
import * as Y from 'yjs';
import type { ArgMap } from '../model.ts';
import { rootsOf, type Roots } from './doc-schema.ts';
import { mapToDocument } from './convert.ts';
import { contextFor, LocalEdit, type Edit, type EditResult } from './edits/edit.ts';
import { EditHistory, type DiscardedRedo } from './history.ts';
import { ReadModel, type DocumentProblem, type ReadModelChange } from './read-model.ts';

export type AppliedEdit<R> = EditResult<R> & { readonly discardedRedo?: DiscardedRedo };

export interface MapDocumentOptions {
  /** How long a pause in typing ends an undo step; 500 ms by default. */
  readonly captureTimeout?: number;
}

export class MapDocument {
  readonly doc: Y.Doc;
  readonly history: EditHistory;
  readonly #model: ReadModel;
  readonly #roots: Roots;

  constructor(doc: Y.Doc, options: MapDocumentOptions = {}) {
    this.doc = doc;
    this.#roots = rootsOf(doc);
    this.#model = new ReadModel(doc);
    this.history = new EditHistory(doc, options.captureTimeout);
  }

  static fromMap(map: ArgMap, options: MapDocumentOptions & { readonly clientID?: number } = {}): MapDocument {
    return new MapDocument(mapToDocument(map, options.clientID === undefined ? undefined : { clientID: options.clientID }), options);
  }

  /** The current read model: a valid, immutable map. */
  get map(): ArgMap {
    return this.#model.map;
  }

  get problems(): readonly DocumentProblem[] {
    return this.#model.problems;
  }

  apply<R>(edit: Edit<R>): AppliedEdit<R> {
    const planned = edit(contextFor(this.#model.map, this.#model.index, this.#roots, this.doc, (kind) => this.#model.lastOrder(kind)));
    if (!planned.ok) return planned;
    const discardedRedo = this.history.beforeEdit(planned.gesture);
    this.doc.transact(() => planned.write(this.#roots), new LocalEdit(planned.description, planned.gesture));
    return { ok: true, result: planned.result, description: planned.description, ...(discardedRedo !== undefined ? { discardedRedo } : {}) };
  }

  onChange(listener: (change: ReadModelChange) => void): () => void {
    return this.#model.onChange(listener);
  }

  destroy(): void {
    this.history.destroy();
    this.#model.destroy();
  }
}
