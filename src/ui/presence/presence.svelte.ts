/**
 * Presence in a shared room: what this person shows the others (name, selection, the node they
 * type in, their camera, the tour step they present), written into the Yjs awareness the
 * collaboration provider shares, and everyone else as read back from it.
 */
import type { Awareness } from 'y-protocols/awareness';
import type { Camera } from '../../core/model.ts';
import { chooseColour, cleanName, colourIndexOf, leadPresentation, PEER_COLOURS, readPeers, type LocalFields, type Peer, type PeerLookup, type PresentingState } from './peer-state.ts';

/** A camera is sent at most this often: following needs no more, and the room's rate limit counts messages. */
export const CAMERA_EVERY_MS = 100;

export class Presence {
  readonly awareness: Awareness;
  readonly #lookup: () => PeerLookup;
  /** Bumped on every change of anyone's state: the peers are read again. */
  #version = $state(0);
  #cameraTimer: ReturnType<typeof setTimeout> | undefined;
  #cameraSentAt = 0;
  #pendingCamera: Camera | undefined;
  readonly #onChange = (): void => {
    this.#version += 1;
    this.#settleColour();
  };

  /** Everyone else here, checked against the map on screen. */
  readonly peers: readonly Peer[] = $derived.by(() => {
    void this.#version;
    return readPeers(this.awareness.getStates(), this.awareness.clientID, this.#lookup());
  });
  /** The presentation the room follows, when someone else presents. */
  readonly lead = $derived(leadPresentation(this.peers));
  readonly ownColour: string = $derived.by(() => {
    void this.#version;
    const index = this.awareness.getLocalState()?.['colour'];
    return PEER_COLOURS[typeof index === 'number' ? index : colourIndexOf(this.awareness.clientID)]!;
  });

  constructor(awareness: Awareness, lookup: () => PeerLookup, name: string) {
    this.awareness = awareness;
    this.#lookup = lookup;
    awareness.on('change', this.#onChange);
    const initial: LocalFields = { name: cleanName(name) ?? '', colour: colourIndexOf(awareness.clientID), selection: null, typing: null, camera: null, presenting: null };
    awareness.setLocalState({ ...awareness.getLocalState(), ...initial });
    this.#settleColour();
  }

  get ownName(): string {
    void this.#version;
    return cleanName(this.awareness.getLocalState()?.['name']) ?? '';
  }

  setName(name: string): void {
    this.#set('name', cleanName(name) ?? '');
  }

  setSelection(id: string | undefined): void {
    this.#set('selection', id ?? null);
  }

  setTyping(id: string | undefined): void {
    this.#set('typing', id ?? null);
  }

  setPresenting(state: PresentingState | undefined): void {
    const camera = state?.camera;
    this.#set('presenting', state === undefined ? null : { tour: state.tour, step: state.step, blanked: state.blanked, seq: state.seq, ...(camera ? { camera: { x: camera.x, y: camera.y, zoom: camera.zoom } } : {}) });
  }

  get ownPresenting(): PresentingState | undefined {
    void this.#version;
    const own = this.awareness.getLocalState()?.['presenting'];
    return own === null || own === undefined ? undefined : (own as PresentingState);
  }

  /** The camera, sent at most every CAMERA_EVERY_MS; the last one always goes. */
  setCamera(camera: Camera): void {
    this.#pendingCamera = { x: camera.x, y: camera.y, zoom: camera.zoom };
    if (this.#cameraTimer !== undefined) return;
    const wait = Math.max(0, this.#cameraSentAt + CAMERA_EVERY_MS - Date.now());
    this.#cameraTimer = setTimeout(() => {
      this.#cameraTimer = undefined;
      this.#cameraSentAt = Date.now();
      if (this.#pendingCamera !== undefined) this.#set('camera', this.#pendingCamera);
      this.#pendingCamera = undefined;
    }, wait);
  }

  peer(clientId: number): Peer | undefined {
    return this.peers.find((peer) => peer.clientId === clientId);
  }

  /** Stops listening; the awareness goes on (it is being destroyed, or someone else's). */
  stop(): void {
    clearTimeout(this.#cameraTimer);
    this.awareness.off('change', this.#onChange);
  }

  /** Stops listening and tells the others this person has left. */
  destroy(): void {
    this.stop();
    this.awareness.setLocalState(null);
  }

  /** Takes another colour when someone who came first (a lower client id) has this one. */
  #settleColour(): void {
    const others: { clientId: number; colourIndex: number }[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const index = (state as Record<string, unknown> | null)?.['colour'];
      others.push({ clientId, colourIndex: Number.isInteger(index) ? (index as number) : colourIndexOf(clientId) });
    }
    this.#set('colour', chooseColour(this.awareness.clientID, others));
  }

  #set<K extends keyof LocalFields>(field: K, value: LocalFields[K]): void {
    const current = this.awareness.getLocalState()?.[field];
    if (current === value) return;
    this.awareness.setLocalStateField(field, value);
  }
}
