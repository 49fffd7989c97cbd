// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildOutline, outlineRows } from '../../src/core/explore/outline.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import seedMapText from '../../graph-data/hundred-model-war.json?raw';
import OutlinePanel from '../../src/ui/OutlinePanel.svelte';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { SMALL_MAP } from './fixtures.ts';
import { makeMap } from '../support/make-map.ts';

/** Node texts differ from ids, so tests can tell a label from an id. */
const makeTextMap: typeof makeMap = (nodes, edges) => makeMap(nodes, edges, (id) => `${id} text`);

function sessionFor(map: ArgMap): MapSession {
  return new MapSession({ map, name: 'test', sourceTexts: new Map() });
}

function renderOutline(map: ArgMap = SMALL_MAP): { session: MapSession; tree: HTMLElement } {
  const session = sessionFor(map);
  render(OutlinePanel, { props: { session } });
  return { session, tree: screen.getByRole('tree') };
}

function rows(): HTMLElement[] {
  return within(screen.getByRole('tree')).queryAllByRole('treeitem');
}

function rowOf(nodeId: string, which: 'home' | 'ref' = 'home'): HTMLElement {
  const row = rows().find((candidate) => candidate.dataset['nodeId'] === nodeId && candidate.classList.contains('ref') === (which === 'ref'));
  if (!row) throw new Error(`no ${which} row for ${nodeId}`);
  return row;
}

function nodeIds(): string[] {
  return rows().map((row) => `${row.classList.contains('ref') ? '→' : ''}${row.dataset['nodeId']}`);
}

function attribute(name: string): (string | null)[] {
  return rows().map((row) => row.getAttribute(name));
}

/** The one row reached by Tab; fails unless exactly one row is tabbable. */
function tabbableRow(): HTMLElement {
  const tabbable = rows().filter((row) => row.getAttribute('tabindex') === '0');
  expect(tabbable).toHaveLength(1);
  expect(rows().every((row) => row.getAttribute('tabindex') === '0' || row.getAttribute('tabindex') === '-1')).toBe(true);
  return tabbable[0]!;
}

function selectedRows(): HTMLElement[] {
  return rows().filter((row) => row.getAttribute('aria-selected') === 'true');
}

async function press(key: string): Promise<void> {
  const target = document.activeElement;
  if (!(target instanceof HTMLElement)) throw new Error('nothing has focus');
  await fireEvent.keyDown(target, { key });
  await tick();
}

// q ← destroyed (answer) ← compute (support), disagree (attack), disagree again (its undercut of compute's support); lonely alone.
const SMALL_ROWS = ['q', 'destroyed', 'compute', 'disagree', '→disagree', 'lonely'];

let scrollIntoView: ReturnType<typeof vi.fn>;

beforeEach(() => {
  // jsdom lays nothing out, so it has no scrollIntoView; a spy shows what the panel scrolls to.
  scrollIntoView = vi.fn();
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
});

afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('OutlinePanel', () => {
  it('is a labelled tree of flat rows with level, place in set and open state', () => {
    renderOutline();
    expect(screen.getByRole('tree', { name: '大纲' })).toBeTruthy();
    expect(nodeIds()).toEqual(SMALL_ROWS);
    expect(attribute('aria-level')).toEqual(['1', '2', '3', '3', '3', '1']);
    expect(attribute('aria-posinset')).toEqual(['1', '1', '1', '2', '3', '2']);
    expect(attribute('aria-setsize')).toEqual(['2', '1', '3', '3', '3', '2']);
    // Only items with children say whether they are open.
    expect(attribute('aria-expanded')).toEqual(['true', 'true', null, null, null, null]);
    // Nothing is selected yet, so the first row is the one Tab reaches.
    expect(attribute('aria-selected')).toEqual(['false', 'false', 'false', 'false', 'false', 'false']);
    expect(tabbableRow()).toBe(rows()[0]);
    // Rows are indented by level, however deep.
    expect(rows().map((row) => row.style.getPropertyValue('--depth'))).toEqual(['0', '1', '2', '2', '2', '0']);
  });

  it('shows the relation to the parent, the text, the speaker, and marks references', () => {
    renderOutline();
    const phrase = (row: HTMLElement): string | undefined => row.querySelector('.relation')?.textContent ?? undefined;
    expect(rows().map(phrase)).toEqual(['问题', '回应问题', '支持', '反驳', '削弱推论', '主张']);
    expect(rows().map((row) => row.querySelector('.text')?.textContent)).toEqual([
      '创业公司该不该入局？',
      '大模型摧毁了创业',
      '算力都向大厂集中',
      '李四不同意',
      '李四不同意',
      'Only in English',
    ]);
    expect(rows().every((row) => row.querySelector('.text')?.getAttribute('dir') === 'auto')).toBe(true);
    // A node without the chosen language shows the other one, and says so.
    expect(rowOf('lonely').querySelector('.text')?.getAttribute('lang')).toBe('en');
    expect(rowOf('q').querySelector('.text')?.getAttribute('lang')).toBe('zh-Hans');
    expect(rowOf('destroyed').querySelector('.speaker')?.textContent).toBe('— 张三');
    expect(rowOf('q').querySelector('.speaker')).toBeNull();
    expect(rowOf('disagree', 'ref').querySelector('.ref-mark')?.textContent).toBe('（见上）');
    expect(rowOf('disagree').querySelector('.ref-mark')).toBeNull();
    // The row's accessible name is its content, read in order.
    expect(rowOf('compute').textContent?.replace(/\s+/g, ' ').trim()).toBe('支持 算力都向大厂集中 — 张三');
  });

  it('follows the session language', () => {
    const { session } = renderOutline();
    session.language = 'en';
    flushSync();
    expect(screen.getByRole('tree', { name: 'Outline' })).toBeTruthy();
    expect(rows().map((row) => row.querySelector('.relation')?.textContent)).toEqual(['Question', 'answers', 'supports', 'attacks', 'undercuts', 'Claim']);
    expect(rowOf('compute').querySelector('.text')?.textContent).toBe('Compute concentrates in big firms');
    expect(rowOf('compute').querySelector('.text')?.getAttribute('lang')).toBe('en');
    expect(rowOf('compute').querySelector('.speaker')?.textContent).toBe('— Zhang San');
    expect(rowOf('disagree', 'ref').querySelector('.ref-mark')?.textContent).toBe('(see above)');
  });

  it('a click on a row selects its node', async () => {
    const { session } = renderOutline();
    await fireEvent.click(rowOf('compute').querySelector('.text')!);
    expect(session.selectedId).toBe('compute');
    expect(selectedRows()).toEqual([rowOf('compute')]);
    expect(tabbableRow()).toBe(rowOf('compute'));

    await fireEvent.click(rowOf('q'));
    expect(session.selectedId).toBe('q');
    expect(selectedRows()).toEqual([rowOf('q')]);
  });

  it('a click on the twisty opens and closes the item without selecting it', async () => {
    const { session } = renderOutline();
    await fireEvent.click(rowOf('destroyed').querySelector('.twisty')!);
    expect(nodeIds()).toEqual(['q', 'destroyed', 'lonely']);
    expect(rowOf('destroyed').getAttribute('aria-expanded')).toBe('false');
    expect(session.selectedId).toBeUndefined();
    await fireEvent.click(rowOf('destroyed').querySelector('.twisty')!);
    expect(nodeIds()).toEqual(SMALL_ROWS);
    expect(rowOf('destroyed').getAttribute('aria-expanded')).toBe('true');
  });

  it('moves with ↓ ↑ Home End, keeping one row tabbable', async () => {
    renderOutline();
    rows()[0]!.focus();
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowOf('destroyed'));
    expect(tabbableRow()).toBe(rowOf('destroyed'));
    await press('ArrowDown');
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowOf('disagree'));
    await press('ArrowUp');
    expect(document.activeElement).toBe(rowOf('compute'));
    expect(tabbableRow()).toBe(rowOf('compute'));
    await press('End');
    expect(document.activeElement).toBe(rowOf('lonely'));
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowOf('lonely'));
    await press('Home');
    expect(document.activeElement).toBe(rowOf('q'));
    await press('ArrowUp');
    expect(document.activeElement).toBe(rowOf('q'));
    expect(tabbableRow()).toBe(rowOf('q'));
    // Moving does not select.
    expect(selectedRows()).toEqual([]);
    // The keyboard's row is scrolled to.
    expect(scrollIntoView).toHaveBeenLastCalledWith({ block: 'nearest' });
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(rowOf('q'));
  });

  it('→ opens a closed item, then moves to its first child; ← closes an open item, then moves to the parent', async () => {
    renderOutline();
    rowOf('q').focus();
    await press('ArrowRight');
    expect(document.activeElement).toBe(rowOf('destroyed'));

    await press('ArrowLeft');
    expect(rowOf('destroyed').getAttribute('aria-expanded')).toBe('false');
    expect(nodeIds()).toEqual(['q', 'destroyed', 'lonely']);
    expect(document.activeElement).toBe(rowOf('destroyed'));

    await press('ArrowLeft');
    expect(document.activeElement).toBe(rowOf('q'));
    await press('ArrowLeft');
    expect(rowOf('q').getAttribute('aria-expanded')).toBe('false');
    expect(nodeIds()).toEqual(['q', 'lonely']);
    // ← on a closed top item goes nowhere.
    await press('ArrowLeft');
    expect(document.activeElement).toBe(rowOf('q'));

    await press('ArrowRight');
    expect(rowOf('q').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(rowOf('q'));
    // The item below stays as it was left: closed.
    expect(nodeIds()).toEqual(['q', 'destroyed', 'lonely']);
    await press('ArrowRight');
    expect(document.activeElement).toBe(rowOf('destroyed'));
    await press('ArrowRight');
    expect(nodeIds()).toEqual(SMALL_ROWS);
    expect(document.activeElement).toBe(rowOf('destroyed'));
    await press('ArrowRight');
    expect(document.activeElement).toBe(rowOf('compute'));
    // → on a leaf does nothing; ← on a leaf goes to the parent.
    await press('ArrowRight');
    expect(document.activeElement).toBe(rowOf('compute'));
    await press('ArrowDown');
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowOf('disagree', 'ref'));
    await press('ArrowLeft');
    expect(document.activeElement).toBe(rowOf('destroyed'));
  });

  it('Enter and Space select the row’s node', async () => {
    const { session } = renderOutline();
    rowOf('q').focus();
    await press('ArrowDown');
    await press('Enter');
    expect(session.selectedId).toBe('destroyed');
    expect(selectedRows()).toEqual([rowOf('destroyed')]);
    expect(document.activeElement).toBe(rowOf('destroyed'));
    await press('End');
    await press(' ');
    expect(session.selectedId).toBe('lonely');
    expect(selectedRows()).toEqual([rowOf('lonely')]);
    expect(tabbableRow()).toBe(rowOf('lonely'));
  });

  it('typing a character moves to the next row starting with it', async () => {
    const { session } = renderOutline();
    session.language = 'en';
    flushSync();
    rowOf('q').focus();
    await press('o');
    expect(document.activeElement).toBe(rowOf('lonely'));
    await press('L');
    expect(document.activeElement).toBe(rowOf('destroyed'));
    await press('l');
    expect(document.activeElement).toBe(rowOf('disagree'));
    await press('l');
    expect(document.activeElement).toBe(rowOf('disagree', 'ref'));
    await press('l');
    expect(document.activeElement).toBe(rowOf('destroyed'));
    await press('x');
    expect(document.activeElement).toBe(rowOf('destroyed'));
  });

  it('lists a node with two parents once expanded and once as a reference, which leads to it', async () => {
    // b answers q and supports a: it is expanded at its shallowest place, under q, after a.
    const map = makeTextMap(
      [['q', 'question'], 'a', 'b', 'c'],
      [
        ['aq', 'a', 'q', 'answer'],
        ['bq', 'b', 'q', 'answer'],
        ['ba', 'b', 'a'],
        ['cb', 'c', 'b', 'attack'],
      ],
    );
    const { session } = renderOutline(map);
    expect(nodeIds()).toEqual(['q', 'a', '→b', 'b', 'c']);
    expect(attribute('aria-level')).toEqual(['1', '2', '3', '2', '3']);
    expect(rows().filter((row) => row.dataset['nodeId'] === 'c')).toHaveLength(1);
    const reference = rowOf('b', 'ref');
    expect(reference.getAttribute('aria-expanded')).toBeNull();
    expect(reference.querySelector('.relation')?.textContent).toBe('支持');
    expect(reference.querySelector('.ref-mark')?.textContent).toBe('（见下）');
    expect(rowOf('b').getAttribute('aria-expanded')).toBe('true');
    expect(rowOf('b').querySelector('.ref-mark')).toBeNull();

    reference.focus();
    await press('Enter');
    expect(session.selectedId).toBe('b');
    // The selection is the place where b is expanded, and the keyboard follows it there.
    expect(selectedRows()).toEqual([rowOf('b')]);
    expect(document.activeElement).toBe(rowOf('b'));
    expect(tabbableRow()).toBe(rowOf('b'));
  });

  it('shows a node selected elsewhere: marks its row, opens its ancestors, scrolls to it', async () => {
    const { session } = renderOutline();
    rowOf('q').focus();
    await press('ArrowDown');
    await press('ArrowLeft');
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(nodeIds()).toEqual(['q', 'lonely']);

    const elsewhere = document.createElement('button');
    document.body.append(elsewhere);
    elsewhere.focus();
    scrollIntoView.mockClear();

    session.select('compute');
    flushSync();
    await tick();
    expect(nodeIds()).toEqual(SMALL_ROWS);
    expect(attribute('aria-expanded')).toEqual(['true', 'true', null, null, null, null]);
    expect(selectedRows()).toEqual([rowOf('compute')]);
    expect(tabbableRow()).toBe(rowOf('compute'));
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'nearest' });
    expect(scrollIntoView.mock.contexts.at(-1)).toBe(rowOf('compute'));
    // The keyboard stays where it was.
    expect(document.activeElement).toBe(elsewhere);

    session.select(undefined);
    flushSync();
    expect(selectedRows()).toEqual([]);
    elsewhere.remove();
  });

  it('moves the keyboard to a node selected elsewhere when the tree has it', async () => {
    const { session } = renderOutline();
    rowOf('lonely').focus();
    session.select('disagree');
    flushSync();
    await tick();
    expect(document.activeElement).toBe(rowOf('disagree'));
    expect(selectedRows()).toEqual([rowOf('disagree')]);
  });

  it('keeps the row under the keyboard when a twisty above it hides it', async () => {
    renderOutline();
    rowOf('compute').focus();
    await press('ArrowDown');
    expect(document.activeElement).toBe(rowOf('disagree'));
    await fireEvent.click(rowOf('q').querySelector('.twisty')!);
    await tick();
    expect(nodeIds()).toEqual(['q', 'lonely']);
    expect(tabbableRow()).toBe(rowOf('q'));
    expect(document.activeElement).toBe(rowOf('q'));
  });

  it('starts all open again when another map is opened', async () => {
    const { session } = renderOutline();
    await fireEvent.click(rowOf('q').querySelector('.twisty')!);
    expect(nodeIds()).toEqual(['q', 'lonely']);
    const other = makeTextMap([['q', 'question'], 'a'], [['aq', 'a', 'q', 'answer']]);
    session.receive('other.json', { ok: true, map: other, warnings: [] });
    flushSync();
    expect(nodeIds()).toEqual(['q', 'a']);
    expect(attribute('aria-expanded')).toEqual(['true', null]);
  });

  it('renders the seed map: one row per outline item, the 7 questions and the reporter’s 2 scene-setting remarks at level 1', () => {
    const result = loadMapText(seedMapText);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const map = result.map;
    renderOutline(map);
    const expected = outlineRows(buildOutline(map));
    expect(rows()).toHaveLength(expected.length);
    expect(nodeIds()).toEqual(expected.map(({ item }) => `${item.ref ? '→' : ''}${item.nodeId}`));
    const top = rows().filter((row) => row.getAttribute('aria-level') === '1');
    // The reporter's opening remarks answer no question and support nothing, so they stand at the top beside the questions.
    const sceneSetting = new Set(['rep-fierce-competition', 'rep-debate-shifts']);
    expect(map.nodes.filter((node) => node.kind === 'question')).toHaveLength(7);
    const roots = map.nodes.filter((node) => node.kind === 'question' || sceneSetting.has(node.id));
    expect(top.map((row) => row.dataset['nodeId'])).toEqual(roots.map((node) => node.id));
    expect(top.map((row) => row.getAttribute('aria-setsize'))).toEqual(Array(9).fill('9'));
    expect(top.map((row) => row.querySelector('.text')?.textContent)).toEqual(roots.map((node) => node.text.zh));
    expect(tabbableRow()).toBe(rows()[0]);
  });

  it('renders a chain 10,000 deep', () => {
    const depth = 10_000;
    const ids = Array.from({ length: depth }, (_, index) => `n${index}`);
    const map = makeTextMap(
      ids.map((id, index) => (index === 0 ? ([id, 'question'] as const) : id)),
      ids.slice(1).map((id, index) => [`e${index}`, id, ids[index]!] as const),
    );
    const { tree } = renderOutline(map);
    // Role queries inspect every element's style, too slow for this many rows.
    const all = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
    expect(all).toHaveLength(depth);
    expect(all.at(-1)?.getAttribute('aria-level')).toBe(String(depth));
    expect(all.at(-1)?.dataset['nodeId']).toBe(`n${depth - 1}`);
    expect(all.filter((row) => row.getAttribute('tabindex') === '0')).toEqual([all[0]]);
    // jsdom builds elements slowly (about half a millisecond a row); a browser takes a fraction of that.
  }, 60_000);

  it('shows markup in map text literally', () => {
    const hostile: ArgMap = {
      ...SMALL_MAP,
      actors: [{ id: 'evil', name: { zh: '<img src=x onerror=alert(1)>' } }],
      nodes: [
        { id: 'h', kind: 'question', text: { zh: '<script>alert(1)</script>' } },
        { id: 'c', kind: 'claim', text: { zh: '<b>bold</b>' }, actor: 'evil' },
      ],
      edges: [{ id: 'ch', from: 'c', to: 'h', kind: 'answer' }],
    };
    const { tree } = renderOutline(hostile);
    expect(tree.querySelectorAll('script, img, b')).toHaveLength(0);
    expect(rowOf('h').querySelector('.text')?.textContent).toBe('<script>alert(1)</script>');
    expect(rowOf('c').querySelector('.text')?.textContent).toBe('<b>bold</b>');
    expect(rowOf('c').querySelector('.speaker bdi')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
