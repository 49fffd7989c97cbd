/** Every keyboard shortcut, in one list: the `?` dialog and the README show exactly these. */
import type { Bilingual } from '../core/model.ts';

export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: Bilingual;
}

export interface ShortcutGroup {
  readonly title: Bilingual;
  readonly shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: { zh: '浏览地图', en: 'Exploring' },
    shortcuts: [
      { keys: ['/'], action: { zh: '聚焦搜索框', en: 'Focus the search box' } },
      { keys: ['↑'], action: { zh: '移到它所指向的节点（上一层）', en: 'Go to a node it points to (up)' } },
      { keys: ['↓'], action: { zh: '移到指向它的节点（下一层）', en: 'Go to a node pointing to it (down)' } },
      { keys: ['←', '→'], action: { zh: '移到同一层的上一个、下一个节点', en: 'Go to the previous or next sibling' } },
      { keys: ['Enter'], action: { zh: '打开详情', en: 'Open the inspector' } },
      { keys: ['Esc'], action: { zh: '清除选择、聚焦和搜索', en: 'Clear the selection, focus and search' } },
      { keys: ['F'], action: { zh: '适应屏幕', en: 'Fit to screen' } },
      { keys: ['?'], action: { zh: '显示所有快捷键', en: 'Show every shortcut' } },
    ],
  },
  {
    title: { zh: '编辑地图', en: 'Building a map' },
    shortcuts: [
      { keys: ['N'], action: { zh: '在视图中央添加节点：选类型，输入文本，Enter 添加', en: 'Add a node at the centre of the view: choose its kind, type, Enter' } },
      { keys: ['Enter', 'F2'], action: { zh: '在原处编辑所选节点的文本', en: 'Edit the selected node’s text in place' } },
      { keys: ['C'], action: { zh: '从所选节点连接：方向键选目标，Enter 选类型', en: 'Connect from the selected node: arrows pick the target, Enter the kind' } },
      { keys: ['Esc'], action: { zh: '取消添加、编辑或连接', en: 'Cancel adding, editing or connecting' } },
      { keys: ['Shift+Click', 'Shift+Drag'], action: { zh: '把节点加入选择或移出（Shift+点击）；框选节点（Shift+拖动背景；触屏上长按背景再拖动）', en: 'Add a node to the selection or take it out (Shift+click); lasso nodes (Shift+drag the background; on a touch screen, a long press on it, then a drag)' } },
      { keys: ['Shift+Space'], action: { zh: '把有焦点的节点加入选择或移出', en: 'Add the focused node to the selection or take it out' } },
      { keys: ['Alt+←↑→↓'], action: { zh: '移动所选节点（加 Shift 移得更远）', en: 'Move the selected nodes (with Shift, further)' } },
      { keys: ['Delete', 'Backspace'], action: { zh: '删除所选节点及其连线（先确认数量），或删除所选连线', en: 'Delete the selected nodes with their edges (after a prompt that counts them), or the selected edge' } },
      { keys: ['Ctrl+C', 'Ctrl+X', 'Ctrl+V'], action: { zh: '复制、剪切所选节点；在指针处或视图中央粘贴', en: 'Copy or cut the selected nodes; paste at the pointer or the centre of the view' } },
      { keys: ['Ctrl+Z'], action: { zh: '撤销（工具栏上写着撤销什么）', en: 'Undo (the toolbar says what)' } },
      { keys: ['Shift+Ctrl+Z', 'Ctrl+Y'], action: { zh: '重做', en: 'Redo' } },
      { keys: ['Ctrl+S'], action: { zh: '保存到打开的文件（或下载）', en: 'Save to the opened file (or download it)' } },
    ],
  },
  {
    title: { zh: '演示', en: 'Presenting' },
    shortcuts: [
      { keys: ['→', 'Space', 'PageDown'], action: { zh: '下一步', en: 'Next step' } },
      { keys: ['←', 'PageUp'], action: { zh: '上一步', en: 'Previous step' } },
      { keys: ['Home', 'End'], action: { zh: '第一步、最后一步', en: 'First step, last step' } },
      { keys: ['B'], action: { zh: '黑屏／恢复', en: 'Blank the screen / show it again' } },
      { keys: ['Esc'], action: { zh: '退出演示', en: 'Leave the presentation' } },
    ],
  },
];
