import { describe, expect, it } from 'vitest';
import { arrowDirection, nearestInDirection, type Placed } from '../../src/ui/connect-target.ts';

const origin = { x: 0, y: 0 };

describe('nearestInDirection', () => {
  const grid: Placed[] = [
    { id: 'right-near', x: 100, y: 0 },
    { id: 'right-far', x: 300, y: 0 },
    { id: 'left', x: -120, y: 10 },
    { id: 'up', x: 0, y: -80 },
    { id: 'down-side', x: 40, y: 90 },
  ];

  it('takes the nearest node ahead in each direction', () => {
    expect(nearestInDirection(origin, 'right', grid)).toBe('right-near');
    expect(nearestInDirection(origin, 'left', grid)).toBe('left');
    expect(nearestInDirection(origin, 'up', grid)).toBe('up');
    expect(nearestInDirection(origin, 'down', grid)).toBe('down-side');
  });

  it('prefers a node straight ahead over a closer one off to the side', () => {
    const candidates: Placed[] = [
      { id: 'diagonal', x: 90, y: 80 },
      { id: 'straight', x: 150, y: 0 },
    ];
    expect(nearestInDirection(origin, 'right', candidates)).toBe('straight');
  });

  it('ignores nodes behind or beyond 60° to the side, and the skipped ones', () => {
    const candidates: Placed[] = [
      { id: 'behind', x: -50, y: 0 },
      { id: 'steep', x: 10, y: 100 },
      { id: 'self', x: 0, y: 0 },
    ];
    expect(nearestInDirection(origin, 'right', candidates)).toBeUndefined();
    expect(nearestInDirection(origin, 'right', grid, new Set(['right-near']))).toBe('right-far');
  });

  it('gives ties to the first candidate', () => {
    const candidates: Placed[] = [
      { id: 'a', x: 100, y: 20 },
      { id: 'b', x: 100, y: -20 },
    ];
    expect(nearestInDirection(origin, 'right', candidates)).toBe('a');
  });
});

describe('arrowDirection', () => {
  it('reads the four arrow keys and nothing else', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter'].map(arrowDirection)).toEqual(['up', 'down', 'left', 'right', undefined]);
  });
});
