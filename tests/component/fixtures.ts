/**
 * A small map for component tests, written against the data model by hand, and a
 * MapSession over it (with the text of its one source, so quotes can be shown in context).
 */
import type { ArgMap } from '../../src/core/model.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';

export const ARTICLE =
  '第一句话在这里。投资人张三认为,大模型摧毁了创业,因为算力都向大厂集中。李四不同意。\n' +
  'Another paragraph in English. It has nothing to do with the quote.';

export const SMALL_MAP: ArgMap = {
  schemaVersion: 1,
  title: { zh: '测试地图', en: 'Test map' },
  sources: [{ id: 'article', title: { zh: '文章', en: 'Article' }, file: 'sources/article.txt' }],
  actors: [
    { id: 'zhang', name: { zh: '张三', en: 'Zhang San' }, affiliation: { zh: '投资人', en: 'Investor' } },
    { id: 'li', name: { zh: '李四', en: 'Li Si' } },
  ],
  nodes: [
    { id: 'q', kind: 'question', text: { zh: '创业公司该不该入局？', en: 'Should startups enter?' } },
    {
      id: 'destroyed',
      kind: 'claim',
      text: { zh: '大模型摧毁了创业', en: 'Large models have destroyed startups' },
      actor: 'zhang',
      quote: { source: 'article', text: '大模型摧毁了创业' },
    },
    {
      id: 'compute',
      kind: 'evidence',
      text: { zh: '算力都向大厂集中', en: 'Compute concentrates in big firms' },
      actor: 'zhang',
      quote: { source: 'article', text: '算力都向大厂集中' },
    },
    { id: 'disagree', kind: 'claim', text: { zh: '李四不同意', en: 'Li Si disagrees' }, actor: 'li', quote: { source: 'article', text: '李四不同意' } },
    { id: 'lonely', kind: 'claim', text: { en: 'Only in English' } },
  ],
  edges: [
    { id: 'e1', from: 'destroyed', to: 'q', kind: 'answer' },
    { id: 'e2', from: 'compute', to: 'destroyed', kind: 'support' },
    { id: 'e3', from: 'disagree', to: 'destroyed', kind: 'attack' },
    { id: 'e4', from: 'disagree', to: 'e2', kind: 'undercut' },
  ],
};

export function makeSession(map: ArgMap = SMALL_MAP, sourceTexts: ReadonlyMap<string, string> = new Map([['article', ARTICLE]])): MapSession {
  return new MapSession({ map, name: 'test-map', sourceTexts });
}
