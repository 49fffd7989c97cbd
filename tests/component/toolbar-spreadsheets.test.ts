// @vitest-environment jsdom
/** The toolbar's part in spreadsheets: several files chosen at once go together; Save as lists CSV and GraphML. */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { SpreadsheetFormat } from '../../src/core/formats/text-formats.ts';
import Toolbar from '../../src/ui/Toolbar.svelte';
import { makeSession } from './fixtures.ts';

function setup() {
  const onOpenFile = vi.fn<(file: File) => void>();
  const onOpenFiles = vi.fn<(files: File[]) => void>();
  const onSaveSpreadsheet = vi.fn<(format: SpreadsheetFormat) => void>();
  render(Toolbar, { props: { session: makeSession(), onOpenFile, onOpenFiles, onSaveSpreadsheet, onExportSvg: vi.fn(), onFit: vi.fn() } });
  return { onOpenFile, onOpenFiles, onSaveSpreadsheet };
}

function choose(input: HTMLInputElement, files: File[]): void {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('Toolbar and spreadsheets', () => {
  it('the file input takes several files and hands them over together; it accepts .csv', () => {
    const { onOpenFile, onOpenFiles } = setup();
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain('.csv');
    const pair = [new File(['ID,Label\n'], 'm.nodes.csv'), new File(['From,To\n'], 'm.edges.csv')];
    choose(input, pair);
    expect(onOpenFiles).toHaveBeenCalledWith(pair);
    expect(onOpenFile).not.toHaveBeenCalled();
  });

  it('Save as lists CSV and GraphML, each handing its format over', async () => {
    const { onSaveSpreadsheet } = setup();
    await fireEvent.click(screen.getByRole('button', { name: 'CSV (.nodes.csv + .edges.csv)' }));
    await fireEvent.click(screen.getByRole('button', { name: 'GraphML (.graphml)' }));
    expect(onSaveSpreadsheet.mock.calls).toEqual([['csv'], ['graphml']]);
  });

  it('without onOpenFiles, one file at a time, as before', () => {
    const onOpenFile = vi.fn<(file: File) => void>();
    render(Toolbar, { props: { session: makeSession(), onOpenFile, onExportSvg: vi.fn(), onFit: vi.fn() } });
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(false);
    const file = new File(['{}'], 'map.json');
    choose(input, [file]);
    expect(onOpenFile).toHaveBeenCalledWith(file);
  });
});
