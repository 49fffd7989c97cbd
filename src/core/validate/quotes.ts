/**
 * Checks that quotes are verbatim: every node attributed to an actor carries a quote, every
 * quote names a known source, and the quoted text occurs exactly in that source's text.
 * Pure: the caller reads the source files and passes their text in.
 */

import type { ArgMap } from '../model.ts';
import type { Problem } from '../problems.ts';
import { occurringTexts } from './occurrences.ts';

/** How many characters of a bad quote a message shows. */
const PREVIEW_LENGTH = 12;

function preview(text: string): string {
  const chars = Array.from(text);
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH).join('')}…` : text;
}

/**
 * Finds quote problems in a map.
 * `sourceText` maps a source id to the text of its file; a source missing there is skipped.
 */
export function findQuoteProblems(map: ArgMap, sourceText: ReadonlyMap<string, string>): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set(map.sources.map((source) => source.id));
  // Each source is searched once for all of its quotes together.
  const quotesOf = new Map<string, string[]>();
  for (const node of map.nodes) {
    if (node.quote === undefined || !sourceText.has(node.quote.source)) continue;
    const quotes = quotesOf.get(node.quote.source) ?? [];
    quotes.push(node.quote.text);
    quotesOf.set(node.quote.source, quotes);
  }
  const verbatim = new Map([...quotesOf].map(([source, quotes]) => [source, occurringTexts(sourceText.get(source)!, quotes)]));

  map.nodes.forEach((node, index) => {
    const pointer = `/nodes/${index}`;
    const quote = node.quote;
    if (quote === undefined) {
      if (node.actor !== undefined) {
        problems.push({
          severity: 'error',
          message: `Node "${node.id}" is attributed to actor "${node.actor}" but has no quote.`,
          pointer,
          id: node.id,
        });
      }
      return;
    }
    if (!sourceIds.has(quote.source)) {
      problems.push({
        severity: 'error',
        message: `Node "${node.id}" quotes unknown source "${quote.source}".`,
        pointer: `${pointer}/quote/source`,
        id: node.id,
      });
      return;
    }
    const found = verbatim.get(quote.source);
    if (found === undefined) return;
    if (quote.text.length === 0 || !found.has(quote.text)) {
      problems.push({
        severity: 'error',
        message: `Quote of node "${node.id}" ("${preview(quote.text)}") is not verbatim in source "${quote.source}".`,
        pointer: `${pointer}/quote/text`,
        id: node.id,
      });
    }
  });

  return problems;
}

/** Characters that end a sentence. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const LINE_BREAK = new Set(['\n', '\r']);
const CLOSING_QUOTE = '”';

function isBoundary(char: string | undefined): boolean {
  return char !== undefined && (SENTENCE_END.has(char) || LINE_BREAK.has(char));
}

/**
 * The full sentence(s) of `article` around the first occurrence of `quote`: extended back to
 * the previous sentence end or line break and forward to the next sentence end (with a closing
 * ” right after it) or line break. Undefined when the quote is empty or not in the article.
 */
export function surroundingSentence(article: string, quote: string): string | undefined {
  if (quote.length === 0) return undefined;
  const index = article.indexOf(quote);
  if (index < 0) return undefined;

  let start = index;
  while (start > 0) {
    const previous = article[start - 1];
    if (isBoundary(previous)) break;
    // A ” right after a sentence end closes the previous sentence.
    if (previous === CLOSING_QUOTE && SENTENCE_END.has(article[start - 2] ?? '')) break;
    start -= 1;
  }

  let end = index + quote.length;
  const last = quote[quote.length - 1] ?? '';
  const beforeLast = quote[quote.length - 2] ?? '';
  const quoteEndsSentence =
    SENTENCE_END.has(last) || (last === CLOSING_QUOTE && SENTENCE_END.has(beforeLast));
  if (!quoteEndsSentence) {
    while (end < article.length && !isBoundary(article[end])) end += 1;
    if (SENTENCE_END.has(article[end] ?? '')) end += 1;
  }
  if (SENTENCE_END.has(article[end - 1] ?? '') && article[end] === CLOSING_QUOTE) end += 1;

  const sentence = article.slice(start, end).trim();
  return sentence.length > 0 ? sentence : undefined;
}
