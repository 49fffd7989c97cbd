/**
 * Line and column of an offset in Argdown text. Lines end at `\r\n`, `\n` or a lone `\r` (Argdown
 * accepts all three); lines and columns are 1-based and columns count UTF-16 code units, as the
 * Problem type and editors do.
 */

import type { Position } from '../../problems.ts';

export class SourceText {
  readonly text: string;
  /** Offset of the first character of every line, ascending. */
  readonly #lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    for (let offset = 0; offset < text.length; offset += 1) {
      const code = text.charCodeAt(offset);
      if (code === 0x0a) this.#lineStarts.push(offset + 1);
      else if (code === 0x0d) {
        if (text.charCodeAt(offset + 1) === 0x0a) offset += 1;
        this.#lineStarts.push(offset + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.#lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.#lineStarts[low] ?? 0) + 1 };
  }
}
