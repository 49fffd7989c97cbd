import { describe, expect, it } from 'vitest';
import type { ArgMap, ArgNode } from '../../src/core/model.ts';
import { findQuoteProblems, surroundingSentence } from '../../src/core/validate/quotes.ts';

const ARTICLE =
  '标题,问号?\n大模型的“烧钱”已成为业内共识。此前,某人表示,其资本门槛高,训练一次1200万美元。' +
  '“实际上,并不是所有的大模型研发都需要耗费很大的成本。”赵增向记者透露,要看切入点。\n最后一段!';

function mapWith(nodes: ArgNode[], sourceIds: string[] = ['article']): ArgMap {
  return {
    schemaVersion: 1,
    title: { zh: '测试' },
    sources: sourceIds.map((id) => ({ id, title: { zh: id } })),
    actors: [{ id: 'someone', name: { zh: '某人', en: 'Someone' } }],
    nodes,
    edges: [],
  };
}

const texts = new Map([['article', ARTICLE]]);

describe('findQuoteProblems', () => {
  it('accepts verbatim quotes and unattributed nodes without quotes', () => {
    const map = mapWith([
      { id: 'q', kind: 'question', text: { zh: '问题？' } },
      { id: 'c', kind: 'claim', text: { zh: '门槛高' }, actor: 'someone', quote: { source: 'article', text: '其资本门槛高' } },
      { id: 'e', kind: 'evidence', text: { zh: '1200万美元' }, quote: { source: 'article', text: '训练一次1200万美元。' } },
    ]);
    expect(findQuoteProblems(map, texts)).toEqual([]);
  });

  it('reports a node with an actor but no quote', () => {
    const map = mapWith([
      { id: 'q', kind: 'question', text: { zh: '问题？' } },
      { id: 'c', kind: 'claim', text: { zh: '门槛高' }, actor: 'someone' },
    ]);
    const problems = findQuoteProblems(map, texts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', pointer: '/nodes/1', id: 'c' });
  });

  it('reports a quote of an unknown source', () => {
    const map = mapWith([
      { id: 'c', kind: 'claim', text: { zh: '门槛高' }, actor: 'someone', quote: { source: 'nowhere', text: '其资本门槛高' } },
    ]);
    const problems = findQuoteProblems(map, texts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', pointer: '/nodes/0/quote/source', id: 'c' });
    expect(problems[0]?.message).toContain('nowhere');
  });

  it('reports a quote that is not verbatim, naming the node and the start of the quote', () => {
    const map = mapWith([
      { id: 'ok', kind: 'claim', text: { zh: '共识' }, quote: { source: 'article', text: '已成为业内共识' } },
      // Full-width comma where the article has an ASCII one.
      { id: 'bad', kind: 'claim', text: { zh: '门槛高' }, actor: 'someone', quote: { source: 'article', text: '此前，某人表示' } },
    ]);
    const problems = findQuoteProblems(map, texts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', pointer: '/nodes/1/quote/text', id: 'bad' });
    expect(problems[0]?.message).toContain('bad');
    expect(problems[0]?.message).toContain('此前，某人');
  });

  it('shortens long bad quotes in the message', () => {
    const long = '这是一段完全不在原文里的很长很长很长的引文内容';
    const map = mapWith([{ id: 'bad', kind: 'claim', text: { zh: 'x' }, quote: { source: 'article', text: long } }]);
    const message = findQuoteProblems(map, texts)[0]?.message ?? '';
    expect(message).toContain(long.slice(0, 12));
    expect(message).not.toContain(long);
  });

  it('reports an empty quote', () => {
    const map = mapWith([{ id: 'empty', kind: 'claim', text: { zh: 'x' }, quote: { source: 'article', text: '' } }]);
    expect(findQuoteProblems(map, texts)).toMatchObject([{ pointer: '/nodes/0/quote/text', id: 'empty' }]);
  });

  it('skips a known source whose text is not provided', () => {
    const map = mapWith(
      [{ id: 'c', kind: 'claim', text: { zh: 'x' }, actor: 'someone', quote: { source: 'other', text: '随便什么' } }],
      ['article', 'other'],
    );
    expect(findQuoteProblems(map, texts)).toEqual([]);
  });

  it('reports every problem, each with its own node index', () => {
    const map = mapWith([
      { id: 'a', kind: 'claim', text: { zh: 'x' }, actor: 'someone' },
      { id: 'b', kind: 'claim', text: { zh: 'x' }, quote: { source: 'nowhere', text: '共识' } },
      { id: 'c', kind: 'claim', text: { zh: 'x' }, quote: { source: 'article', text: '不存在' } },
    ]);
    expect(findQuoteProblems(map, texts).map((p) => p.pointer)).toEqual([
      '/nodes/0',
      '/nodes/1/quote/source',
      '/nodes/2/quote/text',
    ]);
  });
});

describe('surroundingSentence', () => {
  it('extends a quote to its sentence', () => {
    expect(surroundingSentence(ARTICLE, '其资本门槛高')).toBe('此前,某人表示,其资本门槛高,训练一次1200万美元。');
  });

  it('stops at a line break and at an ASCII question mark', () => {
    expect(surroundingSentence(ARTICLE, '问号')).toBe('标题,问号?');
    expect(surroundingSentence(ARTICLE, '业内共识')).toBe('大模型的“烧钱”已成为业内共识。');
    expect(surroundingSentence(ARTICLE, '最后')).toBe('最后一段!');
  });

  it('keeps a closing ” after 。 with the sentence it closes', () => {
    expect(surroundingSentence(ARTICLE, '并不是所有的大模型研发')).toBe(
      '“实际上,并不是所有的大模型研发都需要耗费很大的成本。”',
    );
    expect(surroundingSentence(ARTICLE, '耗费很大的成本。')).toBe('“实际上,并不是所有的大模型研发都需要耗费很大的成本。”');
  });

  it('starts the next sentence after a closing ”', () => {
    expect(surroundingSentence(ARTICLE, '赵增向记者透露')).toBe('赵增向记者透露,要看切入点。');
  });

  it('covers every sentence a quote spans', () => {
    expect(surroundingSentence(ARTICLE, '1200万美元。“实际上')).toBe(
      '此前,某人表示,其资本门槛高,训练一次1200万美元。“实际上,并不是所有的大模型研发都需要耗费很大的成本。”',
    );
  });

  it('returns the quote itself when it is a whole sentence', () => {
    expect(surroundingSentence(ARTICLE, '赵增向记者透露,要看切入点。')).toBe('赵增向记者透露,要看切入点。');
  });

  it('returns undefined for a missing or empty quote', () => {
    expect(surroundingSentence(ARTICLE, '不在文中')).toBeUndefined();
    expect(surroundingSentence(ARTICLE, '')).toBeUndefined();
  });
});
