/**
 * Issue 13 §3: every way of opening a map takes a ticket, and only the newest may land: a slow
 * open that finishes after a newer one does not replace the newer map. A failed open changes
 * nothing, so it overtakes nothing either.
 */
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/core/load-map.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { MapSession } from '../../src/ui/map-session.svelte.ts';

function mapTitled(title: string): ArgMap {
  return { schemaVersion: 1, title: { en: title }, sources: [], actors: [], nodes: [{ id: title, kind: 'claim', text: { en: title } }], edges: [] };
}

function opened(title: string): LoadResult {
  return { ok: true, map: mapTitled(title), warnings: [] };
}

const failed: LoadResult = { ok: false, problems: [{ severity: 'error', message: 'not a map' }] };

function session(): MapSession {
  return new MapSession({ map: mapTitled('start'), name: 'start', sourceTexts: new Map() });
}

describe('opening tickets', () => {
  it('a slow open that ends after a newer one has landed is dropped', () => {
    const open = session();
    const slowFile = open.takeTicket('big.json');
    const paste = open.takeTicket('pasted');
    expect(open.receive('pasted', opened('pasted'), undefined, undefined, paste)).toBe(true);
    expect(open.receive('big.json', opened('big'), undefined, undefined, slowFile)).toBe(false);
    expect(open.map.title.en).toBe('pasted');
    expect(open.reading).toBeUndefined();
  });

  it('a slow open that ends while a newer one is under way is dropped, and the newer one lands', () => {
    const open = session();
    const first = open.takeTicket('first.json');
    const second = open.takeTicket('second.json');
    expect(open.reading).toBe('second.json');
    expect(open.receive('first.json', opened('first'), undefined, undefined, first)).toBe(false);
    expect(open.map.title.en).toBe('start');
    expect(open.reading).toBe('second.json');
    expect(open.receive('second.json', opened('second'), undefined, undefined, second)).toBe(true);
    expect(open.map.title.en).toBe('second');
  });

  it('a newer open that fails overtakes nothing: it is reported, and the earlier one still lands', () => {
    const open = session();
    const slow = open.takeTicket('slow.json');
    const bad = open.takeTicket('bad.json');
    expect(open.receive('bad.json', failed, undefined, undefined, bad)).toBe(true);
    expect(open.lastAttempt?.opened).toBe(false);
    expect(open.map.title.en).toBe('start');
    expect(open.reading).toBe('slow.json');
    expect(open.receive('slow.json', opened('slow'), undefined, undefined, slow)).toBe(true);
    expect(open.map.title.en).toBe('slow');
  });

  it('an edit that brings a new map (the Argdown tab) is a ticket too', () => {
    const open = session();
    const typed = open.takeTicket();
    const file = open.takeTicket('chosen-after-typing.json');
    open.edit(mapTitled('typed'), typed);
    expect(open.map.title.en).toBe('start');
    open.receive('chosen-after-typing.json', opened('chosen'), undefined, undefined, file);
    expect(open.map.title.en).toBe('chosen');

    const fileFirst = open.takeTicket('chosen-before-typing.json');
    const typedLater = open.takeTicket();
    open.edit(mapTitled('typed later'), typedLater);
    expect(open.receive('chosen-before-typing.json', opened('late file'), undefined, undefined, fileFirst)).toBe(false);
    expect(open.map.title.en).toBe('typed later');
  });

  it('an open released without a map (a text with errors) holds nothing up', () => {
    const open = session();
    const file = open.takeTicket('file.json');
    const typed = open.takeTicket();
    open.release(typed);
    expect(open.receive('file.json', opened('file'), undefined, undefined, file)).toBe(true);
    expect(open.map.title.en).toBe('file');
  });
});
