/**
 * What an edit does, in both languages, for the undo and redo buttons and for announcements:
 * "删除 3 个节点" / "delete 3 nodes". The UI puts "撤销：" / "Undo: " in front.
 */
import type { EdgeKind, NodeKind } from '../model.ts';

export interface Description {
  readonly zh: string;
  readonly en: string;
}

const NODE_KIND: Record<NodeKind, Description> = {
  question: { zh: '问题', en: 'question' },
  claim: { zh: '主张', en: 'claim' },
  evidence: { zh: '证据', en: 'evidence' },
};

const EDGE_KIND: Record<EdgeKind, Description> = {
  support: { zh: '支持', en: 'support' },
  attack: { zh: '反驳', en: 'attack' },
  undercut: { zh: '削弱', en: 'undercut' },
  answer: { zh: '回答', en: 'answer' },
  rephrase: { zh: '改述', en: 'rephrase' },
};

function count(n: number, zhUnit: string, enOne: string, enMany: string): Description {
  return { zh: `${n} 个${zhUnit}`, en: `${n} ${n === 1 ? enOne : enMany}` };
}

export const describe = {
  addNode: (kind: NodeKind): Description => ({ zh: `添加${NODE_KIND[kind].zh}`, en: `add a ${NODE_KIND[kind].en}` }),
  editText: (): Description => ({ zh: '编辑文本', en: 'edit text' }),
  setKind: (kind: NodeKind): Description => ({ zh: `改为${NODE_KIND[kind].zh}`, en: `change to ${NODE_KIND[kind].en}` }),
  setSpeaker: (): Description => ({ zh: '设置发言人', en: 'set the speaker' }),
  setTags: (): Description => ({ zh: '设置标签', en: 'set the tags' }),
  createActor: (): Description => ({ zh: '添加发言人', en: 'add a speaker' }),
  addEdge: (kind: EdgeKind): Description => ({ zh: `连接：${EDGE_KIND[kind].zh}`, en: `connect: ${EDGE_KIND[kind].en}` }),
  reverseEdge: (): Description => ({ zh: '反转连线', en: 'reverse an edge' }),
  setEdgeKind: (kind: EdgeKind): Description => ({ zh: `改为${EDGE_KIND[kind].zh}`, en: `change to ${EDGE_KIND[kind].en}` }),
  deleteNodes: (nodes: number): Description => {
    const what = count(nodes, '节点', 'node', 'nodes');
    return { zh: `删除 ${what.zh}`, en: `delete ${what.en}` };
  },
  deleteEdges: (edges: number): Description => {
    const what = count(edges, '连线', 'edge', 'edges');
    return { zh: `删除 ${what.zh}`, en: `delete ${what.en}` };
  },
  moveNodes: (nodes: number): Description => {
    const what = count(nodes, '节点', 'node', 'nodes');
    return { zh: `移动 ${what.zh}`, en: `move ${what.en}` };
  },
  unpinNodes: (nodes: number): Description => {
    const what = count(nodes, '节点', 'node', 'nodes');
    return { zh: `取消固定 ${what.zh}`, en: `unpin ${what.en}` };
  },
  paste: (nodes: number): Description => {
    const what = count(nodes, '节点', 'node', 'nodes');
    return { zh: `粘贴 ${what.zh}`, en: `paste ${what.en}` };
  },
  editTours: (what: Description): Description => what,
  setTitle: (): Description => ({ zh: '修改标题', en: 'change the title' }),
};

/** "撤销：删除 3 个节点" / "Undo: delete 3 nodes". */
export function undoLabel(description: Description, language: 'zh' | 'en'): string {
  return language === 'zh' ? `撤销：${description.zh}` : `Undo: ${description.en}`;
}

export function redoLabel(description: Description, language: 'zh' | 'en'): string {
  return language === 'zh' ? `重做：${description.zh}` : `Redo: ${description.en}`;
}
