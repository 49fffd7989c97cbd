import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/tours/slug.ts';

describe('slugify', () => {
  it.each([
    ['A New Tour!', 'a-new-tour'],
    ['Fu Sheng’s conclusion', 'fu-shengs-conclusion'],
    ['Café au lait', 'cafe-au-lait'],
    ['  --Step   2/7 -- ', 'step-2-7'],
    ['US$12 million', 'us-12-million'],
    ['Two paths: are industry (vertical) models actually cheaper?', 'two-paths-are-industry-vertical-models'],
    ['x'.repeat(50), 'x'.repeat(40)],
  ])('makes %j into %j', (text, slug) => {
    expect(slugify(text, 'fallback')).toBe(slug);
  });

  it('cuts after a whole word, within 40 characters', () => {
    const slug = slugify('Should startups get into large models? Zhu Xiaohu and Fu Sheng clash', 'x');
    expect(slug).toBe('should-startups-get-into-large-models');
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it.each([[''], ['百模大战'], ['——！？'], ['\u200B']])('falls back for %j', (text) => {
    expect(slugify(text, 'fallback')).toBe('fallback');
  });
});
