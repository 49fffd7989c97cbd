/**
 * Undo and redo over the whole document, with Y.UndoManager: it undoes this replica's edits
 * only, and merges with what others did since. One gesture is one step: typing merges until a
 * pause of `captureTimeout`, a drag until it ends, and any other edit stands alone. Each step
 * keeps its edit's description, so the buttons say what they will do.
 */
import * as Y from 'yjs';
import { rootsOf } from './doc-schema.ts';
import type { Description } from './describe.ts';
import { LocalEdit, type Gesture } from './edits/edit.ts';

const DESCRIPTION = 'description';

export interface HistoryState {
  readonly undo: Description | undefined;
  readonly redo: Description | undefined;
  readonly undoSteps: number;
  readonly redoSteps: number;
}

/** Steps that could have been redone, dropped by a new edit: the UI says so instead of losing them silently. */
export interface DiscardedRedo {
  readonly steps: number;
  readonly next: Description | undefined;
}

export class EditHistory {
  readonly #manager: Y.UndoManager;
  readonly #listeners = new Set<(state: HistoryState) => void>();
  #lastGesture: string | undefined;

  constructor(doc: Y.Doc, captureTimeout = 500) {
    const roots = rootsOf(doc);
    this.#manager = new Y.UndoManager([roots.meta, roots.nodes, roots.edges, roots.actors, roots.sources, roots.tours], {
      captureTimeout,
      trackedOrigins: new Set([LocalEdit]),
    });
    this.#manager.on('stack-item-added', ({ stackItem, origin }) => {
      // A step moving between the stacks keeps its description.
      const description = origin instanceof LocalEdit ? origin.description : this.#manager.currStackItem?.meta.get(DESCRIPTION);
      stackItem.meta.set(DESCRIPTION, description);
      this.#notify();
    });
    this.#manager.on('stack-item-popped', () => this.#notify());
    this.#manager.on('stack-cleared', () => this.#notify());
  }

  get state(): HistoryState {
    const undo = this.#manager.undoStack;
    const redo = this.#manager.redoStack;
    return {
      undo: undo[undo.length - 1]?.meta.get(DESCRIPTION) as Description | undefined,
      redo: redo[redo.length - 1]?.meta.get(DESCRIPTION) as Description | undefined,
      undoSteps: undo.length,
      redoSteps: redo.length,
    };
  }

  /** Called before an edit's transaction: decides whether it joins the step before it. */
  beforeEdit(gesture: Gesture | undefined): DiscardedRedo | undefined {
    const key = gesture?.key;
    if (key === undefined || key !== this.#lastGesture) this.#manager.stopCapturing();
    // However long the edit itself takes, it joins the step before it.
    else if (gesture?.merge === 'always') this.#manager.lastChange = Number.POSITIVE_INFINITY;
    this.#lastGesture = key;
    const redo = this.#manager.redoStack;
    return redo.length === 0 ? undefined : { steps: redo.length, next: redo[redo.length - 1]?.meta.get(DESCRIPTION) as Description | undefined };
  }

  /** Ends the current gesture: the next edit starts a new step even if it has the same key. */
  endGesture(): void {
    this.#lastGesture = undefined;
    this.#manager.stopCapturing();
  }

  undo(): Description | undefined {
    const description = this.state.undo;
    this.#lastGesture = undefined;
    return this.#manager.undo() === null ? undefined : description;
  }

  redo(): Description | undefined {
    const description = this.state.redo;
    this.#lastGesture = undefined;
    return this.#manager.redo() === null ? undefined : description;
  }

  /** Forgets every step, as when a map is opened. */
  clear(): void {
    this.#manager.clear();
    this.#lastGesture = undefined;
  }

  onChange(listener: (state: HistoryState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  destroy(): void {
    this.#manager.destroy();
    this.#listeners.clear();
  }

  #notify(): void {
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }
}
