/**
 * Handing the open map to a presenter window over a BroadcastChannel: every window offers its map
 * (MapOffer), a presenter window asks for it (requestHandedMap). Apart from presentation.svelte.ts,
 * which loads only when a tour is presented, since every window starts offering at once.
 */

export const HANDOVER_CHANNEL = 'argmap-handover';

/** A map as one window hands it to another: argmap JSON, read again on arrival like any file. */
export interface HandedMap {
  /** The map's name, for messages and exports, without an extension. */
  readonly name: string;
  readonly text: string;
}

type HandoverMessage =
  | { readonly type: 'map-request'; readonly token: string }
  | { readonly type: 'map'; readonly token: string; readonly name: string; readonly text: string };

function isHandoverMessage(data: unknown): data is HandoverMessage {
  if (data === null || typeof data !== 'object') return false;
  const message = data as Record<string, unknown>;
  if (typeof message['token'] !== 'string') return false;
  if (message['type'] === 'map-request') return true;
  return message['type'] === 'map' && typeof message['name'] === 'string' && typeof message['text'] === 'string';
}

/** 128 random bits as hex: `crypto.randomUUID` needs a secure context, which a LAN address is not. */
function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * This window's name for the map it hands over: the presenter window it opens carries it in its
 * address and asks for the map by it, so that several argmap tabs do not answer for each other.
 */
export const WINDOW_HANDOVER_TOKEN = randomToken();

/**
 * The side of the window that opens a presenter window: it answers the presenter's request with
 * the map it shows, whatever its origin (the seed, a file, a paste, the Argdown tab), and, once a
 * presenter has asked, sends the map again whenever it changes.
 */
export class MapOffer {
  readonly #token: string;
  readonly #current: () => HandedMap;
  readonly #channel: BroadcastChannel | undefined;
  #asked = false;

  constructor(token: string, current: () => HandedMap) {
    this.#token = token;
    this.#current = current;
    this.#channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(HANDOVER_CHANNEL);
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (!isHandoverMessage(data) || data.type !== 'map-request' || data.token !== this.#token) return;
      this.#asked = true;
      this.#send();
    });
  }

  /** The map shown has changed: a presenter window that asked for it gets it again. */
  changed(): void {
    if (this.#asked) this.#send();
  }

  close(): void {
    this.#channel?.close();
  }

  #send(): void {
    const { name, text } = this.#current();
    this.#channel?.postMessage({ type: 'map', token: this.#token, name, text } satisfies HandoverMessage);
  }
}

/**
 * The presenter window's side: asks the window that opened it for its map, and hands every map
 * sent for `token` to `onMap` (the first, and each change after). Returns the function that stops
 * listening. A message is data from another window: `onMap` reads and checks it as a file.
 */
export function requestHandedMap(token: string, onMap: (map: HandedMap) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(HANDOVER_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (isHandoverMessage(data) && data.type === 'map' && data.token === token) onMap({ name: data.name, text: data.text });
  });
  channel.postMessage({ type: 'map-request', token } satisfies HandoverMessage);
  return () => channel.close();
}
