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

/** What the reading worker sends back: the map read, then its boxes. */
export type ReadReply = { readonly part: 'map'; readonly read: ReadResult } | { readonly part: 'boxes'; readonly boxes?: BoxesByLanguage };

export interface OpenedFile {
  readonly read: ReadResult;
  /** The boxes of the map read, when one was. */
  readonly boxes?: BoxesByLanguage;
}

/**
 * Below this a file is read on the page: starting a worker costs more than reading it (the seed
 * map, 55 kB, reads in a few milliseconds). A 1,000-node map (220 kB) took 66 ms on the page.
 */
export const WORKER_MIN_BYTES = 64 * 1024;

export function readOpenedFile(bytes: Uint8Array): OpenedFile {
  const read = readMapBytes(bytes);
  return read.result.ok ? { read, boxes: measureLanguages(read.result.map) } : { read };
}

/** Reads in a worker where the page can start one, else (or when it fails to start) on the page. */
export function readFileBytes(bytes: Uint8Array): Promise<OpenedFile> {
  if (bytes.length < WORKER_MIN_BYTES || typeof Worker !== 'function') return Promise.resolve(readOpenedFile(bytes));
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    let read: ReadResult | undefined;
    worker.onmessage = ({ data }: MessageEvent<ReadReply>) => {
      if (data.part === 'map') {
        read = data.read;
        return;
      }
      worker.terminate();
      if (read) resolve({ read, ...(data.boxes ? { boxes: data.boxes } : {}) });
      else resolve(readOpenedFile(bytes));
    };
    worker.onerror = () => {
      worker.terminate();
      resolve(readOpenedFile(bytes));
    };
    worker.postMessage({ bytes } satisfies ReadRequest);
  });
}
