/**
 * Problems found while reading a map: what went wrong and where. Stages collect them instead of
 * throwing, so the user sees every problem of a file at once, each with a location.
 */

export type Severity = 'error' | 'warning';

/**
 * `pointer` is an RFC 6901 JSON Pointer into the file ('' is the whole document; shown as `/`);
 * `line` and `column` are 1-based, the column counting UTF-16 code units as editors do;
 * `id` is the map element (node, edge, actor, source) the problem belongs to.
 */
export interface Problem { readonly severity: Severity; readonly message: string; readonly pointer?: string; readonly line?: number; readonly column?: number; readonly id?: string; /** The file of a several-file map (a CSV pair) the line is in. */ readonly file?: string; }

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Characters that are invisible, reorder text or break a line: C0/C1 controls, soft hyphen,
 * bidi controls (CVE-2021-42574 "Trojan Source"), zero-width characters, line and paragraph
 * separators, BOM, noncharacters U+FFFE/U+FFFF, lone surrogates and tag characters (which can
 * smuggle hidden ASCII). In a message they are shown as escapes so a message cannot be spoofed.
 */
const INVISIBLE =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF\uD800-\uDFFF\u{E0000}-\u{E007F}]/gu;

/** Writes invisible characters as `\u202E` (or `\u{E0041}` beyond the BMP). */
function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (character) => {
    const codePoint = character.codePointAt(0) ?? 0;
    const hex = codePoint.toString(16).toUpperCase();
    return codePoint > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}

/** How many characters of an id, key or token a message shows. */
const MAX_QUOTED_CHARACTERS = 80;

/**
 * Quotes untrusted text (an id, a key, a token) for a message: cut to a readable length,
 * `"` and `\` escaped so the quotes stay unambiguous, invisible characters escaped.
 */
export function quoteForMessage(text: string): string {
  // Enough UTF-16 units to hold MAX_QUOTED_CHARACTERS + 1 code points, without scanning a huge string.
  const head = Array.from(text.slice(0, 2 * MAX_QUOTED_CHARACTERS + 2));
  const shown = head.length > MAX_QUOTED_CHARACTERS ? `${head.slice(0, MAX_QUOTED_CHARACTERS).join('')}…` : text;
  return `"${escapeInvisible(shown.replace(/["\\]/g, '\\$&'))}"`;
}

/**
 * One line, e.g. `map.json:3:14: error: unexpected end of input`,
 * `map.json: /nodes/3/text: error: must be object` or
 * `map.json:9:7: /nodes/4/id: error: duplicate id "n1" (first at /nodes/1/id)`.
 */
export function formatProblem(problem: Problem, fileName?: string): string {
  const place = [problem.file ?? fileName, problem.line, problem.line === undefined ? undefined : problem.column]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const pointer = problem.pointer === undefined ? undefined : problem.pointer === '' ? '/' : problem.pointer;
  const parts = [place, pointer, problem.severity, problem.message].filter((part) => part !== undefined && part !== '');
  return escapeInvisible(parts.join(': '));
}

/** Errors (and warnings) kept per stage; a file with thousands of broken edges gets a readable list. */
export const MAX_PROBLEMS_PER_STAGE = 200;

export interface ProblemDetails {
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
  readonly id?: string;
  readonly file?: string;
}

/** Finds the line and column of a JSON Pointer in the file being read. */
export type Locate = (pointer: string) => Position | undefined;

/**
 * Collects the problems of one stage, at most `limit` errors and `limit` warnings (then a closing
 * "… and N more"), so many warnings never hide an error; fills in line and column from the pointer.
 */
export class ProblemCollector {
  readonly #kept: Problem[] = [];
  readonly #locate: Locate | undefined;
  readonly #limit: number;
  readonly #counts = { error: 0, warning: 0 };

  constructor(locate?: Locate, limit = MAX_PROBLEMS_PER_STAGE) {
    this.#locate = locate;
    this.#limit = limit;
  }

  error(message: string, details: ProblemDetails = {}): void {
    this.#add('error', message, details);
  }

  warning(message: string, details: ProblemDetails = {}): void {
    this.#add('warning', message, details);
  }

  get hasErrors(): boolean {
    return this.#counts.error > 0;
  }

  /** The kept problems, then one line per severity that was cut. */
  toArray(): Problem[] {
    const problems = [...this.#kept];
    for (const severity of ['error', 'warning'] as const) {
      const omitted = this.#counts[severity] - this.#limit;
      if (omitted > 0) problems.push({ severity, message: `… and ${omitted} more ${severity}${omitted === 1 ? '' : 's'}` });
    }
    return problems;
  }

  #add(severity: Severity, message: string, details: ProblemDetails): void {
    this.#counts[severity] += 1;
    if (this.#counts[severity] > this.#limit) return;
    const { pointer, line, column, id, file } = details;
    const position = line === undefined && pointer !== undefined ? this.#locate?.(pointer) : { line, column };
    const problem: Problem = {
      severity,
      message,
      ...(pointer === undefined ? {} : { pointer }),
      ...(position?.line === undefined ? {} : { line: position.line, column: position.column }),
      ...(id === undefined ? {} : { id }),
      ...(file === undefined ? {} : { file }),
    };
    this.#kept.push(problem);
  }
}
