// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mapToArgdown } from '../../src/core/formats/argdown/index.ts';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import ArgdownPanel from '../../src/ui/ArgdownPanel.svelte';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { loadSeedMap } from '../support/seed.ts';
import { SMALL_MAP } from './fixtures.ts';

const VALID = '[a]: Alpha\n  + [b]: Beta\n  - [c]: Gamma';
const BROKEN = 'a\n\n+ b';
const BROKEN_MESSAGE = 'argdown:3:1: error: a relation (+) must follow the statement or argument it belongs to, without a blank line';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function renderArgdown(map: ArgMap = loadSeedMap()): MapSession {
  const session = new MapSession({ map, name: 'test', sourceTexts: new Map() });
  render(ArgdownPanel, { props: { session } });
  return session;
}

function editor(): HTMLTextAreaElement {
  return screen.getByRole('textbox', { name: /Argdown/ }) as HTMLTextAreaElement;
}

async function type(value: string): Promise<void> {
  await fireEvent.input(editor(), { target: { value } });
}

function problems(): string[] {
  return [...document.querySelectorAll('#argdown-problems li')].map((item) => item.textContent ?? '');
}

describe('ArgdownPanel', () => {
  it('starts with the open map written as Argdown', () => {
    const session = renderArgdown();
    expect(editor().value).toBe(mapToArgdown(session.map, 'zh'));
    expect(editor().value).toContain('百模大战');
    expect(editor().getAttribute('aria-label')).toBe('Argdown 编辑器');
    expect(editor().getAttribute('aria-invalid')).toBe('false');
    expect(problems()).toEqual([]);
  });

  it('typing valid Argdown replaces the map after a pause of 300 ms', async () => {
    const session = renderArgdown();
    const before = session.map;
    const generation = session.generation;
    await type(VALID);
    vi.advanceTimersByTime(299);
    expect(session.map).toBe(before);
    expect(session.map.nodes).toHaveLength(62);
    vi.advanceTimersByTime(1);
    flushSync();
    expect(session.map.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
    expect(session.map.edges.map((edge) => [edge.from, edge.to, edge.kind])).toEqual([
      ['b', 'a', 'support'],
      ['c', 'a', 'attack'],
    ]);
    // An edit of the same map: the view is kept, and the text is not written over.
    expect(session.generation).toBe(generation);
    expect(editor().value).toBe(VALID);
    expect(problems()).toEqual([]);
  });

  it('only the text of the last keystroke is read', async () => {
    const session = renderArgdown(SMALL_MAP);
    await type('[x]: first');
    vi.advanceTimersByTime(200);
    await type(VALID);
    vi.advanceTimersByTime(200);
    // 400 ms after the first keystroke, but only 200 after the last.
    expect(session.map).toBe(SMALL_MAP);
    vi.advanceTimersByTime(100);
    expect(session.map.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
  });

  it('a syntax error lists a located problem and keeps the map', async () => {
    const session = renderArgdown();
    const before = session.map;
    await type(BROKEN);
    vi.advanceTimersByTime(300);
    flushSync();
    expect(session.map).toBe(before);
    expect(problems()).toEqual([BROKEN_MESSAGE]);
    expect(document.querySelector('#argdown-problems li')?.classList.contains('problem-error')).toBe(true);
    expect(screen.getByText('文本有错误，地图保持上一次正确的版本。')).toBeTruthy();
    expect(editor().getAttribute('aria-invalid')).toBe('true');
    expect(editor().value).toBe(BROKEN);

    // Fixing the text brings the map back and clears the problem.
    await type(VALID);
    vi.advanceTimersByTime(300);
    flushSync();
    expect(session.map.nodes).toHaveLength(3);
    expect(problems()).toEqual([]);
    expect(editor().getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText('文本有错误，地图保持上一次正确的版本。')).toBeNull();
  });

  it('an empty text is an error, not an empty map', async () => {
    const session = renderArgdown(SMALL_MAP);
    await type('');
    vi.advanceTimersByTime(300);
    flushSync();
    expect(session.map).toBe(SMALL_MAP);
    expect(problems()).toHaveLength(1);
    expect(problems()[0]).toMatch(/^argdown: error: the Argdown text is empty/);
  });

  it('a newly opened map resets the text and drops a pending edit', async () => {
    const session = renderArgdown();
    await type(VALID);
    vi.advanceTimersByTime(100);
    const result = loadMapText(JSON.stringify(SMALL_MAP));
    expect(result.ok).toBe(true);
    session.receive('x.json', result);
    flushSync();
    const opened = session.map;
    expect(opened.nodes.map((node) => node.id)).toEqual(SMALL_MAP.nodes.map((node) => node.id));
    expect(editor().value).toBe(mapToArgdown(opened, 'zh'));

    // The edit typed for the old map never lands on the new one.
    vi.advanceTimersByTime(1000);
    flushSync();
    expect(session.map).toBe(opened);
    expect(editor().value).toBe(mapToArgdown(opened, 'zh'));
  });

  it('a newly opened map clears the problems of the old text', async () => {
    const session = renderArgdown();
    await type(BROKEN);
    vi.advanceTimersByTime(300);
    flushSync();
    expect(problems()).toEqual([BROKEN_MESSAGE]);
    session.receive('x.json', loadMapText(JSON.stringify(SMALL_MAP)));
    flushSync();
    expect(problems()).toEqual([]);
    expect(editor().getAttribute('aria-invalid')).toBe('false');
  });

  it('a file that fails to open leaves the text and the pending edit alone', async () => {
    const session = renderArgdown(SMALL_MAP);
    await type(VALID);
    session.receive('bad.json', loadMapText('{ not json'));
    flushSync();
    expect(session.lastAttempt?.opened).toBe(false);
    expect(editor().value).toBe(VALID);
    vi.advanceTimersByTime(300);
    expect(session.map.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
  });

  it('starts in the session’s language, and labels itself in English', () => {
    const session = new MapSession({ map: SMALL_MAP, name: 'test', sourceTexts: new Map() });
    session.language = 'en';
    render(ArgdownPanel, { props: { session } });
    expect(editor().value).toBe(mapToArgdown(SMALL_MAP, 'en'));
    expect(editor().getAttribute('aria-label')).toBe('Argdown editor');
    expect(screen.getByText(/^Write Argdown; the map follows as you type/)).toBeTruthy();
  });

  it('a map edit made elsewhere rewrites the text while the person is not in the editor', () => {
    const session = renderArgdown(SMALL_MAP);
    const edited: ArgMap = { ...SMALL_MAP, nodes: SMALL_MAP.nodes.map((node, index) => (index === 0 ? { ...node, text: { zh: '地图上改的文字' } } : node)) };
    session.edit(edited);
    flushSync();
    expect(editor().value).toBe(mapToArgdown(edited, 'zh'));
    expect(editor().value).toContain('地图上改的文字');
  });

  it('while the person is in the editor the text stays as typed, and follows the map when they leave', async () => {
    const session = renderArgdown(SMALL_MAP);
    await fireEvent.focus(editor());
    await type(VALID);
    // A change from another tab arrives while a pause is pending and the person is in the editor.
    const elsewhere: ArgMap = { ...SMALL_MAP, title: { zh: '别处改的标题' } };
    session.edit(elsewhere);
    flushSync();
    expect(editor().value).toBe(VALID);
    vi.advanceTimersByTime(300);
    flushSync();
    // Their typing lands, and their text is kept: it is what the map is now.
    expect(session.map.nodes.map((node) => node.id)).toEqual(['a', 'b', 'c']);
    expect(editor().value).toBe(VALID);
    const later: ArgMap = { ...session.map, nodes: [...session.map.nodes, { id: 'd', kind: 'claim', text: { zh: '新主张' } }] };
    session.edit(later);
    flushSync();
    expect(editor().value).toBe(VALID);
    await fireEvent.blur(editor());
    flushSync();
    expect(editor().value).toBe(mapToArgdown(later, 'zh'));
    expect(editor().value).toContain('新主张');
  });

  it('shows markup in problems literally', async () => {
    renderArgdown(SMALL_MAP);
    await type('<img src=x onerror=alert(1)>\n\n+ <b>x</b>');
    vi.advanceTimersByTime(300);
    flushSync();
    expect(problems().length).toBeGreaterThan(0);
    expect(document.querySelectorAll('#argdown-problems img, #argdown-problems b')).toHaveLength(0);
  });
});
