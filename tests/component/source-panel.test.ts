// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArgMap } from '../../src/core/model.ts';
import { sourceParagraphs } from '../../src/core/source-spans.ts';
import seedArticle from '../../graph-data/sources/hundred-model-war.txt?raw';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import SourcePanel from '../../src/ui/SourcePanel.svelte';
import { loadSeedMap } from '../support/seed.ts';
import { ARTICLE, SMALL_MAP } from './fixtures.ts';

const SEED = loadSeedMap();

function renderSource(map: ArgMap, sourceTexts: ReadonlyMap<string, string>): MapSession {
  const session = new MapSession({ map, name: 'test', sourceTexts });
  render(SourcePanel, { props: { session } });
  return session;
}

/** The marks of quoted runs; each holds the button that selects its node. */
function quotes(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('mark.quote')];
}

function buttonOf(mark: HTMLElement): HTMLElement {
  const button = mark.querySelector<HTMLElement>('[role="button"]');
  if (!button) throw new Error('a quote without its button');
  return button;
}

function quoteOf(nodeId: string): HTMLElement {
  const found = quotes().find((mark) => (mark.dataset['quoteOf'] ?? '').split(' ').includes(encodeURIComponent(nodeId)));
  if (!found) throw new Error(`no quote of ${nodeId}`);
  return found;
}

function selectedQuotes(): HTMLElement[] {
  return quotes().filter((mark) => mark.classList.contains('selected'));
}

// Two nodes quote the same words; a third quotes a longer stretch around them.
const SHARED: ArgMap = {
  ...SMALL_MAP,
  nodes: [
    { id: 'first', kind: 'claim', text: { zh: '第一' }, quote: { source: 'article', text: '李四不同意' } },
    { id: 'second', kind: 'claim', text: { zh: '第二' }, quote: { source: 'article', text: '李四不同意' } },
    { id: 'other', kind: 'claim', text: { zh: '其他' }, quote: { source: 'article', text: '第一句话在这里' } },
  ],
  edges: [],
};

let scrollIntoView: ReturnType<typeof vi.fn>;
let matchMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  // jsdom lays nothing out and has no media queries; the panel scrolls the selected quote into view.
  scrollIntoView = vi.fn();
  Object.defineProperty(Element.prototype, 'scrollIntoView', { value: scrollIntoView, configurable: true, writable: true });
  matchMedia = vi.fn((query: string) => ({ matches: false, media: query }));
  Object.defineProperty(window, 'matchMedia', { value: matchMedia, configurable: true, writable: true });
});

afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
  delete (window as Partial<Window>).matchMedia;
});

describe('SourcePanel', () => {
  it('shows the seed article with one mark per quoted run', () => {
    renderSource(SEED, new Map([['article', seedArticle]]));
    const paragraphs = sourceParagraphs(SEED, 'article', seedArticle);
    const quotedRuns = paragraphs.flat().filter((run) => run.nodeIds.length > 0);
    expect(quotedRuns.length).toBeGreaterThan(50);
    expect(quotes()).toHaveLength(quotedRuns.length);
    expect(quotes().map((mark) => mark.textContent)).toEqual(quotedRuns.map((run) => run.text));
    expect(quotes().map((mark) => mark.dataset['quoteOf'])).toEqual(quotedRuns.map((run) => run.nodeIds.map(encodeURIComponent).join(' ')));
    // Every quote of the seed is found in its article.
    const quoting = SEED.nodes.filter((node) => node.quote !== undefined).map((node) => node.id);
    const shown = new Set(quotes().flatMap((mark) => (mark.dataset['quoteOf'] ?? '').split(' ')));
    expect(quoting.filter((id) => !shown.has(id))).toEqual([]);

    const article = document.querySelector('article');
    expect(article?.getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(SEED.sources[0]?.title.zh);
    expect(article?.querySelectorAll('p')).toHaveLength(paragraphs.length);
    // Nothing of the article is lost between the marks.
    expect([...(article?.querySelectorAll('p') ?? [])].map((paragraph) => paragraph.textContent).join('\n')).toBe(
      seedArticle.split('\n').filter((line) => line !== '').join('\n'),
    );
    expect(screen.queryByText('此地图没有附带原文。')).toBeNull();
  });

  it('a click on a quote selects its node', async () => {
    const session = renderSource(SEED, new Map([['article', seedArticle]]));
    const mark = quoteOf('zhu-startups-destroyed');
    expect(mark.textContent).toBe('大模型摧毁了创业');
    expect(mark.title).toBe('大模型摧毁了创业');
    await fireEvent.click(buttonOf(mark));
    expect(session.selectedId).toBe('zhu-startups-destroyed');
    expect(selectedQuotes()).toEqual([mark]);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(mark);
  });

  it('a quote is reached with Tab and selects its node with Enter or Space', async () => {
    const session = renderSource(SMALL_MAP, new Map([['article', ARTICLE]]));
    const button = buttonOf(quoteOf('compute'));
    expect(button.tabIndex).toBe(0);
    await fireEvent.keyDown(button, { key: 'Enter' });
    expect(session.selectedId).toBe('compute');
    await fireEvent.keyDown(buttonOf(quoteOf('disagree')), { key: ' ' });
    expect(session.selectedId).toBe('disagree');
    await fireEvent.keyDown(buttonOf(quoteOf('compute')), { key: 'a' });
    expect(session.selectedId).toBe('disagree');
  });

  it('offers to make a claim only once a passage is selected', () => {
    renderSource(SMALL_MAP, new Map([['article', ARTICLE]]));
    const make = screen.getByRole('button', { name: '从此处建立主张' }) as HTMLButtonElement;
    expect(make.disabled).toBe(true);
    expect(make.getAttribute('aria-describedby')).toBe('make-claim-hint');
    expect(document.getElementById('make-claim-hint')?.textContent).toBe('在原文中选中一段文字，再按“从此处建立主张”。');
    const text = document.querySelector('article span[data-start]')?.firstChild;
    const range = document.createRange();
    range.setStart(text!, 0);
    range.setEnd(text!, 3);
    window.getSelection()?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    flushSync();
    expect(make.disabled).toBe(false);
  });

  it('a run quoted by two nodes selects each in turn', async () => {
    const session = renderSource(SHARED, new Map([['article', ARTICLE]]));
    expect(quotes().map((mark) => mark.textContent)).toEqual(['第一句话在这里', '李四不同意']);
    const shared = quotes()[1]!;
    expect(shared.dataset['quoteOf']).toBe('first second');
    expect(shared.title).toBe('第一\n第二');

    await fireEvent.click(buttonOf(shared));
    expect(session.selectedId).toBe('first');
    await fireEvent.click(buttonOf(shared));
    expect(session.selectedId).toBe('second');
    await fireEvent.click(buttonOf(shared));
    expect(session.selectedId).toBe('first');
    expect(selectedQuotes()).toEqual([shared]);

    // From a node elsewhere, the shared run starts again with its first node.
    await fireEvent.click(buttonOf(quotes()[0]!));
    expect(session.selectedId).toBe('other');
    await fireEvent.click(buttonOf(shared));
    expect(session.selectedId).toBe('first');
  });

  it('the seed’s shared runs cycle between their nodes too', async () => {
    const session = renderSource(SEED, new Map([['article', seedArticle]]));
    // The reporter's concession opens the sentence that ends on the industry's consensus.
    const shared = quotes().find((mark) => mark.textContent === '尽管大模型赛道确实有资金门槛');
    expect(shared?.dataset['quoteOf']).toBe('rep-capital-threshold-conceded rep-outlook-consensus');
    await fireEvent.click(buttonOf(shared!));
    expect(session.selectedId).toBe('rep-capital-threshold-conceded');
    await fireEvent.click(buttonOf(shared!));
    expect(session.selectedId).toBe('rep-outlook-consensus');
    await fireEvent.click(buttonOf(shared!));
    expect(session.selectedId).toBe('rep-capital-threshold-conceded');
  });

  it('selecting a node elsewhere marks its run and scrolls it into view', () => {
    const session = renderSource(SMALL_MAP, new Map([['article', ARTICLE]]));
    expect(quotes().map((mark) => mark.textContent)).toEqual(['大模型摧毁了创业', '算力都向大厂集中', '李四不同意']);
    expect(selectedQuotes()).toEqual([]);

    session.select('compute');
    flushSync();
    expect(selectedQuotes()).toEqual([quoteOf('compute')]);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.contexts[0]).toBe(quoteOf('compute'));
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });

    // A node without a quote marks nothing and scrolls nowhere.
    session.select('q');
    flushSync();
    expect(selectedQuotes()).toEqual([]);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);

    session.select(undefined);
    flushSync();
    expect(selectedQuotes()).toEqual([]);
  });

  it('scrolls without animation when the reader asks for reduced motion', () => {
    matchMedia.mockImplementation((query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)', media: query }));
    const session = renderSource(SMALL_MAP, new Map([['article', ARTICLE]]));
    session.select('disagree');
    flushSync();
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('keeps paragraphs, and leaves unquoted text as plain text', () => {
    renderSource(SMALL_MAP, new Map([['article', ARTICLE]]));
    const paragraphs = [...document.querySelectorAll('article p')];
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual(ARTICLE.split('\n'));
    expect(paragraphs[1]?.querySelectorAll('mark, [role="button"]')).toHaveLength(0);
  });

  it('a map without its source text says so', () => {
    renderSource(SEED, new Map());
    expect(screen.getByText('此地图没有附带原文。')).toBeTruthy();
    expect(quotes()).toHaveLength(0);
    expect(document.querySelector('article')).toBeNull();
  });

  it('says so in English too', () => {
    const session = renderSource(SMALL_MAP, new Map([['another-source', ARTICLE]]));
    expect(screen.getByText('此地图没有附带原文。')).toBeTruthy();
    session.language = 'en';
    flushSync();
    expect(screen.getByText('This map comes without its source text.')).toBeTruthy();
  });

  it('shows markup in the source text literally', () => {
    const text = '<img src=x onerror=alert(1)> and <b>这句</b> quoted';
    const map: ArgMap = { ...SMALL_MAP, nodes: [{ id: 'n', kind: 'claim', text: { zh: '<script>x</script>' }, quote: { source: 'article', text: '<b>这句</b>' } }], edges: [] };
    renderSource(map, new Map([['article', text]]));
    expect(document.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(document.querySelector('article p')?.textContent).toBe(text);
    expect(quotes().map((mark) => mark.textContent)).toEqual(['<b>这句</b>']);
    expect(quotes()[0]?.title).toBe('<script>x</script>');
  });
});
