/**
 * The reading worker: parses, validates and measures a chosen file off the page's thread, so
 * that opening a big map never freezes the tab. One file per worker.
 */
import { readOpenedFile, type ReadReply, type ReadRequest } from './map-reader.ts';

const reply = (message: ReadReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  const { read, boxes } = readOpenedFile(event.data.bytes);
  // Two messages, which the page takes in as two tasks: a 20,000-node map with its boxes took
  // 60 ms to unpack in one.
  reply({ part: 'map', read });
  reply({ part: 'boxes', ...(boxes ? { boxes } : {}) });
};
