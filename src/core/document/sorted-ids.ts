/**
 * The ids of one collection in map order (by `order`, then id, so replicas that drew the same
 * number agree). Appends at the end, the common case, cost nothing; an id added or moved
 * elsewhere (an undone delete) is put in place by binary search; only a bulk read sorts.
 */
export class SortedIds {
  readonly #ids: string[] = [];
  /** Ids added while reading a whole collection: sorted in one go when next asked for. */
  #unsorted = false;
  readonly #orderOf: (id: string) => number;

  constructor(orderOf: (id: string) => number) {
    this.#orderOf = orderOf;
  }

  #before(a: string, b: string): boolean {
    const difference = this.#orderOf(a) - this.#orderOf(b);
    return difference < 0 || (difference === 0 && a < b);
  }

  #insert(id: string): void {
    let low = 0;
    let high = this.#ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#before(this.#ids[middle]!, id)) low = middle + 1;
      else high = middle;
    }
    this.#ids.splice(low, 0, id);
  }

  add(id: string): void {
    const last = this.#ids[this.#ids.length - 1];
    if (this.#unsorted || last === undefined || this.#before(last, id)) this.#ids.push(id);
    else this.#insert(id);
  }

  /** Adds many ids at once, sorting them when next asked for. */
  addAll(ids: Iterable<string>): void {
    for (const id of ids) this.#ids.push(id);
    this.#unsorted = true;
  }

  remove(id: string): void {
    const index = this.#ids.lastIndexOf(id);
    if (index >= 0) this.#ids.splice(index, 1);
  }

  /** An id whose order changed. */
  moved(id: string): void {
    if (this.#unsorted) return;
    this.remove(id);
    this.#insert(id);
  }

  get ids(): readonly string[] {
    if (this.#unsorted) {
      this.#ids.sort((a, b) => (this.#before(a, b) ? -1 : this.#before(b, a) ? 1 : 0));
      this.#unsorted = false;
    }
    return this.#ids;
  }
}
