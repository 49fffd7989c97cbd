/**
 * Two tabs, one map: tabs of one browser that open the same map exchange Yjs updates over a
 * BroadcastChannel. A tab that opens says what it has (its state vector); the others answer with
 * what it lacks and ask for what they lack, and from then on every change goes out as it is made.
 * Updates merge whatever order they arrive in, so concurrent edits in two tabs both survive.
 * A message that is not one of ours is ignored.
 */
import * as Y from 'yjs';

type Message =
  | { readonly type: 'hello'; readonly state: Uint8Array }
  | { readonly type: 'state'; readonly state: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array };

/** What a tab needs of a channel; the browser's BroadcastChannel, or one a test makes. */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export function channelName(key: string): string {
  return `argmap-map:${key}`;
}

function parse(data: unknown): Message | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const message = data as Record<string, unknown>;
  const type = message['type'];
  if ((type === 'hello' || type === 'state') && message['state'] instanceof Uint8Array) return { type, state: message['state'] };
  if (type === 'update' && message['update'] instanceof Uint8Array) return { type, update: message['update'] };
  return undefined;
}

export class TabSync {
  readonly #doc: Y.Doc;
  readonly #channel: Channel;
  readonly #onMessage = (event: MessageEvent): void => this.#receive(event.data);
  readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.#post({ type: 'update', update });
  };

  constructor(doc: Y.Doc, key: string, channel: Channel = new BroadcastChannel(channelName(key))) {
    this.#doc = doc;
    this.#channel = channel;
    channel.addEventListener('message', this.#onMessage);
    doc.on('update', this.#onUpdate);
    this.#post({ type: 'hello', state: Y.encodeStateVector(doc) });
  }

  destroy(): void {
    this.#doc.off('update', this.#onUpdate);
    this.#channel.removeEventListener('message', this.#onMessage);
    this.#channel.close();
  }

  #post(message: Message): void {
    try {
      this.#channel.postMessage(message);
    } catch {
      // A closed channel (the tab is going away) has no one left to tell.
    }
  }

  #receive(data: unknown): void {
    const message = parse(data);
    if (message === undefined) return;
    try {
      if (message.type === 'update') {
        Y.applyUpdate(this.#doc, message.update, this);
        return;
      }
      const missing = Y.encodeStateAsUpdate(this.#doc, message.state);
      // An update with nothing in it is two bytes of headers.
      if (missing.length > 2) this.#post({ type: 'update', update: missing });
      if (message.type === 'hello') this.#post({ type: 'state', state: Y.encodeStateVector(this.#doc) });
    } catch {
      // A malformed update from another tab changes nothing here.
    }
  }
}
