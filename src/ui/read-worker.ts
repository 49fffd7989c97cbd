/**
 * The reading worker: parses, validates and measures a chosen file off the page's thread, so
 * that opening a big map never freezes the tab. One file per worker.
 */
import { readMapBytes } from '../core/formats/read-map.ts';
import { fileParts, readOpenedFile, type ReadPart, type ReadRequest } from './map-reader.ts';

self.onmessage = (event: MessageEvent<ReadRequest>) => {
  for (const part of fileParts(readOpenedFile(event.data.bytes, readMapBytes, event.data.name))) self.postMessage(part satisfies ReadPart);
};
