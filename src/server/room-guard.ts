/**
 * The server's judge of a room: every update from an editor is tried on a shadow copy of the room,
 * with its own read model, and accepted only if it adds no problem and keeps the room under its
 * size limit. The copy follows every change of the room (whatever its origin: a connection, Redis,
 * loading), so updates are judged incrementally. CheckedDocument does the same for a document
 * that changes only through it; a room also changes through Hocuspocus, hence this adapter.
 */
import * as Y from 'yjs';
import { ReadModel, type DocumentProblem } from '../core/document/index.ts';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const key = (problem: DocumentProblem) => `${problem.pointer}\u0000${problem.message}`;

export class RoomGuard {
  readonly #room: Y.Doc;
  readonly #maxBytes: number;
  #copy!: Y.Doc;
  #model!: ReadModel;
  /** An upper bound of the room's encoded size: the last measured size plus every update since. */
  #sizeBound = 0;
  readonly #follow = (update: Uint8Array): void => {
    Y.applyUpdate(this.#copy, update);
    this.#sizeBound += update.length;
  };

  constructor(room: Y.Doc, maxBytes: number) {
    this.#room = room;
    this.#maxBytes = maxBytes;
    this.#renew();
    room.on('update', this.#follow);
  }

  /** Whether `update` may be applied to the room; a refused update leaves the room unchanged. */
  check(update: Uint8Array): Verdict {
    if (this.#sizeBound + update.length > this.#maxBytes) {
      const size = Y.encodeStateAsUpdate(this.#copy).length;
      this.#sizeBound = size;
      if (size + update.length > this.#maxBytes) return { ok: false, reason: `room-full: the room would exceed its limit of ${this.#maxBytes} bytes` };
    }
    const before = new Set(this.#model.problems.map(key));
    try {
      Y.applyUpdate(this.#copy, update);
    } catch {
      this.#renew();
      return { ok: false, reason: 'invalid-update: the update is malformed' };
    }
    if (this.#copy.store.pendingStructs !== null || this.#copy.store.pendingDs !== null) {
      this.#renew();
      return { ok: false, reason: 'invalid-update: the update depends on changes the room does not have (reload the map)' };
    }
    const added = this.#model.problems.filter((problem) => !before.has(key(problem)));
    if (added.length > 0) {
      this.#renew();
      const first = added[0]!;
      return { ok: false, reason: `invalid-map: ${first.pointer === '' ? '' : `${first.pointer}: `}${first.message}` };
    }
    return { ok: true };
  }

  destroy(): void {
    this.#room.off('update', this.#follow);
    this.#model.destroy();
    this.#copy.destroy();
  }

  #renew(): void {
    this.#model?.destroy();
    this.#copy?.destroy();
    this.#copy = new Y.Doc();
    const state = Y.encodeStateAsUpdate(this.#room);
    Y.applyUpdate(this.#copy, state);
    this.#sizeBound = state.length;
    this.#model = new ReadModel(this.#copy);
  }
}
