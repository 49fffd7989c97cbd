import { describe, expect, it } from 'vitest';
import { rebaseTyping } from '../../src/ui/text-rebase.ts';

describe('rebaseTyping', () => {
  it('is what was typed when nobody else changed the text', () => {
    expect(rebaseTyping('大模型摧毁了创业', '大模型没有摧毁创业', '大模型摧毁了创业')).toBe('大模型没有摧毁创业');
  });

  it('keeps another person’s change after or before the typed stretch', () => {
    // Typed at the start; someone added at the end meanwhile.
    expect(rebaseTyping('startups are doomed', 'All startups are doomed', 'startups are doomed, says Zhu')).toBe('All startups are doomed, says Zhu');
    // Typed at the end; someone changed the start meanwhile.
    expect(rebaseTyping('startups are doomed', 'startups are doomed?', 'Small startups are doomed')).toBe('Small startups are doomed?');
    // A deletion is laid on too.
    expect(rebaseTyping('a b c d', 'a c d', 'a b c d e')).toBe('a c d e');
  });

  it('lets the typed text win when the same stretch was changed by both', () => {
    expect(rebaseTyping('abc', 'aXc', 'aYc')).toBe('aXc');
  });

  it('typing nothing new keeps the text as it is now', () => {
    expect(rebaseTyping('abc', 'abc', 'abcd')).toBe('abcd');
  });
});
