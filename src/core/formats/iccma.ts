/**
 * Readers for the abstract-argumentation formats of the ICCMA competitions:
 * - APX (ASPARTIX): one fact per line, `arg(a).` and `att(a,b).`, in any order;
 * - TGF: argument names one per line, a line `#`, then one `attacker attacked` pair per line;
 * - I23 (ICCMA 2023, also `.af`): a header `p af N`, then `i j` lines over arguments 1..N;
 *   lines starting with `#` are comments.
 * Blank lines and CRLF line ends are accepted everywhere. Nothing here throws: every problem is
 * collected with its line and column (1-based, in UTF-16 code units as editors count).
 */

import { FrameworkBuilder, type ArgumentationFramework } from '../semantics/framework.ts';
import { ProblemCollector, quoteForMessage, type Problem } from '../problems.ts';

export const ICCMA_FORMATS = ['apx', 'tgf', 'i23'] as const;
export type IccmaFormat = (typeof ICCMA_FORMATS)[number];

export type IccmaResult =
  | { readonly ok: true; readonly framework: ArgumentationFramework; readonly warnings: Problem[] }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * `p af N` makes N arguments out of a few bytes; this bounds the memory a header can claim.
 * ICCMA 2023's largest instances are far smaller.
 */
export const MAX_I23_ARGUMENTS = 2_000_000;

/**
 * Arguments a header may declare beyond one per character of the file: reading stays linear in
 * the file's length, so the 12 bytes `p af 2000000` cannot cost seconds (the fuzz test found
 * them taking 23 s on a busy machine). A real instance with that many arguments names most of
 * them in its attacks, and is large enough to declare them.
 */
export const I23_ARGUMENTS_WITHOUT_TEXT = 100_000;

const EXTENSION_FORMATS: ReadonlyMap<string, IccmaFormat> = new Map([
  ['apx', 'apx'],
  ['tgf', 'tgf'],
  ['i23', 'i23'],
  ['af', 'i23'],
]);

/** The format a file name announces (`.apx`, `.tgf`, `.i23` or `.af`, any case), if any. */
export function iccmaFormatOfFileName(fileName: string): IccmaFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : EXTENSION_FORMATS.get(fileName.slice(dot + 1).toLowerCase());
}

/**
 * The format the content looks like, from its first telling line: `p af` is I23, `arg(`/`att(` is
 * APX; `#` lines are skipped because they are I23 comments or TGF's separator; anything else is TGF.
 */
export function sniffIccmaFormat(text: string): IccmaFormat {
  for (const { text: line } of lines(text)) {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    if (/^p\s+af\b/.test(content)) return 'i23';
    if (/^(?:arg|att)\s*\(/.test(content)) return 'apx';
    return 'tgf';
  }
  return 'tgf';
}

export function parseIccma(text: string, format: IccmaFormat = sniffIccmaFormat(text)): IccmaResult {
  switch (format) {
    case 'apx':
      return parseApx(text);
    case 'tgf':
      return parseTgf(text);
    case 'i23':
      return parseI23(text);
  }
}

interface Line {
  readonly number: number;
  readonly text: string;
}

function* lines(text: string): Generator<Line> {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let number = 0;
  for (const line of withoutBom.split(/\r\n|\r|\n/)) {
    number += 1;
    yield { number, text: line };
  }
}

/** The column of the first character that is not white space. */
function firstColumn(line: string): number {
  return line.length - line.trimStart().length + 1;
}

/** A name used before it is known is resolved at the end, so APX facts can come in any order. */
interface NameUse {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

class Reader {
  readonly builder = new FrameworkBuilder();
  readonly problems = new ProblemCollector();
  readonly #declaredOn = new Map<string, number>();

  declare(name: string, line: number, column: number): void {
    const first = this.#declaredOn.get(name);
    if (first !== undefined) {
      this.problems.warning(`argument ${quoteForMessage(name)} is declared again (first on line ${first})`, { line, column });
      return;
    }
    this.#declaredOn.set(name, line);
    this.builder.addArgument(name);
  }

  resolve(use: NameUse): number | undefined {
    const index = this.builder.indexOf(use.name);
    if (index === undefined) this.problems.error(`unknown argument ${quoteForMessage(use.name)}`, { line: use.line, column: use.column });
    return index;
  }

  attack(attacker: NameUse, attacked: NameUse): void {
    const from = this.resolve(attacker);
    const to = this.resolve(attacked);
    if (from !== undefined && to !== undefined) this.builder.addAttack(from, to);
  }

  result(): IccmaResult {
    const problems = inLineOrder(this.problems.toArray());
    if (this.problems.hasErrors) return { ok: false, problems };
    return { ok: true, framework: this.builder.build(), warnings: problems };
  }
}

/**
 * Problems by position (unknown names are found after the whole file is read); the closing
 * "… and N more" lines have no position and stay last.
 */
function inLineOrder(problems: Problem[]): Problem[] {
  const last = Number.MAX_SAFE_INTEGER;
  return problems.sort((a, b) => (a.line ?? last) - (b.line ?? last) || (a.column ?? 0) - (b.column ?? 0));
}

const APX_NAME = String.raw`[^\s(),.]+`;
/** `arg(name).` or `att(name,name).`, spaces allowed between tokens; groups: predicate, names. */
const APX_FACT = new RegExp(String.raw`^\s*(arg|att)\s*\(\s*(${APX_NAME})\s*(?:,\s*(${APX_NAME})\s*)?\)\s*\.\s*$`, 'd');

export function parseApx(text: string): IccmaResult {
  const reader = new Reader();
  const attacks: [NameUse, NameUse][] = [];
  for (const { number, text: line } of lines(text)) {
    if (line.trim() === '') continue;
    const match = APX_FACT.exec(line);
    const [, predicate, first, second] = match ?? [];
    const [, , firstAt, secondAt] = match?.indices ?? [];
    if (predicate === undefined || first === undefined || firstAt === undefined) {
      reader.problems.error('expected a fact `arg(name).` or `att(name,name).`', { line: number, column: firstColumn(line) });
    } else if (predicate === 'arg' && second === undefined) {
      reader.declare(first, number, firstAt[0] + 1);
    } else if (predicate === 'att' && second !== undefined && secondAt !== undefined) {
      attacks.push([{ name: first, line: number, column: firstAt[0] + 1 }, { name: second, line: number, column: secondAt[0] + 1 }]);
    } else {
      const expected = predicate === 'arg' ? '`arg(name).` names one argument' : '`att(attacker,attacked).` names two arguments';
      reader.problems.error(expected, { line: number, column: firstColumn(line) });
    }
  }
  for (const [attacker, attacked] of attacks) reader.attack(attacker, attacked);
  return reader.result();
}

/** Tokens of a line with their columns. */
function tokens(line: string): { text: string; column: number }[] {
  return Array.from(line.matchAll(/\S+/g), (match) => ({ text: match[0], column: match.index + 1 }));
}

export function parseTgf(text: string): IccmaResult {
  const reader = new Reader();
  let separatorLine: number | undefined;
  const attacks: [NameUse, NameUse][] = [];
  for (const { number, text: line } of lines(text)) {
    const words = tokens(line);
    const [first, second] = words;
    if (first === undefined) continue;
    if (first.text === '#' && words.length === 1) {
      if (separatorLine === undefined) separatorLine = number;
      else reader.problems.error(`a second \`#\` line (the first is line ${separatorLine})`, { line: number, column: first.column });
    } else if (separatorLine === undefined) {
      if (words.length === 1) reader.declare(first.text, number, first.column);
      else reader.problems.error('expected one argument name per line before the `#` line', { line: number, column: first.column });
    } else if (second !== undefined && words.length === 2) {
      attacks.push([{ name: first.text, line: number, column: first.column }, { name: second.text, line: number, column: second.column }]);
    } else {
      reader.problems.error('expected an attack `attacker attacked` (two names) after the `#` line', { line: number, column: first.column });
    }
  }
  for (const [attacker, attacked] of attacks) reader.attack(attacker, attacked);
  return reader.result();
}

const I23_HEADER = /^\s*p\s+af\s+(\d+)\s*$/d;
const I23_ATTACK = /^\s*(\d+)\s+(\d+)\s*$/d;

export function parseI23(text: string): IccmaResult {
  const reader = new Reader();
  let header: { readonly line: number; readonly size: number } | undefined;
  let headerSeen = false;
  let attackBeforeHeader = false;
  for (const { number, text: line } of lines(text)) {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    const column = firstColumn(line);
    if (/^p\b/.test(content)) {
      const size = I23_HEADER.exec(line)?.[1];
      if (header !== undefined) reader.problems.error(`a second \`p af\` header (the first is line ${header.line})`, { line: number, column });
      else if (size === undefined) reader.problems.error('expected the header `p af N` (N the number of arguments)', { line: number, column });
      else if (Number(size) > MAX_I23_ARGUMENTS) {
        reader.problems.error(`the header declares ${size} arguments; argmap reads up to ${MAX_I23_ARGUMENTS}`, { line: number, column });
      } else if (Number(size) > I23_ARGUMENTS_WITHOUT_TEXT + text.length) {
        reader.problems.error(
          `the header declares ${size} arguments, more than a file of ${text.length} characters holds; argmap reads up to ${I23_ARGUMENTS_WITHOUT_TEXT} arguments plus one per character`,
          { line: number, column },
        );
      } else {
        header = { line: number, size: Number(size) };
        for (let argument = 1; argument <= header.size; argument += 1) reader.builder.addArgument(String(argument));
      }
      headerSeen = true;
      continue;
    }
    const match = I23_ATTACK.exec(line);
    if (match === null) {
      reader.problems.error('expected an attack `i j` (two argument numbers)', { line: number, column });
    } else if (header !== undefined) {
      const size = header.size;
      const [attacker, attacked] = [1, 2].map((group) => {
        const digits = match[group] ?? '';
        const argument = Number(digits);
        if (argument >= 1 && argument <= size) return argument - 1;
        const at = (match.indices?.[group]?.[0] ?? 0) + 1;
        reader.problems.error(`argument ${digits} is out of range (the header declares 1..${size})`, { line: number, column: at });
        return undefined;
      });
      if (attacker !== undefined && attacked !== undefined) reader.builder.addAttack(attacker, attacked);
    } else if (!headerSeen && !attackBeforeHeader) {
      // Said once: without a header no attack line can be checked, and every one would repeat it.
      reader.problems.error('an attack before the `p af N` header', { line: number, column });
      attackBeforeHeader = true;
    }
  }
  if (!headerSeen && !attackBeforeHeader) reader.problems.error('missing the header `p af N`', { line: 1, column: 1 });
  return reader.result();
}
