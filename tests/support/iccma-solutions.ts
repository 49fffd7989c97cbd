/**
 * Readers for the reference solutions in the shared corpora (see its README, "Solution /
 * solver-output syntax seen"), and helpers to compare extension lists as sets of sets. A malformed
 * reference file is a broken test setup, so these throw with the reason.
 */

/** probo2's reference files end with a blank line and `N solution(s) found`; returns the body and N. */
function withoutTrailer(text: string): { body: string; count: number | undefined } {
  const trailer = /\n\s*(\d+) solution\(s\) found\s*$/.exec(text);
  if (trailer === null) return { body: text.trim(), count: undefined };
  return { body: text.slice(0, trailer.index).trim(), count: Number(trailer[1]) };
}

function names(list: string): string[] {
  return list === '' ? [] : list.split(',');
}

/** probo (ICCMA'15–'21) `EE-σ` output: all extensions, `[[a1,a2],[],[a3]]`. */
export function parseProboExtensions(text: string): string[][] {
  const { body, count } = withoutTrailer(text);
  if (!body.startsWith('[') || !body.endsWith(']')) throw new Error(`not a probo extension list: ${body.slice(0, 40)}`);
  const inner = body.slice(1, -1).replace(/\s+/g, '');
  const extensions: string[][] = [];
  for (let position = 0; position < inner.length; ) {
    const close = inner.indexOf(']', position);
    if (inner[position] !== '[' || close < 0) throw new Error(`expected [names] at character ${position + 1} of the list`);
    extensions.push(names(inner.slice(position + 1, close)));
    position = close + 1;
    if (position < inner.length && inner[position] !== ',') throw new Error(`expected , at character ${position + 1} of the list`);
    if (inner[position] === ',') position += 1;
  }
  if (count !== undefined && count !== extensions.length) throw new Error(`the trailer says ${count} solutions but the list has ${extensions.length}`);
  return extensions;
}

/** probo `SE-σ` output: one extension, `[a1,a2]`. */
export function parseProboExtension(text: string): string[] {
  const { body } = withoutTrailer(text);
  const match = /^\[([^[\]]*)\]$/.exec(body.replace(/\s+/g, ''));
  if (match === null) throw new Error(`not a probo extension: ${body.slice(0, 40)}`);
  return names(match[1]!);
}

/**
 * ALIAS answers: one extension per line, names separated by spaces, an empty line for the empty
 * extension. Known defect: `complete6answer`'s last line ends with a stray `]]`, which is dropped.
 */
export function parseAliasAnswer(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const last = lines.length - 1;
  lines[last] = (lines[last] ?? '').replace(/\]\]\s*$/, '');
  return lines.map((line) => line.split(/\s+/).filter((name) => name !== ''));
}

export interface ParisSolution {
  readonly semantics: 'preferred' | 'stable';
  readonly extensions: string[][];
}

/** The Paris course tests: a header (`Preferred extensions:` / `Stable extensions:`), then `[A,C,D]` lines or `No stable extension`. */
export function parseParisSolution(text: string): ParisSolution {
  const [header, ...lines] = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const semantics = header === 'Preferred extensions:' ? 'preferred' : header === 'Stable extensions:' ? 'stable' : undefined;
  if (semantics === undefined) throw new Error(`unknown header ${header}`);
  if (lines.length === 1 && /^No \w+ extension$/.test(lines[0]!)) return { semantics, extensions: [] };
  const extensions = lines.map((line) => {
    const match = /^\[(.*)\]$/.exec(line);
    if (match === null) throw new Error(`expected [names], got ${line}`);
    return match[1]!.split(',').map((name) => name.trim()).filter((name) => name !== '');
  });
  return { semantics, extensions };
}

/** Extensions as a canonical list: names sorted in each, extensions sorted, so equal sets of sets compare equal. */
export function canonicalExtensions(extensions: readonly (readonly string[])[]): string[][] {
  return extensions.map((extension) => [...extension].sort()).sort((a, b) => compareLists(a, b));
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  const members = new Set(large);
  return small.every((name) => members.has(name));
}

/** The preferred extensions, derived from all complete ones: the ⊆-maximal ones. */
export function maximalExtensions(complete: readonly (readonly string[])[]): string[][] {
  return complete
    .filter((extension) => !complete.some((other) => other.length > extension.length && isSubset(extension, other)))
    .map((extension) => [...extension]);
}

/** The grounded extension, derived from all complete ones: the one contained in every other. */
export function leastExtension(complete: readonly (readonly string[])[]): string[] {
  const least = complete.find((extension) => complete.every((other) => isSubset(extension, other)));
  if (least === undefined) throw new Error('no complete extension is contained in all the others');
  return [...least];
}
