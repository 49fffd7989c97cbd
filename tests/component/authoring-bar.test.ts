// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { deleteNodes } from '../../src/core/document/index.ts';
import { Authoring } from '../../src/ui/authoring.svelte.ts';
import AuthoringBar from '../../src/ui/AuthoringBar.svelte';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { makeMap } from '../support/make-map.ts';

/** A channel to no other tab; this page has no IndexedDB (jsdom), so autosave is off. */
const alone = { postMessage() {}, addEventListener() {}, removeEventListener() {}, close() {} };

function setup() {
  const session = new MapSession({ map: makeMap(['a', 'b', 'c', 'd'], [['e', 'a', 'b']]), name: 'test', sourceTexts: new Map() });
  const authoring = new Authoring(session, { indexedDB: undefined, channel: alone });
  render(AuthoringBar, { session, authoring });
  return { session, authoring };
}

describe('the editing bar', () => {
  it('an edit made in another panel goes into the document at once, undoable', async () => {
    const { session, authoring } = setup();
    await authoring.prepare();
    session.edit({ ...session.map, title: { en: 'Renamed in the tours panel' } });
    await waitFor(() => expect(authoring.history.undoSteps).toBe(1));
    expect(screen.getByRole('button', { name: '撤销：编辑地图' })).toBeTruthy();
    await authoring.undo();
    expect(session.map.title).toEqual({ en: 'test' });
  });

  it('N adds a claim, announced; the undo button says what it undoes; Ctrl+Z and Ctrl+Y undo and redo', async () => {
    const { session } = setup();
    await fireEvent.keyDown(window, { key: 'n' });
    await waitFor(() => expect(session.map.nodes).toHaveLength(5));
    expect(screen.getByRole('status').textContent).toBe('已添加主张');
    expect(session.selectedId).toBe(session.map.nodes[4]!.id);
    const undo = screen.getByRole('button', { name: '撤销：添加主张' });
    expect(undo).toHaveProperty('disabled', false);

    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(session.map.nodes).toHaveLength(4));
    expect(screen.getByRole('status').textContent).toBe('已撤销：添加主张');
    expect(screen.getByRole('button', { name: '重做：添加主张' })).toHaveProperty('disabled', false);

    await fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    await waitFor(() => expect(session.map.nodes).toHaveLength(5));
    await fireEvent.keyDown(window, { key: 'z', metaKey: true });
    await waitFor(() => expect(session.map.nodes).toHaveLength(4));
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(session.map.nodes).toHaveLength(5));
  });

  it('announces a multi-delete and says what undo will do', async () => {
    const { session, authoring } = setup();
    await authoring.apply(deleteNodes(['a', 'b', 'c']));
    expect(session.map.nodes.map((node) => node.id)).toEqual(['d']);
    expect(screen.getByRole('status').textContent).toBe('已删除 3 个节点');
    await waitFor(() => screen.getByRole('button', { name: '撤销：删除 3 个节点' }));
    await fireEvent.click(screen.getByRole('button', { name: '撤销：删除 3 个节点' }));
    await waitFor(() => expect(session.map.nodes).toHaveLength(4));
    expect(session.map.edges.map((edge) => edge.id)).toEqual(['e']);
  });

  it('keeps the keys of a text field to the field', async () => {
    const { session } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    await fireEvent.keyDown(input, { key: 'n' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(session.map.nodes).toHaveLength(4);
    input.remove();
  });

  it('says that autosave is off and editing goes on in memory', async () => {
    const { session } = setup();
    await fireEvent.click(screen.getByRole('button', { name: /添加主张/ }));
    await waitFor(() => expect(session.map.nodes).toHaveLength(5));
    expect(screen.getByRole('alert').textContent).toBe('自动保存已关闭（this browser has no IndexedDB）：修改只在内存中，请用“另存为”保存。');
  });

  it('takes an edit made elsewhere into the document before the next edit, so undo keeps it', async () => {
    const { session, authoring } = setup();
    await authoring.addClaim();
    session.edit({ ...session.map, title: { en: 'Renamed in another panel' } });
    await authoring.apply(deleteNodes(['d']));
    await authoring.undo();
    expect(session.map.title).toEqual({ en: 'Renamed in another panel' });
    expect(session.map.nodes.map((node) => node.id)).toContain('d');
  });
});
