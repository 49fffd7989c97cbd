/** The names AIF and argmap's AIF mapping use: node types, default scheme texts, members. */

import type { EdgeKind } from '../../model.ts';

/** Where a map keeps the AIF data it does not show. */
export const AIF_NAMESPACE = 'aif';
/** The member of an exported nodeset that holds what only argmap knows. */
export const ANNOTATION_MEMBER = 'argmap';
/** The text of an RA that stands for an `answer` edge, which AIF has no node type for. */
export const ANSWER_SCHEME = 'argmap:answer';
export const DEFAULT_TITLE = 'AIF map';

export const AIF_NODE_TYPES: ReadonlySet<string> = new Set(['I', 'L', 'RA', 'CA', 'MA', 'PA', 'YA', 'TA']);
export const S_NODE_TYPES: ReadonlySet<string> = new Set(['RA', 'CA', 'MA']);
/** S-node texts that only name the node type and so say nothing about the scheme. */
export const DEFAULT_SCHEME_TEXTS: ReadonlySet<string> = new Set(['RA', 'CA', 'MA', 'Default Inference', 'Default Conflict', 'Default Rephrase']);
export const S_NODE_OF_KIND: Readonly<Record<EdgeKind, { readonly type: string; readonly text: string }>> = {
  support: { type: 'RA', text: 'Default Inference' },
  answer: { type: 'RA', text: ANSWER_SCHEME },
  attack: { type: 'CA', text: 'Default Conflict' },
  undercut: { type: 'CA', text: 'Default Conflict' },
  rephrase: { type: 'MA', text: 'Default Rephrase' },
};
/** The members of a nodeset that are rebuilt from the map when it is written. */
export const GRAPH_MEMBERS: ReadonlySet<string> = new Set(['nodes', 'edges', 'locutions']);
