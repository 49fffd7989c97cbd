/**
 * Issue 13 §2: building the search index over long texts froze the page for seconds at the first
 * keystroke. It is now built a slice per task: other tasks run between slices, and the index it
 * ends with finds what the one-piece build finds.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, search } from '../../src/core/explore/search.ts';
import type { ArgMap } from '../../src/core/model.ts';
import { ExploreState } from '../../src/ui/explore-state.svelte.ts';

/** 100 nodes, each with 1,500 characters of Chinese (pinyin is the cost) and an English text. */
function longTextMap(): ArgMap {
  const sentence = '大模型摧毁了创业，算力都向大厂集中，垂直模型更便宜。';
  return {
    schemaVersion: 1,
    title: { en: 'Long texts' },
    sources: [],
    actors: [{ id: 'zhu', name: { zh: '朱啸虎', en: 'Zhu Xiaohu' } }],
    nodes: Array.from({ length: 100 }, (_, index) => ({
      id: `n${index}`,
      kind: 'claim' as const,
      text: { zh: `${index} ${sentence.repeat(60)}`, en: `claim ${index} about compute` },
      ...(index % 10 === 0 ? { actor: 'zhu' } : {}),
    })),
    edges: [],
  };
}

describe('the search index over long texts', () => {
  it('is built over several tasks, letting others run between, and finds what a one-piece build finds', async () => {
    const map = longTextMap();
    const explore = new ExploreState(() => map, () => undefined);
    await explore.loadSearch();
    explore.query = 'zhuxiaohu';
    expect(explore.results).toEqual([]);
    expect(explore.searchIndex).toBeUndefined();

    // A task queued now runs while the index is still being built: the page is not frozen.
    const ranWhileBuilding = new Promise<boolean>((resolve) => setTimeout(() => resolve(explore.searchIndex === undefined)));
    expect(await ranWhileBuilding).toBe(true);

    await vi.waitFor(() => expect(explore.searchIndex).toBeDefined(), { timeout: 30_000, interval: 20 });
    const expected = search(buildSearchIndex(map), 'zhuxiaohu');
    expect(expected).toHaveLength(10);
    expect(explore.results).toEqual(expected);
  }, 60_000);
});
