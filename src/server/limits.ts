/** What one server accepts; each limit, when reached, is a refusal with a reason, never a crash. */
export interface Limits {
  /** The largest WebSocket message (ws's maxPayload): larger ones close the socket with 1009. */
  readonly messageBytes: number;
  /** The largest map POST /api/rooms accepts. */
  readonly mapBytes: number;
  /** The largest room, as its encoded Yjs state. */
  readonly roomBytes: number;
  /** Rooms stored by one server. */
  readonly rooms: number;
  /** Messages per second per connection, sustained, and in a burst. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** New connections per IP address in a minute (@hocuspocus/extension-throttle); a burst over it bans the address for `banMinutes`. */
  readonly connectionsPerMinute: number;
  readonly banMinutes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  messageBytes: 5 * MB,
  mapBytes: 5 * MB,
  roomBytes: 20 * MB,
  rooms: 1000,
  messagesPerSecond: 100,
  messageBurst: 300,
  connectionsPerMinute: 120,
  banMinutes: 1,
};
