/**
 * What one person in a shared room tells the others through the Yjs awareness, written and read.
 * Every field read comes from the network: it is checked for type and size, ids are looked up in
 * the map, and a fresh object is built; nothing received is spread into state.
 */
import type { Camera, MapIndex, Tour } from '../../core/model.ts';

/** The awareness fields this app writes (one awareness field each, so one change sends one field). */
export interface LocalFields {
  readonly name: string;
  /** An index into PEER_COLOURS. */
  readonly colour: number;
  readonly selection: string | null;
  readonly typing: string | null;
  readonly camera: Camera | null;
  readonly presenting: PresentingState | null;
}

/**
 * A tour being presented, as the presenter (or a remote) publishes it. `seq` orders the moves of
 * everyone who controls the presentation: the highest wins, ties broken by client id.
 */
export interface PresentingState {
  readonly tour: string;
  readonly step: number;
  readonly blanked: boolean;
  readonly seq: number;
  /** Where the presenter moved the camera by hand on this step; the step's own camera when absent. */
  readonly camera?: Camera;
}

/** Another person, as read from their awareness state. */
export interface Peer {
  readonly clientId: number;
  /** Their name, cleaned and cut; undefined when they gave none (shown as a guest). */
  readonly name: string | undefined;
  readonly colour: string;
  readonly colourIndex: number;
  /** A node of the map on screen, or undefined. */
  readonly selection: string | undefined;
  readonly typing: string | undefined;
  readonly camera: Camera | undefined;
  readonly presenting: PresentingState | undefined;
}

export const MAX_NAME_LENGTH = 32;
/** Ids longer than any the map allows are not looked up at all. */
const MAX_ID_LENGTH = 512;
/** Coordinates past this are no place on any map. */
const MAX_COORDINATE = 1e7;
const MAX_STEP = 100_000;
/** However many states a room carries, the page lists this many people. */
export const MAX_PEERS = 100;

/**
 * Colours for people, each with a contrast of at least 4.5:1 against white (white text on them
 * reads, and their rings show on the map's light background).
 */
export const PEER_COLOURS = ['#0b6fa4', '#b44f00', '#087f5b', '#a3367f', '#6741d9', '#8a6100', '#c92a2a', '#495057', '#0c7a8a', '#5c7f00'] as const;

/** The colour a client starts from, from its client id alone (an index into PEER_COLOURS). */
export function colourIndexOf(clientId: number): number {
  // A multiplicative hash spreads the random client ids evenly over the palette.
  return (Math.imul(clientId >>> 0, 0x9e3779b1) >>> 0) % PEER_COLOURS.length;
}

/**
 * The colour a client takes among the others': the one its id gives, unless a client with a
 * lower id has it; then the next one nobody has (the same answer on every screen, as every client
 * settles it the same way). With more people than colours, some share.
 */
export function chooseColour(ownId: number, others: readonly { readonly clientId: number; readonly colourIndex: number }[]): number {
  const start = colourIndexOf(ownId);
  const taken = new Set(others.filter((other) => other.clientId < ownId).map((other) => other.colourIndex));
  for (let offset = 0; offset < PEER_COLOURS.length; offset += 1) {
    const index = (start + offset) % PEER_COLOURS.length;
    if (!taken.has(index)) return index;
  }
  return start;
}

// Control characters, bidirectional overrides and isolates, zero-width and line separators: a
// name is one line of plain text, and must not reorder the text around it.
const UNWANTED = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * A name as shown: one line, no control or direction characters, at most MAX_NAME_LENGTH
 * characters. A megabyte-long name costs no more than a short one: it is cut before it is read.
 */
export function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cut = value.slice(0, MAX_NAME_LENGTH * 4).toWellFormed().replace(/\s+/g, ' ').replace(UNWANTED, '').trim();
  const characters = Array.from(cut);
  const name = characters.length > MAX_NAME_LENGTH ? characters.slice(0, MAX_NAME_LENGTH).join('') : cut;
  return name === '' ? undefined : name;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function knownNode(value: unknown, nodes: ReadonlyMap<string, unknown>): string | undefined {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && nodes.has(value) ? value : undefined;
}

function finiteIn(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
}

export function readCamera(value: unknown): Camera | undefined {
  if (!isRecord(value)) return undefined;
  const { x, y, zoom } = value;
  if (!finiteIn(x, -MAX_COORDINATE, MAX_COORDINATE) || !finiteIn(y, -MAX_COORDINATE, MAX_COORDINATE) || !finiteIn(zoom, 1e-4, 100)) return undefined;
  return { x, y, zoom };
}

export function readPresenting(value: unknown, tours: ReadonlyMap<string, Tour>): PresentingState | undefined {
  if (!isRecord(value)) return undefined;
  const { tour, step, blanked, seq } = value;
  if (typeof tour !== 'string' || tour.length > MAX_ID_LENGTH || !tours.has(tour)) return undefined;
  if (!Number.isSafeInteger(step) || (step as number) < 0 || (step as number) > MAX_STEP) return undefined;
  if (typeof blanked !== 'boolean' || !Number.isSafeInteger(seq) || (seq as number) < 0) return undefined;
  const camera = readCamera(value['camera']);
  return { tour, step: step as number, blanked, seq: seq as number, ...(camera ? { camera } : {}) };
}

/** What the page needs of the map to judge a state: its nodes and tours, by id. */
export interface PeerLookup {
  readonly nodes: MapIndex['nodes'];
  readonly tours: ReadonlyMap<string, Tour>;
}

export function toursById(tours: readonly Tour[] | undefined): ReadonlyMap<string, Tour> {
  return new Map((tours ?? []).map((tour) => [tour.id, tour]));
}

/** One received state, checked field by field; undefined when it is no state at all. */
export function readPeer(clientId: number, state: unknown, lookup: PeerLookup): Peer | undefined {
  if (!Number.isSafeInteger(clientId) || !isRecord(state)) return undefined;
  const sent = state['colour'];
  const colourIndex = Number.isInteger(sent) && (sent as number) >= 0 && (sent as number) < PEER_COLOURS.length ? (sent as number) : colourIndexOf(clientId);
  return {
    clientId,
    name: cleanName(state['name']),
    colour: PEER_COLOURS[colourIndex]!,
    colourIndex,
    selection: knownNode(state['selection'], lookup.nodes),
    typing: knownNode(state['typing'], lookup.nodes),
    camera: readCamera(state['camera']),
    presenting: readPresenting(state['presenting'], lookup.tours),
  };
}

/** Everyone else in the room, in a stable order (by name, then client id), at most MAX_PEERS. */
export function readPeers(states: ReadonlyMap<number, unknown>, ownId: number, lookup: PeerLookup): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    if (clientId === ownId) continue;
    const peer = readPeer(clientId, state, lookup);
    if (peer !== undefined) peers.push(peer);
  }
  peers.sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.clientId - b.clientId);
  return peers.slice(0, MAX_PEERS);
}

/** Orders two presentation states: by `seq`, then by client id. */
export function newerPresenting(a: { readonly clientId: number; readonly state: PresentingState }, b: { readonly clientId: number; readonly state: PresentingState }): boolean {
  return a.state.seq > b.state.seq || (a.state.seq === b.state.seq && a.clientId > b.clientId);
}

/** The presentation the room follows: the newest among those who present; undefined when nobody does. */
export function leadPresentation(peers: readonly Peer[]): { readonly clientId: number; readonly name: string | undefined; readonly state: PresentingState } | undefined {
  let lead: { clientId: number; name: string | undefined; state: PresentingState } | undefined;
  for (const peer of peers) {
    if (peer.presenting === undefined) continue;
    const candidate = { clientId: peer.clientId, name: peer.name, state: peer.presenting };
    if (lead === undefined || newerPresenting(candidate, lead)) lead = candidate;
  }
  return lead;
}
