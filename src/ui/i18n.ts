/**
 * The interface's own words, in both of the map's languages: those said by what draws with the seed
 * map (the app's first chunk). Words said only by code loaded with import() are in i18n-later.ts.
 */
import type { Language } from '../core/model.ts';

export const MESSAGES = {
  openMap: { zh: '打开地图…', en: 'Open map…' },
  exportSvg: { zh: '导出 SVG', en: 'Export SVG' },
  fitToScreen: { zh: '适应屏幕', en: 'Fit to screen' },
  language: { zh: '语言', en: 'Language' },
  legend: { zh: '图例', en: 'Legend' },
  map: { zh: '论证地图', en: 'Argument map' },
  kind: { zh: '类型', en: 'Kind' },
  actor: { zh: '发言者', en: 'Speaker' },
  quote: { zh: '原文引语', en: 'Quote' },
  pinned: { zh: '已固定（Alt+双击释放）', en: 'Pinned (Alt+double-click to release)' },
  dropHint: { zh: '松开以打开地图', en: 'Drop to open the map' },
  renderFailed: { zh: '地图无法显示。', en: 'The map could not be drawn.' },
  tryAgain: { zh: '重试', en: 'Try again' },
  mapSummary: { zh: '{nodes} 个节点，{edges} 条关系', en: '{nodes} nodes, {edges} relations' },
  presentation: { zh: '演示', en: 'Presentation' },
  notes: { zh: '讲稿', en: 'Notes' },
  print: { zh: '打印', en: 'Print' },
  caption: { zh: '说明', en: 'Caption' },
  extensions: { zh: '外延', en: 'Extensions' },
  status: { zh: '论证状态', en: 'Status' },
  supposeAccepted: { zh: '假设成立', en: 'Suppose accepted' },
  supposeRejected: { zh: '假设被否定', en: 'Suppose rejected' },
  explore: { zh: '浏览', en: 'Explore' },
  outline: { zh: '大纲', en: 'Outline' },
  source: { zh: '原文', en: 'Source' },
  tours: { zh: '导览', en: 'Tours' },
  panels: { zh: '面板', en: 'Panels' },
  shortcuts: { zh: '快捷键', en: 'Shortcuts' },
  hiddenCount: { zh: '折叠了 {count} 个节点', en: '{count} nodes collapsed' },
  saveAs: { zh: '另存为 ▾', en: 'Save as ▾' },
  argdown: { zh: 'Argdown', en: 'Argdown' },
  pasted: { zh: '粘贴的内容', en: 'pasted text' },
  // New maps, maps from an article, Recent maps and Save.
  newAndRecent: { zh: '新建与最近', en: 'New & recent' },
  newMap: { zh: '新建空白地图', en: 'New empty map' },
  newFromArticle: { zh: '从文章新建地图…', en: 'New map from article…' },
  recentMaps: { zh: '最近的地图', en: 'Recent maps' },
  save: { zh: '保存', en: 'Save' },
  unsavedMark: { zh: '有尚未写入文件的修改', en: 'Changes not yet written to the file' },
  hint: { zh: '滚轮缩放 · 拖动背景平移 · 拖动节点固定 · Alt+双击释放 · 双击空白处添加 · 双击节点编辑 · 点击查看详情', en: 'Wheel to zoom · drag the background to pan · drag a node to pin it · Alt+double-click to release · double-click the background to add · double-click a node to edit · click for details' },
  layingOut: { zh: '正在排布地图… {percent}%', en: 'Laying out the map… {percent}%' },
  layoutProgress: { zh: '排布进度', en: 'Layout progress' },
  readingFile: { zh: '正在读取 {file}…', en: 'Reading {file}…' },
  // Adding, editing and connecting on the map itself.
  connectStart: { zh: '连接：用方向键选择目标，Enter 确认，Esc 取消', en: 'Connect: pick the target with the arrow keys, Enter to confirm, Esc to cancel' },
  // The inspector's editing fields, the edge inspector, and claims made from the Source tab.
  tags: { zh: '标签', en: 'Tags' },
  // Sharing a map through `argmap serve`, and the room's connection.
  share: { zh: '分享…', en: 'Share…' },
  shareTitle: { zh: '分享此地图', en: 'Share this map' },
  roomRefused: { zh: '无法打开共享地图：{reason}', en: 'The shared map could not be opened: {reason}' },
  roomInvalidLink: { zh: '此链接无效。', en: 'this link is not valid.' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** `text` with each `{name}` replaced by `values[name]`; a name without a value stays as written. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function t(key: MessageKey, language: Language, values: Readonly<Record<string, string | number>> = {}): string {
  return fill(MESSAGES[key][language], values);
}

export const STATUS_NAMES = {
  IN: { zh: '成立', en: 'stands (IN)' },
  OUT: { zh: '不成立', en: 'falls (OUT)' },
  UNDEC: { zh: '未定', en: 'undecided' },
} as const;

/** Short forms for node badges. */
export const STATUS_BADGES = {
  IN: { zh: '成立', en: 'IN' },
  OUT: { zh: '不成立', en: 'OUT' },
  UNDEC: { zh: '未定', en: 'UNDEC' },
} as const;

export const SEMANTICS_NAMES = {
  grounded: { zh: '基础外延（grounded）', en: 'Grounded' },
  complete: { zh: '完全外延（complete）', en: 'Complete' },
  preferred: { zh: '优先外延（preferred）', en: 'Preferred' },
  stable: { zh: '稳定外延（stable）', en: 'Stable' },
} as const;

/** Relation phrases read from the inspected node's point of view. */
export const RELATION_PHRASES = {
  outgoing: {
    support: { zh: '支持', en: 'supports' },
    attack: { zh: '反驳', en: 'attacks' },
    undercut: { zh: '削弱推论', en: 'undercuts' },
    answer: { zh: '回应问题', en: 'answers' },
    rephrase: { zh: '转述', en: 'rephrases' },
  },
  incoming: {
    support: { zh: '得到支持：', en: 'supported by' },
    attack: { zh: '受到反驳：', en: 'attacked by' },
    undercut: { zh: '推论被削弱：', en: 'undercut by' },
    answer: { zh: '回答：', en: 'answered by' },
    rephrase: { zh: '被转述：', en: 'rephrased by' },
  },
} as const;
