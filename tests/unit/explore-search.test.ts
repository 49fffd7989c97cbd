import { describe, expect, it } from 'vitest';
import type { ArgMap, ArgNode, Actor } from '../../src/core/model.ts';
import { buildSearchIndex, DEFAULT_RESULT_LIMIT, search, type SearchResult } from '../../src/core/explore/search.ts';
import { loadSeedMap } from '../support/seed.ts';

const seed = loadSeedMap();
const seedIndex = buildSearchIndex(seed);

function makeMap(nodes: readonly ArgNode[], actors: readonly Actor[] = []): ArgMap {
  return { schemaVersion: 1, title: { en: 'test' }, sources: [], actors, nodes, edges: [] };
}

function claim(id: string, text: ArgNode['text'], extra: Partial<ArgNode> = {}): ArgNode {
  return { id, kind: 'claim', text, ...extra };
}

function nodesOfActor(map: ArgMap, actorId: string): string[] {
  return map.nodes.filter((node) => node.actor === actorId).map((node) => node.id);
}

function ids(results: readonly SearchResult[]): string[] {
  return results.map((result) => result.nodeId);
}

/** The highlighted pieces of a result, read out of the text its ranges point into. */
function highlighted(map: ArgMap, result: SearchResult): string[] {
  const { matchedIn } = result;
  let text: string | undefined;
  if (matchedIn.kind === 'text') text = map.nodes.find((node) => node.id === result.nodeId)?.text[matchedIn.language];
  else if (matchedIn.kind === 'actor-name') text = map.actors.find((actor) => actor.id === matchedIn.actorId)?.name[matchedIn.language];
  else text = matchedIn.tag;
  return result.ranges.map((range) => (text ?? '').slice(range.start, range.end));
}

describe('search over the seed map', () => {
  const zhuNodes = nodesOfActor(seed, 'zhu-xiaohu');
  const fuNodes = nodesOfActor(seed, 'fu-sheng');

  it.each(['zhuxiaohu', 'zhu xiao hu', 'ZhuXiaohu', 'zxh', '朱啸虎'])('%j finds the nodes of 朱啸虎 first', (query) => {
    expect(zhuNodes.length).toBeGreaterThan(0);
    const results = search(seedIndex, query);
    expect(ids(results.slice(0, zhuNodes.length))).toEqual(zhuNodes);
  });

  it('finds 朱啸虎 by initials through the Chinese name and highlights all of it', () => {
    const [first] = search(seedIndex, 'zxh');
    expect(first?.field).toBe('initials');
    expect(first?.matchedIn).toEqual({ kind: 'actor-name', actorId: 'zhu-xiaohu', language: 'zh' });
    expect(first && highlighted(seed, first)).toEqual(['朱啸虎']);
  });

  it('finds 傅盛 with fusheng', () => {
    expect(fuNodes.length).toBeGreaterThan(0);
    expect(ids(search(seedIndex, 'fusheng').slice(0, fuNodes.length))).toEqual(fuNodes);
  });

  it('finds English text with vertical, highlighting the word wherever it stands', () => {
    const results = search(seedIndex, 'vertical');
    expect(results.length).toBeGreaterThan(3);
    for (const result of results) {
      expect(result.field).toBe('en');
      expect(highlighted(seed, result).map((piece) => piece.toLowerCase())).toEqual(result.ranges.map(() => 'vertical'));
    }
    expect(ids(results)).toContain('q-vertical-cheaper');
  });

  it('finds 大模型 by its pinyin damoxing and highlights the three characters', () => {
    const results = search(seedIndex, 'damoxing', { limit: Infinity });
    const withTerm = seed.nodes.filter((node) => node.text.zh?.includes('大模型')).map((node) => node.id);
    expect(new Set(ids(results))).toEqual(new Set(withTerm));
    for (const result of results) {
      expect(result.field).toBe('pinyin');
      expect(highlighted(seed, result).every((piece) => piece === '大模型')).toBe(true);
    }
  });

  it('reads characters in context: 行业 is hangye', () => {
    const results = search(seedIndex, 'hangye', { limit: Infinity });
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(highlighted(seed, result)).toContain('行业');
  });

  it('gives each node at most one result', () => {
    const results = search(seedIndex, 'a', { limit: Infinity });
    expect(new Set(ids(results)).size).toBe(results.length);
  });

  it.each(['', '   ', '\u3000', '\n\t'])('finds nothing for the blank query %j', (query) => {
    expect(search(seedIndex, query)).toEqual([]);
  });
});

describe('ranking', () => {
  it('puts exact before prefix before substring', () => {
    const map = makeMap([claim('inside', { en: 'a big model' }), claim('exact', { en: 'Model' }), claim('start', { en: 'models matter' })]);
    expect(ids(search(buildSearchIndex(map), 'model'))).toEqual(['exact', 'start', 'inside']);
  });

  it('puts the text before the speaker before pinyin at the same quality', () => {
    const actors: Actor[] = [{ id: 'li', name: { en: 'Mr Wang Li Jr' } }];
    const map = makeMap([
      claim('by-pinyin', { zh: '我们王力' }),
      claim('by-actor', { en: 'nothing here' }, { actor: 'li' }),
      claim('by-text', { en: 'Minister wangli said' }),
    ], actors);
    const results = search(buildSearchIndex(map), 'wangli');
    expect(results.map((result) => [result.nodeId, result.field])).toEqual([
      ['by-text', 'en'],
      ['by-actor', 'actor'],
      ['by-pinyin', 'pinyin'],
    ]);
  });

  it('keeps map order among equal matches', () => {
    const map = makeMap(['c', 'a', 'b'].map((id) => claim(id, { en: 'same text' })));
    expect(ids(search(buildSearchIndex(map), 'text'))).toEqual(['c', 'a', 'b']);
  });

  it('ranks a tag below text and above the speaker', () => {
    const actors: Actor[] = [{ id: 'someone', name: { en: 'The Cost Person' } }];
    const map = makeMap([
      claim('speaker', { en: 'x' }, { actor: 'someone' }),
      claim('tagged', { en: 'y' }, { tags: ['low cost'] }),
      claim('text', { en: 'its cost' }),
    ], actors);
    const results = search(buildSearchIndex(map), 'cost');
    expect(results.map((result) => [result.nodeId, result.field])).toEqual([
      ['text', 'en'],
      ['tagged', 'tag'],
      ['speaker', 'actor'],
    ]);
    expect(results[1]?.matchedIn).toEqual({ kind: 'tag', tag: 'low cost' });
    expect(results[1] && highlighted(map, results[1])).toEqual(['cost']);
  });

  it('puts pinyin of the text before pinyin of the speaker, and the same for initials', () => {
    const actors: Actor[] = [{ id: 'old-wang', name: { zh: '老王力' } }];
    const map = makeMap([claim('by-speaker', { en: 'x' }, { actor: 'old-wang' }), claim('in-text', { zh: '我们王力' })], actors);
    const index = buildSearchIndex(map);
    const fieldsOf = (query: string) => search(index, query).map((result) => [result.nodeId, result.field]);
    expect(fieldsOf('wangli')).toEqual([
      ['in-text', 'pinyin'],
      ['by-speaker', 'pinyin'],
    ]);
    expect(fieldsOf('wl')).toEqual([
      ['in-text', 'initials'],
      ['by-speaker', 'initials'],
    ]);
  });
});

describe('pinyin', () => {
  const actors: Actor[] = [
    { id: 'zhu', name: { zh: '朱啸虎' } },
    { id: 'shan', name: { zh: '单田芳' } },
  ];
  const map = makeMap([
    claim('by-zhu', { zh: '创业被摧毁了' }, { actor: 'zhu' }),
    claim('by-shan', { zh: '评书' }, { actor: 'shan' }),
    claim('green', { zh: '绿色的大模型' }),
    claim('mixed', { zh: '支撑ChatGPT的算力，“百模”大战' }),
  ], actors);
  const index = buildSearchIndex(map);

  it.each([
    ['zhuxiaohu', 'pinyin'],
    ['zhu xiao hu', 'pinyin'],
    ["zhu'xiao'hu", 'pinyin'],
    ['zhū xiào hǔ', 'pinyin'],
    ['zhuxiao', 'pinyin'],
    ['zxh', 'initials'],
  ])('%j finds a speaker whose name is only in Chinese', (query, field) => {
    const [first] = search(index, query);
    expect(first?.nodeId).toBe('by-zhu');
    expect(first?.field).toBe(field);
    expect(first && highlighted(map, first)).toEqual([query === 'zhuxiao' ? '朱啸' : '朱啸虎']);
  });

  it('reads a name with the surname reading of its first character', () => {
    expect(ids(search(index, 'shantianfang'))).toEqual(['by-shan']);
  });

  it('writes ü as v', () => {
    expect(ids(search(index, 'lvse'))).toEqual(['green']);
    expect(ids(search(index, 'lüse'))).toEqual(['green']);
  });

  it('only matches from the start of a syllable', () => {
    expect(ids(search(index, 'amoxing'))).toEqual([]);
    expect(ids(search(index, 'moxing'))).toEqual(['green']);
  });

  it('runs across punctuation and letters, and highlights through them', () => {
    const [first] = search(index, 'baimodazhan');
    expect(first?.nodeId).toBe('mixed');
    expect(first && highlighted(map, first)).toEqual(['百模”大战']);
    const [acrossLatin] = search(index, 'zhichengchatgptde');
    expect(acrossLatin && highlighted(map, acrossLatin)).toEqual(['支撑ChatGPT的']);
  });

  it('never matches initials across a character that is not Chinese', () => {
    // 撑 then "ChatGPT" then 的: the initials c and d are not neighbours.
    expect(ids(search(index, 'cd'))).not.toContain('mixed');
    expect(ids(search(index, 'zc'))).toContain('mixed');
  });

  it('leaves Chinese queries to the text itself', () => {
    const [first] = search(index, '大模型');
    expect(first?.field).toBe('zh');
    expect(first && highlighted(map, first)).toEqual(['大模型']);
  });
});

describe('folding', () => {
  it('ignores case, width and whitespace, and highlights the original characters', () => {
    const map = makeMap([claim('wide', { en: 'The ＡＩ  Ｍodel' })]);
    const [first] = search(buildSearchIndex(map), 'aimodel');
    expect(first && highlighted(map, first)).toEqual(['ＡＩ  Ｍodel']);
  });

  it('treats a letter with a combining accent as the composed letter', () => {
    const map = makeMap([claim('cafe', { en: 'Cafe\u0301 culture' })]);
    const [first] = search(buildSearchIndex(map), 'CAFÉ');
    expect(first && highlighted(map, first)).toEqual(['Cafe\u0301']);
  });

  it('highlights a character that folds to several letters once', () => {
    // Ⅲ folds to "iii": three matches of "i" inside one character.
    const map = makeMap([claim('roman', { en: 'Ⅲ' })]);
    expect(search(buildSearchIndex(map), 'i')[0]?.ranges).toEqual([{ start: 0, end: 1 }]);
  });

  it('highlights every occurrence, and characters beyond the basic plane whole', () => {
    const map = makeMap([claim('emoji', { en: 'go 😀 go 😀 go' })]);
    const [first] = search(buildSearchIndex(map), '😀go');
    expect(first?.ranges).toEqual([
      { start: 3, end: 8 },
      { start: 9, end: 14 },
    ]);
  });
});

describe('hostile and large maps', () => {
  it('finds nodes and speakers whose ids are object keys or carry separators', () => {
    const actors: Actor[] = [{ id: 'constructor', name: { en: 'Proto Speaker' } }];
    const map = makeMap([claim('__proto__', { en: 'hasOwnProperty' }, { actor: 'constructor', tags: ['__proto__'] }), claim('a,&=#%', { en: 'toString' })], actors);
    const index = buildSearchIndex(map);
    expect(ids(search(index, 'hasownproperty'))).toEqual(['__proto__']);
    expect(ids(search(index, 'proto speaker'))).toEqual(['__proto__']);
    expect(ids(search(index, 'tostring'))).toEqual(['a,&=#%']);
    expect(ids(search(index, '__proto__'))).toEqual(['__proto__']);
  });

  it('searches 10,000 nodes: the one exact match first, every match found, 100 returned unless asked', () => {
    const nodes = Array.from({ length: 10_000 }, (_, index) => claim(`n${index}`, { zh: `第${index}个大模型`, en: `model number ${index}` }));
    const index = buildSearchIndex(makeMap(nodes));
    const results = search(index, 'model number 7777');
    expect(results[0]?.nodeId).toBe('n7777');
    expect(results[0]?.field).toBe('en');
    expect(results).toHaveLength(1);
    expect(search(index, 'damoxing')).toHaveLength(DEFAULT_RESULT_LIMIT);
    expect(search(index, 'damoxing', { limit: Infinity })).toHaveLength(10_000);
    expect(search(index, 'di7777ge', { limit: 5 }).map((result) => result.nodeId)).toEqual(['n7777']);
  });
});
