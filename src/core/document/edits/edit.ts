/**
 * The one path of every change: an edit looks at the current map, and either refuses with a
 * message (nothing is written) or returns what it will write. MapDocument then writes it in one
 * transaction whose origin carries the edit's description, so undo can say what it undoes.
 */
import type * as Y from 'yjs';
import { LANGUAGES, type ArgMap, type Bilingual, type MapIndex } from '../../model.ts';
import { ProblemCollector, quoteForMessage } from '../../problems.ts';
import { sanitizeText } from '../../validate/sanitize.ts';
import type { Roots, RecordKind } from '../doc-schema.ts';
import type { Description } from '../describe.ts';
import { LIMITS } from '../record-rules.ts';

/** How consecutive edits of one gesture become one undo step. */
export interface Gesture {
  /** Edits with the same key merge: typing in one text, one drag. */
  readonly key: string;
  /** 'pause': merge until the person pauses (typing); 'always': until the gesture ends (a drag). */
  readonly merge: 'pause' | 'always';
}

export interface EditContext {
  readonly map: ArgMap;
  readonly index: MapIndex;
  readonly roots: Roots;
  /** The next unused order of a collection: appends go last. */
  nextOrder(kind: RecordKind): number;
  /** A new id for a node, edge or actor, unused in the map and unlikely to be drawn by another replica. */
  newId(prefix: string, taken: (id: string) => boolean): string;
}

export type Planned<R> =
  | { readonly ok: false; readonly message: string }
  | { readonly ok: true; readonly description: Description; readonly write: (roots: Roots) => void; readonly result: R; readonly gesture?: Gesture };

export type Edit<R = unknown> = (context: EditContext) => Planned<R>;

export type EditResult<R> = { readonly ok: true; readonly result: R; readonly description: Description } | { readonly ok: false; readonly message: string };

/** The origin of an edit's transaction; undo tracks this class. */
export class LocalEdit {
  constructor(readonly description: Description, readonly gesture: Gesture | undefined) {}
}

export function refuse(message: string): Planned<never> {
  return { ok: false, message };
}

export function contextFor(map: ArgMap, index: MapIndex, roots: Roots, doc: Y.Doc, lastOrder: (kind: RecordKind) => number): EditContext {
  let drawn = 0;
  return {
    map,
    index,
    roots,
    nextOrder: (kind) => lastOrder(kind) + 1,
    newId(prefix, taken) {
      // The replica's client id keeps two tabs' new ids apart; the clock keeps one tab's apart across sessions.
      const base = `${prefix}-${doc.clientID.toString(36)}`;
      for (;;) {
        drawn += 1;
        const id = `${base}-${(Date.now() % 1_000_000_000).toString(36)}${drawn.toString(36)}`;
        if (!taken(id)) return id;
      }
    },
  };
}

/** Whether `id` names a node or an edge (they share one namespace). */
export function isElementId(index: MapIndex, id: string): boolean {
  return index.nodes.has(id) || index.edges.has(id);
}

const discarded = new ProblemCollector(undefined, 0);

/** Text as the loader keeps it: line breaks as `\n`, tabs as spaces, no control characters. */
export function cleanText(text: string): string {
  return sanitizeText(text, '', discarded);
}

export function cleanBilingual(text: Bilingual): Bilingual {
  const clean: { zh?: string; en?: string } = {};
  for (const language of LANGUAGES) {
    const value = text[language];
    if (value !== undefined) clean[language] = cleanText(value);
  }
  return clean;
}

/** A refusal naming the element: `node "n1": text/en: is longer than the limit of 10000 characters`. */
export function elementMessage(what: string, id: string, problem: string): string {
  return `${what} ${quoteForMessage(id)}: ${problem}`;
}

/** The id a caller asked for, or a new one; refused when the asked id is taken or too long. */
export function chooseId(context: EditContext, wanted: string | undefined, prefix: string, taken: (id: string) => boolean): { id: string } | { message: string } {
  if (wanted === undefined) return { id: context.newId(prefix, taken) };
  if (wanted.length === 0 || wanted.length > LIMITS.id) return { message: `an id has 1 to ${LIMITS.id} characters` };
  if (cleanText(wanted) !== wanted) return { message: `the id ${quoteForMessage(wanted)} holds control characters` };
  if (taken(wanted)) return { message: `duplicate id ${quoteForMessage(wanted)}` };
  return { id: wanted };
}
