/**
 * The Hocuspocus extension that makes a room an argmap room: links decide who may join and as
 * what, every incoming change is judged before Hocuspocus applies it, every accepted change is on
 * disk before Hocuspocus acknowledges it, and each join, leave and refusal is one log line.
 */
import type {
  Connection,
  Extension,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkToken, type Role } from './links.ts';
import { RoomGuard } from './room-guard.ts';
import type { RoomStore } from './room-store.ts';
import type { Limits } from './limits.ts';

/** y-protocols message numbers, as Hocuspocus frames them. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Close codes in the range the WebSocket standard leaves to applications. */
export const CLOSE_CODE = { refused: 4400, forbidden: 4403, rateLimited: 4429 } as const;

/** A room id as logged: enough to tell rooms apart, not enough to find one. */
export const shortRoom = (room: string): string => room.slice(0, 8);

interface RoomRuntime {
  readonly guard: RoomGuard;
  readonly persist: (update: Uint8Array) => void;
}

/** A per-connection token bucket. */
class MessageBudget {
  #tokens: number;
  #last = Date.now();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.#tokens = burst;
  }
  take(): boolean {
    const now = Date.now();
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

/** A client's presence state as an awareness update carries it. */
interface PresenceState {
  readonly client: number;
  readonly clock: number;
  readonly state: unknown;
}

/** What a message carries that the room judges: a document update, or presence states. */
type Carried = { readonly update: Uint8Array } | { readonly presence: readonly PresenceState[] } | undefined;

function carried(message: Uint8Array): Carried {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_AWARENESS) return { presence: presenceStates(decoding.readVarUint8Array(decoder)) };
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return undefined;
  const step = decoding.readVarUint(decoder);
  return step === SYNC_STEP_2 || step === SYNC_UPDATE ? { update: decoding.readVarUint8Array(decoder) } : undefined;
}

/** The states of a y-protocols awareness update: count, then clientID, clock and JSON state each. */
function presenceStates(update: Uint8Array): PresenceState[] {
  const decoder = decoding.createDecoder(update);
  const states: PresenceState[] = [];
  for (let count = decoding.readVarUint(decoder); count > 0; count -= 1) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    states.push({ client, clock, state: JSON.parse(decoding.readVarString(decoder)) as unknown });
  }
  return states;
}

/**
 * Whether a viewer's presence would make it a presenter: a state that presents and is news to the
 * room. Providers relay every presence they hear, the presenter's too; a relay carries a clock the
 * room already has, and changes nothing.
 */
function presentsAnew(entry: PresenceState, room: Awareness): boolean {
  const { state } = entry;
  const presents = typeof state === 'object' && state !== null && 'presenting' in state && (state as { presenting: unknown }).presenting != null;
  return presents && entry.clock > (room.meta.get(entry.client)?.clock ?? -1);
}

export class RoomExtension implements Extension {
  readonly extensionName = 'argmap-rooms';
  readonly #rooms = new Map<string, RoomRuntime>();
  readonly #budgets = new WeakMap<Connection, MessageBudget>();
  #stopped = false;

  constructor(
    private readonly store: RoomStore,
    private readonly secret: Buffer,
    private readonly limits: Limits,
    private readonly log: (line: string) => void,
  ) {}

  async onAuthenticate({ token, documentName, connectionConfig, socketId }: onAuthenticatePayload): Promise<{ role: Role }> {
    const check = checkToken(this.secret, token, documentName, this.store.generation(documentName));
    if (!check.ok) {
      this.log(`refused room=${shortRoom(documentName)} socket=${socketId.slice(0, 8)} ${check.reason.split(':')[0]}`);
      // Hocuspocus sends `reason` to the provider's onAuthenticationFailed.
      throw { reason: check.reason };
    }
    connectionConfig.readOnly = check.role === 'view';
    return { role: check.role };
  }

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const stored = this.store.load(documentName);
    if (stored === undefined) throw { reason: 'no-room: this room does not exist on this server' };
    document.transact(() => {
      Y.applyUpdate(document, stored.state);
      for (const update of stored.updates) Y.applyUpdate(document, update);
    });
    // Registered after loading, and before Hocuspocus's own listener: each change is logged (and
    // synced to disk) before Hocuspocus broadcasts it and acknowledges it to its sender.
    const persist = (update: Uint8Array): void => this.store.append(documentName, update);
    document.on('update', persist);
    this.#rooms.set(documentName, { guard: new RoomGuard(document, this.limits.roomBytes), persist });
  }

  async connected({ documentName, connection, context }: connectedPayload): Promise<void> {
    this.#budgets.set(connection, new MessageBudget(this.limits.messagesPerSecond, this.limits.messageBurst));
    this.log(`join room=${shortRoom(documentName)} role=${(context as { role: Role }).role} clients=${connection.document.getConnectionsCount()}`);
  }

  async onDisconnect({ documentName, clientsCount, context }: onDisconnectPayload): Promise<void> {
    this.log(`leave room=${shortRoom(documentName)} role=${(context as { role?: Role }).role ?? '-'} clients=${clientsCount}`);
  }

  async beforeHandleMessage({ connection, update: message, documentName, document }: beforeHandleMessagePayload): Promise<void> {
    if (!(this.#budgets.get(connection)?.take() ?? true)) return this.#refuse(connection, documentName, CLOSE_CODE.rateLimited, `rate-limited: more than ${this.limits.messagesPerSecond} messages a second; reconnect in a moment`);
    let what: Carried;
    try {
      what = carried(message);
    } catch {
      return this.#refuse(connection, documentName, CLOSE_CODE.refused, 'invalid-message: the message could not be read');
    }
    if (what === undefined) return;
    if ('presence' in what) {
      // Presence is each client's own say, but a view link's audience may not drive the room's
      // presentation: every presenting device follows the newest presenter state it sees.
      if (connection.readOnly && what.presence.some((entry) => presentsAnew(entry, document.awareness))) return this.#refuse(connection, documentName, CLOSE_CODE.forbidden, 'read-only: a view link cannot present to the room');
      return;
    }
    const { update } = what;
    if (connection.readOnly) {
      // A viewer's first sync carries an empty diff; anything new is a write.
      if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
      return this.#refuse(connection, documentName, CLOSE_CODE.forbidden, 'read-only: a view link cannot change the map');
    }
    const room = this.#rooms.get(documentName);
    if (room === undefined) return this.#refuse(connection, documentName, CLOSE_CODE.refused, 'no-room: this room is not open');
    const verdict = room.guard.check(update);
    if (!verdict.ok) return this.#refuse(connection, documentName, CLOSE_CODE.refused, verdict.reason);
  }

  async onStoreDocument({ document, documentName }: onStoreDocumentPayload): Promise<void> {
    if (this.#stopped) return;
    try {
      this.store.compact(documentName, Y.encodeStateAsUpdate(document));
    } catch (error) {
      // Compacting only tidies: every accepted change is already in the log, so a failure (the
      // database busy for too long under other servers' writes) is logged and tried next time.
      this.log(`error room=${shortRoom(documentName)} compacting: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.#rooms.get(documentName)?.guard.destroy();
    this.#rooms.delete(documentName);
  }

  /** Compacts every open room and stops writing: the store may be closed after this. */
  flushAndStop(documents: ReadonlyMap<string, Y.Doc>): void {
    for (const [name, document] of documents) {
      const room = this.#rooms.get(name);
      if (room !== undefined) document.off('update', room.persist);
      this.store.compact(name, Y.encodeStateAsUpdate(document));
    }
    this.#stopped = true;
  }

  /**
   * Refuses a message: its connection is closed with the reason, and the message is never
   * handled. The promise stays pending on purpose: a rejected one would make Hocuspocus print the
   * whole error; this way the refusal is one log line.
   */
  #refuse(connection: Connection, documentName: string, code: number, reason: string): Promise<never> {
    this.log(`refused room=${shortRoom(documentName)} socket=${connection.socketId.slice(0, 8)} ${reason.split(':')[0]}`);
    connection.close({ code, reason });
    return new Promise<never>(() => {});
  }
}
