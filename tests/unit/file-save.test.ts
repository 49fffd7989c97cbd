// @vitest-environment jsdom
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { FileSave } from '../../src/ui/file-save.svelte.ts';
import type { WritableFile } from '../../src/ui/file-access.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';
import { nameOfKey } from '../../src/ui/stored-map.ts';

const MAP: ArgMap = { schemaVersion: 1, title: { zh: '排练' }, sources: [], actors: [], nodes: [{ id: 'a', kind: 'claim', text: { zh: '要' } }], edges: [] };

function fakeFile(fail = false) {
  const written: string[] = [];
  let aborted = 0;
  const file: WritableFile = {
    name: 'rehearsal.json',
    getFile: async () => new File([''], 'rehearsal.json'),
    createWritable: async () => {
      let text = '';
      return {
        write: async (data: string) => {
          if (fail) throw new Error('disk full');
          text += data;
        },
        close: async () => void written.push(text),
        abort: async () => void (aborted += 1),
      };
    },
  };
  return { file, written, aborted: () => aborted };
}

function edited(session: MapSession): void {
  session.edit({ ...session.map, nodes: [...session.map.nodes, { id: 'b', kind: 'claim', text: { zh: '不要' } }] });
  flushSync();
}

describe('Save', () => {
  it('is clean as a map opens, dirty after an edit, and clean again once written back', async () => {
    const { file, written } = fakeFile();
    const session = new MapSession({ map: MAP, name: 'rehearsal', sourceTexts: new Map(), file });
    const save = new FileSave(session);
    expect(save.dirty).toBe(false);
    edited(session);
    expect(save.dirty).toBe(true);
    expect(await save.save()).toBe(true);
    expect(save.dirty).toBe(false);
    expect(save.status).toBe('已写回 rehearsal.json');
    expect(written).toHaveLength(1);
    const reread = loadMapText(written[0]!);
    expect(reread.ok && reread.map.nodes.map((node) => node.id)).toEqual(['a', 'b']);
  });

  it('a failed write is aborted, reported, and leaves the map dirty', async () => {
    const { file, written, aborted } = fakeFile(true);
    const session = new MapSession({ map: MAP, name: 'rehearsal', sourceTexts: new Map(), file });
    const save = new FileSave(session);
    edited(session);
    expect(await save.save()).toBe(false);
    expect(written).toEqual([]);
    expect(aborted()).toBe(1);
    expect(save.dirty).toBe(true);
    expect(session.lastAttempt?.action).toBe('save');
    expect(session.lastAttempt?.problems[0]?.message).toBe('the file could not be written; it was left as it was');
  });

  it('a map whose file is behind (kept across a reload) lands dirty; another map lands clean', () => {
    const session = new MapSession({ map: MAP, name: 'rehearsal', sourceTexts: new Map() });
    const save = new FileSave(session);
    session.open({ map: MAP, name: 'kept', sourceTexts: new Map(), roomKey: 'kept:1' });
    save.landed(true);
    expect(save.dirty).toBe(true);
    session.open({ map: MAP, name: 'other', sourceTexts: new Map() });
    flushSync();
    expect(save.dirty).toBe(false);
  });

  it('a map that its room hands back as it landed stays clean; one whose file is behind stays dirty', () => {
    const session = new MapSession({ map: MAP, name: 'rehearsal', sourceTexts: new Map() });
    const save = new FileSave(session);
    session.open({ map: MAP, name: 'kept', sourceTexts: new Map(), roomKey: 'kept:1' });
    save.landed(false);
    session.edit({ ...MAP });
    flushSync();
    expect(save.dirty).toBe(true);
    save.reopened();
    expect(save.dirty).toBe(false);
    save.landed(true);
    save.reopened();
    expect(save.dirty).toBe(true);
  });

  it('without a file or a save picker, Save downloads argmap JSON', async () => {
    const session = new MapSession({ map: MAP, name: 'rehearsal', sourceTexts: new Map() });
    const save = new FileSave(session);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    edited(session);
    expect(await save.save()).toBe(true);
    expect(click).toHaveBeenCalled();
    expect(save.status).toBe('已下载 rehearsal.json');
    expect(save.dirty).toBe(false);
    click.mockRestore();
  });
});

describe('the name of a kept map', () => {
  it('is the file name its room key starts with, else its title', () => {
    expect(nameOfKey('hundred-model-war:159ee207edf091fd', 'x')).toBe('hundred-model-war');
    expect(nameOfKey('a:b:0123', 'x')).toBe('a:b');
    expect(nameOfKey('new:abc-def', '算力/之争')).toBe('算力 之争');
  });
});
