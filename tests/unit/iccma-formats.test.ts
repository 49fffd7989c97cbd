import { describe, expect, it } from 'vitest';
import {
  I23_ARGUMENTS_WITHOUT_TEXT, iccmaFormatOfFileName, MAX_I23_ARGUMENTS, parseApx, parseI23, parseIccma, parseTgf, sniffIccmaFormat, type IccmaResult,
} from '../../src/core/formats/iccma.ts';
import type { ArgumentationFramework } from '../../src/core/semantics/framework.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';

function parsed(result: IccmaResult): { framework: ArgumentationFramework; warnings: Problem[] } {
  if (!result.ok) throw new Error(`expected the framework to parse: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result;
}

/** Problems as `line:column: message`, easy to compare. */
function problems(result: IccmaResult): string[] {
  if (result.ok) throw new Error('expected the framework to be refused');
  return result.problems.map((problem) => formatProblem(problem));
}

/** The attacks as `a>b`, sorted. */
function attackList(framework: ArgumentationFramework): string[] {
  const list: string[] = [];
  framework.names.forEach((name, argument) => {
    for (let i = framework.targetOffsets[argument]!; i < framework.targetOffsets[argument + 1]!; i += 1) {
      list.push(`${name}>${framework.names[framework.targets[i]!]}`);
    }
  });
  return list.sort();
}

describe('APX', () => {
  it('reads arguments and attacks, with blank lines, CRLF, spaces and self-attacks', () => {
    const { framework, warnings } = parsed(parseApx('arg(a1).\r\narg(B_2).\n\n  arg( c ) .\natt(a1,B_2).\natt( c , c ).\n'));
    expect(framework.names).toEqual(['a1', 'B_2', 'c']);
    expect(attackList(framework)).toEqual(['a1>B_2', 'c>c']);
    expect(warnings).toEqual([]);
  });

  it('accepts attacks before the arguments they name', () => {
    expect(attackList(parsed(parseApx('att(a,b).\narg(a).\narg(b).')).framework)).toEqual(['a>b']);
  });

  it('locates unknown arguments and malformed facts', () => {
    expect(problems(parseApx('arg(a).\natt(a,ghost).\narg(b)\n  foo(a).\natt(a).\narg(a,b).\natt(ghost2,a).'))).toEqual([
      '2:7: error: unknown argument "ghost"',
      '3:1: error: expected a fact `arg(name).` or `att(name,name).`',
      '4:3: error: expected a fact `arg(name).` or `att(name,name).`',
      '5:1: error: `att(attacker,attacked).` names two arguments',
      '6:1: error: `arg(name).` names one argument',
      '7:5: error: unknown argument "ghost2"',
    ]);
  });

  it('warns about an argument declared twice and keeps one', () => {
    const { framework, warnings } = parsed(parseApx('arg(a).\narg(a).'));
    expect(framework.names).toEqual(['a']);
    expect(warnings.map((warning) => formatProblem(warning))).toEqual(['2:5: warning: argument "a" is declared again (first on line 1)']);
  });

  it('reads an empty file as the empty framework', () => {
    expect(parsed(parseApx('')).framework.names).toEqual([]);
  });
});

describe('TGF', () => {
  it('reads names, the # line and pairs; the last line may lack a newline', () => {
    const { framework } = parsed(parseTgf('0\n1\n 2 \n#\n0 1\n1  2\r\n2 2'));
    expect(framework.names).toEqual(['0', '1', '2']);
    expect(attackList(framework)).toEqual(['0>1', '1>2', '2>2']);
  });

  it('reads a file without attacks, with or without the # line', () => {
    expect(parsed(parseTgf('a\nb\n#\n')).framework.names).toEqual(['a', 'b']);
    expect(parsed(parseTgf('a\nb')).framework.names).toEqual(['a', 'b']);
  });

  it('locates unknown names, malformed lines and a second #', () => {
    expect(problems(parseTgf('a b\nc\n#\nc x\nc\nc c c\n#'))).toEqual([
      '1:1: error: expected one argument name per line before the `#` line',
      '4:3: error: unknown argument "x"',
      '5:1: error: expected an attack `attacker attacked` (two names) after the `#` line',
      '6:1: error: expected an attack `attacker attacked` (two names) after the `#` line',
      '7:1: error: a second `#` line (the first is line 3)',
    ]);
  });
});

describe('I23', () => {
  it('reads the header and 1-based attacks, with comments and blank lines', () => {
    const { framework } = parsed(parseI23('# made by hand\np af 4\n1 2\n\n# a comment\n2 1\n3 3\n'));
    expect(framework.names).toEqual(['1', '2', '3', '4']);
    expect(attackList(framework)).toEqual(['1>2', '2>1', '3>3']);
  });

  it('reads a header with no attacks and `p af 0`', () => {
    expect(parsed(parseI23('p af 3')).framework.names).toEqual(['1', '2', '3']);
    expect(parsed(parseI23('p af 0\n')).framework.names).toEqual([]);
  });

  it('locates out-of-range arguments, malformed lines and a second header', () => {
    expect(problems(parseI23('p af 3\n1 4\n0 1\n1 2 3\nx y\np af 3\n  2 99'))).toEqual([
      '2:3: error: argument 4 is out of range (the header declares 1..3)',
      '3:1: error: argument 0 is out of range (the header declares 1..3)',
      '4:1: error: expected an attack `i j` (two argument numbers)',
      '5:1: error: expected an attack `i j` (two argument numbers)',
      '6:1: error: a second `p af` header (the first is line 1)',
      '7:5: error: argument 99 is out of range (the header declares 1..3)',
    ]);
  });

  it('refuses a missing or malformed header, once', () => {
    expect(problems(parseI23('1 2\n2 1\np af 2'))).toEqual(['1:1: error: an attack before the `p af N` header']);
    expect(problems(parseI23('# only a comment\n'))).toEqual(['1:1: error: missing the header `p af N`']);
    expect(problems(parseI23('p af many\n1 2'))).toEqual(['1:1: error: expected the header `p af N` (N the number of arguments)']);
  });

  it('refuses a header that claims more arguments than argmap reads', () => {
    expect(problems(parseI23(`p af ${MAX_I23_ARGUMENTS + 1}`))).toEqual([
      `1:1: error: the header declares ${MAX_I23_ARGUMENTS + 1} arguments; argmap reads up to ${MAX_I23_ARGUMENTS}`,
    ]);
  });

  it('reads a header of up to 100,000 arguments plus one per character of the file, so that reading stays linear in it', () => {
    const header = `p af ${I23_ARGUMENTS_WITHOUT_TEXT + 11}`; // 11 characters: the most it may declare
    expect(parseI23(header).ok).toBe(true);
    expect(problems(parseI23(`p af ${I23_ARGUMENTS_WITHOUT_TEXT + 12}`))).toHaveLength(1);
    expect(problems(parseI23(`p af 2000000`))).toEqual([
      `1:1: error: the header declares 2000000 arguments, more than a file of 12 characters holds; argmap reads up to ${I23_ARGUMENTS_WITHOUT_TEXT} arguments plus one per character`,
    ]);
    const attacks = Array.from({ length: 10_000 }, (_, index) => `${index + 1} ${index + 2}`).join('\n');
    const large = parseI23(`p af 150000\n${attacks}`);
    expect(large.ok && large.framework.names.length).toBe(150_000);
  }, 30_000);
});

describe('choosing the format', () => {
  it('by file name', () => {
    expect(['x.apx', 'X.APX', 'a.b.tgf', 'x.i23', 'x.af', 'x.json', 'apx'].map(iccmaFormatOfFileName)).toEqual(['apx', 'apx', 'tgf', 'i23', 'i23', undefined, undefined]);
  });

  it('by content', () => {
    expect(sniffIccmaFormat('\n# comment\np af 2\n1 2')).toBe('i23');
    expect(sniffIccmaFormat('\uFEFF\n  arg(a).')).toBe('apx');
    expect(sniffIccmaFormat('att(a,b).\narg(a).')).toBe('apx');
    expect(sniffIccmaFormat('a\nb\n#\na b')).toBe('tgf');
    expect(sniffIccmaFormat('#\n')).toBe('tgf');
    expect(sniffIccmaFormat('')).toBe('tgf');
  });

  it('parses by content when no format is given', () => {
    expect(parsed(parseIccma('p af 2\n1 2')).framework.names).toEqual(['1', '2']);
    expect(parsed(parseIccma('arg(x).')).framework.names).toEqual(['x']);
    expect(parsed(parseIccma('x\n#')).framework.names).toEqual(['x']);
    expect(problems(parseIccma('arg(x).', 'i23'))).toEqual([
      '1:1: error: expected an attack `i j` (two argument numbers)',
      '1:1: error: missing the header `p af N`',
    ]);
  });

  it('caps the number of problems reported for a hostile file', () => {
    const lines = Array.from({ length: 500 }, (_, i) => `att(a,missing${i}).`).join('\n');
    const reported = problems(parseApx(`arg(a).\n${lines}`));
    expect(reported).toHaveLength(201);
    expect(reported.at(-1)).toBe('error: … and 300 more errors');
  });
});
