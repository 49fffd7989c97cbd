/**
 * Who said what: the dialogue layer of AIF. A proposition (I-node) is anchored to the locution
 * (L-node) that asserted it through an illocution: L → YA → I. The speaker is the participant the
 * locution's person is (AIFdb's `locutions` and `participants` tables, as xAIF and OVA write
 * them), else the name the locution's text starts with; the speaker's words are the locution's
 * text after that name, and become the proposition's quote. A locution that names no one
 * attributes nothing: an actor is a named person, never a bare person id (AIFdb gives one id to
 * several named speakers, so an id alone says little).
 * An illocution anchored in a transition (TA → YA → I: Agreeing, Disagreeing, …) says who reacted
 * to a proposition, not who asserted it, so it names no speaker.
 */

import type { Source } from '../../model.ts';
import { isBlank } from '../../validate/sanitize.ts';
import type { AifGraph, AifNode } from './graph.ts';

/** The source every quote from the dialogue names: the locutions are the text quoted. */
export const DIALOGUE_SOURCE: Source = { id: 'aif-dialogue', title: { zh: '对话（AIF 话语）', en: 'The dialogue (AIF locutions)' } };

/** Longer "names" before " : " are sentences that happen to hold a colon, not speakers. */
const MAX_SPEAKER_NAME = 100;
/** A quote holds at most this many characters (the map schema's limit); a longer utterance is cut. */
const MAX_QUOTE = 10_000;
/** How argmap writes a locution: "Name : words", as AIFdb does. */
export const SPEAKER_SEPARATOR = ' : ';
/** Annotators' names before the speaker's, "Chris: Lisa Nandy : …" (QT30, US2016): a colon with no space before it. */
const ANNOTATOR_PREFIXES = /^(?:[^:\n]*\S:\s+)+/;
/** AraucariaDB: Speaker says 'words'. */
const SAYS = /^(\S[^'\n]*?) says '([\s\S]*)'$/;

export interface LocutionText {
  /** The name the text starts with, if it starts with one. */
  readonly speaker?: string;
  /** What was said: the text after the name, trimmed. */
  readonly words: string;
}

/** A name an actor can carry: something visible, on one line, not a sentence. */
function isName(name: string): boolean {
  return !isBlank(name) && name.length <= MAX_SPEAKER_NAME && !/[\r\n]/.test(name);
}

function isSpaceOrTab(character: string | undefined): boolean {
  return character === ' ' || character === '\t';
}

/**
 * Where "Name : words" (also "Name :words") separates the name: the first colon with a space or tab
 * before it, which sets a name apart from a sentence's colon. A scan, not a regular expression, so
 * a long run of spaces costs linear time.
 */
function nameSeparator(text: string): { readonly start: number; readonly end: number } | undefined {
  for (let colon = text.indexOf(':', 1); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    if (!isSpaceOrTab(text[colon - 1])) continue;
    let start = colon - 1;
    while (start > 0 && isSpaceOrTab(text[start - 1])) start -= 1;
    let end = colon + 1;
    while (end < text.length && isSpaceOrTab(text[end])) end += 1;
    return { start, end };
  }
  return undefined;
}

/** Reads an L-node's text: "Speaker : words", after annotators' prefixes, or "Speaker says 'words'". */
export function readLocutionText(text: string): LocutionText {
  const says = SAYS.exec(text.trim());
  if (says !== null && isName(says[1]!.trim())) return { speaker: says[1]!.trim(), words: says[2]!.trim() };
  const separator = nameSeparator(text);
  if (separator === undefined) return { words: text.trim() };
  const name = text.slice(0, separator.start).trim().replace(ANNOTATOR_PREFIXES, '').trim();
  if (!isName(name)) return { words: text.trim() };
  return { speaker: name, words: text.slice(separator.end).trim() };
}

/** Who asserted a proposition, in which words, at which locution. */
export interface Attribution {
  readonly speaker: string;
  readonly words: string;
  readonly locution: AifNode;
}

export interface Speaker {
  readonly name: string;
  /** The L-node it was first found at. */
  readonly locution: AifNode;
}

export interface Speakers {
  /** Every speaker of an anchored proposition, in the order first met. */
  readonly speakers: readonly Speaker[];
  /** Each anchored I-node's first attribution. */
  readonly attributionOf: ReadonlyMap<string, Attribution>;
}

/** What a locution says and who said it: the participant its person is, else the name in its text. */
function attribute(graph: AifGraph, locution: AifNode): Attribution | undefined {
  const { speaker: named, words } = readLocutionText(locution.text ?? '');
  const person = graph.personOf.get(locution.id);
  const participant = person === undefined ? undefined : graph.participants.get(person);
  const speaker = participant !== undefined && isName(participant) ? participant : named;
  // A quote of nothing visible would be refused by the map's checks: such a locution attributes nothing.
  if (speaker === undefined || isBlank(words)) return undefined;
  const quoted = Array.from(words);
  return { speaker, words: quoted.length > MAX_QUOTE ? quoted.slice(0, MAX_QUOTE).join('') : words, locution };
}

/** L-node → YA → I-node: who said each claim, and their words. */
export function findSpeakers(graph: AifGraph, claims: readonly AifNode[]): Speakers {
  const speakers: Speaker[] = [];
  const known = new Set<string>();
  const attributionOf = new Map<string, Attribution>();
  for (const claim of claims) {
    for (const anchor of graph.incoming.get(claim.id) ?? []) {
      if (graph.nodeById.get(anchor.from)?.type !== 'YA') continue;
      for (const said of graph.incoming.get(anchor.from) ?? []) {
        const locution = graph.nodeById.get(said.from)!;
        const attribution = locution.type === 'L' ? attribute(graph, locution) : undefined;
        if (attribution === undefined) continue;
        if (!attributionOf.has(claim.id)) attributionOf.set(claim.id, attribution);
        if (!known.has(attribution.speaker)) {
          known.add(attribution.speaker);
          speakers.push({ name: attribution.speaker, locution });
        }
      }
    }
  }
  return { speakers, attributionOf };
}
