/** Adding nodes and changing what a node says, who says it, its kind and its tags. */
import * as Y from 'yjs';
import { type Actor, type ArgNode, type Bilingual, type Language, type NodeKind, type Point, type Quote } from '../../model.ts';
import { NODE_FIELD, nodeText, type Roots } from '../doc-schema.ts';
import { describe } from '../describe.ts';
import { actorRecord, nodeRecord } from '../write-records.ts';
import { hasVisibleText, LIMITS, schemaProblem, withoutBlankLanguages } from '../record-rules.ts';
import { nodeLinkProblem } from '../links.ts';
import { textSplice } from '../text-diff.ts';
import { chooseId, cleanBilingual, cleanText, elementMessage, isElementId, refuse, type Edit, type EditContext } from './edit.ts';
import { quoteForMessage } from '../../problems.ts';

export interface NewNode {
  readonly id?: string;
  readonly kind?: NodeKind;
  readonly text: Bilingual;
  readonly actor?: string;
  readonly quote?: Quote;
  readonly position?: Point;
  readonly tags?: readonly string[];
  readonly section?: string;
}

/** The node as the format writes it, for its schema definition. */
function nodeJson(node: ArgNode): unknown {
  return {
    id: node.id,
    kind: node.kind,
    text: { ...node.text },
    ...(node.actor !== undefined ? { actor: node.actor } : {}),
    ...(node.quote !== undefined ? { quote: { ...node.quote } } : {}),
    ...(node.position !== undefined ? { position: { ...node.position } } : {}),
    ...(node.tags !== undefined ? { tags: [...node.tags] } : {}),
    ...(node.section !== undefined ? { section: node.section } : {}),
  };
}

/** What is wrong with `node` in the map of `context`, as a refusal message. */
export function nodeProblem(context: EditContext, node: ArgNode): string | undefined {
  if (!hasVisibleText(node.text)) return elementMessage('node', node.id, 'a node needs text in at least one language');
  const schema = schemaProblem('node', nodeJson(node));
  if (schema !== undefined) return elementMessage('node', node.id, schema);
  const link = nodeLinkProblem(node, context.index.actors, context.index.sources);
  return link === undefined ? undefined : elementMessage('node', node.id, link);
}

/** A node from the caller's fields: texts cleaned, blank languages dropped, nothing else kept. */
export function buildNode(id: string, input: NewNode): ArgNode {
  return {
    id,
    kind: input.kind ?? 'claim',
    text: withoutBlankLanguages(cleanBilingual(input.text)),
    ...(input.actor !== undefined ? { actor: input.actor } : {}),
    ...(input.quote !== undefined ? { quote: { source: input.quote.source, text: cleanText(input.quote.text) } } : {}),
    ...(input.position !== undefined ? { position: { x: input.position.x, y: input.position.y } } : {}),
    ...(input.tags !== undefined ? { tags: input.tags.map(cleanText) } : {}),
    ...(input.section !== undefined ? { section: cleanText(input.section) } : {}),
  };
}

export function addNode(input: NewNode): Edit<{ readonly id: string }> {
  return (context) => {
    if (context.map.nodes.length >= LIMITS.nodes) return refuse(`a map holds at most ${LIMITS.nodes} nodes`);
    const chosen = chooseId(context, input.id, 'n', (id) => isElementId(context.index, id));
    if ('message' in chosen) return refuse(chosen.message);
    const node = buildNode(chosen.id, input);
    const problem = nodeProblem(context, node);
    if (problem !== undefined) return refuse(problem);
    const order = context.nextOrder('nodes');
    return {
      ok: true,
      description: describe.addNode(node.kind),
      result: { id: node.id },
      write: (roots) => roots.nodes.set(node.id, nodeRecord(node, order)),
    };
  };
}

function existingNode(context: EditContext, id: string): ArgNode | string {
  return context.index.nodes.get(id) ?? `there is no node ${quoteForMessage(id)}`;
}

/**
 * Sets a node's text in one language, as one splice of its Y.Text so concurrent typing merges.
 * A blank text removes the language, unless it is the only one: a node keeps some text.
 */
export function updateText(id: string, language: Language, value: string): Edit<void> {
  return (context) => {
    const node = existingNode(context, id);
    if (typeof node === 'string') return refuse(node);
    const text = cleanText(value);
    const next = withoutBlankLanguages({ ...node.text, [language]: text });
    const problem = nodeProblem(context, { ...node, text: next });
    if (problem !== undefined) return refuse(problem);
    const kept = next[language];
    return {
      ok: true,
      description: describe.editText(),
      result: undefined,
      gesture: { key: `text:${id}:${language}`, merge: 'pause' },
      write: (roots) => {
        const record = roots.nodes.get(id)!;
        const current = nodeText(record, language);
        if (kept === undefined) record.delete(language);
        else if (current === undefined) record.set(language, new Y.Text(kept));
        else {
          const splice = textSplice(current.toString(), kept);
          if (splice === undefined) return;
          if (splice.deleteCount > 0) current.delete(splice.index, splice.deleteCount);
          if (splice.insert.length > 0) current.insert(splice.index, splice.insert);
        }
      },
    };
  };
}

function setField(id: string, field: string, value: unknown): (roots: Roots) => void {
  return (roots) => {
    const record = roots.nodes.get(id)!;
    if (value === undefined) record.delete(field);
    else record.set(field, value);
  };
}

export function setKind(id: string, kind: NodeKind): Edit<void> {
  return (context) => {
    const node = existingNode(context, id);
    if (typeof node === 'string') return refuse(node);
    if (node.kind === kind) return refuse(`node ${quoteForMessage(id)} is already of kind ${kind}`);
    if (kind !== 'question') {
      const answers = context.map.edges.filter((edge) => edge.kind === 'answer' && edge.to === id).length;
      if (answers > 0) return refuse(`node ${quoteForMessage(id)} stays a question: ${answers} answer${answers === 1 ? '' : 's'} point to it`);
    }
    const problem = nodeProblem(context, { ...node, kind });
    if (problem !== undefined) return refuse(problem);
    return { ok: true, description: describe.setKind(kind), result: undefined, write: setField(id, NODE_FIELD.kind, kind) };
  };
}

export function setTags(id: string, tags: readonly string[]): Edit<void> {
  return (context) => {
    const node = existingNode(context, id);
    if (typeof node === 'string') return refuse(node);
    const cleaned = tags.map(cleanText);
    const next: ArgNode = { ...node, tags: cleaned };
    const problem = nodeProblem(context, next);
    if (problem !== undefined) return refuse(problem);
    return { ok: true, description: describe.setTags(), result: undefined, write: setField(id, NODE_FIELD.tags, cleaned.length > 0 ? cleaned : undefined) };
  };
}

export interface NewActor {
  readonly id?: string;
  readonly name: Bilingual;
  readonly affiliation?: Bilingual;
}

function buildActor(context: EditContext, input: NewActor): Actor | string {
  if (context.map.actors.length >= LIMITS.actors) return `a map holds at most ${LIMITS.actors} actors`;
  const chosen = chooseId(context, input.id, 'actor', (id) => context.index.actors.has(id));
  if ('message' in chosen) return chosen.message;
  const name = withoutBlankLanguages(cleanBilingual(input.name));
  const affiliation = input.affiliation === undefined ? undefined : withoutBlankLanguages(cleanBilingual(input.affiliation));
  const actor: Actor = { id: chosen.id, name, ...(affiliation !== undefined && hasVisibleText(affiliation) ? { affiliation } : {}) };
  if (!hasVisibleText(name)) return 'a speaker needs a name';
  const problem = schemaProblem('actor', { id: actor.id, name: { ...actor.name }, ...(actor.affiliation ? { affiliation: { ...actor.affiliation } } : {}) });
  return problem === undefined ? actor : elementMessage('actor', actor.id, problem);
}

export function createActor(input: NewActor): Edit<{ readonly id: string }> {
  return (context) => {
    const actor = buildActor(context, input);
    if (typeof actor === 'string') return refuse(actor);
    const order = context.nextOrder('actors');
    return { ok: true, description: describe.createActor(), result: { id: actor.id }, write: (roots) => roots.actors.set(actor.id, actorRecord(actor, order)) };
  };
}

/** Attributes a node to an actor, or to a new one made in the same step, or to nobody. */
export function setSpeaker(id: string, speaker: string | NewActor | undefined): Edit<{ readonly actor: string | undefined }> {
  return (context) => {
    const node = existingNode(context, id);
    if (typeof node === 'string') return refuse(node);
    let created: { actor: Actor; order: number } | undefined;
    let actorId: string | undefined;
    if (typeof speaker === 'object') {
      const actor = buildActor(context, speaker);
      if (typeof actor === 'string') return refuse(actor);
      created = { actor, order: context.nextOrder('actors') };
      actorId = actor.id;
    } else {
      actorId = speaker;
      if (actorId !== undefined && !context.index.actors.has(actorId)) return refuse(`there is no actor ${quoteForMessage(actorId)}`);
    }
    const setActor = setField(id, NODE_FIELD.actor, actorId);
    return {
      ok: true,
      description: describe.setSpeaker(),
      result: { actor: actorId },
      write: (roots) => {
        if (created !== undefined) roots.actors.set(created.actor.id, actorRecord(created.actor, created.order));
        setActor(roots);
      },
    };
  };
}
