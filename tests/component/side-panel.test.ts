// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SidePanelHarness from './SidePanelHarness.svelte';

function tabs(): HTMLElement[] {
  return screen.getAllByRole('tab');
}

function selectedTab(): HTMLElement {
  const selected = tabs().filter((tab) => tab.getAttribute('aria-selected') === 'true');
  expect(selected).toHaveLength(1);
  return selected[0]!;
}

function renderPanel(initial = 'first'): { onSelect: ReturnType<typeof vi.fn<(id: string) => void>>; rerender: (props: { initial: string }) => Promise<void> } {
  const onSelect = vi.fn<(id: string) => void>();
  const { rerender } = render(SidePanelHarness, { props: { initial, label: '面板', onSelect } });
  return { onSelect, rerender: (props) => rerender(props) };
}

describe('SidePanel', () => {
  it('is a labelled tablist of tabs, each controlling its panel', () => {
    renderPanel();
    const list = screen.getByRole('tablist', { name: '面板' });
    expect(screen.getByRole('region', { name: '面板' })).toBeTruthy();
    expect(within(list).getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['First', 'Second', 'Third']);
    expect(tabs().map((tab) => tab.id)).toEqual(['tab-first', 'tab-second', 'tab-third']);
    expect(tabs().map((tab) => tab.getAttribute('aria-controls'))).toEqual(['panel-first', 'panel-second', 'panel-third']);
    expect(tabs().map((tab) => tab.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    // Only the selected tab is in the Tab order (roving tabindex).
    expect(tabs().map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);

    const panels = screen.getAllByRole('tabpanel');
    expect(panels).toHaveLength(1);
    const panel = panels[0]!;
    expect(panel.id).toBe('panel-first');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-first');
    expect(screen.getByRole('tabpanel', { name: 'First' })).toBe(panel);
    expect(panel.textContent).toBe('Content of the first tab');
    // The selected tab's aria-controls names an element that exists.
    expect(document.getElementById(selectedTab().getAttribute('aria-controls') ?? '')).toBe(panel);
  });

  it('a click selects a tab and shows its content', async () => {
    const { onSelect } = renderPanel();
    await fireEvent.click(screen.getByRole('tab', { name: 'Third' }));
    expect(onSelect).toHaveBeenCalledWith('third');
    expect(selectedTab().textContent).toBe('Third');
    expect(tabs().map((tab) => tab.getAttribute('tabindex'))).toEqual(['-1', '-1', '0']);
    expect(screen.getByRole('tabpanel').id).toBe('panel-third');
    expect(screen.getByRole('tabpanel').textContent).toBe('Content of the third tab');
    expect(document.querySelector('.content-first')).toBeNull();
  });

  it('ArrowRight and ArrowLeft move to the next and previous tab, wrapping, and move focus', async () => {
    const { onSelect } = renderPanel();
    tabs()[0]!.focus();
    await fireEvent.keyDown(tabs()[0]!, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('second');
    expect(selectedTab().id).toBe('tab-second');
    expect(document.activeElement).toBe(tabs()[1]);
    expect(screen.getByRole('tabpanel').id).toBe('panel-second');

    await fireEvent.keyDown(tabs()[1]!, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('third');
    await fireEvent.keyDown(tabs()[2]!, { key: 'ArrowRight' });
    expect(onSelect).toHaveBeenLastCalledWith('first');
    expect(document.activeElement).toBe(tabs()[0]);

    await fireEvent.keyDown(tabs()[0]!, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('third');
    expect(document.activeElement).toBe(tabs()[2]);
    expect(selectedTab().id).toBe('tab-third');
    await fireEvent.keyDown(tabs()[2]!, { key: 'ArrowLeft' });
    expect(onSelect).toHaveBeenLastCalledWith('second');
    expect(onSelect).toHaveBeenCalledTimes(5);
  });

  it('ArrowDown and ArrowUp move too; other keys do nothing', async () => {
    const { onSelect } = renderPanel('second');
    expect(selectedTab().id).toBe('tab-second');
    await fireEvent.keyDown(tabs()[1]!, { key: 'ArrowDown' });
    expect(onSelect).toHaveBeenLastCalledWith('third');
    await fireEvent.keyDown(tabs()[2]!, { key: 'ArrowUp' });
    expect(onSelect).toHaveBeenLastCalledWith('second');
    onSelect.mockClear();
    for (const key of ['Enter', 'a', 'Tab', 'Home']) await fireEvent.keyDown(tabs()[1]!, { key });
    expect(onSelect).not.toHaveBeenCalled();
    expect(selectedTab().id).toBe('tab-second');
  });

  it('an arrow key press is consumed, so the page does not scroll', async () => {
    renderPanel();
    const handled = !(await fireEvent.keyDown(tabs()[0]!, { key: 'ArrowRight' }));
    expect(handled).toBe(true);
    const ignored = !(await fireEvent.keyDown(tabs()[1]!, { key: 'x' }));
    expect(ignored).toBe(false);
  });

  it('an unknown active id shows the first tab', () => {
    renderPanel('missing');
    expect(selectedTab().id).toBe('tab-first');
    expect(screen.getByRole('tabpanel').id).toBe('panel-first');
  });

  it('follows the active id it is given', async () => {
    const { rerender } = renderPanel('first');
    await rerender({ initial: 'third' });
    expect(selectedTab().id).toBe('tab-third');
    expect(screen.getByRole('tabpanel').textContent).toBe('Content of the third tab');
  });
});
