/**
 * Cuts a source text into runs for the source panel: plain text, and quoted text with
 * the ids of every node quoting it. Quotes may overlap, so a run boundary falls at every
 * quote start and end, and a run lists all the quotes covering it.
 */
import type { ArgMap } from './model.ts';

export interface SourceRun {
  readonly text: string;
  /** Offset of the run in the source text. */
  readonly start: number;
  /** Nodes whose quote covers this run, in map order; empty for unquoted text. */
  readonly nodeIds: readonly string[];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly nodeId: string;
}

/** Where each node's quote of `sourceId` sits in the text (its first occurrence). */
function quoteSpans(map: ArgMap, sourceId: string, text: string): Span[] {
  const spans: Span[] = [];
  for (const node of map.nodes) {
    if (!node.quote || node.quote.source !== sourceId || node.quote.text === '') continue;
    const start = text.indexOf(node.quote.text);
    if (start >= 0) spans.push({ start, end: start + node.quote.text.length, nodeId: node.id });
  }
  return spans;
}

export function sourceRuns(map: ArgMap, sourceId: string, text: string): SourceRun[] {
  const spans = quoteSpans(map, sourceId, text);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const runs: SourceRun[] = [];
  for (let index = 0; index + 1 < cuts.length; index += 1) {
    const start = cuts[index]!;
    const end = cuts[index + 1]!;
    const nodeIds = spans.filter((span) => span.start <= start && span.end >= end).map((span) => span.nodeId);
    runs.push({ text: text.slice(start, end), start, nodeIds });
  }
  return runs;
}

/** The runs of each line (paragraph) of the text, so the panel can lay out paragraphs. */
export function sourceParagraphs(map: ArgMap, sourceId: string, text: string): SourceRun[][] {
  const paragraphs: SourceRun[][] = [[]];
  for (const run of sourceRuns(map, sourceId, text)) {
    const pieces = run.text.split('\n');
    let offset = run.start;
    pieces.forEach((piece, index) => {
      if (index > 0) paragraphs.push([]);
      if (piece !== '') paragraphs[paragraphs.length - 1]!.push({ text: piece, start: offset, nodeIds: run.nodeIds });
      offset += piece.length + 1;
    });
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}
