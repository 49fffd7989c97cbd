/**
 * The reading worker: parses, validates and measures a chosen file off the page's thread, so
 * that opening a big map never freezes the tab. One file per worker.
 */
import { readCsvPairBytes } from '../core/formats/csv/read-bytes.ts';
import { readMapBytes } from '../core/formats/read-map.ts';
import { fileParts, openedFrom, type ReadPart, type ReadRequest } from './map-reader.ts';

self.onmessage = ({ data: request }: MessageEvent<ReadRequest>) => {
  const read = 'pair' in request ? readCsvPairBytes(request.pair) : readMapBytes(request.bytes, request.name);
  for (const part of fileParts(openedFrom(read))) self.postMessage(part satisfies ReadPart);
};
