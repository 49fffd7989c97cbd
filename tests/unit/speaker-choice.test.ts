import { describe, expect, it } from 'vitest';
import { choiceFromOption, choiceOf, optionValue, speakerOf } from '../../src/ui/speaker-choice.ts';

describe('speaker choices', () => {
  it('become what setSpeaker takes: nobody, an actor id, or a new actor named in the reading language', () => {
    expect(speakerOf(choiceOf(undefined), 'zh')).toBeUndefined();
    expect(speakerOf(choiceOf('zhu'), 'zh')).toBe('zhu');
    expect(speakerOf({ kind: 'new', name: ' 傅盛 ', affiliation: '猎豹移动' }, 'zh')).toEqual({ name: { zh: '傅盛' }, affiliation: { zh: '猎豹移动' } });
    // A blank affiliation is left out; a blank name goes on, for the document to refuse with its message.
    expect(speakerOf({ kind: 'new', name: 'Fu Sheng', affiliation: '  ' }, 'en')).toEqual({ name: { en: 'Fu Sheng' } });
    expect(speakerOf({ kind: 'new', name: '', affiliation: '' }, 'en')).toEqual({ name: { en: '' } });
  });

  it('round-trip through the list’s option values, whatever the actor id says', () => {
    for (const id of ['zhu', 'new', 'none', 'actor:x', '']) {
      expect(choiceFromOption(optionValue({ kind: 'actor', id }), { kind: 'none' })).toEqual({ kind: 'actor', id });
    }
    expect(choiceFromOption('none', { kind: 'actor', id: 'zhu' })).toEqual({ kind: 'none' });
    expect(choiceFromOption('new', { kind: 'none' })).toEqual({ kind: 'new', name: '', affiliation: '' });
    // Going back to "new" keeps what was typed there.
    const typed = { kind: 'new', name: '王', affiliation: '' } as const;
    expect(choiceFromOption('new', typed)).toBe(typed);
  });
});
