// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Toolbar from '../../src/ui/Toolbar.svelte';
import { makeSession } from './fixtures.ts';

function setup() {
  const session = makeSession();
  const onOpenFile = vi.fn<(file: File) => void>();
  const onExportSvg = vi.fn<() => void>();
  const onFit = vi.fn<() => void>();
  render(Toolbar, { props: { session, onOpenFile, onExportSvg, onFit } });
  return { session, onOpenFile, onExportSvg, onFit };
}

describe('Toolbar', () => {
  it('the language buttons switch session.language and show which one is pressed', async () => {
    const { session } = setup();
    const chinese = screen.getByRole('button', { name: '中文' });
    const english = screen.getByRole('button', { name: 'EN' });
    expect(session.language).toBe('zh');
    expect(chinese.getAttribute('aria-pressed')).toBe('true');
    expect(english.getAttribute('aria-pressed')).toBe('false');

    await fireEvent.click(english);
    expect(session.language).toBe('en');
    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect(chinese.getAttribute('aria-pressed')).toBe('false');
    // The toolbar's own words follow.
    expect(screen.getByRole('button', { name: 'Export SVG' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fit to screen' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();

    await fireEvent.click(chinese);
    expect(session.language).toBe('zh');
    expect(chinese.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '导出 SVG' })).toBeTruthy();
    expect(screen.getByRole('group', { name: '语言' })).toBeTruthy();
  });

  it('each language button names itself in its own language', () => {
    setup();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('lang')).toBe('zh-Hans');
    expect(screen.getByRole('button', { name: 'EN' }).getAttribute('lang')).toBe('en');
  });

  it('the file input is labelled "打开地图…", then "Open map…" in English', async () => {
    const { session } = setup();
    const input = screen.getByLabelText('打开地图…');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('type')).toBe('file');
    expect(input.getAttribute('accept')).toContain('.json');
    await fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(session.language).toBe('en');
    expect(screen.getByLabelText('Open map…')).toBe(input);
  });

  it('choosing a file hands it over once and resets the input, so the same file can be chosen again', async () => {
    const { onOpenFile } = setup();
    const input = screen.getByLabelText('打开地图…') as HTMLInputElement;
    const file = new File(['{}'], 'map.json', { type: 'application/json' });
    await fireEvent.change(input, { target: { files: [file] } });
    expect(onOpenFile).toHaveBeenCalledTimes(1);
    expect(onOpenFile).toHaveBeenCalledWith(file);
    expect(input.value).toBe('');
  });

  it('an empty choice (cancelled dialog) opens nothing', async () => {
    const { onOpenFile } = setup();
    const input = screen.getByLabelText('打开地图…');
    await fireEvent.change(input, { target: { files: [] } });
    expect(onOpenFile).not.toHaveBeenCalled();
  });

  it('the fit and export buttons call their handlers', async () => {
    const { onExportSvg, onFit } = setup();
    await fireEvent.click(screen.getByRole('button', { name: '适应屏幕' }));
    expect(onFit).toHaveBeenCalledTimes(1);
    expect(onExportSvg).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: '导出 SVG' }));
    expect(onExportSvg).toHaveBeenCalledTimes(1);
    expect(onFit).toHaveBeenCalledTimes(1);
  });
});
