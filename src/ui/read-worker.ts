/**
 * The reading worker: parses, validates and measures a chosen file off the page's thread, so
 * that opening a big map never freezes the tab. One file per worker.
 */
import { readOpenedFile, type ReadRequest } from './map-reader.ts';

self.onmessage = (event: MessageEvent<ReadRequest>) => self.postMessage(readOpenedFile(event.data.bytes));
