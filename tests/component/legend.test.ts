// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { EDGE_KINDS, NODE_KINDS } from '../../src/core/model.ts';
import Legend from '../../src/ui/Legend.svelte';

const NODE_LABELS = { zh: ['问题', '主张', '证据'], en: ['Question', 'Claim', 'Evidence'] };
const EDGE_LABELS = {
  zh: { support: '支持', attack: '反驳', undercut: '削弱推论', answer: '回应问题' },
  en: { support: 'supports', attack: 'attacks', undercut: 'undercuts', answer: 'answers' },
} as const;

function labels(language: 'zh' | 'en'): string[] {
  const legend = screen.getByRole('region', { name: language === 'zh' ? '图例' : 'Legend' });
  return within(legend).getAllByRole('listitem').map((item) => item.textContent?.trim() ?? '');
}

describe('Legend', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`labels the three node kinds, the edge kinds and the two-way rebuttal (${language})`, () => {
      render(Legend, { props: { language } });
      const shown = labels(language);
      // One entry per kind the model knows, and one for attacks both ways, none of them blank.
      expect(shown).toHaveLength(NODE_KINDS.length + EDGE_KINDS.length + 1);
      expect(shown.at(-1)).toBe(language === 'zh' ? '互相反驳' : 'rebut each other');
      expect(shown.every((label) => label.length > 0)).toBe(true);
      // Node kinds first, in model order.
      expect(shown.slice(0, 3)).toEqual(NODE_LABELS[language]);
      // Then the edges, each under its own kind.
      const edgeLabels = shown.slice(NODE_KINDS.length);
      for (const kind of ['support', 'attack', 'undercut', 'answer'] as const) {
        expect(edgeLabels[EDGE_KINDS.indexOf(kind)], `label of ${kind}`).toBe(EDGE_LABELS[language][kind]);
      }
    });
  }

  it('every entry differs between the two languages', () => {
    const zh = render(Legend, { props: { language: 'zh' } });
    const chinese = [...zh.container.querySelectorAll('li')].map((item) => item.textContent?.trim());
    zh.unmount();
    const en = render(Legend, { props: { language: 'en' } });
    const english = [...en.container.querySelectorAll('li')].map((item) => item.textContent?.trim());
    expect(english).toHaveLength(chinese.length);
    english.forEach((label, index) => expect(label, `entry ${index}`).not.toBe(chinese[index]));
  });

  it('draws a sample for every item, hidden from screen readers', () => {
    const { container } = render(Legend, { props: { language: 'zh' } });
    const items = [...container.querySelectorAll('li')];
    expect(items).toHaveLength(NODE_KINDS.length + EDGE_KINDS.length + 1);
    for (const item of items) expect(item.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    // The two-way rebuttal is the attack's line with its bar at both ends.
    const mutual = items.at(-1)!.querySelector('line')!;
    expect(mutual.getAttribute('stroke-dasharray')).toBe('9 5');
    expect(mutual.getAttribute('marker-start')).toBe(mutual.getAttribute('marker-end'));
    expect(container.querySelector(`${/url\((#[^)]+)\)/.exec(mutual.getAttribute('marker-start') ?? '')?.[1]}`)?.getAttribute('orient')).toBe('auto-start-reverse');
    // Node samples are boxes; edge samples are lines with an arrowhead marker.
    expect(items.slice(0, NODE_KINDS.length).every((item) => item.querySelector('rect') !== null)).toBe(true);
    const lines = items.slice(NODE_KINDS.length).map((item) => item.querySelector('line'));
    expect(lines.every((line) => line?.getAttribute('marker-end')?.startsWith('url(#legend-arrow-'))).toBe(true);
    // Relations differ in more than colour: attack and undercut are dashed, support and answer solid.
    const dash = (kind: (typeof EDGE_KINDS)[number]) => lines[EDGE_KINDS.indexOf(kind)]?.getAttribute('stroke-dasharray') ?? null;
    expect([dash('support'), dash('attack'), dash('undercut'), dash('answer')]).toEqual([null, '9 5', '2 4', null]);
    // Every marker the lines point at exists.
    for (const line of lines) {
      const id = /url\(#([^)]+)\)/.exec(line?.getAttribute('marker-end') ?? '')?.[1] ?? '';
      expect(container.querySelector(`marker[id="${id}"]`), `marker ${id}`).not.toBeNull();
    }
  });
});
