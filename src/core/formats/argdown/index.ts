/**
 * Argdown ↔ ArgMap. Reading runs named stages, each collecting located problems:
 * lexer (text → tokens) → parser (tokens → blocks and relation trees) → model (equivalence classes,
 * arguments, typed relations, sections, tags) → to-map (ArgMap, then schema, sanitizing and
 * integrity checks). A syntax error stops before the model: the result has problems and no map.
 * Nothing throws; a bug surfaces as an "internal error" problem rather than a crash.
 */

import { MAX_FILE_BYTES } from '../../load-map.ts';
import type { ArgMap } from '../../model.ts';
import type { Problem } from '../../problems.ts';
import { tokenize } from './lexer.ts';
import { buildArgdownModel, type ArgdownModel } from './model.ts';
import { parseTokens } from './parser.ts';
import { argdownModelToMap } from './to-map.ts';

export { mapToArgdown } from './to-argdown.ts';

export interface ArgdownResult {
  readonly map?: ArgMap;
  readonly problems: Problem[];
}

export function parseArgdown(text: string): ArgdownResult {
  return guarded(() => {
    const read = readArgdownModel(text);
    if (read.model === undefined || read.problems.some((problem) => problem.severity === 'error')) return { problems: read.problems };
    const imported = argdownModelToMap(read.model);
    const problems = [...read.problems, ...imported.problems];
    return imported.map === undefined ? { problems } : { map: imported.map, problems };
  });
}

/** The Argdown model of a text (what Argdown's own JSON export holds), or the syntax errors. */
export function readArgdownModel(text: string): { readonly model?: ArgdownModel; readonly problems: Problem[] } {
  return guarded(() => {
    if (text.length > MAX_FILE_BYTES) {
      const mebibytes = (text.length / (1024 * 1024)).toFixed(1);
      return { problems: [{ severity: 'error', message: `the text is too large (${mebibytes} MiB); argmap opens Argdown up to ${MAX_FILE_BYTES / (1024 * 1024)} MiB` }] };
    }
    const lexed = tokenize(text.startsWith('\uFEFF') ? text.slice(1) : text);
    if (lexed.tokens.length === 0 && lexed.problems.length === 0) {
      return { problems: [{ severity: 'error', message: 'the Argdown text is empty: it holds no statement, argument or front matter' }] };
    }
    const parsed = parseTokens(lexed);
    const syntax = [...lexed.problems, ...parsed.problems];
    if (syntax.some((problem) => problem.severity === 'error')) return { problems: syntax };
    const built = buildArgdownModel(parsed.document);
    return { model: built.model, problems: [...syntax, ...built.problems] };
  });
}

/** The last line of defence, as for JSON maps: a bug becomes a problem, never a crash or a stack trace. */
function guarded<T extends { readonly problems: Problem[] }>(read: () => T): T | { readonly problems: Problem[] } {
  try {
    return read();
  } catch {
    return { problems: [{ severity: 'error', message: 'internal error while reading the Argdown text' }] };
  }
}
