import { describe, expect, it } from 'vitest';
import { MESSAGES, t as shellT } from '../../src/ui/i18n.ts';
import { t } from '../../src/ui/i18n-later.ts';

describe('the interface words split between the first chunk (i18n.ts) and later code (i18n-later.ts)', () => {
  it('the later t says both the first chunk’s words and the later ones, with their values filled in', () => {
    expect(t('openMap', 'en')).toBe(shellT('openMap', 'en'));
    expect(t('mapSummary', 'zh', { nodes: 3, edges: 2 })).toBe('3 个节点，2 条关系');
    expect(t('undo', 'zh')).toBe('撤销');
    expect(t('copiedNodes', 'en', { count: 2, nodeWord: 'nodes' })).toBe('Copied 2 nodes');
    expect(t('typingIn', 'en')).toBe('{name} is typing…');
  });

  it('words of code loaded later are not in the first chunk’s table, and its words read the same through either t', () => {
    const shellKeys = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
    for (const key of ['undo', 'shortcutsTitle', 'search', 'problemsTitle', 'blanked']) expect(shellKeys).not.toContain(key);
    // A word put in both tables would read differently here: the later table wins in the later t.
    for (const key of shellKeys) for (const language of ['zh', 'en'] as const) expect(t(key, language)).toBe(shellT(key, language));
  });
});
