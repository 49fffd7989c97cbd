/**
 * The passage of a source text a person selected in the Source tab, as offsets into that text.
 * The tab draws each source as runs (plain text, or quoted text) carrying their offset in
 * `data-start`, inside an article carrying the source's place in `data-source-index`; a quote
 * made from the passage is then the text sliced at those offsets, verbatim by construction,
 * whatever the browser's Selection.toString() does with white space and line breaks.
 */

export interface SourceSpan {
  /** The index of the source among the tab's articles. */
  readonly sourceIndex: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The span [start, end) of `text` without the white space at its ends (a selection often takes a
 * space or a line break with it); undefined when nothing else is in it.
 */
export function trimSpan(text: string, start: number, end: number): { readonly start: number; readonly end: number } | undefined {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/u.test(text[from]!)) from += 1;
  while (to > from && /\s/u.test(text[to - 1]!)) to -= 1;
  return from < to ? { start: from, end: to } : undefined;
}

const RUN = '[data-start]';

function runStart(run: Element): number {
  return Number(run.getAttribute('data-start'));
}

/** The text length inside `run` before the point (`container`, `offset`) that lies in it. */
function lengthBefore(run: Element, container: Node, offset: number): number {
  const range = run.ownerDocument.createRange();
  range.selectNodeContents(run);
  range.setEnd(container, offset);
  return range.toString().length;
}

/**
 * The offset in its source text of a selection boundary inside `article`: inside a run, the run's
 * offset plus the text before the point; between runs, the offset of the first run after it (or
 * the end of the last run).
 */
export function boundaryOffset(article: Element, container: Node, offset: number): number | undefined {
  if (!article.contains(container)) return undefined;
  const holder = container.nodeType === 1 ? (container as Element) : container.parentElement;
  const run = holder?.closest(RUN);
  if (run && article.contains(run)) return runStart(run) + lengthBefore(run, container, offset);
  const runs = [...article.querySelectorAll(RUN)];
  const point = article.ownerDocument.createRange();
  point.setStart(container, offset);
  const after = runs.find((candidate) => point.comparePoint(candidate, 0) >= 0);
  if (after !== undefined) return runStart(after);
  const last = runs.at(-1);
  return last === undefined ? undefined : runStart(last) + (last.textContent ?? '').length;
}

/**
 * The span of a selection that lies within one source article of `root`, trimmed of white space;
 * undefined for no selection, a collapsed one, or one reaching outside a single article.
 */
export function selectedSpan(selection: Selection | null, root: Element, textOf: (sourceIndex: number) => string | undefined): SourceSpan | undefined {
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const startHolder = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  const article = startHolder?.closest('[data-source-index]');
  if (!article || !root.contains(article) || !article.contains(range.endContainer)) return undefined;
  const sourceIndex = Number(article.getAttribute('data-source-index'));
  const text = textOf(sourceIndex);
  if (text === undefined) return undefined;
  const start = boundaryOffset(article, range.startContainer, range.startOffset);
  const end = boundaryOffset(article, range.endContainer, range.endOffset);
  if (start === undefined || end === undefined) return undefined;
  const trimmed = trimSpan(text, start, end);
  return trimmed === undefined ? undefined : { sourceIndex, ...trimmed };
}

/**
 * The first place where `wanted` (without white space at its ends) stands in one of the texts:
 * the keyboard's way to a passage, typed or pasted instead of selected.
 */
export function findPassage(texts: readonly (string | undefined)[], wanted: string): SourceSpan | undefined {
  const passage = wanted.trim();
  if (passage === '') return undefined;
  for (const [sourceIndex, text] of texts.entries()) {
    const start = text?.indexOf(passage) ?? -1;
    if (start >= 0) return { sourceIndex, start, end: start + passage.length };
  }
  return undefined;
}
