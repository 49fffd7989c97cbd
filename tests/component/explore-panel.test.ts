// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { NO_ACTOR } from '../../src/core/explore/filters.ts';
import type { ArgMap } from '../../src/core/model.ts';
import ExplorePanel from '../../src/ui/ExplorePanel.svelte';
import { ExploreState } from '../../src/ui/explore-state.svelte.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { loadSeedMap } from '../support/seed.ts';
import { SMALL_MAP } from './fixtures.ts';

const SEED = loadSeedMap();

let rendered: ExploreState | undefined;

function renderExplore(map: ArgMap = SEED): { session: MapSession; explore: ExploreState } {
  const session = new MapSession({ map, name: 'test', sourceTexts: new Map() });
  const explore = new ExploreState(() => session.map, () => session.selectedId);
  rendered = explore;
  render(ExplorePanel, { props: { session, explore } });
  return { session, explore };
}

function searchBox(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('#map-search');
  if (!input) throw new Error('no search box');
  return input;
}

function resultButtons(): HTMLButtonElement[] {
  const list = screen.queryByRole('list', { name: /搜索结果|Search results/ });
  return list ? [...list.querySelectorAll<HTMLButtonElement>('button')] : [];
}

function fieldset(legend: string): HTMLFieldSetElement {
  const found = [...document.querySelectorAll('fieldset')].find((candidate) => candidate.querySelector('legend')?.textContent === legend);
  if (!found) throw new Error(`no fieldset ${legend}`);
  return found;
}

/** Types a query; once search has loaded, waits for the index, which is built a slice per task. */
async function type(value: string): Promise<void> {
  await fireEvent.input(searchBox(), { target: { value } });
  await indexed();
}

async function indexed(): Promise<void> {
  const explore = rendered;
  if (!explore?.searchLoaded || explore.query.trim() === '') return;
  // Reading the results is what starts the build.
  void explore.results;
  await vi.waitFor(() => {
    if (!explore.searchIndex) throw new Error('the search index is still being built');
  });
  flushSync();
}

describe('ExplorePanel: search', () => {
  it('finds 朱啸虎’s nodes from the pinyin zhuxiaohu, with the match highlighted', async () => {
    const { explore } = renderExplore();
    await explore.loadSearch();
    expect(searchBox().labels?.[0]?.textContent).toBe('搜索');
    await type('zhuxiaohu');
    expect(explore.query).toBe('zhuxiaohu');

    const zhuNodes = SEED.nodes.filter((node) => node.actor === 'zhu-xiaohu');
    expect(zhuNodes).toHaveLength(4);
    const buttons = resultButtons();
    expect(buttons).toHaveLength(4);
    expect(explore.results.map((result) => result.nodeId).sort()).toEqual(zhuNodes.map((node) => node.id).sort());
    // The speaker's name matched: it is highlighted, and the node's own text is shown under it.
    for (const button of buttons) {
      const marks = [...button.querySelectorAll('mark')].map((mark) => mark.textContent);
      expect(marks).toEqual(['Zhu Xiaohu']);
    }
    const nodeTexts = buttons.map((button) => button.querySelector('.result-node')?.textContent);
    expect(nodeTexts.sort()).toEqual(zhuNodes.map((node) => node.text.zh).sort());
    expect(screen.getByRole('status').textContent?.trim()).toBe('找到 4 个');
  });

  it('highlights the matched part of a node’s text', async () => {
    const { explore } = renderExplore();
    await explore.loadSearch();
    await type('摧毁');
    const first = resultButtons()[0];
    expect(first?.querySelector('mark')?.textContent).toBe('摧毁');
    expect(first?.textContent?.trim()).toBe('大模型摧毁了创业');
    // A match in the node's own text needs no second line.
    expect(first?.querySelector('.result-node')).toBeNull();
  });

  it('highlights the Chinese characters a pinyin query matched', async () => {
    const { explore } = renderExplore();
    await explore.loadSearch();
    await type('damoxing');
    const first = resultButtons().find((button) => button.textContent?.trim() === '大模型摧毁了创业');
    expect(first?.querySelector('mark')?.textContent).toBe('大模型');
    await type('zxh');
    // Initials of the speaker's name: the name is shown, marked as one run.
    expect(explore.results.map((result) => result.nodeId).sort()).toEqual(SEED.nodes.filter((node) => node.actor === 'zhu-xiaohu').map((node) => node.id).sort());
    expect(resultButtons().map((button) => [...button.querySelectorAll('mark')].map((mark) => mark.textContent).join('|'))).toEqual(Array(4).fill('朱啸虎'));
  });

  it('says it is getting ready while the search module has not loaded', async () => {
    const { explore } = renderExplore();
    await type('zhuxiaohu');
    expect(explore.searchIndex).toBeUndefined();
    expect(screen.getByRole('status').textContent?.trim()).toBe('正在准备搜索…');
    expect(resultButtons()).toHaveLength(0);
    await explore.loadSearch();
    flushSync();
    await indexed();
    expect(resultButtons()).toHaveLength(4);
  });

  it('Enter selects the first result, a click selects its result, Escape clears the query', async () => {
    const { session, explore } = renderExplore();
    await explore.loadSearch();
    await type('zhuxiaohu');
    const firstId = explore.results[0]?.nodeId;
    expect(firstId).toBe('zhu-startups-destroyed');

    await fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(session.selectedId).toBe(firstId);
    expect(resultButtons()[0]?.classList.contains('selected')).toBe(true);
    expect(resultButtons().filter((button) => button.classList.contains('selected'))).toHaveLength(1);

    const thirdId = explore.results[2]?.nodeId;
    expect(thirdId).toBeDefined();
    await fireEvent.click(resultButtons()[2]!);
    expect(session.selectedId).toBe(thirdId);

    await fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(explore.query).toBe('');
    expect(searchBox().value).toBe('');
    expect(resultButtons()).toHaveLength(0);
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
    // Escape in the box clears the query only, not the selection.
    expect(session.selectedId).toBe(thirdId);
  });

  it('Enter with no result selects nothing', async () => {
    const { session, explore } = renderExplore();
    await explore.loadSearch();
    await type('qqqqqqqqqq');
    expect(explore.results).toHaveLength(0);
    expect(screen.getByRole('status').textContent?.trim()).toBe('找到 0 个');
    await fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(session.selectedId).toBeUndefined();
  });

  it('shows markup in map text literally in results', async () => {
    const hostile: ArgMap = {
      ...SMALL_MAP,
      actors: [],
      nodes: [{ id: 'h', kind: 'claim', text: { zh: '<img src=x onerror=alert(1)> 图片' } }],
      edges: [],
    };
    const { explore } = renderExplore(hostile);
    await explore.loadSearch();
    await type('onerror');
    const [button] = resultButtons();
    expect(button?.textContent?.trim()).toBe('<img src=x onerror=alert(1)> 图片');
    expect(button?.querySelector('mark')?.textContent).toBe('onerror');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});

describe('ExplorePanel: filters', () => {
  it('unchecking a speaker hides their nodes', async () => {
    const { explore } = renderExplore();
    const speakers = fieldset('发言者');
    // Every actor, plus "no speaker" because some nodes have none.
    const labels = [...speakers.querySelectorAll('label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual([...SEED.actors.map((actor) => actor.name.zh), '（无发言者）']);
    expect([...speakers.querySelectorAll('input')].every((input) => input.checked)).toBe(true);
    expect(explore.shown.nodes.size).toBe(SEED.nodes.length);

    const zhu = within(speakers).getByLabelText('朱啸虎') as HTMLInputElement;
    await fireEvent.click(zhu);
    expect(zhu.checked).toBe(false);
    expect([...explore.filter.hiddenActors]).toEqual(['zhu-xiaohu']);
    expect(explore.shown.nodes.size).toBe(SEED.nodes.length - 4);
    expect(explore.shown.nodes.has('zhu-startups-destroyed')).toBe(false);
    expect([...explore.shown.edges].every((id) => {
      const edge = SEED.edges.find((candidate) => candidate.id === id);
      return edge !== undefined && edge.from !== 'zhu-startups-destroyed' && edge.to !== 'zhu-startups-destroyed';
    })).toBe(true);

    const nobody = within(speakers).getByLabelText('（无发言者）') as HTMLInputElement;
    await fireEvent.click(nobody);
    expect(explore.filter.hiddenActors).toEqual(new Set(['zhu-xiaohu', NO_ACTOR]));
    expect(explore.shown.nodes.size).toBe(SEED.nodes.length - 4 - SEED.nodes.filter((node) => node.actor === undefined).length);

    await fireEvent.click(zhu);
    expect(zhu.checked).toBe(true);
    expect([...explore.filter.hiddenActors]).toEqual([NO_ACTOR]);
  });

  it('the "no speaker" box only appears when some node has no speaker', () => {
    renderExplore({ ...SMALL_MAP, nodes: SMALL_MAP.nodes.filter((node) => node.actor !== undefined), edges: [] });
    const labels = [...fieldset('发言者').querySelectorAll('label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['张三', '李四']);
  });

  it('node kinds and relation kinds can be hidden', async () => {
    const { explore } = renderExplore(SMALL_MAP);
    await fireEvent.click(within(fieldset('节点类型')).getByLabelText('证据'));
    expect([...explore.filter.hiddenNodeKinds]).toEqual(['evidence']);
    expect(explore.shown.nodes.has('compute')).toBe(false);
    await fireEvent.click(within(fieldset('关系类型')).getByLabelText('反驳'));
    expect([...explore.filter.hiddenEdgeKinds]).toEqual(['attack']);
    expect(explore.shown.edges.has('e3')).toBe(false);
    expect(explore.shown.edges.has('e1')).toBe(true);
  });

  it('the focus depth radios set the depth', async () => {
    const { explore } = renderExplore(SMALL_MAP);
    const radios = [...fieldset('聚焦范围（选中节点周围的层数）').querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((radio) => radio.value)).toEqual(['1', '2', '3']);
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false]);
    await fireEvent.click(radios[2]!);
    expect(explore.focusDepth).toBe(3);
    expect(radios.map((radio) => radio.checked)).toEqual([false, false, true]);
    await fireEvent.click(radios[1]!);
    expect(explore.focusDepth).toBe(2);
    explore.setFocusDepth(1);
    flushSync();
    expect(radios.map((radio) => radio.checked)).toEqual([true, false, false]);
  });
});

describe('ExplorePanel: path between two nodes', () => {
  function pathItems(): string[] {
    return [...document.querySelectorAll('ol.path li')].map((item) => item.textContent?.trim() ?? '');
  }

  it('starts from the selection and lists the path once another node is selected', async () => {
    const { session, explore } = renderExplore(SMALL_MAP);
    const path = fieldset('两个节点之间的路径');
    const start = within(path).getByRole('button', { name: '从选中的节点开始' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);

    session.select('q');
    flushSync();
    expect(start.disabled).toBe(false);
    await fireEvent.click(start);
    expect(explore.pathStart).toBe('q');
    expect(explore.pathEnd).toBeUndefined();
    expect(path.textContent).toContain('起点： 创业公司该不该入局？');
    expect(within(path).getByRole('status').textContent).toBe('现在选中终点。');

    // As the app does on every selection.
    session.select('compute');
    explore.selectionChanged('compute');
    flushSync();
    expect(explore.pathEnd).toBe('compute');
    expect(pathItems()).toEqual(['创业公司该不该入局？', '大模型摧毁了创业', '算力都向大厂集中']);
    expect(explore.stressed).toEqual(new Set(['q', 'destroyed', 'compute', 'e1', 'e2']));

    // A step of the path selects its node.
    await fireEvent.click(within(path).getByRole('button', { name: '大模型摧毁了创业' }));
    expect(session.selectedId).toBe('destroyed');

    await fireEvent.click(within(path).getByRole('button', { name: '清除路径' }));
    expect(explore.pathStart).toBeUndefined();
    expect(explore.pathEnd).toBeUndefined();
    expect(pathItems()).toEqual([]);
    expect(within(path).getByRole('button', { name: '从选中的节点开始' })).toBeTruthy();
  });

  it('says so when nothing links the two nodes', async () => {
    const { session, explore } = renderExplore(SMALL_MAP);
    session.select('lonely');
    flushSync();
    await fireEvent.click(screen.getByRole('button', { name: '从选中的节点开始' }));
    explore.selectionChanged('q');
    flushSync();
    expect(explore.path).toBeUndefined();
    expect(within(fieldset('两个节点之间的路径')).getByRole('status').textContent).toBe('这两个节点之间没有关系链。');
  });
});

describe('ExplorePanel: collapsed branches', () => {
  it('lists each collapsed branch with its hidden count, and Expand opens it', async () => {
    const { session, explore } = renderExplore(SMALL_MAP);
    expect(document.querySelectorAll('fieldset')).toHaveLength(5);
    explore.toggleCollapsed('destroyed');
    flushSync();
    const collapsed = fieldset('已折叠');
    expect(collapsed.querySelector('p')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('大模型摧毁了创业 (+2) 展开');
    expect(explore.shown.nodes.has('compute')).toBe(false);
    expect(explore.shown.nodes.has('disagree')).toBe(false);

    await fireEvent.click(within(collapsed).getByRole('button', { name: '大模型摧毁了创业' }));
    expect(session.selectedId).toBe('destroyed');

    await fireEvent.click(within(collapsed).getByRole('button', { name: '展开' }));
    expect(explore.collapsed.size).toBe(0);
    expect(explore.shown.nodes.size).toBe(SMALL_MAP.nodes.length);
    expect(document.querySelectorAll('fieldset')).toHaveLength(5);
  });
});

describe('ExplorePanel: language', () => {
  it('switches its labels to English', async () => {
    const { session, explore } = renderExplore(SMALL_MAP);
    await explore.loadSearch();
    session.language = 'en';
    flushSync();
    expect(searchBox().labels?.[0]?.textContent).toBe('Search');
    expect(searchBox().placeholder).toBe('Chinese, English or pinyin (zhuxiaohu / zxh)');
    expect([...document.querySelectorAll('legend')].map((legend) => legend.textContent)).toEqual([
      'Focus depth (steps around the selection)',
      'Path between two nodes',
      'Speakers',
      'Node kinds',
      'Relations',
    ]);
    expect(screen.getByRole('button', { name: 'From the selected node' })).toBeTruthy();
    expect([...fieldset('Speakers').querySelectorAll('label')].map((label) => label.textContent?.trim())).toEqual(['Zhang San', 'Li Si', '(no speaker)']);
    expect(within(fieldset('Node kinds')).getByLabelText('Evidence')).toBeTruthy();

    await type('zhang');
    expect(screen.getByRole('list', { name: 'Search results' })).toBeTruthy();
    expect(screen.getByRole('status').textContent?.trim()).toBe(`${explore.results.length} found`);
    expect(explore.results.length).toBe(2);
    expect(resultButtons().map((button) => button.querySelector('.result-node')?.textContent)).toEqual([
      'Large models have destroyed startups',
      'Compute concentrates in big firms',
    ]);

    explore.toggleCollapsed('destroyed');
    flushSync();
    expect(within(fieldset('Collapsed')).getByRole('button', { name: 'Expand' })).toBeTruthy();
  });
});
