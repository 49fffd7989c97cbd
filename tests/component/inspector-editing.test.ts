// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import * as core from '../../src/core/document/index.ts';
import type { ArgEdge, ArgNode } from '../../src/core/model.ts';
import type { Authoring } from '../../src/ui/authoring.svelte.ts';
import { provideAuthoring } from '../../src/ui/editing.ts';
import { localActivity } from '../../src/ui/local-activity.svelte.ts';
import type { MapSession } from '../../src/ui/map-session.svelte.ts';
import EdgeInspector from '../../src/ui/EdgeInspector.svelte';
import Inspector from '../../src/ui/Inspector.svelte';
import SourcePanel from '../../src/ui/SourcePanel.svelte';
import { makeSession, SMALL_MAP } from './fixtures.ts';

function nodeOf(id: string): ArgNode {
  return SMALL_MAP.nodes.find((node) => node.id === id)!;
}

function edgeOf(id: string): ArgEdge {
  return SMALL_MAP.edges.find((edge) => edge.id === id)!;
}

function editToggle(): HTMLButtonElement {
  return screen.getByRole('button', { name: /^(编辑|Edit)$/ }) as HTMLButtonElement;
}

afterEach(async () => {
  // The editing mode is the inspector's own state, kept from one node to the next: leave it off.
  if (screen.queryByRole('button', { name: /^(编辑|Edit)$/, pressed: true })) await fireEvent.click(editToggle());
});

describe('Inspector: editing the node', () => {
  it('Edit shows both texts, the kind, the speaker and the tags as labelled fields, in the reading language', async () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf('destroyed') } });
    expect(editToggle().getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('textbox', { name: '中文文本' })).toBeNull();
    await fireEvent.click(editToggle());
    expect(editToggle().getAttribute('aria-pressed')).toBe('true');

    expect((screen.getByRole('textbox', { name: '中文文本' }) as HTMLTextAreaElement).value).toBe('大模型摧毁了创业');
    expect((screen.getByRole('textbox', { name: '英文文本' }) as HTMLTextAreaElement).value).toBe('Large models have destroyed startups');
    const kind = screen.getByRole('combobox', { name: '类型' }) as HTMLSelectElement;
    expect(kind.value).toBe('claim');
    expect([...kind.options].map((option) => option.textContent)).toEqual(['问题', '主张', '证据']);
    const speaker = screen.getByRole('combobox', { name: '发言者' }) as HTMLSelectElement;
    expect(speaker.value).toBe('actor:zhang');
    expect([...speaker.options].map((option) => option.textContent)).toEqual(['（文章叙述）', '张三, 投资人', '李四', '新发言者…']);
    expect(screen.getByRole('group', { name: '标签' }).textContent).toContain('没有标签');
    expect(screen.getByRole('button', { name: '删除节点' })).toBeTruthy();

    session.language = 'en';
    flushSync();
    expect(screen.getByRole('textbox', { name: 'Chinese text' })).toBeTruthy();
    expect([...(screen.getByRole('combobox', { name: 'Kind' }) as HTMLSelectElement).options].map((option) => option.textContent)).toEqual(['Question', 'Claim', 'Evidence']);
    expect(screen.getByRole('button', { name: 'Delete node' })).toBeTruthy();
  });

  it('a new speaker asks for a name and an affiliation, and only then offers to set it', async () => {
    const session = makeSession();
    render(Inspector, { props: { session, node: nodeOf('lonely') } });
    await fireEvent.click(editToggle());
    const speaker = screen.getByRole('combobox', { name: '发言者' }) as HTMLSelectElement;
    expect(speaker.value).toBe('none');
    expect(screen.queryByRole('button', { name: '设为发言者' })).toBeNull();
    await fireEvent.change(speaker, { target: { value: 'new' } });
    expect(screen.getByRole('textbox', { name: '发言者姓名' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '所属机构（可不填）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '设为发言者' })).toBeTruthy();
    // The one text it has is there; the other language's field is empty, ready to be written.
    expect((screen.getByRole('textbox', { name: '中文文本' }) as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByRole('textbox', { name: '英文文本' }) as HTMLTextAreaElement).value).toBe('Only in English');
  });

  it('shows markup typed into a tag as text', async () => {
    const session = makeSession({ ...SMALL_MAP, nodes: [{ ...nodeOf('lonely'), tags: ['<b>x</b>', '<img src=x onerror=alert(1)>'] }], edges: [] });
    render(Inspector, { props: { session, node: session.map.nodes[0]! } });
    expect(screen.getByRole('complementary').querySelector('.tags')?.textContent).toBe('<b>x</b>, <img src=x onerror=alert(1)>');
    await fireEvent.click(editToggle());
    const tags = screen.getByRole('group', { name: '标签' });
    expect(within(tags).getByRole('button', { name: '删除标签 <b>x</b>' })).toBeTruthy();
    expect(tags.querySelectorAll('b, img')).toHaveLength(0);
  });
});

/**
 * The session's editing state over a real document, without a room: edits go to the document and
 * its map to the session, as the Authoring does.
 */
function editingOver(session: MapSession): core.MapDocument {
  const document = core.MapDocument.fromMap(session.map);
  const authoring = {
    session,
    apply: async (edit: core.Edit) => {
      const applied = document.apply(edit);
      if (applied.ok) session.edit(document.map);
      return applied;
    },
    core: async () => core,
  };
  provideAuthoring(authoring as unknown as Authoring);
  return document;
}

describe('Inspector: typing while someone else changes the same text', () => {
  it('lays what was typed onto the text as it is now, so the other change stays', async () => {
    const session = makeSession();
    const document = editingOver(session);
    const { rerender } = render(Inspector, { props: { session, node: nodeOf('destroyed') } });
    await fireEvent.click(editToggle());
    const field = screen.getByRole('textbox', { name: '中文文本' }) as HTMLTextAreaElement;
    await fireEvent.input(field, { target: { value: '正如所说，大模型摧毁了创业' } });
    expect(localActivity.typingIn).toBe('destroyed');

    // Another tab adds to the end of the same text before the pause.
    document.apply(core.updateText('destroyed', 'zh', '大模型摧毁了创业，张三说'));
    session.edit(document.map);
    flushSync();
    expect(field.value).toBe('正如所说，大模型摧毁了创业');

    await fireEvent.blur(field);
    await expect.poll(() => document.map.nodes.find((node) => node.id === 'destroyed')?.text.zh).toBe('正如所说，大模型摧毁了创业，张三说');
    expect(localActivity.typingIn).toBeUndefined();
    // The app hands the inspector the node as the map now has it.
    await rerender({ session, node: session.index.nodes.get('destroyed')! });
    expect(field.value).toBe('正如所说，大模型摧毁了创业，张三说');
  });

  it('a refused text stays in its field, with the document’s message beside it', async () => {
    const session = makeSession();
    const document = editingOver(session);
    render(Inspector, { props: { session, node: nodeOf('lonely') } });
    await fireEvent.click(editToggle());
    const field = screen.getByRole('textbox', { name: '英文文本' }) as HTMLTextAreaElement;
    await fireEvent.input(field, { target: { value: '   ' } });
    await fireEvent.blur(field);
    await expect.poll(() => screen.queryByRole('alert')?.textContent).toMatch(/needs text in at least one language/);
    expect(field.value).toBe('   ');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.map.nodes.find((node) => node.id === 'lonely')?.text).toEqual({ en: 'Only in English' });
  });
});

describe('EdgeInspector', () => {
  it('names both ends, offers the kinds the edge may take, Reverse and Delete', () => {
    const session = makeSession();
    render(EdgeInspector, { props: { session, edge: edgeOf('e3') } });
    const aside = screen.getByRole('complementary', { name: '连线' });
    expect(aside.querySelector('.from')?.textContent?.trim()).toBe('李四不同意');
    expect(aside.querySelector('.to')?.textContent?.trim()).toBe('大模型摧毁了创业');
    const kind = screen.getByRole('combobox', { name: '关系类型' }) as HTMLSelectElement;
    expect(kind.value).toBe('attack');
    // Its end is a claim: nothing answers it.
    expect([...kind.options].map((option) => option.textContent)).toEqual(['支持', '反驳', '转述']);
    expect((screen.getByRole('button', { name: '反转方向' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole('button', { name: '删除连线' })).toBeTruthy();
  });

  it('an answer to a question may stay one; an undercut names the inference it attacks and stays an undercut', () => {
    const session = makeSession();
    const { unmount } = render(EdgeInspector, { props: { session, edge: edgeOf('e1') } });
    expect([...(screen.getByRole('combobox', { name: '关系类型' }) as HTMLSelectElement).options].map((option) => option.value)).toEqual(['support', 'attack', 'answer', 'rephrase']);
    unmount();
    render(EdgeInspector, { props: { session, edge: edgeOf('e4') } });
    const kind = screen.getByRole('combobox', { name: '关系类型' }) as HTMLSelectElement;
    expect(kind.disabled).toBe(true);
    expect(kind.value).toBe('undercut');
    expect((screen.getByRole('button', { name: '反转方向' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('complementary').querySelector('.to')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('算力都向大厂集中 支持 大模型摧毁了创业');
  });

  it('the close button clears the selected edge', async () => {
    const session = makeSession();
    session.selectEdge('e3');
    render(EdgeInspector, { props: { session, edge: edgeOf('e3') } });
    await fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(session.selectedEdgeId).toBeUndefined();
  });
});

describe('a view-only room', () => {
  it('offers no editing: no Edit in the inspector, no claims from the source, the edge inspector read-only', async () => {
    const session = makeSession();
    provideAuthoring({ session, readOnly: true } as unknown as Authoring);
    const { unmount } = render(Inspector, { props: { session, node: nodeOf('destroyed') } });
    expect(screen.queryByRole('button', { name: '编辑' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    unmount();

    const edge = render(EdgeInspector, { props: { session, edge: edgeOf('e3') } });
    expect((screen.getByRole('combobox', { name: '关系类型' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '反转方向' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '删除连线' }) as HTMLButtonElement).disabled).toBe(true);
    edge.unmount();

    render(SourcePanel, { props: { session } });
    expect(document.querySelectorAll('mark.quote').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: '从此处建立主张' })).toBeNull();
  });
});
