// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src/core/model.ts';
import ShortcutsDialog from '../../src/ui/ShortcutsDialog.svelte';
import { SHORTCUT_GROUPS } from '../../src/ui/shortcuts.ts';

type DialogMethod = (this: HTMLDialogElement) => void;
const METHODS = ['showModal', 'close'] as const;
const originals = new Map(METHODS.map((name) => [name, Object.getOwnPropertyDescriptor(HTMLDialogElement.prototype, name)]));
let showModal: ReturnType<typeof vi.fn<DialogMethod>>;
let close: ReturnType<typeof vi.fn<DialogMethod>>;

beforeEach(() => {
  // jsdom has <dialog> but neither showModal nor close: stand-ins that open and close it.
  showModal = vi.fn<DialogMethod>(function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  });
  close = vi.fn<DialogMethod>(function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  });
  Object.defineProperty(HTMLDialogElement.prototype, 'showModal', { value: showModal, configurable: true, writable: true });
  Object.defineProperty(HTMLDialogElement.prototype, 'close', { value: close, configurable: true, writable: true });
});

afterEach(() => {
  for (const name of METHODS) {
    const original = originals.get(name);
    if (original) Object.defineProperty(HTMLDialogElement.prototype, name, original);
    else delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>)[name];
  }
});

function renderDialog(language: Language, open = true) {
  const onClose = vi.fn();
  const result = render(ShortcutsDialog, { props: { language, open, onClose } });
  const dialog = document.querySelector('dialog');
  if (!dialog) throw new Error('no dialog');
  return { ...result, dialog, onClose };
}

/** Each shortcut row as "keys → action", the keys as the <kbd> elements show them, joined by " / ". */
function rows(table: Element): string[] {
  return [...table.querySelectorAll('tr')].map((row) => {
    const [keys, action] = row.querySelectorAll('td');
    return `${[...(keys?.querySelectorAll('kbd') ?? [])].map((kbd) => kbd.textContent).join(' / ')} → ${action?.textContent}`;
  });
}

/** What stands between the keys of each row: the text outside the <kbd> elements. */
function separators(table: Element): string[][] {
  return [...table.querySelectorAll('td.keys')].map((cell) =>
    [...cell.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '').map((node) => (node.textContent ?? '').trim()),
  );
}

describe('ShortcutsDialog', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`lists every shortcut group of shortcuts.ts (${language})`, () => {
      const { dialog } = renderDialog(language);
      expect(dialog.hasAttribute('open')).toBe(true);
      expect(screen.getByRole('dialog', { name: language === 'zh' ? '键盘快捷键' : 'Keyboard shortcuts' })).toBe(dialog);

      const headings = [...dialog.querySelectorAll('h3')].map((heading) => heading.textContent);
      expect(headings).toEqual(SHORTCUT_GROUPS.map((group) => group.title[language]));
      expect(headings).toEqual(language === 'zh' ? ['浏览地图', '编辑地图', '演示'] : ['Exploring', 'Building a map', 'Presenting']);

      const tables = [...dialog.querySelectorAll('table')];
      expect(tables).toHaveLength(SHORTCUT_GROUPS.length);
      SHORTCUT_GROUPS.forEach((group, index) => {
        expect(rows(tables[index]!)).toEqual(group.shortcuts.map((shortcut) => `${shortcut.keys.join(' / ')} → ${shortcut.action[language]}`));
        const kbds = [...tables[index]!.querySelectorAll('kbd')].map((kbd) => kbd.textContent);
        expect(kbds).toEqual(group.shortcuts.flatMap((shortcut) => shortcut.keys));
        // Keys of one shortcut are separated by a slash, outside the <kbd> elements.
        expect(separators(tables[index]!)).toEqual(group.shortcuts.map((shortcut) => shortcut.keys.slice(1).map(() => '/')));
      });
      const total = SHORTCUT_GROUPS.reduce((sum, group) => sum + group.shortcuts.length, 0);
      expect(dialog.querySelectorAll('tr')).toHaveLength(total);
      expect(within(dialog).getByRole('button', { name: language === 'zh' ? '关闭' : 'Close' })).toBeTruthy();
    });
  }

  it('spells out the shortcuts the app relies on', () => {
    const { dialog } = renderDialog('en');
    const text = rows(dialog);
    expect(text).toContain('/ → Focus the search box');
    expect(text).toContain('? → Show every shortcut');
    expect(text).toContain('→ / Space / PageDown → Next step');
    expect(text).toContain('C → Connect from the selected node: arrows pick the target, Enter the kind');
  });

  it('opens with showModal, and not when closed', async () => {
    const { dialog, rerender, onClose } = renderDialog('zh', false);
    expect(showModal).not.toHaveBeenCalled();
    expect(dialog.hasAttribute('open')).toBe(false);

    await rerender({ language: 'zh', open: true, onClose });
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(dialog.hasAttribute('open')).toBe(true);

    await rerender({ language: 'zh', open: false, onClose });
    expect(close).toHaveBeenCalledTimes(1);
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('tells its owner when it closes', async () => {
    const { dialog, onClose } = renderDialog('zh');
    expect(onClose).not.toHaveBeenCalled();
    await fireEvent(dialog, new Event('close'));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('follows the language it is given', async () => {
    const { dialog, rerender, onClose } = renderDialog('zh');
    await rerender({ language: 'en', open: true, onClose });
    expect(dialog.querySelector('h2')?.textContent).toBe('Keyboard shortcuts');
    expect([...dialog.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['Exploring', 'Building a map', 'Presenting']);
    // Re-rendering an open dialog does not open it again.
    expect(showModal).toHaveBeenCalledTimes(1);
  });
});
