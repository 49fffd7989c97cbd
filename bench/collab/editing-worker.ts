/**
 * A share of the editing room's clients, on a thread of its own: clients on one thread would
 * measure that thread's queue (each client applies every other client's edit) rather than the
 * server. Each edit carries the time it was made, on the clock every thread shares
 * (performance.timeOrigin + performance.now()), so the receiving thread works out its latency.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface EditingShare {
  readonly urls: readonly string[];
  readonly room: string;
  readonly token: string;
  /** The clients' numbers in the room: this thread's share. */
  readonly clients: readonly number[];
  readonly total: number;
  readonly editsPerSecond: number;
}

export type ToWorker = { readonly type: 'measure' } | { readonly type: 'stop' };
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly latencies: number[]; readonly edits: number };

const share = workerData as EditingShare;
const clock = () => performance.timeOrigin + performance.now();
const MARKER = /⟦\d+\.\d+@(\d+\.\d+)⟧/g;

async function connect(url: string): Promise<{ doc: Y.Doc; destroy: () => void }> {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const doc = new Y.Doc();
  let synced!: () => void;
  const ready = new Promise<void>((resolve) => (synced = resolve));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: share.room, token: share.token, document: doc, onSynced: () => synced() });
  provider.attach();
  await ready;
  return {
    doc,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

const clients = await Promise.all(share.clients.map((number) => connect(share.urls[number % share.urls.length]!.replace(/^http/, 'ws'))));
const latencies: number[] = [];
let measuring = false;
/** Edits made before the window opened are not timed, even when they arrive in it. */
let measuredFrom = Infinity;
let edits = 0;
for (const { doc } of clients) {
  doc.getMap('nodes').observeDeep((events, transaction) => {
    if (transaction.local || !measuring) return;
    const now = clock();
    for (const event of events) {
      if (!(event.target instanceof Y.Text)) continue;
      for (const change of event.changes.delta) {
        if (typeof change.insert !== 'string') continue;
        for (const match of change.insert.matchAll(MARKER)) {
          const sent = Number(match[1]);
          if (sent >= measuredFrom) latencies.push(now - sent);
        }
      }
    }
  });
}

const nodes = clients[0]!.doc.getMap('nodes') as Y.Map<Y.Map<unknown>>;
const nodeIds = [...nodes.entries()].filter(([, record]) => record.get('en') instanceof Y.Text).map(([id]) => id);
let sequence = 0;
const timers: ReturnType<typeof setInterval>[] = [];
const starts = clients.map(({ doc }, index) => {
  const number = share.clients[index]!;
  const text = (doc.getMap('nodes') as Y.Map<Y.Map<unknown>>).get(nodeIds[number % nodeIds.length]!)!.get('en') as Y.Text;
  const type = () => {
    if (measuring) edits += 1;
    text.insert(text.length, `⟦${number}.${(sequence += 1)}@${clock().toFixed(2)}⟧`);
  };
  // Spread over the interval, so that the room sees a steady stream rather than bursts.
  return setTimeout(() => timers.push(setInterval(type, 1000 / share.editsPerSecond)), (number * 1000) / share.editsPerSecond / share.total);
});

parentPort!.on('message', async (message: ToWorker) => {
  if (message.type === 'measure') {
    measuredFrom = clock();
    measuring = true;
    return;
  }
  measuring = false;
  for (const start of starts) clearTimeout(start);
  for (const timer of timers) clearInterval(timer);
  // Edits under way when the window closed arrive in the next moment; they are not counted.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  for (const client of clients) client.destroy();
  parentPort!.postMessage({ type: 'done', latencies, edits } satisfies FromWorker);
});
parentPort!.postMessage({ type: 'ready' } satisfies FromWorker);
