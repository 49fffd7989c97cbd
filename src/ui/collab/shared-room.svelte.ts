/**
 * The shared room the page is in, opened from a room link: its document room (the Yjs document,
 * autosaved here too, so changes made offline survive a reload) connected to the server, and
 * handed to the session's Authoring, so every edit takes the one editing path. A link the server
 * refuses leaves the map on screen as it was, and says why; a change the server refuses brings
 * the room back from the server's copy.
 */
import { deleteRecentMap } from '../document-recent.ts';
import { DocumentRoom } from '../document-room.ts';
import { authoringOf } from '../editing.ts';
import { t } from '../i18n-later.ts';
import type { MapSession } from '../map-session.svelte.ts';
import { RoomConnection, type ConnectionOptions, type Refusal } from './connection.svelte.ts';
import { collaborationUrl, roleOf, type RoomLink } from './room-link.ts';

/** Where the connection goes and through what: the page's own server, WebSocket and window by default. */
export type ConnectionPlace = Partial<Pick<ConnectionOptions, 'url' | 'webSocket' | 'window'>>;

export type RoomPhase = 'joining' | 'open' | 'refused' | 'left';

/** How long a busy server is given before this client joins again. */
const BUSY_WAIT_MS = 3000;

const LINK_REASONS: Readonly<Record<string, Parameters<typeof t>[0]>> = {
  'invalid-link': 'roomInvalidLink',
  'revoked-link': 'roomRevokedLink',
  'no-room': 'roomMissing',
};

function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && typeof (value as Refusal).reason === 'string' && typeof (value as Refusal).kind === 'string';
}

export class SharedRoom {
  readonly session: MapSession;
  /** The link the room was opened with; after Revoke, the new edit link. */
  link = $state.raw<RoomLink>() as RoomLink;
  phase = $state<RoomPhase>('joining');
  /** The connection, once made (while joining, too: its status shows). */
  connection = $state.raw<RoomConnection | undefined>(undefined);
  /** What the page says about the room beside its status: a refusal and what happened next. */
  notice = $state<string | undefined>(undefined);
  /** The session's generation showing the room's map; another map opened after it leaves the room. */
  generation = -1;
  readonly #onLinkChange: (link: RoomLink | undefined) => void;
  /** The server's address, WebSocket class and window; the page's own by default (tests in Node give theirs). */
  readonly #connectionOptions: ConnectionPlace;
  #busyTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(session: MapSession, link: RoomLink, onLinkChange: (link: RoomLink | undefined) => void, connectionOptions: ConnectionPlace = {}) {
    this.session = session;
    this.link = link;
    this.#onLinkChange = onLinkChange;
    this.#connectionOptions = connectionOptions;
  }

  get role(): 'edit' | 'view' {
    return roleOf(this.link);
  }

  /** The autosave key of the room in this browser; a viewer's copy is kept apart from an editor's. */
  get key(): string {
    return `room:${this.link.room}:${this.role}`;
  }

  /**
   * Opens the room: this browser's copy first when it has one (then the server's changes merge
   * in), else once the server's copy is in. `fresh` forgets this browser's copy first.
   */
  async join(fresh = false): Promise<void> {
    const session = this.session;
    const authoring = await authoringOf(session);
    if (fresh) await deleteRecentMap(this.key);
    this.phase = 'joining';
    const ticket = session.takeTicket(t('roomJoining', session.language));
    let room: DocumentRoom;
    try {
      room = await DocumentRoom.open(this.key, undefined, {
        connect: async (doc, awareness, restored) => {
          const connection = new RoomConnection({
            ...this.#connectionOptions,
            url: this.#connectionOptions.url ?? collaborationUrl(),
            room: this.link.room,
            token: () => this.link.token,
            role: this.role,
            doc,
            awareness,
            onRefused: (refusal) => void this.#refused(refusal),
          });
          this.connection = connection;
          if (!restored) {
            await connection.synced.catch((refusal: unknown) => {
              connection.destroy();
              throw refusal;
            });
          }
          // This browser's copy shows at once; a refusal before the server's copy comes in counts as one after.
          else connection.synced.catch((refusal: unknown) => isRefusal(refusal) && void this.#refused(refusal));
          return connection;
        },
      });
    } catch (error) {
      session.release(ticket);
      this.connection = undefined;
      this.phase = 'refused';
      session.refuseLink(t('shareTitle', session.language), t('roomRefused', session.language, { reason: this.#describe(error) }));
      this.#onLinkChange(undefined);
      return;
    }
    const map = room.document.map;
    if (!session.receive(`shared-${this.link.room.slice(0, 8)}.json`, { ok: true, map, warnings: [] }, undefined, undefined, ticket)) {
      // Another map was opened meanwhile: it stays, and the page leaves the room.
      await room.close();
      this.leave();
      return;
    }
    session.dismissProblems();
    this.generation = session.generation;
    this.phase = 'open';
    await authoring.adopt(room);
  }

  /** The editor's new link after Revoke: reconnections and the address use it. */
  replaceLink(link: RoomLink): void {
    this.link = link;
    this.#onLinkChange(link);
  }

  /**
   * Leaves the room (another map was opened): the connection ends now (the Authoring closes the
   * rest of the room when it next opens one), and the address forgets the link.
   */
  leave(): void {
    clearTimeout(this.#busyTimer);
    this.phase = 'left';
    this.connection?.destroy();
    this.connection = undefined;
    this.#onLinkChange(undefined);
  }

  async #refused(refusal: Refusal): Promise<void> {
    const language = this.session.language;
    if (refusal.kind === 'link') {
      // The map stays as it is, edits stay in this browser; a new link opens the room again.
      this.notice = t('linkLost', language, { reason: this.#describe(refusal) });
      return;
    }
    const authoring = await authoringOf(this.session);
    if (refusal.kind === 'busy') {
      this.notice = t('roomBusy', language, { reason: refusal.reason });
      await authoring.close();
      this.#busyTimer = setTimeout(() => void this.join(), BUSY_WAIT_MS);
      return;
    }
    // The change the server refused is in this browser's copy: it goes, and the room's valid map comes back.
    this.notice = t('changeRefused', language, { reason: refusal.reason });
    await authoring.close();
    await this.join(true);
  }

  #describe(error: unknown): string {
    const language = this.session.language;
    if (!isRefusal(error)) return error instanceof Error ? error.message : String(error);
    const known = LINK_REASONS[error.reason.split(':')[0] ?? ''];
    return known === undefined ? error.reason : t(known, language);
  }
}
