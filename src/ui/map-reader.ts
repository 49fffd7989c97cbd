/**
 * Reading a chosen file into a map with its boxes measured in both languages: the whole of
 * opening that does not need the page. A big file is read in a worker; only plain data
 * crosses back (the map, its problems, the boxes).
 */
import { readMapBytes, type ReadResult } from '../core/formats/read-map.ts';
import { measureLanguages, type BoxesByLanguage } from '../layout/node-boxes.ts';

export interface ReadRequest {
  readonly bytes: Uint8Array;
}

export interface OpenedFile {
  readonly read: ReadResult;
  /** The boxes of the map read, when one was. */
  readonly boxes?: BoxesByLanguage;
}

/**
 * Below this a file is read on the page: starting a worker costs more than reading it (the seed
 * map, 55 kB, reads in a few milliseconds).
 */
export const WORKER_MIN_BYTES = 256 * 1024;

export function readOpenedFile(bytes: Uint8Array): OpenedFile {
  const read = readMapBytes(bytes);
  return read.result.ok ? { read, boxes: measureLanguages(read.result.map) } : { read };
}

/** Reads in a worker where the page can start one, else (or when it fails to start) on the page. */
export function readFileBytes(bytes: Uint8Array): Promise<OpenedFile> {
  if (bytes.length < WORKER_MIN_BYTES || typeof Worker !== 'function') return Promise.resolve(readOpenedFile(bytes));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<OpenedFile>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(readOpenedFile(bytes));
    };
    worker.postMessage({ bytes } satisfies ReadRequest);
  });
}
