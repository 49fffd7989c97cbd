/**
 * A text change as one splice (keep the common start and end, replace the middle), so that
 * writing a new value into a Y.Text changes only what changed and merges with other people's
 * typing elsewhere in it. Never cuts a surrogate pair in two.
 */
export interface Splice {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function textSplice(before: string, after: string): Splice | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end += 1;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { index: start, deleteCount: before.length - start - end, insert: after.slice(start, after.length - end) };
}
