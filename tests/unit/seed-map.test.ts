import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ArgMap, ArgNode } from '../../src/core/model.ts';
import { enumerateExtensions, namedExtensions } from '../../src/core/semantics/extensions.ts';
import { frameworkFromMap } from '../../src/core/semantics/framework.ts';
import { groundedLabelling } from '../../src/core/semantics/grounded.ts';
import { namedLabels } from '../../src/core/semantics/labels.ts';
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
    expect(hasAttack('tang-daosheng', 'he-xiaodong')).toBe(true);
    // 涂威威 speaks about startups' chances; he was not answering 朱啸虎.
    expect(hasAttack('tu-weiwei', 'zhu-xiaohu')).toBe(false);
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

  it('connects every node to at least one edge, but for the reporter’s framing that opens the overview', () => {
    const linked = new Set<string>();
    for (const edge of map.edges) {
      linked.add(edge.from);
      linked.add(edge.to);
    }
    // The article sets its scene with this remark and argues nothing from it, so it hangs under no
    // question; the overview shows it beside the central question instead.
    const framing = ['rep-debate-shifts'];
    expect(map.nodes.filter((node) => !linked.has(node.id)).map((node) => node.id)).toEqual(framing);
    const opening = map.tours?.find((tour) => tour.id === 'overview')?.steps[0]?.reveal ?? [];
    for (const id of framing) expect(opening, id).toContain(id);
  });

  it('never lets a node support itself through a shared quote', () => {
    const spanOf = (id: string): [number, number] => {
      const quote = nodesById.get(id)?.quote?.text ?? '';
      const start = article.indexOf(quote);
      return [start, start + quote.length];
    };
    for (const edge of map.edges) {
      if (edge.kind !== 'support' && edge.kind !== 'rephrase') continue;
      const [fromStart, fromEnd] = spanOf(edge.from);
      const [toStart, toEnd] = spanOf(edge.to);
      expect(fromStart < toEnd && toStart < fromEnd, `${edge.id}: ${edge.from} → ${edge.to}`).toBe(false);
    }
  });

  it('keeps only the relations the article draws', () => {
    for (const removed of ['e-62', 'e-28', 'e-41', 'e-14', 'e-3', 'e-5']) expect(edgesById.has(removed), removed).toBe(false);
    expect(nodesById.has('ev-reserves-1b')).toBe(false);
    expect(edgesById.get('e-43')).toMatchObject({ from: 'tu-low-threshold', to: 'kunlun-long-war', kind: 'attack' });
    expect(edgesById.get('e-15')).toMatchObject({ from: 'zhao-two-paradigms', to: 'tang-two-paths', kind: 'rephrase' });
    expect(map.edges.some((edge) => edge.from === 'wu-too-early' && edge.to === 'q-who-wins' && edge.kind === 'answer')).toBe(true);
    const concession = map.nodes.find((node) => node.quote?.text === '尽管大模型赛道确实有资金门槛');
    expect(concession?.actor).toBe('reporter');
    expect(map.edges.some((edge) => edge.from === concession?.id && edge.to === 'tian-capital-threshold' && edge.kind === 'support')).toBe(true);
    // 田奇's inference runs from absorbing small models to concentration, not from the capital threshold.
    expect(edgesById.get('e-threshold-concentration')).toMatchObject({ from: 'tian-absorb-small-models', to: 'tian-concentration' });
  });

  it('words the nodes as the article does', () => {
    const text = (id: string) => nodesById.get(id)?.text ?? {};
    expect(text('q-cost').zh).not.toContain('负担得起');
    expect(text('tu-low-threshold').zh).toContain('可通过融资');
    expect(text('ev-openai-100b').zh).toMatch(/私下.*可能/u);
    expect(text('rep-debate-shifts').zh).toContain('逐渐');
    expect(text('lead-startups-flexible').zh).toContain('革命性');
    expect(text('ev-a100-10k').en).toContain('more than 10,000');
    expect(text('lead-startups-flexible').en).not.toMatch(/\bmodels\b/u);
    expect(text('lead-cost-controllable').en).toContain('manageable');
    expect(text('tu-focus-resources').en).toContain('rival internal teams');
    expect(text('zhu-startups-destroyed').en).toContain('destroyed the startup opportunity');
    expect(text('tang-vertical-cheaper').en).toMatch(/^An? .+ (is|are) .+\.?$/u);
    expect(text('tu-costs-will-fall').en).toContain('are bound to fall');
    expect(text('rep-debate-shifts').en).toContain('commercial potential');
  });
});

/** The grounded labelling of the seed map, by node id. */
function groundedStatuses(): Map<string, string> {
  const { framework, nodeCount } = frameworkFromMap(map);
  const labels = namedLabels(framework, groundedLabelling(framework));
  return new Map([...labels].slice(0, nodeCount));
}

describe('the seed map’s verdicts follow the article', () => {
  const NAMED_CLASHES = [
    ['zhu-startups-destroyed', 'fu-new-opportunities'],
    ['he-vertical-not-cheap', 'tang-vertical-cheaper'],
  ] as const;

  it('draws each named clash as attacks both ways', () => {
    for (const [one, other] of NAMED_CLASHES) {
      expect(map.edges.some((edge) => edge.kind === 'attack' && edge.from === one && edge.to === other), `${one} → ${other}`).toBe(true);
      expect(map.edges.some((edge) => edge.kind === 'attack' && edge.from === other && edge.to === one), `${other} → ${one}`).toBe(true);
    }
  });

  it('leaves both claims of each named clash undecided in grounded semantics', () => {
    const statuses = groundedStatuses();
    for (const id of NAMED_CLASHES.flat()) expect(statuses.get(id), id).toBe('UNDEC');
  });

  it('puts each side of each named clash in some preferred extension', () => {
    const { framework, nodeCount } = frameworkFromMap(map);
    const preferred = namedExtensions(framework, enumerateExtensions(framework, 'preferred').extensions, nodeCount);
    for (const id of NAMED_CLASHES.flat()) expect(preferred.some((extension) => extension.includes(id)), id).toBe(true);
  });

  it('does not defeat the capital threshold the reporter grants, nor the closing consensus', () => {
    const statuses = groundedStatuses();
    for (const id of ['tian-capital-threshold', 'ind-outlook-clear', 'rep-outlook-consensus']) expect(statuses.get(id), id).not.toBe('OUT');
  });

  it('defeats no claim outright, as the article names no winner in any of its debates', () => {
    const statuses = groundedStatuses();
    expect([...statuses].filter(([, status]) => status === 'OUT').map(([id]) => id)).toEqual([]);
  });
});
