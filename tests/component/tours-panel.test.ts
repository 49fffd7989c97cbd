// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CAMERA_COORDINATE, MAX_TEXT_LENGTH, MAX_TOURS } from '../../src/core/format-limits.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap, Tour } from '../../src/core/model.ts';
import type { RecordedView } from '../../src/core/tours/editing.ts';
import { presentHash, shownBeforeStep } from '../../src/core/tours/playback.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { LiveLayout } from '../../src/ui/live-layout.svelte.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import ToursPanel from '../../src/ui/ToursPanel.svelte';
import { loadSeedMap } from '../support/seed.ts';

let layout: LiveLayout;

beforeAll(() => {
  const seed = loadSeedMap();
  layout = new LiveLayout(seed, () => ({ extents: layoutExtents(seed) }));
});

afterAll(() => {
  layout.stop();
});

interface Download {
  readonly fileName: string;
  readonly blob: Blob;
}

let downloads: Download[];

beforeEach(() => {
  // jsdom downloads nothing: catch the blob handed to the link, and the name the link offers.
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  Object.defineProperty(HTMLAnchorElement.prototype, 'click', {
    configurable: true,
    writable: true,
    value(this: HTMLAnchorElement) {
      const blob = blobs.get(this.getAttribute('href') ?? '');
      if (blob) downloads.push({ fileName: this.download, blob });
    },
  });
});

afterEach(() => {
  delete (HTMLAnchorElement.prototype as Partial<HTMLAnchorElement>).click;
  history.replaceState(null, '', '#');
});

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the blob'));
    reader.readAsText(blob);
  });
}

function renderTours(
  map: ArgMap = loadSeedMap(),
  currentView: () => Omit<RecordedView, 'caption'> = () => ({ shownNodeIds: [] }),
): MapSession {
  const session = new MapSession({ map, name: 'hundred-model-war', sourceTexts: new Map() });
  render(ToursPanel, { props: { session, layout, currentView } });
  return session;
}

function tourItems(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.tour-list > li')];
}

function tourItem(title: string): HTMLElement {
  const item = tourItems().find((candidate) => candidate.querySelector('h3')?.textContent === title);
  if (!item) throw new Error(`no tour ${title}`);
  return item;
}

function editor(): HTMLElement {
  return screen.getByRole('region', { name: '导览编辑器' });
}

function stepItems(): HTMLElement[] {
  return [...editor().querySelectorAll<HTMLElement>('.step-list > li')];
}

function toursOf(session: MapSession): readonly Tour[] {
  return session.map.tours ?? [];
}

function tourOf(session: MapSession, id: string): Tour {
  const tour = toursOf(session).find((candidate) => candidate.id === id);
  if (!tour) throw new Error(`no tour ${id}`);
  return tour;
}

async function openEditor(title = '百模大战概览'): Promise<void> {
  await fireEvent.click(within(tourItem(title)).getByRole('button', { name: '编辑' }));
}

async function change(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  input.value = value;
  await fireEvent.change(input);
}

function captionInput(step: HTMLElement, language: 'zh' | 'en'): HTMLInputElement {
  return within(step).getByLabelText(`说明 (${language === 'zh' ? '中文' : 'English'})`) as HTMLInputElement;
}

describe('ToursPanel', () => {
  it('lists the seed’s three tours with their step counts', () => {
    const session = renderTours();
    expect(toursOf(session)).toHaveLength(3);
    expect(tourItems().map((item) => item.querySelector('h3')?.textContent)).toEqual([
      '百模大战概览',
      '朱啸虎 vs 傅盛：大模型摧毁了创业吗？',
      '何晓冬 vs 汤道生：垂直大模型更便宜吗？',
    ]);
    expect(tourItems().map((item) => item.querySelector('.steps')?.textContent)).toEqual(['8 步', '7 步', '6 步']);
    expect(tourItems().map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual(['#print/overview', '#print/zhu-vs-fu', '#print/he-vs-tang']);
    expect(screen.queryByRole('region', { name: '导览编辑器' })).toBeNull();
    expect(screen.queryByText('这张地图还没有导览。')).toBeNull();
  });

  it('in English', () => {
    const session = renderTours();
    session.language = 'en';
    flushSync();
    expect(tourItems().map((item) => item.querySelector('.steps')?.textContent)).toEqual(['8 steps', '7 steps', '6 steps']);
    expect(tourItems()[0]?.querySelector('h3')?.textContent).toBe('The hundred-model war: an overview');
    expect(within(tourItems()[0]!).getByRole('button', { name: '▶ Present' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New tour' })).toBeTruthy();
  });

  it('a map without tours says so', () => {
    const { tours: _tours, ...withoutTours } = loadSeedMap();
    renderTours(withoutTours);
    expect(screen.getByText('这张地图还没有导览。')).toBeTruthy();
    expect(tourItems()).toHaveLength(0);
  });

  it('Present goes to the tour’s first step; Presenter view opens a window', async () => {
    renderTours();
    await fireEvent.click(within(tourItem('朱啸虎 vs 傅盛：大模型摧毁了创业吗？')).getByRole('button', { name: '▶ 演示' }));
    expect(location.hash).toBe(presentHash('zhu-vs-fu', 0));
    expect(location.hash).toBe('#present/zhu-vs-fu/1');

    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    await fireEvent.click(within(tourItem('百模大战概览')).getByRole('button', { name: '演讲者视图' }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]?.[0]).toMatch(/#presenter\/overview\/1$/);
    expect(open.mock.calls[0]?.[1]).toBe('argmap-presenter');
  });

  it('Edit opens the editor for that tour, and closes it again', async () => {
    renderTours();
    const edit = within(tourItem('百模大战概览')).getByRole('button', { name: '编辑' });
    expect(edit.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(edit);
    expect(edit.getAttribute('aria-pressed')).toBe('true');
    expect(stepItems()).toHaveLength(8);
    expect((within(editor()).getByLabelText('标题 (中文)') as HTMLInputElement).value).toBe('百模大战概览');
    expect((within(editor()).getByLabelText('标题 (English)') as HTMLInputElement).value).toBe('The hundred-model war: an overview');
    expect(captionInput(stepItems()[0]!, 'en').value).toBe('The hundred-model war: over 30 models on one stage. Who will stand out?');
    expect(stepItems()[0]?.querySelector('a')?.getAttribute('href')).toBe('#present/overview/1');
    expect(stepItems()[7]?.querySelector('a')?.getAttribute('href')).toBe('#present/overview/8');

    // Another tour's Edit switches the editor to it.
    await fireEvent.click(within(tourItem('何晓冬 vs 汤道生：垂直大模型更便宜吗？')).getByRole('button', { name: '编辑' }));
    expect(edit.getAttribute('aria-pressed')).toBe('false');
    expect(stepItems()).toHaveLength(6);

    await fireEvent.click(within(tourItem('何晓冬 vs 汤道生：垂直大模型更便宜吗？')).getByRole('button', { name: '编辑' }));
    expect(screen.queryByRole('region', { name: '导览编辑器' })).toBeNull();
  });

  it('changing a caption or the title edits the map', async () => {
    const session = renderTours();
    const before = tourOf(session, 'overview');
    await openEditor();
    await change(captionInput(stepItems()[1]!, 'en'), 'A new English caption');
    const after = tourOf(session, 'overview');
    expect(after.steps[1]?.caption).toEqual({ zh: before.steps[1]?.caption.zh, en: 'A new English caption' });
    // Nothing else moved.
    expect(after.steps[0]).toEqual(before.steps[0]);
    expect(after.steps[1]?.reveal).toEqual(before.steps[1]?.reveal);
    expect(after.steps[1]?.notes).toEqual(before.steps[1]?.notes);
    expect(tourOf(session, 'zhu-vs-fu')).toEqual(loadSeedMap().tours?.[1]);

    await change(within(editor()).getByLabelText('标题 (中文)') as HTMLInputElement, '概览（改）');
    expect(tourOf(session, 'overview').title).toEqual({ zh: '概览（改）', en: 'The hundred-model war: an overview' });
    expect(tourItems()[0]?.querySelector('h3')?.textContent).toBe('概览（改）');

    // Emptying one language removes it, and keeps the other.
    await change(captionInput(stepItems()[1]!, 'zh'), '   ');
    expect(tourOf(session, 'overview').steps[1]?.caption).toEqual({ en: 'A new English caption' });
  });

  it('the notes of a step can be written and removed', async () => {
    const session = renderTours();
    await openEditor();
    const notes = within(stepItems()[0]!).getByLabelText('讲稿 (中文)') as HTMLTextAreaElement;
    expect(notes.value).toBe(tourOf(session, 'overview').steps[0]?.notes?.zh);
    await change(notes, '新的讲稿');
    expect(tourOf(session, 'overview').steps[0]?.notes?.zh).toBe('新的讲稿');
    await change(notes, '');
    // The English notes stay.
    expect(tourOf(session, 'overview').steps[0]?.notes).toEqual({ en: loadSeedMap().tours?.[0]?.steps[0]?.notes?.en });
  });

  it('moves steps up and down, and deletes them', async () => {
    const session = renderTours();
    const original = tourOf(session, 'overview').steps;
    await openEditor();
    const up = (index: number): HTMLButtonElement => within(stepItems()[index]!).getByRole('button', { name: '上移' }) as HTMLButtonElement;
    const down = (index: number): HTMLButtonElement => within(stepItems()[index]!).getByRole('button', { name: '下移' }) as HTMLButtonElement;
    const remove = (index: number): HTMLButtonElement => within(stepItems()[index]!).getByRole('button', { name: '删除' }) as HTMLButtonElement;
    expect(up(0).disabled).toBe(true);
    expect(down(7).disabled).toBe(true);
    expect(up(7).disabled).toBe(false);

    await fireEvent.click(down(0));
    expect(tourOf(session, 'overview').steps.map((step) => step.caption)).toEqual([original[1], original[0], ...original.slice(2)].map((step) => step?.caption));
    // The inputs follow the steps.
    expect(captionInput(stepItems()[0]!, 'en').value).toBe(original[1]?.caption.en);
    expect(captionInput(stepItems()[1]!, 'en').value).toBe(original[0]?.caption.en);
    const notesOf = (index: number): string => (within(stepItems()[index]!).getByLabelText('讲稿 (中文)') as HTMLTextAreaElement).value;
    expect(notesOf(0)).toBe(original[1]?.notes?.zh);
    expect(notesOf(1)).toBe(original[0]?.notes?.zh);

    await fireEvent.click(up(1));
    expect(tourOf(session, 'overview').steps.map((step) => step.caption)).toEqual(original.map((step) => step.caption));

    await fireEvent.click(remove(2));
    const steps = tourOf(session, 'overview').steps;
    expect(steps).toHaveLength(7);
    expect(stepItems()).toHaveLength(7);
    expect(steps[2]?.caption).toEqual(original[3]?.caption);
    expect(stepItems().map((item) => captionInput(item, 'zh').value)).toEqual(steps.map((step) => step.caption.zh));
    expect(notesOf(2)).toBe(original[3]?.notes?.zh);
    // What the deleted step showed is now shown by the next one.
    for (const id of [...original[2]!.reveal, ...original[2]!.focus]) expect(steps[2]?.reveal).toContain(id);
    expect(tourItem('百模大战概览').querySelector('.steps')?.textContent).toBe('7 步');
  });

  it('the only step of a tour cannot be deleted', async () => {
    renderTours();
    await fireEvent.click(screen.getByRole('button', { name: '新建导览' }));
    expect(stepItems()).toHaveLength(1);
    expect((within(stepItems()[0]!).getByRole('button', { name: '删除' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('New tour adds a tour and opens it in the editor', async () => {
    const session = renderTours();
    await fireEvent.click(screen.getByRole('button', { name: '新建导览' }));
    expect(toursOf(session)).toHaveLength(4);
    const created = toursOf(session)[3]!;
    expect(created.id).toBe('new-tour');
    expect(created.title).toEqual({ zh: '新导览', en: 'New tour' });
    expect(created.steps).toHaveLength(1);
    expect(tourItems()).toHaveLength(4);
    expect(within(tourItem('新导览')).getByRole('button', { name: '编辑' }).getAttribute('aria-pressed')).toBe('true');
    expect((within(editor()).getByLabelText('标题 (中文)') as HTMLInputElement).value).toBe('新导览');

    await fireEvent.click(screen.getByRole('button', { name: '新建导览' }));
    expect(toursOf(session).map((tour) => tour.id)).toEqual(['overview', 'zhu-vs-fu', 'he-vs-tang', 'new-tour', 'new-tour-2']);
  });

  it('Delete tour removes the tour and closes the editor', async () => {
    const session = renderTours();
    await openEditor('朱啸虎 vs 傅盛：大模型摧毁了创业吗？');
    await fireEvent.click(within(editor()).getByRole('button', { name: '删除导览' }));
    expect(toursOf(session).map((tour) => tour.id)).toEqual(['overview', 'he-vs-tang']);
    expect(screen.queryByRole('region', { name: '导览编辑器' })).toBeNull();
  });

  it('records the current view as a new step', async () => {
    // zhu-vs-fu already shows its own speakers' nodes, not the overview question or Kunlun's long-war claim.
    const shown = ['kunlun-long-war', 'zhu-startups-destroyed', 'q-who-wins', 'fu-new-opportunities', 'no-such-node'];
    const currentView = vi.fn(() => ({ shownNodeIds: shown, camera: { x: 10, y: -20, zoom: 1.5 } }));
    const session = renderTours(loadSeedMap(), currentView);
    await openEditor('朱啸虎 vs 傅盛：大模型摧毁了创业吗？');
    const tourBefore = tourOf(session, 'zhu-vs-fu');
    expect(tourBefore.steps).toHaveLength(7);
    const alreadyShown = shownBeforeStep(session.map, tourBefore, tourBefore.steps.length).nodes;
    expect(alreadyShown.has('zhu-startups-destroyed')).toBe(true);
    expect(alreadyShown.has('fu-new-opportunities')).toBe(true);
    expect(alreadyShown.has('q-who-wins')).toBe(false);
    expect(alreadyShown.has('kunlun-long-war')).toBe(false);

    await fireEvent.click(within(editor()).getByRole('button', { name: '把当前视图记为新步骤' }));
    expect(currentView).toHaveBeenCalledTimes(1);
    const steps = tourOf(session, 'zhu-vs-fu').steps;
    expect(steps).toHaveLength(8);
    const recorded = steps[7]!;
    expect(recorded.caption).toEqual({ zh: '第 8 步', en: 'Step 8' });
    expect(recorded.camera).toEqual({ x: 10, y: -20, zoom: 1.5 });
    expect(recorded.focus).toEqual([]);
    // It reveals what the view shows and the tour has not shown yet, in map order; unknown ids are dropped.
    expect(recorded.reveal).toEqual(['q-who-wins', 'kunlun-long-war']);
    expect(steps.slice(0, 7)).toEqual(tourBefore.steps);
    expect(stepItems()).toHaveLength(8);
    expect(captionInput(stepItems()[7]!, 'zh').value).toBe('第 8 步');
    expect(tourItem('朱啸虎 vs 傅盛：大模型摧毁了创业吗？').querySelector('.steps')?.textContent).toBe('8 步');
  });

  it('records into a new tour: the new step reveals the whole view', async () => {
    const shown = ['zhu-moat-too-low', 'q-who-wins'];
    const session = renderTours(loadSeedMap(), () => ({ shownNodeIds: shown }));
    await fireEvent.click(screen.getByRole('button', { name: '新建导览' }));
    await fireEvent.click(within(editor()).getByRole('button', { name: '把当前视图记为新步骤' }));
    const steps = tourOf(session, 'new-tour').steps;
    expect(steps).toHaveLength(2);
    const order = session.map.nodes.map((node) => node.id);
    expect(steps[1]?.reveal).toEqual([...shown].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(steps[1]?.camera).toBeUndefined();
    expect(steps[1]?.caption).toEqual({ zh: '第 2 步', en: 'Step 2' });
  });

  it('Save layout gives every node a position and downloads the map', async () => {
    const session = renderTours();
    expect(session.map.nodes.some((node) => node.position !== undefined)).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: '保存布局' }));

    expect(session.map.nodes.every((node) => node.position !== undefined)).toBe(true);
    const byId = new Map(layout.positions.map((position) => [position.id, position]));
    for (const node of session.map.nodes) {
      const placed = byId.get(node.id);
      expect(Math.abs((node.position?.x ?? NaN) - (placed?.x ?? NaN))).toBeLessThanOrEqual(0.05);
      expect(Math.abs((node.position?.y ?? NaN) - (placed?.y ?? NaN))).toBeLessThanOrEqual(0.05);
    }

    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.fileName).toBe('hundred-model-war.json');
    expect(downloads[0]?.blob.type).toBe('application/json');
    const text = await readBlob(downloads[0]!.blob);
    const saved = JSON.parse(text) as { nodes: { id: string; position?: { x: number; y: number } }[] };
    expect(saved.nodes).toHaveLength(session.map.nodes.length);
    expect(saved.nodes.every((node) => node.position !== undefined && Number.isFinite(node.position.x) && Number.isFinite(node.position.y))).toBe(true);
    expect(saved.nodes.map((node) => node.position)).toEqual(session.map.nodes.map((node) => node.position));
    // The file opens again, with its positions and tours.
    const reopened = loadMapText(text);
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      expect(reopened.map.nodes.map((node) => node.position)).toEqual(session.map.nodes.map((node) => node.position));
      expect(reopened.map.tours).toHaveLength(3);
    }
  });

  it('Save map downloads the map with its edited tours', async () => {
    const session = renderTours();
    await openEditor();
    await change(captionInput(stepItems()[0]!, 'en'), 'Edited');
    await fireEvent.click(screen.getByRole('button', { name: '保存地图 (.json)' }));
    expect(downloads.map((download) => download.fileName)).toEqual(['hundred-model-war.json']);
    const reopened = loadMapText(await readBlob(downloads[0]!.blob));
    expect(reopened.ok).toBe(true);
    if (reopened.ok) {
      expect(reopened.map.tours?.[0]?.steps[0]?.caption.en).toBe('Edited');
      expect(reopened.map.nodes.some((node) => node.position !== undefined)).toBe(false);
    }
    expect(session.map.nodes.some((node) => node.position !== undefined)).toBe(false);
  });

  it('Handouts downloads a zip named after the tour', async () => {
    renderTours();
    await fireEvent.click(within(tourItem('何晓冬 vs 汤道生：垂直大模型更便宜吗？')).getByRole('button', { name: '讲义 (.zip)' }));
    // The zip code loads on the first handout.
    await vi.waitFor(() => expect(downloads.map((download) => download.fileName)).toEqual(['he-vs-tang-handouts.zip']));
    expect(downloads[0]?.blob.type).toBe('application/zip');
    expect(downloads[0]?.blob.size).toBeGreaterThan(1000);
  });

  it('a caption or notes over the limit is refused while editing, with a message, and the map stays savable', async () => {
    const session = renderTours();
    await openEditor();
    const before = session.map;
    const caption = captionInput(stepItems()[0]!, 'en');
    caption.value = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    await fireEvent.input(caption);
    // Said while typing, before the change is committed.
    expect(within(stepItems()[0]!).getByRole('alert').textContent).toContain(`${MAX_TEXT_LENGTH + 1}`);
    expect(caption.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.change(caption);
    expect(session.map).toBe(before);
    const notes = within(stepItems()[0]!).getByLabelText('讲稿 (中文)') as HTMLTextAreaElement;
    await change(notes, '中'.repeat(MAX_TEXT_LENGTH + 1));
    expect(session.map).toBe(before);
    expect(within(stepItems()[0]!).getAllByRole('alert')).toHaveLength(2);
    // Exactly the limit is fine, and the message goes.
    await change(notes, '中'.repeat(MAX_TEXT_LENGTH));
    expect(tourOf(session, 'overview').steps[0]?.notes?.zh).toHaveLength(MAX_TEXT_LENGTH);
    expect(within(stepItems()[0]!).getAllByRole('alert')).toHaveLength(1);
    await fireEvent.click(screen.getByRole('button', { name: '保存地图 (.json)' }));
    const reopened = loadMapText(await readBlob(downloads[0]!.blob));
    expect(reopened.ok ? [] : reopened.problems).toEqual([]);
  });

  it('records a view far off the map with a camera the file format accepts', async () => {
    const currentView = () => ({ shownNodeIds: [], camera: { x: -13_710_514, y: 2e7, zoom: 0.0002 } });
    const session = renderTours(loadSeedMap(), currentView);
    await openEditor();
    await fireEvent.click(within(editor()).getByRole('button', { name: '把当前视图记为新步骤' }));
    const steps = tourOf(session, 'overview').steps;
    expect(steps.at(-1)?.camera).toEqual({ x: -MAX_CAMERA_COORDINATE, y: MAX_CAMERA_COORDINATE, zoom: 0.0002 });
    await fireEvent.click(screen.getByRole('button', { name: '保存地图 (.json)' }));
    expect(loadMapText(await readBlob(downloads[0]!.blob)).ok).toBe(true);
  });

  it('says so when the map already holds the most tours a file may, and adds none', async () => {
    const seed = loadSeedMap();
    const manyTours = Array.from({ length: MAX_TOURS }, (_, index) => ({ ...seed.tours![1]!, id: `copy-${index}` }));
    const session = renderTours({ ...seed, tours: manyTours });
    const before = session.map;
    // getByRole over 200 tours' buttons is slow in jsdom: find the button by its text.
    const newTour = [...document.querySelectorAll('button')].find((button) => button.textContent === '新建导览');
    await fireEvent.click(newTour!);
    expect(session.map).toBe(before);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe(`一张地图最多有 ${MAX_TOURS} 个导览；没有新建。`);
    }, 20_000);

  it('Save map, Save layout and Handouts refuse to write a map the reader would refuse, and say why', async () => {
    const session = renderTours();
    const seed = session.map;
    // A map no edit path makes, standing for any future bug: a caption the schema refuses.
    const broken: ArgMap = { ...seed, tours: seed.tours!.map((tour, index) => (index === 0 ? { ...tour, steps: [{ ...tour.steps[0]!, caption: { en: 'x'.repeat(MAX_TEXT_LENGTH + 1) } }, ...tour.steps.slice(1)] } : tour)) };
    session.edit(broken);
    await fireEvent.click(screen.getByRole('button', { name: '保存地图 (.json)' }));
    await fireEvent.click(screen.getByRole('button', { name: '保存布局' }));
    await fireEvent.click(within(tourItems()[0]!).getByRole('button', { name: '讲义 (.zip)' }));
    expect(downloads).toEqual([]);
    expect(session.lastAttempt?.action).toBe('save');
    expect(session.lastAttempt?.problems.map((problem) => problem.pointer)).toContain('/tours/0/steps/0/caption/en');
    expect(session.map).toBe(broken);
  });

  it('a map saved after emptying a title and a caption in both languages still opens', async () => {
    // The editor removes a language whose text is emptied; emptying both leaves `{}`, which the
    // file format refuses (a title or caption needs at least one of zh, en).
    const session = renderTours();
    await fireEvent.click(screen.getByRole('button', { name: '新建导览' }));
    await change(within(editor()).getByLabelText('标题 (中文)') as HTMLInputElement, '');
    await change(within(editor()).getByLabelText('标题 (English)') as HTMLInputElement, '');
    await change(captionInput(stepItems()[0]!, 'zh'), '');
    await change(captionInput(stepItems()[0]!, 'en'), '');
    await fireEvent.click(screen.getByRole('button', { name: '保存地图 (.json)' }));
    const reopened = loadMapText(await readBlob(downloads[0]!.blob));
    expect(reopened.ok ? [] : reopened.problems.map((problem) => `${problem.pointer}: ${problem.message}`)).toEqual([]);
    const tour = tourOf(session, 'new-tour');
    expect(Object.keys(tour.title).length).toBeGreaterThan(0);
    expect(Object.keys(tour.steps[0]!.caption).length).toBeGreaterThan(0);
  });
});
