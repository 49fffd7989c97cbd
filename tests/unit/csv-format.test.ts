/** A map as a pair of CSV files: the column mapping, round trips, spreadsheet dialects and located problems. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsvPair, pairTitle, readCsvPairBytes, siblingName, writeCsvPair, type CsvImportResult } from '../../src/core/formats/csv/index.ts';
import { indexMap, inLanguage, type ArgMap } from '../../src/core/model.ts';
import { formatProblem, type Problem } from '../../src/core/problems.ts';

const SAMPLE: ArgMap = {
  schemaVersion: 1,
  title: { zh: '百模大战', en: 'Hundred-model war' },
  sources: [],
  actors: [
    { id: 'zhu', name: { zh: '朱啸虎', en: 'Zhu Xiaohu' } },
    { id: 'fu', name: { zh: '傅盛', en: 'Fu Sheng' } },
  ],
  nodes: [
    { id: 'q', kind: 'question', text: { zh: '大模型创业还有机会吗？', en: 'Is there room for LLM start-ups?' } },
    { id: 'c1', kind: 'claim', text: { zh: '没有，"大厂"会吃掉一切，\n包括应用。', en: 'No, "big tech", eats all' }, actor: 'zhu', tags: ['vc', '悲观'], position: { x: -120.5, y: 40 } },
    { id: 'c2', kind: 'claim', text: { en: '=HYPERLINK("http://evil.example","click")' }, actor: 'fu', section: 'Replies; part 1' },
    { id: 'ev', kind: 'evidence', text: { zh: "'引号开头 and -5% growth" }, actor: 'zhu' },
  ],
  edges: [
    { id: 'e1', from: 'c1', to: 'q', kind: 'answer' },
    { id: 'e2', from: 'c2', to: 'c1', kind: 'attack' },
    { id: 'e3', from: 'ev', to: 'c1', kind: 'support', group: 'g1' },
    { id: 'u1', from: 'c2', to: 'e3', kind: 'undercut' },
  ],
};

function opened(result: CsvImportResult): ArgMap {
  if (result.map === undefined) throw new Error(`expected the pair to open: ${result.problems.map((problem) => formatProblem(problem)).join('\n')}`);
  return result.map;
}

function refused(result: CsvImportResult): Problem[] {
  expect(result.map).toBeUndefined();
  return result.problems.filter((problem) => problem.severity === 'error');
}

function pair(nodes: string, edges: string) {
  return { nodes: { name: 'debate.nodes.csv', text: nodes }, edges: { name: 'debate.edges.csv', text: edges } };
}

/** What a CSV pair keeps of a map: everything but ids of actors, sources, quotes and tours. */
function essentials(map: ArgMap) {
  const { actors } = indexMap(map);
  return {
    nodes: map.nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      text: node.text,
      speaker: node.actor === undefined ? undefined : inLanguage(actors.get(node.actor)!.name, 'zh'),
      tags: node.tags,
      section: node.section,
      position: node.position,
    })),
    edges: map.edges,
  };
}

describe('CSV pair: round trips', () => {
  it('map → CSV → map keeps nodes (both texts, kind, speaker, tags, section, place) and edges', () => {
    const written = writeCsvPair(SAMPLE, 'zh');
    const read = opened(importCsvPair(pair(written.nodes, written.edges)));
    expect(essentials(read)).toEqual(essentials(SAMPLE));
    expect(read.title).toEqual({ zh: 'debate' });
  });

  it('CSV → map → CSV writes the same bytes', () => {
    const written = writeCsvPair(SAMPLE, 'en');
    const again = writeCsvPair(opened(importCsvPair(pair(written.nodes, written.edges))), 'en');
    expect(again).toEqual(written);
  });

  it('writes UTF-8 with a BOM and CRLF, the header first, and guards formulas with a leading quote', () => {
    const { nodes, edges } = writeCsvPair(SAMPLE, 'en');
    expect(nodes.startsWith('\uFEFFID,Label,Type,Description,Text (zh),Text (en),Speaker,Tags,Section,X,Y\r\n')).toBe(true);
    expect(edges.startsWith('\uFEFFID,From,To,Type,Group\r\n')).toBe(true);
    expect(nodes).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(nodes).not.toMatch(/[,\n]=HYPERLINK/);
    expect(nodes).toContain("c1,\"No, \"\"big tech\"\", eats all\",claim,,\"没有，\"\"大厂\"\"会吃掉一切，\n包括应用。\"");
    expect(nodes).toContain(',vc|悲观,,-120.5,40\r\n');
  });

  it('any text survives the trip (quotes, separators, line breaks, formula starts, Chinese)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', '"', ',', ';', '\n', '=', '+', '-', '@', "'", ' ', '|', '\t'), minLength: 1, maxLength: 12 })
      .filter((value) => value.trim() !== '' && value.trim() === value && !value.includes('\t'));
    fc.assert(
      fc.property(text, text, (zh, en) => {
        const map: ArgMap = { ...SAMPLE, nodes: [{ id: 'n', kind: 'claim', text: { zh, en } }, { id: 'm', kind: 'claim', text: { en: zh } }], edges: [{ id: 'e', from: 'm', to: 'n', kind: 'support' }] };
        const written = writeCsvPair(map, 'zh');
        const read = opened(importCsvPair(pair(written.nodes, written.edges)));
        expect(read.nodes.map((node) => node.text)).toEqual(map.nodes.map((node) => node.text));
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('keeps Kumu descriptions with the map and writes them back', () => {
    const read = opened(importCsvPair(pair('Label,Type,Description\nA,claim,Why A matters\nB,,\n', 'From,To,Type\nB,A,con\n')));
    expect(writeCsvPair(read, 'en').nodes).toContain('A,A,claim,Why A matters,,A,');
  });
});

describe('CSV pair: what spreadsheets write', () => {
  it('reads a Kumu sheet: Label is the id and the text, pro/con edges, ids e1… for edges', () => {
    const map = opened(importCsvPair(pair('Label,Type,Description\r\nCars out,claim,\r\nCleaner air,evidence,\r\nShops die,,\r\n', 'From,To,Type\r\nCleaner air,Cars out,pro\r\nShops die,Cars out,Con\r\n')));
    expect(map.nodes.map((node) => [node.id, node.kind, node.text])).toEqual([
      ['Cars out', 'claim', { en: 'Cars out' }],
      ['Cleaner air', 'evidence', { en: 'Cleaner air' }],
      ['Shops die', 'claim', { en: 'Shops die' }],
    ]);
    expect(map.edges).toEqual([
      { id: 'e1', from: 'Cleaner air', to: 'Cars out', kind: 'support' },
      { id: 'e2', from: 'Shops die', to: 'Cars out', kind: 'attack' },
    ]);
  });

  it('reads a BOM, `;` separators, CRLF, quoted fields with line breaks and Chinese, headers in any case', () => {
    const nodes = '\uFEFFid;TYPE;text_zh;Text (EN);speaker\r\nq;question;"城市应该\r\n禁车吗？";"Ban cars; really?";\r\nc;claim;"空气""更好""";;张三\r\n';
    const edges = '\uFEFFID;From;To;Type\r\ne;c;q;answer\r\n';
    const map = opened(importCsvPair(pair(nodes, edges)));
    expect(map.nodes[0]!.text).toEqual({ zh: '城市应该\n禁车吗？', en: 'Ban cars; really?' });
    expect(map.nodes[1]!.text).toEqual({ zh: '空气"更好"' });
    expect(map.actors).toEqual([{ id: 'a1', name: { zh: '张三' } }]);
    expect(map.nodes[1]!.actor).toBe('a1');
  });

  it('reads tab-separated files and skips blank rows', () => {
    const map = opened(importCsvPair(pair('ID\tLabel\n\na\tA\nb\tB\n\n', 'From\tTo\tType\nb\ta\tsupport\n')));
    expect(map.nodes.map((node) => node.id)).toEqual(['a', 'b']);
  });

  it('names the pair: the title from the nodes file, the sibling of either file', () => {
    expect(pairTitle('/tmp/城市.nodes.csv')).toBe('城市');
    expect(siblingName('dir/map.nodes.csv')).toBe('dir/map.edges.csv');
    expect(siblingName('Map.EDGES.CSV')).toBe('Map.nodes.csv');
    expect(siblingName('map.csv')).toBeUndefined();
  });
});

describe('CSV pair: bad rows are located (file:line, the id)', () => {
  it('an unknown node type', () => {
    const [problem] = refused(importCsvPair(pair('ID,Label,Type\na,A,claim\nb,B,opinion\n', 'From,To,Type\n')));
    expect(problem).toMatchObject({ file: 'debate.nodes.csv', line: 3, id: 'b' });
    expect(formatProblem(problem!)).toBe('debate.nodes.csv:3: error: the Type of node "b" must be one of question, claim, evidence, not "opinion"');
  });

  it('an edge whose end is no node, found by the integrity stage, on the edges file line after a quoted line break', () => {
    const problems = refused(importCsvPair(pair('ID,Label\na,A\nb,B\n', 'ID,From,To,Type\ne1,b,a,support\ne2,"x\ny",a,support\ne3,b,ghost,attack\n')));
    expect(problems.map((problem) => [problem.file, problem.line])).toEqual([
      ['debate.edges.csv', 3],
      ['debate.edges.csv', 5],
    ]);
    expect(problems[1]!.message).toContain('"ghost"');
  });

  it('a duplicate id, on the line of the second', () => {
    const problems = refused(importCsvPair(pair('ID,Label\na,A\nb,B\na,C\n', 'From,To,Type\n')));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'debate.nodes.csv', line: 4, message: expect.stringContaining('"a"') }));
  });

  it('an unclosed quote, on its line', () => {
    const problems = refused(importCsvPair(pair('ID,Label\na,A\nb,"B\n', 'From,To,Type\n')));
    expect(problems[0]).toMatchObject({ file: 'debate.nodes.csv', line: 3, message: expect.stringContaining('not closed') });
  });

  it('an edges file without From, a missing Type, a half-given place, too many cells', () => {
    expect(refused(importCsvPair(pair('ID,Label\na,A\n', 'Source2,To\n')))[0]).toMatchObject({ file: 'debate.edges.csv', line: 1, message: expect.stringContaining('no From column') });
    expect(refused(importCsvPair(pair('ID,Label\na,A\nb,B\n', 'From,To\nb,a\n')))[0]).toMatchObject({ file: 'debate.edges.csv', line: 2, message: expect.stringContaining('it is empty') });
    expect(refused(importCsvPair(pair('ID,Label,X,Y\na,A,10,\n', 'From,To\n')))[0]).toMatchObject({ line: 2, id: 'a', message: expect.stringContaining('needs both') });
    expect(refused(importCsvPair(pair('ID,Label\na,A,extra\n', 'From,To\n')))[0]).toMatchObject({ line: 2, message: expect.stringContaining('3 cells') });
  });

  it('an empty file, and a text over the schema limit (located by the schema stage)', () => {
    expect(refused(importCsvPair(pair('', 'From,To\n')))[0]).toMatchObject({ file: 'debate.nodes.csv', line: 1 });
    const long = 'x'.repeat(10_001);
    expect(refused(importCsvPair(pair(`ID,Label\na,A\nb,${long}\n`, 'From,To\n')))[0]).toMatchObject({ file: 'debate.nodes.csv', line: 3 });
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 }), (nodes, edges) => {
        const result = importCsvPair(pair(`ID,Label\n${nodes}`, `From,To,Type\n${edges}`));
        expect(result.map !== undefined || result.problems.some((problem) => problem.severity === 'error')).toBe(true);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('CSV pair from bytes', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8 with a BOM, as format csv', () => {
    const read = readCsvPairBytes({ nodes: { name: 'm.nodes.csv', bytes: encode('\uFEFFID,Label\na,甲\n') }, edges: { name: 'm.edges.csv', bytes: encode('From,To\n') } });
    expect(read.format).toBe('csv');
    expect(read.result.ok && read.result.map.nodes[0]!.text).toEqual({ zh: '甲' });
  });

  it('refuses a file that is not UTF-8 (a GBK sheet), naming it', () => {
    const gbk = new Uint8Array([0x49, 0x44, 0x2c, 0x4c, 0x61, 0x62, 0x65, 0x6c, 0x0a, 0x61, 0x2c, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    const read = readCsvPairBytes({ nodes: { name: 'm.nodes.csv', bytes: gbk }, edges: { name: 'm.edges.csv', bytes: encode('From,To\n') } });
    expect(read.result.ok).toBe(false);
    expect(read.result.ok ? [] : read.result.problems).toEqual([{ severity: 'error', message: 'the file is not UTF-8 text; save the sheet as "CSV UTF-8"', file: 'm.nodes.csv' }]);
  });
});

describe('one CSV file alone', () => {
  it('is recognised by its header and refused with what to do, wherever a single file or text is read', async () => {
    const { readMapText } = await import('../../src/core/formats/read-map.ts');
    for (const text of ['ID,Label,Type\r\na,A,claim\r\n', '\uFEFFFrom;To;Type\nb;a;pro\n', '"Label","Description"\n"x","y"\n']) {
      const read = readMapText(text);
      expect(read.format).toBe('csv');
      expect(read.result.ok ? [] : read.result.problems.map((problem) => problem.message)).toEqual([
        'a CSV map is two files, its nodes and its edges (map.nodes.csv and map.edges.csv): open them together',
      ]);
    }
    expect(readMapText('Name,Age\nAnn,3\n').format).toBe('unknown');
  });
});
