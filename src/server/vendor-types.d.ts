/**
 * The parts of better-sqlite3 and ws that argmap uses, typed here: their @types packages are not
 * installed (adding them means an npm install, which this project does only with a reason).
 */
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement {
      run(...parameters: unknown[]): { changes: number; lastInsertRowid: number | bigint };
      get(...parameters: unknown[]): unknown;
      all(...parameters: unknown[]): unknown[];
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      /** Runs `fn` in a transaction; `.immediate(…)` takes the write lock at its start. */
      transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F };
      close(): this;
    }
  }
  const Database: new (filename: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Database.Database;
  export default Database;
}

declare module 'ws' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage } from 'node:http';
  import type { Duplex } from 'node:stream';

  class WebSocket extends EventEmitter {
    static readonly CONNECTING: 0;
    static readonly OPEN: 1;
    static readonly CLOSING: 2;
    static readonly CLOSED: 3;
    constructor(address: string, options?: { headers?: Record<string, string>; maxPayload?: number });
    readonly readyState: 0 | 1 | 2 | 3;
    binaryType: string;
    send(data: Uint8Array | string, callback?: (error?: Error) => void): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
  }
  export class WebSocketServer extends EventEmitter {
    constructor(options: { noServer?: boolean; maxPayload?: number });
    readonly clients: Set<WebSocket>;
    handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, callback: (websocket: WebSocket, request: IncomingMessage) => void): void;
    close(callback?: (error?: Error) => void): void;
  }
  export interface ServerOptions {
    maxPayload?: number;
  }
  export interface AddressInfo {
    address: string;
    family: string;
    port: number;
  }
  export { WebSocket };
  export default WebSocket;
}
