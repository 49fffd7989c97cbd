// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Toolbar from '../../src/ui/Toolbar.svelte';
import { makeSession } from './fixtures.ts';

function setup(unsaved = false) {
  const handlers = {
    onOpenFile: vi.fn<(file: File) => void>(),
    onExportSvg: vi.fn<() => void>(),
    onFit: vi.fn<() => void>(),
    onNewMap: vi.fn<() => void>(),
    onNewFromArticle: vi.fn<() => void>(),
    onRecentMaps: vi.fn<() => void>(),
    onSave: vi.fn<() => void>(),
  };
  render(Toolbar, { props: { session: makeSession(), ...handlers, unsaved, saveStatus: unsaved ? '' : '已写回 map.json' } });
  return handlers;
}

describe('Toolbar: new maps, Recent maps and Save', () => {
  it('the New & recent menu offers a new map, one from an article, and Recent maps, and closes on a choice', async () => {
    const { onNewMap, onNewFromArticle, onRecentMaps } = setup();
    const menu = screen.getByText('新建与最近').closest('details')!;
    menu.open = true;
    await fireEvent.click(screen.getByRole('button', { name: '新建空白地图', hidden: true }));
    expect(onNewMap).toHaveBeenCalledTimes(1);
    expect(menu.open).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: '从文章新建地图…', hidden: true }));
    expect(onNewFromArticle).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: '最近的地图…', hidden: true }));
    expect(onRecentMaps).toHaveBeenCalledTimes(1);
  });

  it('Save shows • while the file lacks changes', () => {
    setup(true);
    expect(screen.getByRole('button', { name: '保存 •' }).getAttribute('title')).toBe('有尚未写入文件的修改');
  });

  it('says where the last save went', () => {
    setup(false);
    expect(screen.getByRole('button', { name: '保存' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('已写回 map.json');
  });

  it('Ctrl+S and Cmd+S save, from a text field too, and keep the browser from saving the page', async () => {
    const { onSave } = setup();
    const field = document.body.appendChild(document.createElement('textarea'));
    const ctrl = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    field.dispatchEvent(ctrl);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(ctrl.defaultPrevented).toBe(true);
    await fireEvent.keyDown(window, { key: 'S', metaKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
    // Other keys, and Shift+Ctrl+S, are not Save.
    await fireEvent.keyDown(window, { key: 's' });
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true, shiftKey: true });
    expect(onSave).toHaveBeenCalledTimes(2);
    field.remove();
  });
});
