/**
 * Who says a node: nobody, an actor of the map, or a new actor typed in with a name and an
 * affiliation. The speaker pickers of the inspector and the Source tab hold one of these, and
 * the edit takes what `speakerOf` makes of it.
 */
import type { NewActor } from '../core/document/index.ts';
import type { Language } from '../core/model.ts';

export type SpeakerChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'actor'; readonly id: string }
  | { readonly kind: 'new'; readonly name: string; readonly affiliation: string };

export function choiceOf(actorId: string | undefined): SpeakerChoice {
  return actorId === undefined ? { kind: 'none' } : { kind: 'actor', id: actorId };
}

/**
 * What setSpeaker and addNode take: an actor id, a new actor named in the reading language (an
 * affiliation left blank is left out), or undefined for nobody. A new actor without a name is
 * passed on as it is: the document refuses it with its own message.
 */
export function speakerOf(choice: SpeakerChoice, language: Language): string | NewActor | undefined {
  if (choice.kind === 'none') return undefined;
  if (choice.kind === 'actor') return choice.id;
  const affiliation = choice.affiliation.trim();
  return { name: { [language]: choice.name.trim() }, ...(affiliation === '' ? {} : { affiliation: { [language]: affiliation } }) };
}

/** The picker's option value of a choice; actor ids can be any text, so they carry a prefix. */
export function optionValue(choice: SpeakerChoice): string {
  return choice.kind === 'actor' ? `actor:${choice.id}` : choice.kind;
}

export function choiceFromOption(value: string, previous: SpeakerChoice): SpeakerChoice {
  if (value.startsWith('actor:')) return { kind: 'actor', id: value.slice('actor:'.length) };
  if (value === 'new') return previous.kind === 'new' ? previous : { kind: 'new', name: '', affiliation: '' };
  return { kind: 'none' };
}
