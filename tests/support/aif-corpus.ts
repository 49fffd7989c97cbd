/**
 * What every AIF corpus file must show, shared by the in-repository test (Moral Maze) and the
 * conformance suite (AraucariaDB, IAC, US2016, QT30, xAIF): the reading the mapping rules give,
 * counted here straight from the file without the importer; the file written back equal to itself;
 * `validate`, `stats` and `convert` agreeing through the CLI; actors that are named people.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { exportAif, importAif } from '../../src/core/formats/aif.ts';
import { formatProblem } from '../../src/core/problems.ts';

interface RawNode {
  nodeID: string | number;
  type: string;
  text?: string;
}

interface RawAif {
  nodes: RawNode[];
  edges: { fromID: string | number; toID: string | number }[];
  locutions?: { nodeID: string | number; personID?: string | number }[];
  participants?: { participantID: string | number; firstname?: string; surname?: string }[];
}

export interface Counts {
  nodes: number;
  support: number;
  attack: number;
  undercut: number;
  answer: number;
  rephrase: number;
  actors: number;
}

/**
 * The name a locution's text gives, by the rule the README states: "Name : words" (the colon with
 * a space before it), annotators' "Name: " before it dropped, or "Name says 'words'".
 */
function nameInText(text: string): string | undefined {
  const says = /^(\S[^'\n]*?) says '/.exec(text);
  const colon = text.search(/ +:/);
  const candidate = says?.[1] ?? (colon > 0 ? text.slice(0, colon).split(/(?<=\S):\s+/).at(-1) : undefined);
  const name = candidate?.trim();
  const words = says === null ? text.slice(colon).replace(/^ +: */, '') : 'said';
  return name !== undefined && name !== '' && name.length <= 100 && !/[\r\n]/.test(name) && words.trim() !== '' ? name : undefined;
}

/** The speakers of anchored propositions (L → YA → I), by the participants table, else by the text. */
export function speakersDirectly(aif: RawAif): Set<string> {
  const nodes = new Map(aif.nodes.map((node) => [String(node.nodeID), node]));
  const sources = new Map<string, string[]>();
  for (const edge of aif.edges) sources.set(String(edge.toID), [...(sources.get(String(edge.toID)) ?? []), String(edge.fromID)]);
  const personOf = new Map<string, string>();
  for (const locution of aif.locutions ?? []) {
    if (locution.personID !== undefined && !personOf.has(String(locution.nodeID))) personOf.set(String(locution.nodeID), String(locution.personID));
  }
  const participantName = new Map((aif.participants ?? []).map((participant) => [String(participant.participantID), [participant.firstname, participant.surname].filter((part) => typeof part === 'string').join(' ').trim()]));
  const speakers = new Set<string>();
  for (const [id, node] of nodes) {
    if (node.type !== 'I') continue;
    for (const anchor of (sources.get(id) ?? []).filter((source) => nodes.get(source)?.type === 'YA')) {
      for (const locution of (sources.get(anchor) ?? []).filter((source) => nodes.get(source)?.type === 'L')) {
        const person = personOf.get(locution);
        const text = nodes.get(locution)?.text ?? '';
        const speaker = (person === undefined ? undefined : participantName.get(person)) || nameInText(text.trim());
        if (speaker) speakers.add(speaker);
      }
    }
  }
  return speakers;
}

export function countDirectly(document: Record<string, unknown>): Counts {
  const aif = (document['AIF'] ?? document) as RawAif;
  const nodes = new Map(aif.nodes.map((node) => [String(node.nodeID), node]));
  const typeOf = (id: string) => nodes.get(id)?.type;
  const sources = new Map<string, string[]>();
  const targets = new Map<string, string[]>();
  for (const edge of aif.edges) {
    sources.set(String(edge.toID), [...(sources.get(String(edge.toID)) ?? []), String(edge.fromID)]);
    targets.set(String(edge.fromID), [...(targets.get(String(edge.fromID)) ?? []), String(edge.toID)]);
  }
  const propositionPremises = (id: string) => new Set((sources.get(id) ?? []).filter((source) => typeOf(source) === 'I'));
  /** What an S-node with an I-node premise and a single conclusion (not a premise of its own) concludes. */
  const conclusionOf = (id: string): string | undefined => {
    const premises = propositionPremises(id);
    const out = targets.get(id) ?? [];
    return premises.size > 0 && out.length === 1 && !premises.has(out[0]!) ? out[0] : undefined;
  };
  const counts: Counts = { nodes: 0, support: 0, attack: 0, undercut: 0, answer: 0, rephrase: 0, actors: 0 };
  for (const [id, node] of nodes) {
    if (node.type === 'I') counts.nodes += 1;
    const conclusion = conclusionOf(id);
    if (conclusion === undefined) continue;
    const premises = propositionPremises(id).size;
    const target = typeOf(conclusion);
    if (node.type === 'RA' && target === 'I') counts[node.text === 'argmap:answer' ? 'answer' : 'support'] += premises;
    if (node.type === 'MA' && target === 'I') counts.rephrase += premises;
    if (node.type === 'CA' && target === 'I') counts.attack += premises;
    // A CA on an RA undercuts a support; on a CA, an attack (both only when that S-node is drawn).
    const attacked = target === 'RA' || target === 'CA' ? conclusionOf(conclusion) : undefined;
    if (node.type === 'CA' && attacked !== undefined && typeOf(attacked) === 'I') counts.undercut += premises;
  }
  counts.actors = speakersDirectly(aif).size;
  return counts;
}

/** The file opens with the counts the mapping rules give and is written back unchanged. */
export function expectMappingAndRoundTrip(path: string): void {
  const text = readFileSync(path, 'utf8');
  const result = importAif(text);
  expect(result.map, result.problems.map((problem) => formatProblem(problem, basename(path))).join('\n')).toBeDefined();
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  const map = result.map!;
  const byKind = (kind: string) => map.edges.filter((edge) => edge.kind === kind).length;
  expect({
    nodes: map.nodes.length, support: byKind('support'), attack: byKind('attack'), undercut: byKind('undercut'),
    answer: byKind('answer'), rephrase: byKind('rephrase'), actors: map.actors.length,
  }).toEqual(countDirectly(JSON.parse(text) as Record<string, unknown>));
  expect(JSON.parse(exportAif(map))).toEqual(JSON.parse(text));
}

/** Actors are people named in the file (its locutions or participants), never "person 23"; each speaks in a quote. */
export function expectNamedActors(path: string): void {
  const text = readFileSync(path, 'utf8');
  const map = importAif(text).map!;
  for (const actor of map.actors) {
    expect(actor.id, 'an actor is a named person, not a person id').not.toMatch(/^person \d+$/);
    expect(text, `the actor ${actor.id} is named in the file`).toContain(JSON.stringify(actor.id).slice(1, -1));
  }
  for (const node of map.nodes) if (node.actor !== undefined) expect(node.quote, `node ${node.id} is attributed and quotes its words`).toBeDefined();
}

/** A CLI command run in this process; warnings (stderr) are not part of `out`. */
async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: { write: (chunk: string) => (out += chunk) }, err: { write: () => true } });
  return { code, out };
}

const directory = mkdtempSync(join(tmpdir(), 'argmap-aif-corpus-'));

/**
 * `argmap validate` exits 0 where `stats` and `convert` accept the file, and what they count and
 * write agrees: the converted argmap JSON validates and has the same stats.
 */
export async function expectCommandsAgree(path: string): Promise<void> {
  const validated = await run('validate', path);
  expect(validated.out.split('\n').filter((line) => line.includes(': error: ')), 'validate reports no error').toEqual([]);
  expect(validated.code).toBe(0);
  const stats = await run('stats', path);
  expect(stats.code, stats.out).toBe(0);
  const counted = JSON.parse(stats.out) as { format: string; nodes: number; edges: number; actors: number };
  expect(counted.format).toBe('aif-json');
  const converted = join(directory, `${basename(path, '.json')}.argmap.json`);
  expect((await run('convert', path, '-o', converted)).code).toBe(0);
  expect((await run('validate', converted)).code).toBe(0);
  const again = JSON.parse((await run('stats', converted)).out) as typeof counted;
  expect({ ...again, format: counted.format }).toEqual(counted);
}
