import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMapText } from '../../src/core/load-map.ts';
import type { ArgMap, Tour } from '../../src/core/model.ts';
import { stepView } from '../../src/core/tours/playback.ts';
import { loadSeedMap, SEED_MAP_PATH } from '../support/seed.ts';

const seed = loadSeedMap();

/** Traditional forms and pinyin glosses, as the seed map test bans them from node text. */
const TRADITIONAL = /[業創據資廠數們這個實為國發開時會說場來於]/u;
const PINYIN_GLOSS = /\([a-zà-ǜü]+\)/u;
const HAN = /\p{Script=Han}/u;

function tour(id: string): Tour {
  const found = seed.tours?.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the seed map has no tour ${id}`);
  return found;
}

function nodesOf(map: ArgMap, actor: string): string[] {
  return map.nodes.filter((node) => node.actor === actor).map((node) => node.id);
}

function lastView(id: string) {
  const played = tour(id);
  return stepView(seed, played, played.steps.length - 1);
}

describe('the seed map’s tours', () => {
  it('load with no problem at all', () => {
    const result = loadMapText(readFileSync(SEED_MAP_PATH, 'utf8'));
    expect(result.ok && result.warnings).toEqual([]);
  });

  it.each([
    ['overview', 6, 8],
    ['zhu-vs-fu', 5, 7],
    ['he-vs-tang', 4, 6],
  ])('has the tour %j with %i to %i steps', (id, fewest, most) => {
    const steps = tour(id).steps.length;
    expect(steps).toBeGreaterThanOrEqual(fewest);
    expect(steps).toBeLessThanOrEqual(most);
  });

  it('says every title, caption and note in clean simplified Chinese and in English', () => {
    for (const played of seed.tours ?? []) {
      const texts = [played.title, ...played.steps.flatMap((step) => [step.caption, ...(step.notes ? [step.notes] : [])])];
      for (const text of texts) {
        expect(text.zh ?? '', played.id).toMatch(HAN);
        expect(text.zh ?? '', played.id).not.toMatch(TRADITIONAL);
        expect(text.zh ?? '', played.id).not.toMatch(PINYIN_GLOSS);
        expect(text.en ?? '', played.id).toMatch(/^[A-Z“]/);
        expect(text.en ?? '', played.id).not.toMatch(HAN);
      }
    }
  });

  it('keeps every caption short enough for one line under a handout’s title', () => {
    // buildSvg writes the subtitle "Step k/n · caption" on one line of a picture at least ~960px wide.
    for (const played of seed.tours ?? []) {
      for (const step of played.steps) {
        expect([...(step.caption.zh ?? '')].length, step.caption.zh).toBeLessThanOrEqual(36);
        expect((step.caption.en ?? '').length, step.caption.en).toBeLessThanOrEqual(90);
      }
    }
  });

  it('gives speaker notes for most steps', () => {
    for (const played of seed.tours ?? []) {
      const noted = played.steps.filter((step) => step.notes !== undefined).length;
      expect(noted / played.steps.length, played.id).toBeGreaterThan(0.5);
    }
  });

  it('adds or stresses something in every step', () => {
    for (const played of seed.tours ?? []) {
      played.steps.forEach((_, index) => {
        const view = stepView(seed, played, index);
        expect(view.added.nodes.size + view.focus.size, `${played.id} step ${index + 1}`).toBeGreaterThan(0);
      });
    }
  });

  it('opens the overview on the main question and ends it on the whole map', () => {
    const overview = tour('overview');
    expect([...stepView(seed, overview, 0).focus]).toEqual(['q-who-wins']);
    const questions = seed.nodes.filter((node) => node.kind === 'question').map((node) => node.id);
    expect(questions.filter((id) => !stepView(seed, overview, 1).shown.nodes.has(id))).toEqual([]);
    const last = lastView('overview');
    expect(seed.nodes.filter((node) => !last.shown.nodes.has(node.id)).map((node) => node.id)).toEqual([]);
  });

  it('ends zhu-vs-fu on both men’s claims, their attacks both ways and the third voices', () => {
    const last = lastView('zhu-vs-fu');
    const clash = [...nodesOf(seed, 'zhu-xiaohu'), ...nodesOf(seed, 'fu-sheng')];
    expect(clash.length).toBeGreaterThanOrEqual(6);
    expect(clash.filter((id) => !last.shown.nodes.has(id))).toEqual([]);
    const clashEdges = ['e-55', 'e-74', 'e-56', 'e-80', 'e-57', 'e-81', 'e-58'];
    for (const edge of clashEdges) expect(last.shown.edges.has(edge), edge).toBe(true);
    // Third voices from both sides: the startups' backers, and the context on Zhu's side.
    for (const voice of ['big-company-tech-lead', 'tu-weiwei']) {
      expect(nodesOf(seed, voice).some((id) => last.shown.nodes.has(id)), voice).toBe(true);
    }
    for (const id of ['rep-openai-losses', 'tian-concentration']) expect(last.shown.nodes.has(id), id).toBe(true);
    // The attacks both ways are stressed in a step of their own.
    const attacks = tour('zhu-vs-fu').steps.map((_, index) => stepView(seed, tour('zhu-vs-fu'), index).focus);
    expect(attacks.some((focus) => clashEdges.every((edge) => focus.has(edge)))).toBe(true);
  });

  it('says no more than the article in its notes', () => {
    const overview = tour('overview');
    const notesZh = overview.steps.map((step) => step.notes?.zh ?? '').join('\n');
    // The article sets the startup voices beside the capital threshold; it does not rebut it.
    expect(notesZh).not.toContain('直接反驳了田奇');
    expect(notesZh).toContain('形成对照');
    // The article ends on the consensus, not on OpenAI's losses.
    const outlook = overview.steps.find((step) => step.focus?.includes('rep-outlook-consensus'));
    expect(outlook?.caption.zh).toMatch(/尽管.*OpenAI.*仍.*一致看好/u);
    // Returning to the opening question is a relation the map draws.
    const closing = stepView(seed, overview, overview.steps.length - 1);
    expect(closing.focus.has('q-who-wins')).toBe(true);
    expect(seed.edges.some((edge) => closing.focus.has(edge.id) && edge.from === 'wu-too-early' && edge.to === 'q-who-wins')).toBe(true);
    const zhuNotes = tour('zhu-vs-fu').steps.map((step) => step.notes?.zh ?? '').join('\n');
    expect(zhuNotes).not.toContain('越容易被取代');
    expect(tour('zhu-vs-fu').steps.map((step) => step.caption.zh).join('\n')).not.toContain('都反驳了朱啸虎');
  });

  it('ends he-vs-tang on He’s and Tang’s answers, their clash and Zhao Zeng’s view', () => {
    const last = lastView('he-vs-tang');
    for (const id of ['q-vertical-cheaper', 'tang-vertical-cheaper', 'he-vertical-not-cheap', 'zhao-not-all-costly']) {
      expect(last.shown.nodes.has(id), id).toBe(true);
      expect(last.focus.has(id), id).toBe(true);
    }
    for (const edge of ['e-29', 'e-73']) expect(last.shown.edges.has(edge), edge).toBe(true);
    expect(nodesOf(seed, 'he-xiaodong').filter((id) => !last.shown.nodes.has(id))).toEqual([]);
  });
});
