/**
 * The server's judge of a room: every update from an editor is accepted only if it keeps the room
 * under its size limit and the document's judge (CheckedDocument, which follows every change of
 * the room whatever its origin: a connection, Redis, loading) finds that it adds no problem.
 */
import * as Y from 'yjs';
import { CheckedDocument, type RefusalCause } from '../core/document/index.ts';

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const REASON: Readonly<Record<RefusalCause, string>> = {
  malformed: 'invalid-update',
  'missing-changes': 'invalid-update',
  'invalid-map': 'invalid-map',
};

export class RoomGuard {
  readonly #room: Y.Doc;
  readonly #maxBytes: number;
  readonly #judge: CheckedDocument;
  /** An upper bound of the room's encoded size: the last measured size plus every update since. */
  #sizeBound: number;
  readonly #count = (update: Uint8Array): void => {
    this.#sizeBound += update.length;
  };

  constructor(room: Y.Doc, maxBytes: number) {
    this.#room = room;
    this.#maxBytes = maxBytes;
    this.#judge = new CheckedDocument(room);
    this.#sizeBound = Y.encodeStateAsUpdate(room).length;
    room.on('update', this.#count);
  }

  /** Whether `update` may be applied to the room; a refused update leaves the room unchanged. */
  check(update: Uint8Array): Verdict {
    if (this.#sizeBound + update.length > this.#maxBytes) {
      this.#sizeBound = Y.encodeStateAsUpdate(this.#room).length;
      if (this.#sizeBound + update.length > this.#maxBytes) return { ok: false, reason: `room-full: the room would exceed its limit of ${this.#maxBytes} bytes` };
    }
    const verdict = this.#judge.check(update);
    if (verdict.ok) return verdict;
    const first = verdict.problems[0]!;
    const advice = verdict.cause === 'missing-changes' ? ' (reload the map)' : '';
    return { ok: false, reason: `${REASON[verdict.cause]}: ${first.pointer === '' ? '' : `${first.pointer}: `}${first.message}${advice}` };
  }

  destroy(): void {
    this.#room.off('update', this.#count);
    this.#judge.destroy();
  }
}
