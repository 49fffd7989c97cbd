/**
 * AIF JSON (the Argument Interchange Format as AIFdb, OVA and xAIF write it) to and from argmap.
 *
 * Reading (aif/import.ts): AIFdb nodesets `{nodes, edges, locutions}`, the xAIF wrapper `{AIF: {…},
 * text, dialog, ova}` and the OVA3 wrapper `{AIF: {…}, OVA: {…}}`; ids may be strings or whole
 * numbers and are read as strings (a number and its string twin naming two nodes is an error).
 * The mapping (aif/derive.ts):
 * - every I-node becomes a node (kind `claim`; `question` when an answer points to it);
 * - an RA becomes one `support` edge per I-node premise, premise → conclusion; the premises of an
 *   RA with several of them share the `group` named by the RA's id (a linked argument);
 * - a CA from an I-node to an I-node becomes an `attack`; a CA aimed at an RA or at a CA that is
 *   shown as an attack becomes an `undercut` of the first edge read from that node;
 * - an MA becomes a `rephrase` edge;
 * - the S-node's text, unless it is a default (RA, CA, MA, Default Inference/Conflict/Rephrase),
 *   else its AIFdb `scheme` field, becomes the edge's `scheme`;
 * - an edge's id is its S-node's id, or `<S-node id>.<n>` for the n-th premise of an S-node with
 *   several;
 * - who asserted an I-node (aif/dialogue.ts): through L-node → YA → I-node, the participant named
 *   by the L-node's locution, else the name the L-node's text starts with ("Name : words", after
 *   annotators' "Chris: " prefixes; AraucariaDB's "Name says 'words'"), becomes an actor (id =
 *   name), the I-node's `actor`, and the words after the name its `quote` of the source
 *   `aif-dialogue` (the locutions). A locution with no name attributes nothing.
 * S-nodes that cannot be shown (no I-node premise, not exactly one conclusion, a conclusion that
 * is an L-node, a CA aimed at an undercut or at an MA) are reported as warnings. Everything the map
 * does not show is kept verbatim in `extensions.aif`: the whole original document (wrapper, xAIF
 * text, OVA layout, participants), every node and link, the locutions.
 *
 * Writing (aif/export.ts): a nodeset (or the original wrapper) made from the map: I-nodes from
 * nodes, one RA per linked group or ungrouped support, one CA per attack or undercut, one MA per
 * rephrase, and an RA with the text `argmap:answer` per answer. What was kept is written back in
 * its original order and form, so a file that is read and written unchanged comes out equal; what
 * the map changed replaces it. For actors with no speaker in the kept data, an L-node
 * "Name : text" with a locution and an "Asserting" YA anchor the I-node. What AIF cannot say
 * (node kinds, the other language, quotes of other sources, positions, tags, sections, actors'
 * names in both languages, edge ids and groups, title, sources, tours) goes into one extra member
 * `argmap` of the nodeset (aif/annotation.ts), holding only what the AIF alone would not give
 * back; other AIF tools ignore it.
 */

export { exportAif, type AifExportOptions } from './aif/export.ts';
export { importAif, type AifImportOptions, type AifImportResult } from './aif/import.ts';
export { AIF_NAMESPACE, ANNOTATION_MEMBER, ANSWER_SCHEME, DEFAULT_TITLE } from './aif/vocabulary.ts';
