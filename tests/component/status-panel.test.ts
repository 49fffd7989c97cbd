// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import StatusPanel from '../../src/ui/StatusPanel.svelte';
import { extensionLists } from '../../src/ui/status-extensions.ts';
import { StatusState } from '../../src/ui/status-state.svelte.ts';
import { makeMap } from '../support/make-map.ts';
import { loadSeedMap } from '../support/seed.ts';
import { SMALL_MAP } from './fixtures.ts';

function renderStatus(map: ArgMap = SMALL_MAP): { session: MapSession; status: StatusState } {
  const session = new MapSession({ map, name: 'test', sourceTexts: new Map() });
  const status = new StatusState(() => session.map);
  render(StatusPanel, { props: { session, status } });
  return { session, status };
}

function counts(): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const name of ['in', 'out', 'undec']) tally[name.toUpperCase()] = Number(document.querySelector(`.count-${name} strong`)?.textContent);
  return tally;
}

function expectedCounts(status: StatusState): Record<string, number> {
  const tally: Record<string, number> = { IN: 0, OUT: 0, UNDEC: 0 };
  for (const label of status.labels.values()) tally[label] = (tally[label] ?? 0) + 1;
  return tally;
}

function assumptionsSection(): HTMLElement {
  return screen.getByRole('region', { name: /假设|Assumptions/ });
}

function summaries(): string[] {
  return [...document.querySelectorAll('details summary')].map((summary) => summary.textContent?.trim() ?? '');
}

function details(semanticsName: string): HTMLDetailsElement {
  const found = [...document.querySelectorAll('details')].find((candidate) => candidate.querySelector('summary')?.textContent?.startsWith(semanticsName));
  if (!found) throw new Error(`no section ${semanticsName}`);
  return found;
}

/** Each listed extension as its node labels, ∅ for the empty one. */
function listed(section: HTMLElement): string[][] {
  return [...section.querySelectorAll('ol > li')].map((item) => {
    const chips = [...item.querySelectorAll('.chip')].map((chip) => chip.textContent ?? '');
    return chips.length === 0 ? [item.textContent?.trim() ?? ''] : chips;
  });
}

// a ⇄ b attack each other; c attacks a; d is alone.
const TWO_WAY = makeMap(['a', 'b', 'c', 'd'], [
  ['ab', 'a', 'b', 'attack'],
  ['ba', 'b', 'a', 'attack'],
]);

const ODD_CYCLE = makeMap(['a', 'b', 'c'], [
  ['ab', 'a', 'b', 'attack'],
  ['bc', 'b', 'c', 'attack'],
  ['ca', 'c', 'a', 'attack'],
]);

describe('StatusPanel', () => {
  it('counts IN, OUT and UNDEC as the labelling has them', () => {
    const { status } = renderStatus();
    // destroyed is attacked by disagree, which nothing attacks.
    expect(status.labels.get('disagree')).toBe('IN');
    expect(status.labels.get('destroyed')).toBe('OUT');
    expect(counts()).toEqual(expectedCounts(status));
    expect(counts()).toEqual({ IN: 4, OUT: 1, UNDEC: 0 });
    expect([...document.querySelectorAll('.count')].map((count) => count.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['4 成立', '1 不成立', '0 未定']);
  });

  it('counts the seed map as its labelling has it', () => {
    const map = loadSeedMap();
    const { status } = renderStatus(map);
    const expected = expectedCounts(status);
    expect(counts()).toEqual(expected);
    expect(expected['IN']! + expected['OUT']! + expected['UNDEC']!).toBe(map.nodes.length);
  });

  it('counts follow the assumptions', () => {
    const { status } = renderStatus(TWO_WAY);
    expect(counts()).toEqual({ IN: 2, OUT: 0, UNDEC: 2 });
    status.suppose('a', 'accepted');
    flushSync();
    expect(counts()).toEqual({ IN: 3, OUT: 1, UNDEC: 0 });
    expect(counts()).toEqual(expectedCounts(status));
  });

  it('the checkbox turns colouring by status on and off', async () => {
    const { status } = renderStatus();
    const box = screen.getByRole('checkbox', { name: '按论证状态着色' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(status.colourMode).toBe(false);
    await fireEvent.click(box);
    expect(status.colourMode).toBe(true);
    await fireEvent.click(box);
    expect(status.colourMode).toBe(false);
    status.colourMode = true;
    flushSync();
    expect(box.checked).toBe(true);
  });

  it('lists assumptions, each with a Clear button, and Clear all', async () => {
    const { session, status } = renderStatus();
    expect(within(assumptionsSection()).getByText(/尚无假设/)).toBeTruthy();
    expect(within(assumptionsSection()).queryByRole('button')).toBeNull();

    status.suppose('disagree', 'rejected');
    flushSync();
    let items = within(assumptionsSection()).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent?.replace(/\s+/g, ' ').trim()).toBe('假设被否定： 李四不同意 取消');
    // Rejecting the attacker brings destroyed back.
    expect(status.labels.get('destroyed')).toBe('IN');
    expect(counts()).toEqual({ IN: 4, OUT: 1, UNDEC: 0 });
    expect(status.labels.get('disagree')).toBe('OUT');

    // The node's name selects it.
    await fireEvent.click(within(items[0]!).getByRole('button', { name: '李四不同意' }));
    expect(session.selectedId).toBe('disagree');

    await fireEvent.click(within(items[0]!).getByRole('button', { name: '取消' }));
    expect(status.assumptions.size).toBe(0);
    expect(within(assumptionsSection()).queryAllByRole('listitem')).toHaveLength(0);
    expect(within(assumptionsSection()).getByText(/尚无假设/)).toBeTruthy();
    expect(status.labels.get('destroyed')).toBe('OUT');

    status.suppose('q', 'accepted');
    status.suppose('compute', 'rejected');
    flushSync();
    items = within(assumptionsSection()).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.assumption')?.textContent)).toEqual(['假设成立：', '假设被否定：']);
    // Clearing one keeps the other.
    await fireEvent.click(within(items[0]!).getByRole('button', { name: '取消' }));
    expect([...status.assumptions.keys()]).toEqual(['compute']);

    status.suppose('q', 'accepted');
    flushSync();
    await fireEvent.click(within(assumptionsSection()).getByRole('button', { name: '取消所有假设' }));
    expect(status.assumptions.size).toBe(0);
    expect(within(assumptionsSection()).queryByRole('button', { name: '取消所有假设' })).toBeNull();
  });

  it('renders the four semantics with their extension counts', () => {
    const { status } = renderStatus(TWO_WAY);
    expect(extensionLists(status.mapFramework).map((list) => list.semantics)).toEqual(['grounded', 'complete', 'preferred', 'stable']);
    expect(summaries()).toEqual(extensionLists(status.mapFramework).map((list) => expect.stringContaining(`${list.extensions.length} 个`)));
    // grounded {c, d}; complete {c,d}, {a,c,d}, {b,c,d}; preferred and stable {a,c,d}, {b,c,d}.
    expect(summaries()).toEqual([
      '基础外延（grounded） · 1 个',
      '完全外延（complete） · 3 个',
      '优先外延（preferred） · 2 个',
      '稳定外延（stable） · 2 个',
    ]);
    expect(listed(details('基础外延'))).toEqual([['c', 'd']]);
    expect(listed(details('稳定外延')).map((extension) => extension.join(',')).sort()).toEqual(['a,c,d', 'b,c,d']);
    // Grounded and preferred open; complete and stable closed.
    expect([...document.querySelectorAll('details')].map((section) => section.open)).toEqual([true, false, true, false]);
  });

  it('an extension chip selects its node', async () => {
    const { session } = renderStatus(TWO_WAY);
    await fireEvent.click(within(details('基础外延')).getByRole('button', { name: 'd' }));
    expect(session.selectedId).toBe('d');
  });

  it('an odd cycle: grounded is the empty extension, stable has none', () => {
    const { status } = renderStatus(ODD_CYCLE);
    expect(counts()).toEqual({ IN: 0, OUT: 0, UNDEC: 3 });
    expect(summaries()).toEqual([
      '基础外延（grounded） · 1 个',
      '完全外延（complete） · 1 个',
      '优先外延（preferred） · 1 个',
      '稳定外延（stable） · 0 个',
    ]);
    expect(listed(details('基础外延'))).toEqual([['∅']]);
    expect(details('基础外延').querySelector('.muted')?.textContent).toBe('∅');
    expect(within(details('稳定外延')).getByText('没有外延。')).toBeTruthy();
    expect(details('稳定外延').querySelectorAll('ol > li')).toHaveLength(0);
    // Only the stable section says there is none.
    expect(within(details('基础外延')).queryByText('没有外延。')).toBeNull();
    expect(extensionLists(status.mapFramework).every((list) => list.complete)).toBe(true);
    expect(screen.queryByText(/计算在限额处停止/)).toBeNull();
  });

  it('a framework with too many extensions lists the first 20 of those found and says the list stopped', () => {
    // Eleven pairs of mutual attackers: 2^11 stable extensions, 3^11 complete ones.
    const ids = Array.from({ length: 22 }, (_, index) => `n${index}`);
    const edges = Array.from({ length: 11 }, (_, pair) => [
      [`a${pair}`, `n${2 * pair}`, `n${2 * pair + 1}`, 'attack'] as const,
      [`b${pair}`, `n${2 * pair + 1}`, `n${2 * pair}`, 'attack'] as const,
    ]).flat();
    const { status } = renderStatus(makeMap(ids, edges));
    // Preferred may stop at its step budget before 1000 (each candidate is checked against those found).
    const preferred = extensionLists(status.mapFramework)[2]!.extensions.length;
    expect(preferred).toBeGreaterThan(20);
    expect(extensionLists(status.mapFramework).map((list) => [list.semantics, list.extensions.length, list.complete])).toEqual([
      ['grounded', 1, true],
      ['complete', 1000, false],
      ['preferred', preferred, false],
      ['stable', 1000, false],
    ]);
    expect(summaries()).toEqual(['基础外延（grounded） · 1 个', '完全外延（complete） · 1000 个', `优先外延（preferred） · ${preferred} 个`, '稳定外延（stable） · 1000 个']);
    expect(within(details('优先外延')).getByRole('status').textContent).toBe(`计算在限额处停止：只列出找到的 ${preferred} 个，可能还有更多。`);
    const stable = details('稳定外延');
    expect(within(stable).getByRole('status').textContent).toBe('计算在限额处停止：只列出找到的 1000 个，可能还有更多。');
    expect(stable.querySelectorAll('ol > li')).toHaveLength(20);
    expect(listed(stable).every((extension) => extension.length === 11)).toBe(true);
    expect(stable.querySelector('ol + p')?.textContent).toBe('… +980');
    expect(within(details('基础外延')).queryByRole('status')).toBeNull();
    expect(listed(details('基础外延'))).toEqual([['∅']]);
  });

  it('warns when two accepted claims attack each other', () => {
    const { status } = renderStatus(TWO_WAY);
    expect(within(assumptionsSection()).queryByRole('status')).toBeNull();
    status.suppose('a', 'accepted');
    flushSync();
    expect(within(assumptionsSection()).queryByRole('status')).toBeNull();
    status.suppose('b', 'accepted');
    flushSync();
    expect(status.whatIf.conflicts).toHaveLength(2);
    expect(within(assumptionsSection()).getByRole('status').textContent).toBe('有 2 组被假设成立的主张相互反驳。');
    // Both stay IN, as supposed.
    expect(status.labels.get('a')).toBe('IN');
    expect(status.labels.get('b')).toBe('IN');
    status.suppose('b', 'rejected');
    flushSync();
    expect(within(assumptionsSection()).queryByRole('status')).toBeNull();
  });

  it('a single attack between two accepted claims counts as one conflict', () => {
    const { status } = renderStatus(makeMap(['x', 'y'], [['xy', 'x', 'y', 'attack']]));
    status.suppose('x', 'accepted');
    status.suppose('y', 'accepted');
    flushSync();
    expect(within(assumptionsSection()).getByRole('status').textContent).toBe('有 1 组被假设成立的主张相互反驳。');
  });

  it('follows the session language', () => {
    const { session, status } = renderStatus(ODD_CYCLE);
    status.suppose('a', 'accepted');
    session.language = 'en';
    flushSync();
    expect([...document.querySelectorAll('.count')].map((count) => count.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['2 stands (IN)', '1 falls (OUT)', '0 undecided']);
    expect(screen.getByRole('checkbox', { name: 'Colour nodes by status' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Assumptions' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Extensions' })).toBeTruthy();
    expect(within(assumptionsSection()).getByRole('listitem').textContent?.replace(/\s+/g, ' ').trim()).toBe('Supposed accepted: a Clear');
    expect(screen.getByRole('button', { name: 'Clear all assumptions' })).toBeTruthy();
    expect(summaries()).toEqual(['Grounded · 1', 'Complete · 1', 'Preferred · 1', 'Stable · 0']);
    expect(within(details('Stable')).getByText('No extension.')).toBeTruthy();
  });

  it('shows markup in node text literally', () => {
    const hostile: ArgMap = {
      ...makeMap(['h'], []),
      nodes: [{ id: 'h', kind: 'claim', text: { zh: '<img src=x onerror=alert(1)>' } }],
    };
    const { status } = renderStatus(hostile);
    status.suppose('h', 'accepted');
    flushSync();
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(within(assumptionsSection()).getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(within(details('基础外延')).getByRole('button', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
  });
});

describe('StatusPanel explains itself and what assumptions change', () => {
  it('explains the statuses in two plain sentences, the first without jargon', () => {
    renderStatus();
    const sentences = [...document.querySelectorAll('.explain')].map((paragraph) => paragraph.textContent ?? '');
    expect(sentences).toHaveLength(2);
    expect(sentences[0]).toBe('一个主张只要没有站得住的反驳就成立；被一个成立的主张反驳，就不成立。');
    expect(sentences[0]).not.toMatch(/Dung|外延|grounded|IN|OUT|UNDEC|语义/u);
    expect(sentences[1]).toContain('互相反驳');
    expect(sentences[1]).toContain('未定');
  });

  it('lists the claims an assumption changes, with what they were and are, and says how many', async () => {
    // a ⇄ b, b → c: accepting a defeats b and so frees c.
    const { session, status } = renderStatus(makeMap(['a', 'b', 'c'], [['ab', 'a', 'b', 'attack'], ['ba', 'b', 'a', 'attack'], ['bc', 'b', 'c', 'attack']]));
    const changes = () => screen.queryByRole('region', { name: '状态变化' });
    expect(changes()).toBeNull();
    status.suppose('a', 'accepted');
    flushSync();
    expect(within(changes()!).getByText('2 个主张的状态随之改变')).toBeTruthy();
    const items = within(changes()!).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['b 未定 → 不成立', 'c 未定 → 成立']);
    await fireEvent.click(within(items[1]!).getByRole('button', { name: 'c' }));
    expect(session.selectedId).toBe('c');
    session.language = 'en';
    flushSync();
    expect(within(screen.getByRole('region', { name: 'Status changes' })).getByText('2 claims changed')).toBeTruthy();
    status.clearAssumptions();
    flushSync();
    expect(screen.queryByRole('region', { name: 'Status changes' })).toBeNull();
  });

  it('says so when an assumption changes no other claim', () => {
    const { status } = renderStatus(makeMap(['a', 'b'], [['ab', 'a', 'b', 'attack']]));
    status.suppose('a', 'accepted');
    flushSync();
    expect(within(screen.getByRole('region', { name: '状态变化' })).getByText('没有其他主张的状态改变')).toBeTruthy();
  });
});

describe('StatusChanges on a big change', () => {
  it('names the first 50 changed claims and counts the rest', () => {
    // One attacker of 120 claims: rejecting it frees them all.
    const targets = Array.from({ length: 120 }, (_, index) => `t${index}`);
    const { status } = renderStatus(makeMap(['x', 'y', ...targets], [['xy', 'x', 'y', 'attack'], ['yx', 'y', 'x', 'attack'], ...targets.map((id) => [`x-${id}`, 'x', id, 'attack'] as const)]));
    status.suppose('y', 'accepted');
    flushSync();
    const region = screen.getByRole('region', { name: '状态变化' });
    expect(within(region).getByText('121 个主张的状态随之改变')).toBeTruthy();
    expect(within(region).getAllByRole('listitem')).toHaveLength(50);
    expect(region.querySelector('.more')?.textContent).toBe('… +71');
  });
});
