/**
 * Following stops when a person moves the camera themselves: a wheel, or a drag past a few pixels;
 * a click (a press without moving) does not count.
 */
import { describe, expect, it, vi } from 'vitest';
import { onOwnCameraMove } from '../../src/ui/presence/own-moves.ts';

function pointer(type: string, clientX: number, clientY: number, buttons = 1): Event {
  return Object.assign(new Event(type), { clientX, clientY, buttons });
}

describe('a person moving the camera', () => {
  it('a wheel counts at once', () => {
    const surface = new EventTarget() as HTMLElement;
    const moved = vi.fn();
    onOwnCameraMove(surface, moved);
    surface.dispatchEvent(new Event('wheel'));
    expect(moved).toHaveBeenCalledTimes(1);
  });

  it('a drag counts once it passes a few pixels; a click and a hover do not', () => {
    const surface = new EventTarget() as HTMLElement;
    const moved = vi.fn();
    const stop = onOwnCameraMove(surface, moved);
    surface.dispatchEvent(pointer('pointerdown', 100, 100));
    surface.dispatchEvent(pointer('pointermove', 102, 101));
    surface.dispatchEvent(pointer('pointerup', 102, 101));
    surface.dispatchEvent(pointer('pointermove', 300, 300, 0));
    expect(moved).not.toHaveBeenCalled();
    surface.dispatchEvent(pointer('pointerdown', 100, 100));
    surface.dispatchEvent(pointer('pointermove', 110, 100));
    surface.dispatchEvent(pointer('pointermove', 150, 100));
    expect(moved).toHaveBeenCalledTimes(1);
    stop();
    surface.dispatchEvent(new Event('wheel'));
    expect(moved).toHaveBeenCalledTimes(1);
  });
});
