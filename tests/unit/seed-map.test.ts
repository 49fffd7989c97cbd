import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ArgMap, ArgNode } from '../../src/core/model.ts';
import { findQuoteProblems } from '../../src/core/validate/quotes.ts';

const MAP_URL = new URL('../../graph-data/hundred-model-war.json', import.meta.url);
const SCHEMA_URL = new URL('../../graph-data/argmap.schema.json', import.meta.url);
const ARTICLE_URL = new URL('../../graph-data/sources/hundred-model-war.txt', import.meta.url);

const raw: unknown = JSON.parse(readFileSync(MAP_URL, 'utf8'));
const schema: unknown = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));
const article = readFileSync(ARTICLE_URL, 'utf8');
// Only trusted after the schema test below passes.
const map = raw as ArgMap;

const NAMED_VOICES = [
  'tang-daosheng',
  'tian-qi',
  'kunlun-tech',
  'zhao-zeng',
  'chen-hang',
  'he-xiaodong',
  'tu-weiwei',
  'zhu-xiaohu',
  'fu-sheng',
  'openai',
  'big-company-tech-lead',
  'wu-yunsheng',
];

/** Traditional forms that the damaged original used; none may survive in the map. */
const TRADITIONAL = /[業創據資廠數們這個實為國發開時會說場來於]/u;
/** A pinyin gloss such as (yè) or (chuàng). */
const PINYIN_GLOSS = /\([a-zà-ǜü]+\)/u;

const nodesById = new Map(map.nodes.map((node) => [node.id, node]));
const edgesById = new Map(map.edges.map((edge) => [edge.id, edge]));

function actorOf(id: string): string | undefined {
  return nodesById.get(id)?.actor;
}

function hasAttack(fromActor: string, toActor: string): boolean {
  return map.edges.some(
    (edge) => edge.kind === 'attack' && actorOf(edge.from) === fromActor && actorOf(edge.to) === toActor,
  );
}

describe('the hundred-model-war seed map', () => {
  it('validates against the JSON Schema', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(schema as object);
    const valid = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names every voice of the article, in both languages, with affiliations', () => {
    expect(map.actors.length).toBeGreaterThanOrEqual(11);
    for (const actor of map.actors) {
      expect(actor.name.zh, actor.id).toBeTruthy();
      expect(actor.name.en, actor.id).toBeTruthy();
      expect(actor.affiliation?.zh, actor.id).toBeTruthy();
      expect(actor.affiliation?.en, actor.id).toBeTruthy();
    }
    const actorIds = new Set(map.actors.map((actor) => actor.id));
    for (const id of NAMED_VOICES) expect(actorIds.has(id), id).toBe(true);
  });

  it('has clean simplified Chinese and English text on every node', () => {
    for (const node of map.nodes) {
      const zh = node.text.zh ?? '';
      expect(zh, node.id).not.toBe('');
      expect(node.text.en ?? '', node.id).not.toBe('');
      expect(zh, node.id).not.toMatch(TRADITIONAL);
      expect(zh, node.id).not.toMatch(PINYIN_GLOSS);
    }
    for (const actor of map.actors) {
      expect(actor.name.zh ?? '', actor.id).not.toMatch(TRADITIONAL);
      expect(actor.affiliation?.zh ?? '', actor.id).not.toMatch(TRADITIONAL);
    }
  });

  it('quotes the article verbatim', () => {
    const sourceText = new Map<string, string>();
    for (const source of map.sources) {
      if (source.file !== undefined) sourceText.set(source.id, readFileSync(new URL(source.file, MAP_URL), 'utf8'));
    }
    expect(sourceText.get('article')).toBe(article);
    expect(findQuoteProblems(map, sourceText)).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = [...map.nodes.map((node) => node.id), ...map.edges.map((edge) => edge.id)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(map.actors.map((actor) => actor.id)).size).toBe(map.actors.length);
    expect(new Set(map.sources.map((source) => source.id)).size).toBe(map.sources.length);
  });

  it('links only existing nodes and actors, and undercuts only edges', () => {
    const actorIds = new Set(map.actors.map((actor) => actor.id));
    for (const node of map.nodes) {
      if (node.actor !== undefined) expect(actorIds.has(node.actor), node.id).toBe(true);
    }
    for (const edge of map.edges) {
      expect(nodesById.has(edge.from), edge.id).toBe(true);
      if (edge.kind === 'undercut') expect(edgesById.has(edge.to), edge.id).toBe(true);
      else expect(nodesById.has(edge.to), edge.id).toBe(true);
      if (edge.kind === 'answer') {
        expect(nodesById.get(edge.from)?.kind, edge.id).toBe('claim');
        expect(nodesById.get(edge.to)?.kind, edge.id).toBe('question');
      }
    }
    expect(map.edges.some((edge) => edge.kind === 'undercut')).toBe(true);
  });

  it('shows the clashes in the right direction', () => {
    expect(hasAttack('he-xiaodong', 'tang-daosheng')).toBe(true);
    expect(hasAttack('fu-sheng', 'zhu-xiaohu')).toBe(true);
    expect(hasAttack('zhu-xiaohu', 'fu-sheng')).toBe(true);
  });

  it('has the article’s key figures as evidence', () => {
    const evidence = map.nodes
      .filter((node: ArgNode) => node.kind === 'evidence')
      .map((node) => `${node.text.zh ?? ''} ${node.quote?.text ?? ''}`);
    for (const figure of ['1200万美元', '8万元', '40万元', 'A100', '5.4亿美元', '1000亿美元', '70%-80%']) {
      expect(
        evidence.some((text) => text.includes(figure)),
        figure,
      ).toBe(true);
    }
  });

  it('connects every node to at least one edge', () => {
    const linked = new Set<string>();
    for (const edge of map.edges) {
      linked.add(edge.from);
      linked.add(edge.to);
    }
    expect(map.nodes.filter((node) => !linked.has(node.id)).map((node) => node.id)).toEqual([]);
  });
});
