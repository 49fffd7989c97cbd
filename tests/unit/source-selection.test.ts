// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { freePlace } from '../../src/ui/claim-place.ts';
import { boundaryOffset, findPassage, selectedSpan, trimSpan } from '../../src/ui/source-selection.ts';

// Two paragraphs; the second has a quoted run in its middle. Runs carry their offsets, as the Source tab draws them.
const TEXT = '第一段，  没有引语。\n朱啸虎认为,大模型摧毁了创业,因为算力都向大厂集中。';
const QUOTE_START = TEXT.indexOf('大模型摧毁了创业');
const QUOTE_END = QUOTE_START + '大模型摧毁了创业'.length;
const SECOND = TEXT.indexOf('\n') + 1;

function element(name: string, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const made = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  made.append(...children);
  return made;
}

function drawSource(): HTMLElement {
  const run = (start: number, end: number, quoted: boolean) =>
    quoted
      ? element('mark', { 'data-start': String(start), 'data-quote-of': 'n' }, element('span', { role: 'button' }, TEXT.slice(start, end)))
      : element('span', { 'data-start': String(start) }, TEXT.slice(start, end));
  const root = element(
    'div',
    {},
    element('div', { class: 'bar' }, element('button', {}, 'make')),
    element(
      'article',
      { 'data-source-index': '0' },
      element('h3', {}, '标题'),
      element('p', {}, run(0, SECOND - 1, false)),
      element('p', {}, run(SECOND, QUOTE_START, false), run(QUOTE_START, QUOTE_END, true), run(QUOTE_END, TEXT.length, false)),
    ),
  );
  document.body.append(root);
  return root;
}

function textNodeOf(element: Element): Text {
  const node = element.firstChild;
  if (!(node instanceof Text)) throw new Error('no text in the run');
  return node;
}

function select(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Selection {
  const selection = window.getSelection()!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

afterEach(() => {
  document.body.replaceChildren();
  window.getSelection()?.removeAllRanges();
});

describe('trimSpan', () => {
  it('leaves out white space at both ends, and nothing but white space is no span', () => {
    expect(trimSpan(' ab c\n', 0, 6)).toEqual({ start: 1, end: 5 });
    expect(trimSpan('abc', 2, 0)).toEqual({ start: 0, end: 2 });
    expect(trimSpan('a \n b', 1, 4)).toBeUndefined();
    expect(trimSpan('abc', -5, 99)).toEqual({ start: 0, end: 3 });
  });
});

describe('the selected passage, by offsets into the source text', () => {
  it('inside one run: the run’s offset plus the text before the point', () => {
    const root = drawSource();
    const article = root.querySelector('article')!;
    const quoted = root.querySelector('mark span')!;
    expect(boundaryOffset(article, textNodeOf(quoted), 2)).toBe(QUOTE_START + 2);
    expect(selectedSpan(select(textNodeOf(quoted), 0, textNodeOf(quoted), 3), root, () => TEXT)).toEqual({ sourceIndex: 0, start: QUOTE_START, end: QUOTE_START + 3 });
  });

  it('across a quoted run and a paragraph break: the slice keeps the line break, verbatim', () => {
    const root = drawSource();
    const runs = [...root.querySelectorAll('[data-start]')];
    const first = textNodeOf(runs[0]!);
    const last = textNodeOf(runs.at(-1)!);
    const span = selectedSpan(select(first, 6, last, 4), root, () => TEXT);
    expect(span).toEqual({ sourceIndex: 0, start: 6, end: QUOTE_END + 4 });
    expect(TEXT.slice(span!.start, span!.end)).toBe('没有引语。\n朱啸虎认为,大模型摧毁了创业,因为算');
  });

  it('a boundary between runs or around a paragraph counts from the next run; white space at the ends is left out', () => {
    const root = drawSource();
    const paragraphs = root.querySelectorAll('article p');
    // From the start of the heading (before every run) to the end of the second paragraph.
    const span = selectedSpan(select(root.querySelector('h3')!, 0, paragraphs[1]!, paragraphs[1]!.childNodes.length), root, () => TEXT);
    expect(span).toEqual({ sourceIndex: 0, start: 0, end: TEXT.length });
    // The first paragraph's two spaces before "没有" are left out when the selection starts there.
    const spaces = selectedSpan(select(textNodeOf(root.querySelector('[data-start]')!), 4, paragraphs[1]!, 1), root, () => TEXT);
    expect(spaces).toEqual({ sourceIndex: 0, start: 6, end: QUOTE_START });
  });

  it('no passage for a collapsed selection, one outside the source, or one that leaves it', () => {
    const root = drawSource();
    const quoted = textNodeOf(root.querySelector('mark span')!);
    expect(selectedSpan(select(quoted, 2, quoted, 2), root, () => TEXT)).toBeUndefined();
    const button = textNodeOf(root.querySelector('button')!);
    expect(selectedSpan(select(button, 0, button, 2), root, () => TEXT)).toBeUndefined();
    expect(selectedSpan(select(quoted, 1, button, 2), root, () => TEXT)).toBeUndefined();
    expect(selectedSpan(select(quoted, 0, quoted, 2), root, () => undefined)).toBeUndefined();
    expect(selectedSpan(null, root, () => TEXT)).toBeUndefined();
  });
});

describe('freePlace', () => {
  it('is the centre of the view, moved down past the nodes placed there', () => {
    expect(freePlace({ x: 10, y: 20 }, [])).toEqual({ x: 10, y: 20 });
    expect(freePlace({ x: 10, y: 20 }, [{ x: 400, y: 20 }])).toEqual({ x: 10, y: 20 });
    expect(freePlace({ x: 10, y: 20 }, [{ x: 30, y: 20 }, { x: 0, y: 100 }])).toEqual({ x: 10, y: 180 });
  });
});

describe('findPassage', () => {
  it('finds a typed passage, without the white space at its ends, in the first source holding it', () => {
    expect(findPassage([undefined, 'abc 大模型 def', '大模型'], ' 大模型\n')).toEqual({ sourceIndex: 1, start: 4, end: 7 });
    expect(findPassage(['abc'], 'abd')).toBeUndefined();
    expect(findPassage(['abc'], '  ')).toBeUndefined();
  });
});
