/** The compaction worker: merges one map's stored updates off the page's thread (document-compaction.ts). */
import { compactStoreNamed, type CompactionReply } from './document-compaction.ts';

self.onmessage = (event: MessageEvent<string>) => {
  void compactStoreNamed(indexedDB, event.data).then(
    (compaction): CompactionReply => ({ ok: true, compaction }),
    (error: unknown): CompactionReply => ({ ok: false, message: error instanceof Error ? error.message : 'the compaction failed' }),
  ).then((reply) => self.postMessage(reply));
};
