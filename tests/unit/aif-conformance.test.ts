/**
 * Every AIF file of the shared corpora opens, shows what the mapping rules say it should (counted
 * here straight from the file, without the importer), and is written back equal to itself.
 * The corpora live outside the project (their licences differ): CORPORA_DIR, or ../shared/corpora
 * beside the project. A missing folder fails the run, so a green run always means they were read.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAif, importAif } from '../../src/core/formats/aif.ts';
import { formatProblem } from '../../src/core/problems.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const CORPORA_DIR = resolve(PROJECT_ROOT, process.env['CORPORA_DIR'] ?? '../shared/corpora');
const FOLDERS = ['aif-arguebase', 'aif-qt30-dialam2024', 'aif-moralmaze-arguebuf', 'aif-xaif-argtech'] as const;

function jsonFiles(folder: string): string[] {
  const path = join(CORPORA_DIR, folder);
  return existsSync(path) ? readdirSync(path).filter((name) => name.endsWith('.json')).sort() : [];
}

const FILES = FOLDERS.flatMap((folder) => jsonFiles(folder).map((name) => `${folder}/${name}`));

// ---------------------------------------------------------------------------------------------
// The expected reading, from the mapping rules alone.

interface RawNode {
  nodeID: string | number;
  type: string;
  text?: string;
}

interface Counts {
  nodes: number;
  support: number;
  attack: number;
  undercut: number;
  answer: number;
  rephrase: number;
  actors: number;
}

function countDirectly(document: Record<string, unknown>): Counts {
  const aif = (document['AIF'] ?? document) as { nodes: RawNode[]; edges: { fromID: string | number; toID: string | number }[]; locutions?: { nodeID: string | number; personID?: string | number }[]; participants?: { participantID: string | number; firstname?: string; surname?: string }[] };
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
  const personOf = new Map<string, string>();
  for (const locution of aif.locutions ?? []) {
    if (locution.personID !== undefined && !personOf.has(String(locution.nodeID))) personOf.set(String(locution.nodeID), String(locution.personID));
  }
  const participantName = new Map((aif.participants ?? []).map((participant) => [String(participant.participantID), [participant.firstname, participant.surname].filter((part) => typeof part === 'string').join(' ').trim()]));
  const speakerOf = (locution: string): string | undefined => {
    const person = personOf.get(locution);
    const participant = person === undefined ? undefined : participantName.get(person);
    if (participant) return participant;
    const text = nodes.get(locution)?.text ?? '';
    const name = text.includes(' : ') ? text.slice(0, text.indexOf(' : ')).trim() : '';
    if (name !== '' && name.length <= 100 && !/[\r\n]/.test(name)) return name;
    return person === undefined ? undefined : `person ${person}`;
  };
  const speakers = new Set<string>();
  for (const [id, node] of nodes) {
    if (node.type !== 'I') continue;
    for (const anchor of (sources.get(id) ?? []).filter((source) => typeOf(source) === 'YA')) {
      for (const locution of (sources.get(anchor) ?? []).filter((source) => typeOf(source) === 'L')) {
        const speaker = speakerOf(locution);
        if (speaker !== undefined) speakers.add(speaker);
      }
    }
  }
  counts.actors = speakers.size;
  return counts;
}

describe('AIF conformance on the shared corpora', () => {
  it('finds the corpora', () => {
    for (const folder of FOLDERS) {
      expect(
        jsonFiles(folder).length,
        `no AIF files in ${join(CORPORA_DIR, folder)}: set CORPORA_DIR to the folder holding ${FOLDERS.join(', ')} (by default ../shared/corpora beside the project)`,
      ).toBeGreaterThan(0);
    }
  });

  it.each(FILES)('%s opens with the nodes, edges and actors the mapping rules give, and is written back unchanged', (file) => {
    const text = readFileSync(join(CORPORA_DIR, file), 'utf8');
    const result = importAif(text);
    expect(result.map, result.problems.map((problem) => formatProblem(problem, file)).join('\n')).toBeDefined();
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const map = result.map!;
    const byKind = (kind: string) => map.edges.filter((edge) => edge.kind === kind).length;
    expect({
      nodes: map.nodes.length, support: byKind('support'), attack: byKind('attack'), undercut: byKind('undercut'),
      answer: byKind('answer'), rephrase: byKind('rephrase'), actors: map.actors.length,
    }).toEqual(countDirectly(JSON.parse(text) as Record<string, unknown>));
    expect(JSON.parse(exportAif(map))).toEqual(JSON.parse(text));
  });
});
