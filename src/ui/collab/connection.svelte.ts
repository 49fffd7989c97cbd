/**
 * A shared room's connection to `argmap serve`: a Hocuspocus provider over the room's Yjs
 * document and awareness, on its own same-origin WebSocket. It reconnects on its own with backoff,
 * goes offline when the browser says the network is gone (edits go on locally and merge when it
 * comes back), and tells its owner when the server refuses the link or one of this client's
 * changes. Presence reads `provider` and `awareness`; the page shows `status`.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { SharedConnection } from '../document-room.ts';
import type { RoomRole } from './room-link.ts';

/** `refused`: the server refused the link or a change; the owner says why and what happens next. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused';

/**
 * Why the server stopped talking to this client about the room:
 * - `link`: it refused the link (wrong, revoked, or the room is gone): the room cannot open;
 * - `change`: it refused a change this client made (the map would be invalid, the room full, a
 *   message too big): the room must be opened afresh from the server's copy;
 * - `busy`: too many messages or connections: join again in a moment.
 */
export interface Refusal {
  readonly kind: 'link' | 'change' | 'busy';
  /** The server's reason, `code: words` (never shown as markup). */
  readonly reason: string;
}

/** The reason prefixes of src/server/room-extension.ts and room-guard.ts, by what the client does next. */
const REFUSAL_KINDS: Readonly<Record<string, Refusal['kind']>> = {
  'invalid-link': 'link',
  'revoked-link': 'link',
  'no-room': 'link',
  'read-only': 'change',
  'invalid-update': 'change',
  'invalid-map': 'change',
  'invalid-message': 'change',
  'room-full': 'change',
  'rate-limited': 'busy',
};

/** The close code of a WebSocket message over the server's size limit (ws's maxPayload). */
const MESSAGE_TOO_BIG = 1009;

export function refusalOf(code: number, reason: string): Refusal | undefined {
  if (code === MESSAGE_TOO_BIG) return { kind: 'change', reason: 'too-big: a change was larger than the server accepts in one message' };
  const kind = REFUSAL_KINDS[reason.split(':')[0] ?? ''];
  return kind === undefined ? undefined : { kind, reason };
}

export interface ConnectionOptions {
  /** ws(s)://host/ of the page's own server. */
  readonly url: string;
  readonly room: string;
  /** Read at each (re)connection: revoking the links hands the editor a new token. */
  readonly token: () => string;
  readonly role: RoomRole;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Called once, after the first sync, when the server refuses the link or a change. */
  readonly onRefused: (refusal: Refusal) => void;
  /** The WebSocket class; the page's by default (Node's tests pass ws's). */
  readonly webSocket?: unknown;
  /** The window whose online and offline events count; the page's by default. */
  readonly window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { readonly navigator: Pick<Navigator, 'onLine'> };
}

/** Backoff between attempts: 0.5 s, doubling, at most 10 s, with jitter so a room's clients do not come back at once. */
const RECONNECT = { delay: 500, minDelay: 500, factor: 2, maxDelay: 10_000, jitter: true, maxAttempts: 0 } as const;

export class RoomConnection implements SharedConnection {
  readonly room: string;
  readonly role: RoomRole;
  readonly provider: HocuspocusProvider;
  readonly socket: HocuspocusProviderWebsocket;
  /** The room's awareness, which the provider shares (the document room's own). */
  readonly awareness: Awareness;
  status = $state<ConnectionStatus>('connecting');
  /** Resolves after the first sync with the server; rejects with a Refusal when the server refuses first. */
  readonly synced: Promise<void>;
  #everSynced = false;
  #refused = false;
  #destroyed = false;
  readonly #options: ConnectionOptions;
  readonly #window: NonNullable<ConnectionOptions['window']>;
  #firstSync!: { resolve: () => void; reject: (refusal: Refusal) => void };
  readonly #goOffline = (): void => {
    this.status = 'offline';
    this.socket.disconnect();
  };
  readonly #goOnline = (): void => {
    if (this.#refused || this.#destroyed) return;
    this.status = 'reconnecting';
    void this.socket.connect();
  };

  constructor(options: ConnectionOptions) {
    this.#options = options;
    this.room = options.room;
    this.role = options.role;
    this.awareness = options.awareness;
    this.#window = options.window ?? window;
    this.synced = new Promise<void>((resolve, reject) => (this.#firstSync = { resolve, reject }));
    // A refusal before the map opens is handled by the one who awaits `synced`.
    this.synced.catch(() => undefined);
    const online = this.#window.navigator.onLine;
    this.socket = new HocuspocusProviderWebsocket({ url: options.url, ...RECONNECT, autoConnect: online, ...(options.webSocket === undefined ? {} : { WebSocketPolyfill: options.webSocket }) });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: options.room,
      document: options.doc,
      awareness: options.awareness,
      token: options.token,
      onSynced: ({ state }) => this.#onSynced(state),
      onAuthenticationFailed: ({ reason }) => this.#refuse({ kind: 'link', reason }),
      onClose: ({ event }) => {
        const refusal = refusalOf(event.code, event.reason ?? '');
        if (refusal !== undefined) this.#refuse(refusal);
      },
      onStatus: ({ status }) => this.#onStatus(status),
    });
    this.provider.attach();
    if (!online) this.status = 'offline';
    this.#window.addEventListener('offline', this.#goOffline);
    this.#window.addEventListener('online', this.#goOnline);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#window.removeEventListener('offline', this.#goOffline);
    this.#window.removeEventListener('online', this.#goOnline);
    // The provider tells the others this client left, and destroys the awareness with it (the
    // document room, which owns it, closes right after).
    this.provider.destroy();
    this.socket.destroy();
  }

  #onSynced(state: boolean): void {
    if (!state || this.#refused) return;
    this.status = 'connected';
    if (!this.#everSynced) {
      this.#everSynced = true;
      this.#firstSync.resolve();
    }
  }

  #onStatus(status: WebSocketStatus): void {
    if (this.#refused) return;
    if (!this.#window.navigator.onLine) this.status = 'offline';
    else if (status === WebSocketStatus.Connected) {
      // Connected is not in sync yet: the status turns to connected when the sync is done.
      if (!this.provider.isSynced) this.status = this.#everSynced ? 'reconnecting' : 'connecting';
    } else this.status = this.#everSynced ? 'reconnecting' : 'connecting';
  }

  /** The server will not take this client as it is: stop talking, and say why, once. */
  #refuse(refusal: Refusal): void {
    if (this.#refused || this.#destroyed) return;
    this.#refused = true;
    this.status = 'refused';
    this.socket.disconnect();
    if (this.#everSynced) this.#options.onRefused(refusal);
    else this.#firstSync.reject(refusal);
  }
}
