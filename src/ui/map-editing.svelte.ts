/**
 * What a person is in the middle of on the map: a new node being written where they double-clicked
 * (or at the view's centre, with N), a node's text being edited in place, a connection being
 * dragged or picked with the arrow keys, and the chooser of its kind. The map's renderer and the
 * editing overlay share it; the edits themselves go through the session's Authoring. It stays small
 * and free of the document code: it is part of the app's first chunk.
 */
import type { NodeKind, Point } from '../core/model.ts';
import { madeAuthoring } from './editing.ts';
import { t } from './i18n.ts';
import { localActivity } from './local-activity.svelte.ts';
import type { MapSession } from './map-session.svelte.ts';

/** The kinds the chooser offers; an undercut is made by dropping on an edge's middle. */
export const CONNECT_KINDS = ['support', 'attack', 'answer', 'rephrase'] as const;
export type ConnectKind = (typeof CONNECT_KINDS)[number];

export interface Connecting {
  readonly from: string;
  /** Dragged from the connector handle, or picked with the arrow keys after C. */
  readonly by: 'pointer' | 'keys';
  /** The node the connection would go to now. */
  readonly target?: string;
  /** While dragging: the pointer, in map coordinates. */
  readonly pointer?: Point;
  /** While dragging over an edge's middle: that edge, which the connection would undercut. */
  readonly undercut?: string;
}

export interface Choosing {
  readonly from: string;
  readonly to: string;
  /** Where the chooser opens, in map coordinates. */
  readonly at: Point;
  readonly by: 'pointer' | 'keys';
}

export class MapEditing {
  readonly session: MapSession;
  /** A new node being written, at this map point. */
  draft = $state.raw<Point | undefined>(undefined);
  /** The node whose text is being edited in place. */
  editingText = $state.raw<string | undefined>(undefined);
  /**
   * The text being written (a new node's, or the edited node's) and a new node's kind. They live
   * here, not in the editor: an edit from elsewhere redraws the map and its editor, and what was
   * typed must survive that.
   */
  text = $state('');
  kind = $state.raw<NodeKind>('claim');
  connecting = $state.raw<Connecting | undefined>(undefined);
  choosing = $state.raw<Choosing | undefined>(undefined);
  /** The kind the chooser offers first: the one used last. */
  lastKind = $state.raw<ConnectKind>('support');
  /** Why the last edit made here was refused, shown beside the map until the next gesture. */
  refusal = $state.raw<string | undefined>(undefined);
  /** What keyboard connecting says about its target, for its aria-live region. */
  targetNotice = $state('');
  /** Whether any of this has been started: the overlay loads with the first use. */
  used = $state.raw(false);
  /**
   * While the map's connect layer is on screen (it loads after the map draws): takes a key pressed
   * while connecting by keys, and says whether it did.
   */
  connectKeys: ((event: KeyboardEvent) => boolean) | undefined = undefined;
  /** The map point at the centre of the view, when a view that edits is on screen. */
  viewCentre: () => Point | undefined = () => undefined;
  /**
   * The node drawn under a point of the page (client coordinates), as the renderer on screen tells
   * it: the canvas has no element per node, and its hit index is the one answer (`answerNodeAt`).
   */
  nodeAt: (clientX: number, clientY: number) => string | undefined = noNode;

  constructor(session: MapSession) {
    this.session = session;
  }

  /** Starts a gesture, unless the map is a room's opened by a view link: that is said, and nothing opens. */
  #start(): boolean {
    const authoring = madeAuthoring(this.session);
    this.used = true;
    if (authoring?.readOnly === true) {
      this.cancel();
      this.refusal = authoring.refuseReadOnly().message;
      return false;
    }
    this.refusal = undefined;
    this.cancel();
    return true;
  }

  /** Opens the new-node editor at a map point. */
  addAt(at: Point): void {
    if (!this.#start()) return;
    this.text = '';
    this.kind = 'claim';
    this.draft = { x: at.x, y: at.y };
  }

  /** Opens the new-node editor at the centre of the view; false when no editing view is on screen. */
  addAtCentre(): boolean {
    const centre = this.viewCentre();
    if (centre === undefined) return false;
    this.addAt(centre);
    return true;
  }

  editText(id: string): void {
    const node = this.session.index.nodes.get(id);
    if (node === undefined || !this.#start()) return;
    this.session.select(id);
    this.text = node.text[this.session.language] ?? '';
    this.editingText = id;
    localActivity.typingIn = id;
  }

  /**
   * Releases a pinned node (Alt+double-click): the layout lets it settle at once, and a place the
   * document holds for it is dropped in one undoable edit.
   */
  release(id: string, layout: { release(id: string): void }): void {
    layout.release(id);
    if (this.session.index.nodes.get(id)?.position !== undefined) void import('./map-edit-actions.ts').then(({ unpin }) => unpin(this, id));
  }

  /**
   * A double-click on the map, as both renderers take it: on the background (`at`, a map point)
   * it adds a node there; on a node it opens its text in place, or with Alt releases it. A map
   * that is not editable only lets a node go in its layout.
   */
  doubleClick(hit: { readonly id: string } | { readonly at: Point }, { editable, altKey, layout }: { editable: boolean; altKey: boolean; layout: { release(id: string): void } }): void {
    if (!('id' in hit)) {
      if (editable) this.addAt(hit.at);
    } else if (!editable) layout.release(hit.id);
    else if (altKey) this.release(hit.id, layout);
    else this.editText(hit.id);
  }

  /** The renderer on screen answers `nodeAt` until the returned function is called. */
  answerNodeAt(nodeAt: (clientX: number, clientY: number) => string | undefined): () => void {
    this.nodeAt = nodeAt;
    return () => {
      if (this.nodeAt === nodeAt) this.nodeAt = noNode;
    };
  }

  startConnect(from: string, by: Connecting['by']): void {
    if (!this.#start()) return;
    this.connecting = { from, by };
  }

  /** Ends whatever is under way, without an edit. */
  cancel(): void {
    if (this.editingText !== undefined && localActivity.typingIn === this.editingText) localActivity.typingIn = undefined;
    this.draft = undefined;
    this.editingText = undefined;
    this.connecting = undefined;
    this.choosing = undefined;
    this.targetNotice = '';
  }

  /**
   * A key pressed on a drawn node: C starts connecting from it, F2 (or Enter on the selected
   * node) edits its text; while connecting by keys, `connectKeys` takes the arrows, Enter and
   * Escape. True when the key was taken (it then goes no further).
   */
  nodeKey(event: KeyboardEvent, id: string): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    if (this.connecting?.by === 'keys') {
      if (!this.connectKeys?.(event)) return false;
    } else if ((event.key === 'c' || event.key === 'C') && this.connectKeys !== undefined) {
      this.session.select(id);
      this.startConnect(id, 'keys');
      if (this.connecting === undefined) return false;
      this.targetNotice = t('connectStart', this.session.language);
    } else if (event.key === 'F2' || (event.key === 'Enter' && this.session.selectedId === id)) this.editText(id);
    else return false;
    taken(event);
    return true;
  }
}

const noNode = (): undefined => undefined;

function taken(event: KeyboardEvent): void {
  event.preventDefault();
  event.stopPropagation();
}

const bySession = new WeakMap<MapSession, MapEditing>();

/** The session's one editing-gesture state, shared by its map view, its overlay and the editing bar. */
export function mapEditingOf(session: MapSession): MapEditing {
  let editing = bySession.get(session);
  if (editing === undefined) {
    editing = new MapEditing(session);
    bySession.set(session, editing);
  }
  return editing;
}
