// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap, ArgNode } from '../../src/core/model.ts';
import seedArticle from '../../graph-data/sources/hundred-model-war.txt?raw';
import seedMapText from '../../graph-data/hundred-model-war.json?raw';
import Inspector from '../../src/ui/Inspector.svelte';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { StatusState } from '../../src/ui/status-state.svelte.ts';
import { makeMap } from '../support/make-map.ts';
import { makeSession, SMALL_MAP } from './fixtures.ts';

function nodeOf(map: ArgMap, id: string): ArgNode {
  const node = map.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

function inspector(): HTMLElement {
  return screen.getByRole('complementary');
}

describe('Inspector', () => {
  it('shows both texts, the speaker, the kind, the quote and the quote in context', () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'destroyed') } });

    expect(screen.getByRole('complementary', { name: '详情' })).toBeTruthy();
    const texts = [...inspector().querySelectorAll('.text')];
    expect(texts.map((text) => text.getAttribute('lang'))).toEqual(['zh-Hans', 'en']);
    expect(texts[0]?.querySelector('bdi')?.textContent).toBe('大模型摧毁了创业');
    expect(texts[1]?.querySelector('bdi')?.textContent).toBe('Large models have destroyed startups');

    expect(inspector().querySelector('.actor')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('张三, 投资人');
    expect(inspector().querySelector('.kind')?.textContent).toBe('主张');
    expect(inspector().querySelector('blockquote')?.textContent).toBe('大模型摧毁了创业');

    const context = inspector().querySelector('.context');
    expect(context?.textContent).toBe('投资人张三认为,大模型摧毁了创业,因为算力都向大厂集中。');
    const marks = context?.querySelectorAll('mark') ?? [];
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe('大模型摧毁了创业');
  });

  it('lists every relation, read from the inspected node, with the other node as a button', () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'destroyed') } });
    const items = within(inspector()).getAllByRole('listitem');
    // answer to q; supported by compute; attacked by disagree; its support from compute undercut by disagree.
    expect(items.map((item) => item.className.match(/relation-(\w+)/)?.[1])).toEqual(['answer', 'support', 'attack', 'undercut']);
    expect(items.map((item) => item.querySelector('.phrase')?.textContent)).toEqual(['回应问题', '得到支持：', '受到反驳：', '推论被削弱：']);
    expect(items.map((item) => item.querySelector('button')?.textContent)).toEqual(['创业公司该不该入局？', '算力都向大厂集中', '李四不同意', '李四不同意']);
  });

  it('a relation button selects the node it names', async () => {
    const session = makeSession();
    const select = vi.spyOn(session, 'select');
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'destroyed') } });

    await fireEvent.click(within(inspector()).getByRole('button', { name: '算力都向大厂集中' }));
    expect(select).toHaveBeenCalledWith('compute');
    expect(session.selectedId).toBe('compute');
    expect(session.selectedNode?.id).toBe('compute');

    await fireEvent.click(within(inspector()).getByRole('button', { name: '创业公司该不该入局？' }));
    expect(select).toHaveBeenLastCalledWith('q');
    expect(session.selectedId).toBe('q');
  });

  it('the close button clears the selection', async () => {
    const session = makeSession();
    session.select('destroyed');
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'destroyed') } });
    await fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(session.selectedId).toBeUndefined();
  });

  it('follows the session language', () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'destroyed') } });
    session.language = 'en';
    flushSync();
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeTruthy();
    expect(inspector().querySelector('.kind')?.textContent).toBe('Claim');
    expect(inspector().querySelector('.actor')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Zhang San, Investor');
    expect(within(inspector()).getByRole('button', { name: 'Should startups enter?' })).toBeTruthy();
    expect([...inspector().querySelectorAll('.phrase')].map((phrase) => phrase.textContent)).toEqual(['answers', 'supported by', 'attacked by', 'undercut by']);
    // Both texts stay, whatever the interface language.
    expect(within(inspector()).getByText('大模型摧毁了创业', { selector: 'bdi' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('a node with one language, no speaker, no quote and no relations', () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'lonely') } });
    expect(inspector().querySelectorAll('.text')).toHaveLength(1);
    expect(inspector().querySelector('.text')?.getAttribute('lang')).toBe('en');
    expect(inspector().querySelector('.actor')?.textContent?.trim()).toBe('（文章叙述）');
    expect(inspector().querySelector('blockquote')).toBeNull();
    expect(inspector().querySelector('.context')).toBeNull();
    expect(within(inspector()).getByText('没有关系')).toBeTruthy();
  });

  it('without the source text the quote is shown but no context is made up', () => {
    const session = makeSession(SMALL_MAP, new Map());
    render(Inspector, { props: { session, node: nodeOf(SMALL_MAP, 'compute') } });
    expect(inspector().querySelector('blockquote')?.textContent).toBe('算力都向大厂集中');
    expect(inspector().querySelector('.context')).toBeNull();
    expect(inspector().querySelector('mark')).toBeNull();
  });

  it('shows markup in map text literally', () => {
    const hostile: ArgMap = {
      ...SMALL_MAP,
      nodes: [
        { id: 'h', kind: 'claim', text: { zh: '<b>x</b><img src=x onerror=alert(1)>', en: '<script>alert(1)</script>' } },
        { id: 'other', kind: 'claim', text: { zh: '<i>neighbour</i>' } },
      ],
      edges: [{ id: 'he', from: 'other', to: 'h', kind: 'support' }],
    };
    const session = makeSession(hostile);
    render(Inspector, { props: { session, node: nodeOf(hostile, 'h') } });
    expect(inspector().querySelectorAll('b, img, script, i')).toHaveLength(0);
    expect(within(inspector()).getByText('<b>x</b><img src=x onerror=alert(1)>')).toBeTruthy();
    expect(within(inspector()).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(within(inspector()).getByRole('button', { name: '<i>neighbour</i>' })).toBeTruthy();
  });

  it('shows the seed map’s 朱啸虎 node with its sentence from the article', () => {
    const result = loadMapText(seedMapText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = new MapSession({ map: result.map, name: 'hundred-model-war', sourceTexts: new Map([['article', seedArticle]]) });
    render(Inspector, { props: { session, node: nodeOf(result.map, 'zhu-startups-destroyed') } });
    expect(inspector().querySelector('.actor')?.textContent).toContain('朱啸虎');
    expect(inspector().querySelector('.context mark')?.textContent).toBe('大模型摧毁了创业');
    expect(inspector().querySelector('.context')?.textContent).toContain('朱啸虎认为,大模型摧毁了创业');
    // Answers one question, two supports, and two rebuttals both ways, each listed once.
    const items = within(inspector()).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const mutual = items.filter((item) => item.classList.contains('relation-mutual'));
    expect(mutual.map((item) => item.querySelector('.phrase')?.textContent)).toEqual(['互相反驳', '互相反驳']);
    expect(mutual.map((item) => item.querySelector('button')?.textContent)).toEqual([
      nodeOf(result.map, 'fu-new-opportunities').text.zh,
      nodeOf(result.map, 'lead-startups-flexible').text.zh,
    ]);
  });
});

describe('Inspector: why a node has its status', () => {
  // a ⇄ b; c → d; b → e.
  const MAP = makeMap(['a', 'b', 'c', 'd', 'e'], [['ab', 'a', 'b', 'attack'], ['ba', 'b', 'a', 'attack'], ['cd', 'c', 'd', 'attack'], ['be', 'b', 'e', 'attack']]);

  function renderWithStatus(id: string) {
    const session = makeSession(MAP);
    const status = new StatusState(() => session.map);
    render(Inspector, { props: { session, node: nodeOf(MAP, id), status } });
    return { session, status };
  }
  const reason = () => inspector().querySelector('.reason');
  const sentence = () => reason()?.textContent?.replace(/\s+/g, ' ').trim();

  it('a falling node names the standing node that rebuts it, as a link', async () => {
    const { session } = renderWithStatus('d');
    expect(inspector().querySelector('.status-label')?.textContent).toBe('不成立');
    expect(sentence()).toBe('被 c 反驳，而 c 成立');
    await fireEvent.click(within(reason() as HTMLElement).getAllByRole('button', { name: 'c' })[0]!);
    expect(session.selectedId).toBe('c');
  });

  it('an undecided node names the one it rebuts both ways, and lists that once as a relation', () => {
    renderWithStatus('a');
    expect(inspector().querySelector('.status-label')?.textContent).toBe('未定');
    expect(sentence()).toBe('与 b 互相反驳，无法决出');
    const items = within(inspector()).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.phrase')?.textContent)).toEqual(['互相反驳']);
  });

  it('a standing node says nothing stands against it, in the interface language', () => {
    const { session } = renderWithStatus('c');
    expect(sentence()).toBe('没有受到反驳');
    session.language = 'en';
    flushSync();
    expect(sentence()).toBe('nothing rebuts it');
  });

  it('after an assumption: the reason follows it, and the inspector says how many claims changed', async () => {
    const { status } = renderWithStatus('e');
    expect(sentence()).toBe('被 b 反驳，而 b 未定');
    await fireEvent.click(within(inspector()).getByRole('button', { name: '假设成立' }));
    expect(sentence()).toBe('你假设它成立');
    expect(inspector().querySelector('.status-changes')).not.toBeNull();
    expect(inspector().querySelector('.status-changes .summary')?.textContent?.trim()).toBe('没有其他主张的状态改变');
    status.suppose('e', undefined);
    status.suppose('a', 'accepted');
    flushSync();
    // Accepting a defeats b, which frees e: "its attackers are all OUT".
    expect(sentence()).toBe('没有成立的反驳：b 不成立');
    expect(inspector().querySelector('.status-changes .summary')?.textContent?.trim()).toBe('2 个主张的状态随之改变');
  });
});
