import { describe, expect, it } from 'vitest';
import type { ArgEdge } from '../../src/core/model.ts';
import { edgeFaded, nodeFaded, type Emphasis } from '../../src/ui/map-emphasis.ts';

const inference: ArgEdge = { id: 'because', from: 'premise', to: 'claim', kind: 'support' };
const undercut: ArgEdge = { id: 'but', from: 'doubt', to: 'because', kind: 'undercut' };
const aside: ArgEdge = { id: 'aside', from: 'other', to: 'claim', kind: 'attack' };
const edgeById = new Map([inference, undercut, aside].map((edge) => [edge.id, edge]));

describe('what the map fades', () => {
  it('fades nothing without a hover or a stress', () => {
    expect(nodeFaded({}, 'claim')).toBe(false);
    expect(edgeFaded({}, aside)).toBe(false);
  });

  it('lights the hovered node’s neighbours and edges, counting an undercut of an inference at its ends', () => {
    const hovered: Emphasis = { hover: { id: 'premise', lit: new Set(['premise', 'claim']), edgeById } };
    expect(nodeFaded(hovered, 'claim')).toBe(false);
    expect(nodeFaded(hovered, 'other')).toBe(true);
    expect(edgeFaded(hovered, inference)).toBe(false);
    expect(edgeFaded(hovered, undercut)).toBe(false);
    expect(edgeFaded(hovered, aside)).toBe(true);
  });

  it('lets a hover win over a stress, and otherwise fades what the stress leaves out', () => {
    const stressed: Emphasis = { stressed: new Set(['other', 'claim']) };
    expect(edgeFaded(stressed, aside)).toBe(false);
    expect(edgeFaded(stressed, inference)).toBe(true);
    expect(nodeFaded({ ...stressed, hover: { id: 'premise', lit: new Set(['premise']), edgeById } }, 'premise')).toBe(false);
  });
});
