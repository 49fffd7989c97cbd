/**
 * Issue 16 §4: a presentation carried through a shared room's awareness. The presenter's steps
 * reach the audience; a remote (the presenter view on a phone) drives the same presentation; an
 * audience member who looks around is left alone until "Back to the presenter".
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { ArgMap } from '../../src/core/model.ts';
import { indexMap } from '../../src/core/model.ts';
import { toursById } from '../../src/ui/presence/peer-state.ts';
import { Presence } from '../../src/ui/presence/presence.svelte.ts';
import { RoomPresentation, type RoomPresentationRole } from '../../src/ui/presence/room-presentation.svelte.ts';
import { Presentation } from '../../src/ui/presentation.svelte.ts';

const MAP: ArgMap = {
  schemaVersion: 1,
  title: { en: 'Room' },
  sources: [],
  actors: [],
  nodes: [{ id: 'a', kind: 'claim', text: { en: 'a' } }],
  edges: [],
  tours: [
    { id: 'tour', title: { en: 'Tour' }, steps: [0, 1, 2, 3].map((index) => ({ reveal: [], focus: [], caption: { en: `step ${index}` } })) },
    { id: 'other', title: { en: 'Other' }, steps: [0, 1].map((index) => ({ reveal: [], focus: [], caption: { en: `other ${index}` } })) },
  ],
};
const LOOKUP = { nodes: indexMap(MAP).nodes, tours: toursById(MAP.tours) };

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** Awarenesses that pass every update to all the others, as providers through one server do. */
function room(count: number): Awareness[] {
  const awarenesses = Array.from({ length: count }, () => new Awareness(new Y.Doc()));
  for (const from of awarenesses) {
    from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const update = encodeAwarenessUpdate(from, [...added, ...updated, ...removed]);
      for (const to of awarenesses) if (to !== from) applyAwarenessUpdate(to, update, 'remote');
    });
  }
  cleanups.push(() => awarenesses.forEach((awareness) => awareness.destroy()));
  return awarenesses;
}

interface Device {
  readonly presence: Presence;
  readonly presentation: Presentation;
  readonly link: RoomPresentation;
}

function device(awareness: Awareness, name: string, role: RoomPresentationRole, step = 0, tour = 'tour'): Device {
  const presence = new Presence(awareness, () => LOOKUP, name);
  const presentation = new Presentation(() => MAP, tour, step, { windows: false });
  const link = new RoomPresentation(presence, presentation, role);
  cleanups.push(() => {
    link.close();
    presentation.close();
    presence.destroy();
  });
  return { presence, presentation, link };
}

describe('presenting to a room', () => {
  it('the presenter’s step and blanking reach the audience', () => {
    const [one, two, three] = room(3);
    const audience = device(two!, 'Audience', 'audience', 0, 'other');
    const other = device(three!, 'Audience 2', 'audience');
    const presenter = device(one!, 'Presenter', 'present', 2);
    expect(audience.presentation.tourId).toBe('tour');
    expect(audience.presentation.stepIndex).toBe(2);
    expect(other.presentation.stepIndex).toBe(2);
    presenter.presentation.next();
    expect(audience.presentation.stepIndex).toBe(3);
    presenter.presentation.toggleBlank();
    expect(audience.presentation.blanked).toBe(true);
    expect(audience.link.leadName).toBe('Presenter');
  });

  it('an audience member who looks around stays put until Back to the presenter', () => {
    const [one, two] = room(2);
    const presenter = device(one!, 'Presenter', 'present');
    const audience = device(two!, 'Audience', 'audience');
    audience.presentation.next();
    expect(audience.link.detached).toBe(true);
    presenter.presentation.goTo(2);
    presenter.presentation.next();
    expect(audience.presentation.stepIndex).toBe(1);
    const recall = audience.link.recall;
    audience.link.rejoin();
    expect(audience.link.detached).toBe(false);
    expect(audience.presentation.stepIndex).toBe(3);
    expect(audience.link.recall).toBe(recall + 1);
    audience.link.lookAround();
    presenter.presentation.previous();
    expect(audience.presentation.stepIndex).toBe(3);
  });

  it('a remote joins the presentation under way and drives it for everyone', () => {
    const [one, two, three] = room(3);
    const presenter = device(one!, 'Presenter', 'present', 1);
    const audience = device(three!, 'Audience', 'audience');
    const remote = device(two!, 'Phone', 'remote', 0);
    expect(remote.presentation.stepIndex).toBe(1);
    expect(presenter.presentation.stepIndex).toBe(1);
    remote.presentation.next();
    expect(presenter.presentation.stepIndex).toBe(2);
    expect(audience.presentation.stepIndex).toBe(2);
    presenter.presentation.next();
    expect(remote.presentation.stepIndex).toBe(3);
    expect(audience.presentation.stepIndex).toBe(3);
    remote.presentation.toggleBlank();
    expect(presenter.presentation.blanked).toBe(true);
    expect(audience.presentation.blanked).toBe(true);
  });

  it('the room keeps the presentation when the remote that moved it last leaves', () => {
    const [one, two, three] = room(3);
    const presenter = device(one!, 'Presenter', 'present');
    const remote = device(two!, 'Phone', 'remote');
    const audience = device(three!, 'Audience', 'audience');
    remote.presentation.goTo(3);
    remote.link.close();
    remote.presence.destroy();
    expect(presenter.presentation.stepIndex).toBe(3);
    presenter.presentation.previous();
    expect(audience.presentation.stepIndex).toBe(2);
  });

  it('the presenter’s hand-moved camera reaches the audience until the next step or looking around', () => {
    const [one, two] = room(2);
    const presenter = device(one!, 'Presenter', 'present');
    const audience = device(two!, 'Audience', 'audience');
    expect(audience.link.presenterCamera).toBeUndefined();
    presenter.link.movedCamera({ x: 10, y: -20, zoom: 1.5 });
    expect(audience.link.presenterCamera).toEqual({ x: 10, y: -20, zoom: 1.5 });
    presenter.presentation.next();
    expect(audience.link.presenterCamera).toBeUndefined();
    presenter.link.movedCamera({ x: 1, y: 2, zoom: 1 });
    audience.link.lookAround();
    expect(audience.link.presenterCamera).toBeUndefined();
    audience.link.rejoin();
    expect(audience.link.presenterCamera).toEqual({ x: 1, y: 2, zoom: 1 });
    audience.link.movedCamera({ x: 5, y: 5, zoom: 1 });
    expect(presenter.presence.lead).toBeUndefined();
  });

  it('the audience never publishes a presentation, and a presenter who leaves takes theirs away', () => {
    const [one, two] = room(2);
    const presenter = device(one!, 'Presenter', 'present');
    const audience = device(two!, 'Audience', 'audience');
    audience.presentation.next();
    expect(audience.presence.ownPresenting).toBeUndefined();
    expect(presenter.presence.lead).toBeUndefined();
    presenter.link.close();
    expect(audience.presence.lead).toBeUndefined();
  });
});
