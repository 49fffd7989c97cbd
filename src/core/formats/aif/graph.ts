/** Reading the AIF graph: nodes, links, locutions and participants, each checked and located. */

import { isJsonObject, jsonTypeOf, type JsonArray, type JsonObject, type JsonValue } from '../../json/parse-json.ts';
import { quoteForMessage, type ProblemCollector } from '../../problems.ts';
import { describeValue, member, readId } from './json.ts';
import { AIF_NODE_TYPES } from './vocabulary.ts';

export interface AifNode {
  readonly id: string;
  readonly type: string;
  readonly text: string | undefined;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface AifLink {
  readonly from: string;
  readonly to: string;
  readonly raw: JsonObject;
  readonly pointer: string;
}

export interface AifGraph {
  readonly nodes: readonly AifNode[];
  readonly nodeById: ReadonlyMap<string, AifNode>;
  readonly links: readonly AifLink[];
  readonly incoming: ReadonlyMap<string, readonly AifLink[]>;
  readonly outgoing: ReadonlyMap<string, readonly AifLink[]>;
  /** The person of each locution's node (the first locution of a node counts). */
  readonly personOf: ReadonlyMap<string, string>;
  /** xAIF participants: personID → "firstname surname". */
  readonly participants: ReadonlyMap<string, string>;
  readonly edgeIds: ReadonlySet<string>;
  /** Whether the file wrote its node ids, link ids and person ids as numbers. */
  readonly numeric: { readonly nodes: boolean; readonly links: boolean; readonly persons: boolean };
}

export function readGraph(aif: JsonObject, base: string, problems: ProblemCollector): AifGraph | undefined {
  const nodesValue = member(aif, 'nodes');
  const linksValue = member(aif, 'edges');
  if (!Array.isArray(nodesValue)) problems.error('an AIF file has an array "nodes"', { pointer: `${base}/nodes` });
  if (!Array.isArray(linksValue)) problems.error('an AIF file has an array "edges"', { pointer: `${base}/edges` });
  if (!Array.isArray(nodesValue) || !Array.isArray(linksValue)) return undefined;
  const numeric = { nodes: false, links: false, persons: false };

  const nodes: AifNode[] = [];
  const nodeById = new Map<string, AifNode>();
  // Every id a node has, with where it was first seen, also for nodes with other faults, so their
  // links are not reported as dangling too.
  const firstIdAt = new Map<string, { readonly value: JsonValue; readonly pointer: string }>();
  (nodesValue as JsonArray).forEach((raw, index) => {
    const pointer = `${base}/nodes/${index}`;
    if (!isJsonObject(raw)) {
      problems.error(`a node must be an object, not ${jsonTypeOf(raw)}`, { pointer });
      return;
    }
    const idValue = member(raw, 'nodeID');
    const id = readId(idValue);
    if (idValue === undefined || id === undefined) {
      const message = idValue === undefined ? 'the node has no nodeID' : `nodeID must be a non-empty string or a whole number, not ${describeValue(idValue)}`;
      problems.error(message, { pointer: idValue === undefined ? pointer : `${pointer}/nodeID` });
      return;
    }
    if (typeof idValue === 'number') numeric.nodes = true;
    const first = firstIdAt.get(id);
    if (first !== undefined) {
      const message = typeof first.value === typeof idValue
        ? `duplicate node id ${quoteForMessage(id)} (first at ${first.pointer})`
        : `node id ${describeValue(idValue)} collides with ${describeValue(first.value)} at ${first.pointer}: argmap reads both as ${quoteForMessage(id)}`;
      problems.error(message, { pointer: `${pointer}/nodeID`, id });
      return;
    }
    firstIdAt.set(id, { value: idValue, pointer: `${pointer}/nodeID` });
    const type = member(raw, 'type');
    const text = member(raw, 'text');
    if (typeof type !== 'string') {
      problems.error(type === undefined ? `node ${quoteForMessage(id)} has no type` : `type must be a string, not ${jsonTypeOf(type)}`, { pointer: `${pointer}/type`, id });
      return;
    }
    if (text !== undefined && typeof text !== 'string') {
      problems.error(`text must be a string, not ${jsonTypeOf(text)}`, { pointer: `${pointer}/text`, id });
      return;
    }
    if (type === 'I' && text === undefined) {
      problems.error(`I-node ${quoteForMessage(id)} has no text`, { pointer, id });
      return;
    }
    if (!AIF_NODE_TYPES.has(type)) {
      problems.warning(`node ${quoteForMessage(id)} has the type ${quoteForMessage(type)}, which AIF does not define; it is kept as it is`, { pointer: `${pointer}/type`, id });
    }
    const node: AifNode = { id, type, text, raw, pointer };
    nodes.push(node);
    nodeById.set(id, node);
  });

  const links: AifLink[] = [];
  const incoming = new Map<string, AifLink[]>();
  const outgoing = new Map<string, AifLink[]>();
  const edgeIds = new Set<string>();
  (linksValue as JsonArray).forEach((raw, index) => {
    const pointer = `${base}/edges/${index}`;
    if (!isJsonObject(raw)) {
      problems.error(`an edge must be an object, not ${jsonTypeOf(raw)}`, { pointer });
      return;
    }
    const edgeIdValue = member(raw, 'edgeID');
    const edgeId = readId(edgeIdValue);
    if (edgeId !== undefined) edgeIds.add(edgeId);
    if (typeof edgeIdValue === 'number') numeric.links = true;
    const ends = (['fromID', 'toID'] as const).map((field) => {
      const value = member(raw, field);
      const id = readId(value);
      if (value === undefined) problems.error(`the edge has no ${field}`, { pointer });
      else if (id === undefined) problems.error(`${field} must be a non-empty string or a whole number, not ${describeValue(value)}`, { pointer: `${pointer}/${field}` });
      else if (!firstIdAt.has(id)) problems.error(`${field} ${quoteForMessage(id)} names no node`, { pointer: `${pointer}/${field}`, id });
      return id;
    });
    const [from, to] = ends;
    if (from === undefined || to === undefined || !nodeById.has(from) || !nodeById.has(to)) return;
    const link: AifLink = { from, to, raw, pointer };
    links.push(link);
    appendTo(outgoing, from, link);
    appendTo(incoming, to, link);
  });

  const personOf = readLocutions(member(aif, 'locutions'), `${base}/locutions`, firstIdAt, numeric, problems);
  const participants = readParticipants(member(aif, 'participants'), `${base}/participants`, problems);
  return { nodes, nodeById, links, incoming, outgoing, personOf, participants, edgeIds, numeric };
}

function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

/** Locutions only name speakers; malformed ones are kept for writing back but name no one. */
function readLocutions(
  value: JsonValue | undefined, pointer: string, nodeIds: ReadonlyMap<string, unknown>,
  numeric: { persons: boolean }, problems: ProblemCollector,
): Map<string, string> {
  const personOf = new Map<string, string>();
  if (value === undefined || value === null) return personOf;
  if (!Array.isArray(value)) {
    problems.error(`locutions must be an array, not ${jsonTypeOf(value)}`, { pointer });
    return personOf;
  }
  const elsewhere: number[] = [];
  (value as JsonArray).forEach((raw, index) => {
    const nodeId = isJsonObject(raw) ? readId(member(raw, 'nodeID')) : undefined;
    if (!isJsonObject(raw) || nodeId === undefined) {
      problems.warning('a locution without a nodeID names no speaker; it is kept as it is', { pointer: `${pointer}/${index}` });
      return;
    }
    if (!nodeIds.has(nodeId)) elsewhere.push(index);
    const personValue = member(raw, 'personID');
    const person = readId(personValue);
    if (typeof personValue === 'number') numeric.persons = true;
    if (person !== undefined && !personOf.has(nodeId)) personOf.set(nodeId, person);
  });
  const [first] = elsewhere;
  if (first !== undefined) {
    const count = elsewhere.length;
    problems.warning(`${count} locution${count === 1 ? ' names a node' : 's name nodes'} not in the file; kept as they are`, { pointer: `${pointer}/${first}` });
  }
  return personOf;
}

function readParticipants(value: JsonValue | undefined, pointer: string, problems: ProblemCollector): Map<string, string> {
  const names = new Map<string, string>();
  if (value === undefined || value === null) return names;
  if (!Array.isArray(value)) {
    problems.warning(`participants must be an array, not ${jsonTypeOf(value)}; they name no speaker`, { pointer });
    return names;
  }
  (value as JsonArray).forEach((raw, index) => {
    const id = isJsonObject(raw) ? readId(member(raw, 'participantID')) : undefined;
    if (!isJsonObject(raw) || id === undefined) {
      problems.warning('a participant without a participantID names no speaker', { pointer: `${pointer}/${index}` });
      return;
    }
    const name = ['firstname', 'surname'].map((field) => member(raw, field)).filter((part) => typeof part === 'string').join(' ').trim();
    if (name !== '' && !names.has(id)) names.set(id, name);
  });
  return names;
}
