/**
 * The ids of one collection in map order (by `order`, then id, so replicas that drew the same
 * number agree). Appends at the end, the common case, cost nothing; anything else sorts again.
 */
export class SortedIds {
  #ids: string[] = [];
  #sorted = true;
  readonly #orderOf: (id: string) => number;

  constructor(orderOf: (id: string) => number) {
    this.#orderOf = orderOf;
  }

  #before(a: string, b: string): boolean {
    const difference = this.#orderOf(a) - this.#orderOf(b);
    return difference < 0 || (difference === 0 && a < b);
  }

  add(id: string): void {
    const last = this.#ids[this.#ids.length - 1];
    if (this.#sorted && last !== undefined && !this.#before(last, id)) this.#sorted = false;
    this.#ids.push(id);
  }

  remove(id: string): void {
    const index = this.#ids.lastIndexOf(id);
    if (index >= 0) this.#ids.splice(index, 1);
  }

  /** An id whose order may have changed. */
  moved(): void {
    this.#sorted = false;
  }

  get ids(): readonly string[] {
    if (!this.#sorted) {
      this.#ids.sort((a, b) => (this.#before(a, b) ? -1 : this.#before(b, a) ? 1 : 0));
      this.#sorted = true;
    }
    return this.#ids;
  }
}
