/** The read records of one collection, by id and in map order. */
import type { RecordRead } from './read-records.ts';
import { SortedIds } from './sorted-ids.ts';

/** A root collection as the read stage sees it. */
export interface Stored {
  get(id: string): unknown;
  keys(): IterableIterator<string>;
}

export interface Reread<T> {
  readonly before: RecordRead<T> | undefined;
  readonly after: RecordRead<T> | undefined;
}

export class RecordSet<T extends { readonly id: string }> {
  readonly reads = new Map<string, RecordRead<T>>();
  readonly sorted = new SortedIds((id) => this.reads.get(id)?.order ?? Number.POSITIVE_INFINITY);
  readonly #read: (id: string, stored: unknown) => RecordRead<T>;

  constructor(read: (id: string, stored: unknown) => RecordRead<T>) {
    this.#read = read;
  }

  /** Reads the record of `id` again. */
  refresh(id: string, root: Stored): Reread<T> {
    const before = this.reads.get(id);
    const stored = root.get(id);
    const after = stored === undefined ? undefined : this.#read(id, stored);
    if (after === undefined) {
      if (before !== undefined) {
        this.reads.delete(id);
        this.sorted.remove(id);
      }
    } else {
      this.reads.set(id, after);
      if (before === undefined) this.sorted.add(id);
      else if (before.order !== after.order) this.sorted.moved(id);
    }
    return { before, after };
  }

  /** Reads every record of a collection, as when a document is opened. */
  readAll(root: Stored): Map<string, Reread<T>> {
    const rereads = new Map<string, Reread<T>>();
    const added: string[] = [];
    for (const id of root.keys()) {
      const after = this.#read(id, root.get(id));
      this.reads.set(id, after);
      added.push(id);
      rereads.set(id, { before: undefined, after });
    }
    this.sorted.addAll(added);
    return rereads;
  }

  /** The value of a record that reads well. */
  value(id: string): T | undefined {
    const read = this.reads.get(id);
    return read?.ok === true ? read.value : undefined;
  }
}
