/** Reading Kialo's plain-text export: the mapping, Markdown, line ends and located problems. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKialo, type KialoImportResult } from '../../src/core/formats/kialo.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { formatProblem } from '../../src/core/problems.ts';

function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures/kialo', name), 'utf8');
}

function imported(result: KialoImportResult): ArgMap {
  if (result.map === undefined) throw new Error(`expected the export to load: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result.map;
}

function problemsOf(text: string): string[] {
  return importKialo(text).problems.map((problem) => formatProblem(problem));
}

describe('Kialo export mapping', () => {
  it('reads a discussion: the question title, the thesis answering it, Pro as support, Con as attack, cross-links as extra edges', () => {
    const result = importKialo(fixture('city-car-ban.txt'));
    const map = imported(result);
    expect(result.problems).toEqual([]);
    expect(map.title).toEqual({ en: 'Should cities ban private cars from their centres?' });
    expect(map.nodes.map((node) => [node.id, node.kind])).toEqual([
      ['question', 'question'], ['1', 'claim'], ['1.1', 'claim'], ['1.1.1', 'claim'], ['1.1.2', 'claim'], ['1.1.2.1', 'claim'],
      ['1.2', 'claim'], ['1.2.1', 'claim'], ['1.2.2', 'claim'], ['1.2.2.1', 'claim'], ['1.3', 'claim'],
    ]);
    expect(map.edges.map((edge) => `${edge.id}: ${edge.from} ${edge.kind} ${edge.to}`)).toEqual([
      'e1: 1 answer question',
      'e1.1: 1.1 support 1',
      'e1.1.1: 1.1.1 support 1.1',
      'e1.1.2: 1.1.2 attack 1.1',
      'e1.1.2.1: 1.1.2.1 attack 1.1.2',
      'e1.1.2.2: 1.2.1 support 1.1.2',
      'e1.2: 1.2 attack 1',
      'e1.2.1: 1.2.1 support 1.2',
      'e1.2.2: 1.2.2 attack 1.2',
      'e1.2.2.1: 1.2.2.1 attack 1.2.2',
      'e1.3: 1.3 support 1',
      'e1.3.1: 1.2 attack 1.3',
    ]);
  });

  it('reads Markdown: escapes become their character, links their label, and their addresses the map’s sources', () => {
    const map = imported(importKialo(fixture('city-car-ban.txt')));
    const text = (id: string) => map.nodes.find((node) => node.id === id)?.text.en;
    expect(text('1.1')).toBe('Fewer cars mean cleaner air in the places where most people walk (and breathe).');
    expect(text('1.2.2.1')).toBe('Exemptions are easy to abuse *and* hard to police.');
    expect(text('1.3')).toBe('Car-free streets bring more customers to local shops, see Pedestrian streets and retail [2019].');
    expect(map.sources).toEqual([
      { id: 's1', title: { en: 'European Environment Agency' }, url: 'https://www.eea.europa.eu/en/topics/in-depth/air-pollution' },
      { id: 's2', title: { en: 'Pedestrian streets and retail' }, url: 'https://example.org/retail-study?year=2019&city=madrid' },
    ]);
    const tricky = imported(importKialo('Discussion Title: T\n1. See [a \\[b\\]](https://x.org/a_(b)) and [c](https://x.org/a_(b)), [not a link] (x), \\\\ and \\d'));
    expect(tricky.nodes[0]!.text.en).toBe('See a [b] and c, [not a link] (x), \\ and \\d');
    expect(tricky.sources).toEqual([{ id: 's1', title: { en: 'a [b]' }, url: 'https://x.org/a_(b)' }]);
  });

  it('reads CRLF, lone CR and a byte order mark like LF; a title that is no question makes no question node', () => {
    const crlf = fixture('remote-work-crlf.txt');
    expect(crlf).toContain('\r\n');
    const map = imported(importKialo(crlf));
    expect(imported(importKialo(crlf.replaceAll('\r\n', '\n')))).toEqual(map);
    expect(imported(importKialo(`\uFEFF${crlf.replaceAll('\r\n', '\r')}`))).toEqual(map);
    expect(map.nodes.some((node) => node.kind === 'question')).toBe(false);
    expect(map.title).toEqual({ en: 'Remote work is better for employees' });
    expect(map.edges.find((edge) => edge.id === 'e1.2.2')).toEqual({ id: 'e1.2.2', from: '1.1.1', to: '1.2', kind: 'support' });
  });

  it('reads a Chinese discussion in Chinese, with two theses answering the question', () => {
    const map = imported(importKialo(fixture('ai-regulation-zh.txt')));
    expect(map.title).toEqual({ zh: '政府是否应该立法监管生成式人工智能？' });
    expect(map.nodes.every((node) => node.text.zh !== undefined && node.text.en === undefined)).toBe(true);
    expect(map.edges.filter((edge) => edge.kind === 'answer').map((edge) => edge.from)).toEqual(['1', '2']);
    expect(map.nodes.find((node) => node.id === '1.2.1')?.text.zh).toBe('欧盟《人工智能法》(AI Act)的合规成本估算显示，小企业的负担比例更高。');
    expect(map.edges.find((edge) => edge.id === 'e2.1')).toEqual({ id: 'e2.1', from: '1.1.1.1', to: '2', kind: 'attack' });
    expect(imported(importKialo(fixture('ai-regulation-zh.txt'), { language: 'en' })).title).toEqual({ en: '政府是否应该立法监管生成式人工智能？' });
  });

  it('hangs a claim written under a cross-link on the claim the link names', () => {
    const map = imported(importKialo('Discussion Title: T\n\n1. A\n1.1. Pro: B\n1.2. Con: -> See 1.1.\n1.2.1. Con: C'));
    expect(map.edges.find((edge) => edge.id === 'e1.2.1')).toEqual({ id: 'e1.2.1', from: '1.2.1', to: '1.1', kind: 'attack' });
  });
});

describe('Kialo export problems, located by line and column', () => {
  it('reports every bad line at once', () => {
    expect(problemsOf('Discussion Title: T\n\n1. A\n1.1. Maybe: b\n  just text\n1.2. Pro:\n1.1. Pro: B\n1.1. Con: again\n1. -> See 1.1.')).toEqual([
      '4:6: error: the stance of 1.1. must be Pro or Con, not "Maybe"',
      '5:3: error: this line is not a claim: expected a numbered claim such as "1.2. Pro: …", not "just text"',
      '6:10: error: 1.2. has no text',
      '8:1: error: 1.1. appears twice (first on line 7)',
      '9:4: error: the thesis 1. cannot be a cross-link',
    ]);
  });

  it('a claim without stance, a missing title and an empty file', () => {
    expect(problemsOf('Discussion Title: T\n1. A\n1.1. B')).toEqual(['3:6: error: the stance of 1.1. must be Pro or Con, not none']);
    expect(problemsOf('1. A')).toEqual(['1:1: error: a Kialo export starts with "Discussion Title: …"']);
    expect(problemsOf('Discussion Title:   \n1. A')).toEqual(['1:21: error: the discussion title is empty']);
    expect(problemsOf('\r\n  \r\n')).toEqual(['1:1: error: the file is empty; a Kialo export starts with "Discussion Title: …"']);
    expect(problemsOf('Discussion Title: T\n')).toEqual(['1:1: error: the discussion has no claims; they follow the title as "1. …", "1.1. Pro: …"']);
  });

  it('a path whose parent is missing and a cross-link to a missing path or to its own parent', () => {
    expect(problemsOf('Discussion Title: T\n1. A\n1.3.1. Pro: c\n1.2. Con: -> See 1.9.\n1.4. Pro: -> See 1.\n1.5. Pro: -> See 1.6.\n1.6. Con: -> See 1.5.')).toEqual([
      '3:1: error: 1.3.1. has no parent: there is no claim 1.3.',
      '4:18: error: the cross-link at 1.2. names 1.9., which is no claim',
      '5:18: error: the cross-link at 1.4. would make 1. speak to itself',
      '6:18: error: the cross-link at 1.5. names 1.6., which is no claim',
      '7:18: error: the cross-link at 1.6. names 1.5., which is no claim',
    ]);
  });

  it('problems the map rules find are placed on the claim’s line', () => {
    const long = 'x'.repeat(10001);
    expect(importKialo(`Discussion Title: T\n1. A\n1.1. Pro: ${long}`).problems).toEqual([
      { severity: 'error', message: 'is longer than the limit of 10000 characters', line: 3, column: 1 },
    ]);
    expect(importKialo('Discussion Title: T\n1. A\n1.1. Con: B\u0007').problems).toEqual([
      { severity: 'warning', message: 'replaced 1 control character (first U+0007) with U+FFFD', line: 3, column: 1, id: '1.1' },
    ]);
  });

  it('no truncation of an export throws', () => {
    for (const name of ['city-car-ban.txt', 'remote-work-crlf.txt', 'ai-regulation-zh.txt']) {
      const text = fixture(name);
      for (let length = 0; length <= text.length; length += 3) {
        const result = importKialo(text.slice(0, length));
        expect(result.map !== undefined || result.problems.some((problem) => problem.severity === 'error')).toBe(true);
      }
    }
  });
});
