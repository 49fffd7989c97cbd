/**
 * Every prefix of every Argdown file of the shared corpora (the text cut after each character:
 * inside comments, front matter, data, titles, inference lines) reads without throwing, without
 * an internal error, and with every error located.
 */

import { describe, expect, it } from 'vitest';
import { parseArgdown } from '../../src/core/formats/argdown/index.ts';
import { formatProblem } from '../../src/core/problems.ts';
import { CORPORA_PRESENT, HOW_TO_FIX, corpusFiles } from '../fixtures/argdown/corpora.ts';

const FILES = [...corpusFiles('argdown-christianvoigt'), ...corpusFiles('argdown-docs-snippets')];

describe('every prefix of every corpus file', () => {
  it('needs the shared corpora', () => {
    expect(CORPORA_PRESENT, HOW_TO_FIX).toBe(true);
    expect(FILES.length).toBeGreaterThan(100);
  });

  it.each(FILES)('$name', ({ name, text }) => {
    const unlocated: string[] = [];
    for (let length = 0; length <= text.length; length += 1) {
      const { problems } = parseArgdown(text.slice(0, length));
      for (const problem of problems) {
        const isInternal = problem.message.startsWith('internal error');
        const isUnlocated = problem.severity === 'error' && problem.line === undefined && !problem.message.includes('empty');
        if (isInternal || isUnlocated) unlocated.push(`${length}: ${formatProblem(problem, name)}`);
      }
    }
    expect(unlocated).toEqual([]);
  }, 120_000);
});
