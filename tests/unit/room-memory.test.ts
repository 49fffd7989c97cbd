// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetRoom, hasUnsavedChanges, lastMapKey, parseCamera, recallCamera, rememberCamera, rememberLastMap, rememberUnsaved } from '../../src/ui/room-memory.ts';

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('what the page keeps of each map beside its autosave', () => {
  it('keeps the camera per room, written at most a few times a second', () => {
    rememberCamera('a:1', { x: 1, y: 2, zoom: 0.5 });
    rememberCamera('a:1', { x: 3, y: 4, zoom: 2 });
    expect(recallCamera('a:1')).toBeUndefined();
    vi.advanceTimersByTime(300);
    expect(recallCamera('a:1')).toEqual({ x: 3, y: 4, zoom: 2 });
    expect(recallCamera('b:2')).toBeUndefined();
  });

  it('writes a pending camera when the page goes away', () => {
    rememberCamera('a:1', { x: 5, y: 6, zoom: 1 });
    window.dispatchEvent(new Event('pagehide'));
    expect(recallCamera('a:1')).toEqual({ x: 5, y: 6, zoom: 1 });
  });

  it('reads only a well-formed camera back', () => {
    for (const text of ['', 'null', '{"x":1,"y":2}', '{"x":1,"y":2,"zoom":0}', '{"x":"1","y":2,"zoom":1}', '{"x":1e999,"y":2,"zoom":1}', '[1,2,3]']) expect(parseCamera(text)).toBeUndefined();
    expect(parseCamera('{"x":1,"y":2,"zoom":1,"__proto__":{"polluted":1}}')).toEqual({ x: 1, y: 2, zoom: 1 });
  });

  it('remembers the map open last, whether its file is behind, and forgets both with the map', () => {
    rememberLastMap('a:1');
    rememberUnsaved('a:1', true);
    expect(lastMapKey()).toBe('a:1');
    expect(hasUnsavedChanges('a:1')).toBe(true);
    rememberUnsaved('a:1', false);
    expect(hasUnsavedChanges('a:1')).toBe(false);
    rememberUnsaved('a:1', true);
    rememberCamera('a:1', { x: 1, y: 1, zoom: 1 });
    forgetRoom('a:1');
    vi.advanceTimersByTime(300);
    expect(lastMapKey()).toBeUndefined();
    expect(hasUnsavedChanges('a:1')).toBe(false);
    expect(recallCamera('a:1')).toBeUndefined();
  });

  it('keeps nothing and fails nothing where storage throws', () => {
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(() => rememberLastMap('a:1')).not.toThrow();
    expect(() => rememberUnsaved('a:1', true)).not.toThrow();
    expect(lastMapKey()).toBeUndefined();
    spy.mockRestore();
  });
});
