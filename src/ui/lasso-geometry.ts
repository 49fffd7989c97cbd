/** The lasso's rectangle and the nodes it holds: loaded with the lasso, after the map is drawn. */
import type { Position } from '../layout/layout-node.ts';

export interface Rectangle {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The rectangle two corners span, whichever way the pointer went. */
export function spanned(a: { readonly x: number; readonly y: number }, b: { readonly x: number; readonly y: number }): Rectangle {
  return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
}

/** The nodes whose centres lie in the rectangle (map coordinates), in `ids` order. */
export function nodesInside(rectangle: Rectangle, ids: Iterable<string>, positionOf: (id: string) => Position | undefined): string[] {
  const inside: string[] = [];
  for (const id of ids) {
    const place = positionOf(id);
    if (place && place.x >= rectangle.left && place.x <= rectangle.right && place.y >= rectangle.top && place.y <= rectangle.bottom) inside.push(id);
  }
  return inside;
}

/** The rectangle grown about its centre to at least `size` each way, so that a lasso just begun shows. */
export function atLeast(rectangle: Rectangle, size: number): Rectangle {
  const growX = Math.max(0, size - (rectangle.right - rectangle.left)) / 2;
  const growY = Math.max(0, size - (rectangle.bottom - rectangle.top)) / 2;
  return { left: rectangle.left - growX, top: rectangle.top - growY, right: rectangle.right + growX, bottom: rectangle.bottom + growY };
}
