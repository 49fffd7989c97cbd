/**
 * The edits the map's gestures make, each through the session's Authoring (one edit, one undo
 * step, announced by it). A refusal is kept on the gesture state to be shown beside the map.
 * Loaded with the editing overlay, not with the app.
 */
import { authoringOf } from './editing.ts';
import type { ConnectKind, MapEditing } from './map-editing.svelte.ts';

/** How long to wait for a node the document has just made to be drawn, in frames. */
const DRAW_FRAMES = 60;

/** Moves the keyboard focus to a node once the map draws it (the next frames, as the layout places it). */
export function focusNodeWhenDrawn(id: string): void {
  let frames = 0;
  const attempt = () => {
    const drawn = [...document.querySelectorAll<SVGGElement>('svg.map g[data-node-id]')].find((element) => element.dataset['nodeId'] === id);
    // A canvas map has no element per node: the map itself takes the focus.
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.map');
    if (drawn !== undefined) drawn.focus();
    else if (canvas !== null) canvas.focus();
    else if ((frames += 1) < DRAW_FRAMES) requestAnimationFrame(attempt);
  };
  attempt();
}

/**
 * Adds the node being written, where it was placed: the editor closes at once, and opens again
 * with what was written when the edit is refused. The new node is selected and focused.
 */
export async function addDraft(editing: MapEditing): Promise<void> {
  const { draft: at, kind, text, session } = editing;
  if (at === undefined) return;
  editing.draft = undefined;
  const authoring = await authoringOf(session);
  const { addNode } = await authoring.core();
  const applied = await authoring.apply(addNode({ kind, text: { [session.language]: text }, position: { x: at.x, y: at.y } }));
  if (!applied.ok) {
    editing.addAt(at);
    editing.kind = kind;
    editing.text = text;
    editing.refusal = applied.message;
    return;
  }
  session.select(applied.result.id);
  focusNodeWhenDrawn(applied.result.id);
}

/**
 * Saves the text being edited in place, in the current language (one edit, one undo step), and
 * gives the node the focus back. A refused text opens the editor again with it.
 */
export async function saveText(editing: MapEditing): Promise<void> {
  const { editingText: id, text, session } = editing;
  if (id === undefined) return;
  editing.cancel();
  const current = session.index.nodes.get(id)?.text[session.language] ?? '';
  if (text !== current) {
    const authoring = await authoringOf(session);
    const { updateText } = await authoring.core();
    const applied = await authoring.apply(updateText(id, session.language, text));
    if (!applied.ok) {
      editing.editText(id);
      editing.text = text;
      editing.refusal = applied.message;
      return;
    }
  }
  focusNodeWhenDrawn(id);
}

/** Drops the place the document holds for a node, so the layout places it again. */
export async function unpin(editing: MapEditing, id: string): Promise<void> {
  const authoring = await authoringOf(editing.session);
  const { unpinNodes } = await authoring.core();
  const applied = await authoring.apply(unpinNodes([id]));
  editing.refusal = applied.ok ? undefined : applied.message;
}

/** Connects two nodes, or a node to an edge it undercuts; true when the edge was made. */
export async function connect(editing: MapEditing, from: string, to: string, kind: ConnectKind | 'undercut'): Promise<boolean> {
  const authoring = await authoringOf(editing.session);
  const { addEdge } = await authoring.core();
  const applied = await authoring.apply(addEdge({ from, to, kind }));
  editing.refusal = applied.ok ? undefined : applied.message;
  if (applied.ok && kind !== 'undercut') editing.lastKind = kind;
  return applied.ok;
}

/** Makes the connection the chooser was opened for, with the kind chosen; the focus goes back to where it started. */
export async function connectChosen(editing: MapEditing, kind: ConnectKind): Promise<void> {
  const choosing = editing.choosing;
  if (choosing === undefined) return;
  editing.cancel();
  await connect(editing, choosing.from, choosing.to, kind);
  focusNodeWhenDrawn(choosing.from);
}
