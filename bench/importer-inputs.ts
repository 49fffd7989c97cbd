/**
 * Inputs for every importer whose size grows with `n`, each shaped to hit the importer's worst
 * case rather than its average: chains every step of which must be resolved, keys that every
 * child's JSON pointer repeats, links that never close, long runs of entities. Used by the
 * scaling benchmark (bench/importer-scaling.ts) and by the structural linearity tests.
 */

/** A line of filler text of roughly `length` characters. */
function words(seed: number, length = 40): string {
  let text = `claim ${seed}`;
  while (text.length < length) text += ` word${(text.length * 7 + seed) % 97}`;
  return text;
}

/**
 * Kialo: one claim and `n` cross-links, each naming the next, the last naming the claim, so every
 * cross-link resolves through the whole rest of the chain (the shape that took 23–30 s at 457 KB).
 * Each link also carries a claim under it, which hangs on the claim the chain ends in.
 */
export function kialoSeeChain(n: number): string {
  const lines = ['Discussion Title: Does the chain resolve?', '1. The thesis.', '1.1. Pro: The claim every link names in the end.'];
  for (let index = 2; index <= n + 1; index += 1) {
    const next = index === n + 1 ? '1.1' : `1.${index + 1}`;
    lines.push(`1.${index}. Con: -> See ${next}.`);
    lines.push(`1.${index}.1. Pro: ${words(index, 20)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Kialo: one claim of `n` Markdown links that never close: `[a](` repeated. */
export function kialoUnclosedLinks(n: number): string {
  return `Discussion Title: Unclosed links\n1. ${'[a]('.repeat(n)}\n`;
}

interface GeneratedMap {
  readonly schemaVersion: 1;
  readonly title: { readonly en: string };
  readonly sources: readonly unknown[];
  readonly actors: readonly unknown[];
  readonly nodes: readonly { readonly id: string; readonly kind: string; readonly text: { readonly en: string } }[];
  readonly edges: readonly { readonly id: string; readonly from: string; readonly to: string; readonly kind: string }[];
}

/** A valid argmap map of `n` claims in a chain of supports and attacks, each with a sentence of text. */
export function generatedMap(n: number): GeneratedMap {
  const nodes = Array.from({ length: n }, (_, index) => ({ id: `n${index}`, kind: 'claim', text: { en: words(index) } }));
  const edges = Array.from({ length: n - 1 }, (_, index) => ({
    id: `e${index + 1}`, from: `n${index + 1}`, to: `n${Math.floor(index / 2)}`, kind: index % 3 === 0 ? 'attack' : 'support',
  }));
  return { schemaVersion: 1, title: { en: `Generated map of ${n} claims` }, sources: [], actors: [], nodes, edges };
}

export function argmapJson(n: number): string {
  return JSON.stringify(generatedMap(n), null, 2);
}

/**
 * Argmap JSON whose one long key (n characters) holds an array of n/4 items: every item's JSON
 * pointer repeats the key, so building pointers as strings costs n² / 4.
 */
export function argmapJsonLongKey(n: number): string {
  return `{"schemaVersion":1,"${'k'.repeat(n)}":[${new Array(Math.floor(n / 4)).fill('0').join(',')}]}`;
}

function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An SVG as argmap exports it: a group and text element per node before the metadata, whose
 * JSON is full of entities (every quote of the JSON is one).
 */
export function argmapSvg(n: number): string {
  const json = JSON.stringify(generatedMap(n));
  const drawn = Array.from({ length: n }, (_, index) => `<g data-node-id="n${index}" transform="translate(${index},0)"><text x="0" y="0">${escapeXmlText(words(index))}</text></g>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    `<metadata id="argmap-data">${escapeXmlText(json).replace(/"/g, '&quot;')}</metadata>`,
    ...drawn,
    '</svg>',
  ].join('\n');
}

/**
 * Argdown: `n` statements, each supported or attacked by the next as a top-level relation,
 * every fifth one also as a reference to the first (so one statement gathers many relations),
 * and arguments with premise–conclusion structure.
 */
export function argdown(n: number): string {
  const lines: string[] = ['# Generated', ''];
  for (let index = 0; index < n; index += 1) {
    lines.push(`[s${index}]: ${words(index)}`);
    if (index > 0) lines.push(`  ${index % 3 === 0 ? '-' : '+'} [s${index - 1}]`);
    if (index % 5 === 0) lines.push('  + [s0]');
    lines.push('');
  }
  for (let index = 0; index < n / 10; index += 1) {
    lines.push(`<a${index}>`, '', `(1) [s${index}]`, `(2) ${words(index, 30)}`, '----', `(3) [c${index}]: ${words(index + 1, 30)}`, '');
  }
  return lines.join('\n');
}

/** AIF (AIFdb nodeset): `n` I-nodes, each supported (RA) or attacked (CA) by the next. */
export function aif(n: number): string {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let index = 0; index < n; index += 1) {
    nodes.push({ nodeID: `i${index}`, text: words(index), type: 'I', timestamp: '2024-01-01 00:00:00' });
    if (index === 0) continue;
    const scheme = index % 3 === 0 ? 'CA' : 'RA';
    nodes.push({ nodeID: `s${index}`, text: scheme === 'CA' ? 'Default Conflict' : 'Default Inference', type: scheme, timestamp: '2024-01-01 00:00:00' });
    edges.push({ edgeID: `a${index}`, fromID: `i${index}`, toID: `s${index}` }, { edgeID: `b${index}`, fromID: `s${index}`, toID: `i${Math.floor((index - 1) / 2)}` });
  }
  return JSON.stringify({ nodes, edges, locutions: [] }, null, 1);
}

/** ICCMA APX: `n` arguments, attacks listed before the arguments they name, 3 per argument. */
export function iccmaApx(n: number): string {
  const lines: string[] = [];
  for (let index = 0; index < n; index += 1) {
    for (const step of [1, 7, 31]) lines.push(`att(a${index},a${(index * step + 1) % n}).`);
  }
  for (let index = 0; index < n; index += 1) lines.push(`arg(a${index}).`);
  return lines.join('\n');
}

/** ICCMA TGF: `n` arguments, 3 attacks each. */
export function iccmaTgf(n: number): string {
  const lines = Array.from({ length: n }, (_, index) => `a${index}`);
  lines.push('#');
  for (let index = 0; index < n; index += 1) {
    for (const step of [1, 7, 31]) lines.push(`a${index} a${(index * step + 1) % n}`);
  }
  return lines.join('\n');
}

/** ICCMA 2023: `n` arguments, 3 attacks each, with comments between. */
export function iccmaI23(n: number): string {
  const lines = [`p af ${n}`];
  for (let index = 0; index < n; index += 1) {
    if (index % 100 === 0) lines.push(`# block ${index}`);
    for (const step of [1, 7, 31]) lines.push(`${index + 1} ${((index * step + 1) % n) + 1}`);
  }
  return lines.join('\n');
}

/** Argdown: one statement and `n` others that each mention it and attack it, so one class gathers n relations. */
export function argdownOneHub(n: number): string {
  const lines = ['[Hub]: The statement everything speaks to.', ''];
  for (let index = 0; index < n; index += 1) lines.push(`[r${index}]: ${words(index, 30)} about [Hub] #tag${index % 7}`, '  - [Hub]', '');
  return lines.join('\n');
}

/** Argdown: one paragraph of `n` lines of text, tags, mentions and escapes. */
export function argdownLongStatement(n: number): string {
  const lines = ['[Long]: start'];
  for (let index = 0; index < n; index += 1) lines.push(`word${index} #(tag ${index % 50}) @[Long] \\[x\\] _a_ *b*`);
  return `${lines.join('\n')}\n`;
}

/** AIF: one conclusion supported by `n` premises, each through its own RA node, all in one dialogue of locutions. */
export function aifOneHub(n: number): string {
  const nodes: unknown[] = [{ nodeID: 'hub', text: 'The conclusion.', type: 'I' }];
  const edges: unknown[] = [];
  const locutions: unknown[] = [];
  for (let index = 0; index < n; index += 1) {
    nodes.push(
      { nodeID: `p${index}`, text: words(index), type: 'I' },
      { nodeID: `ra${index}`, text: 'Default Inference', type: 'RA' },
      { nodeID: `l${index}`, text: `Speaker${index % 5} : ${words(index)}`, type: 'L' },
      { nodeID: `ya${index}`, text: 'Asserting', type: 'YA' },
    );
    edges.push(
      { edgeID: `a${index}`, fromID: `p${index}`, toID: `ra${index}` },
      { edgeID: `b${index}`, fromID: `ra${index}`, toID: 'hub' },
      { edgeID: `c${index}`, fromID: `l${index}`, toID: `ya${index}` },
      { edgeID: `d${index}`, fromID: `ya${index}`, toID: `p${index}` },
    );
    locutions.push({ nodeID: `l${index}`, personID: `${index % 5}` });
  }
  return JSON.stringify({ nodes, edges, locutions, participants: [0, 1, 2, 3, 4].map((id) => ({ participantID: `${id}`, firstname: `Speaker${id}`, surname: '' })) });
}

/** argmap SVG: `n` comments, CDATA sections and tags with attributes before the metadata. */
export function argmapSvgMarkup(n: number): string {
  const json = JSON.stringify(generatedMap(10));
  const markup = Array.from({ length: n }, (_, index) => `<!-- c${index} --><g id="g${index}" class="a b" data-x='${index}'><![CDATA[x]]></g><?pi ${index}?>`);
  return `<svg xmlns="http://www.w3.org/2000/svg">${markup.join('\n')}<metadata id="argmap-data">${escapeXmlText(json)}</metadata></svg>`;
}
