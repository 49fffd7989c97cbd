/** RFC 6901 JSON Pointers: how problems say where in a file they are. */

import type { Position } from '../problems.ts';

/** The pointer of a member or item inside the value at `parent`. */
export function childPointer(parent: string, key: string | number): string {
  const segment = typeof key === 'number' ? String(key) : key.replace(/~/g, '~0').replace(/\//g, '~1');
  return `${parent}/${segment}`;
}

/** The last segment of a pointer, unescaped: the name of the field it points at. */
export function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where the values of a parsed file are (see PointerIndex in parse-json.ts). */
export interface PointerPositions {
  /** The position of `pointer`, or of its nearest ancestor in the file. */
  locate(pointer: string): Position | undefined;
}

/**
 * The position of `pointer`, or of its nearest ancestor when the pointer names something that is
 * not in the file (a missing required property points at the object that lacks it).
 */
export function locatePointer(positions: PointerPositions, pointer: string): Position | undefined {
  return positions.locate(pointer);
}
