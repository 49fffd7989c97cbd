import { describe, expect, it } from 'vitest';
import { frameworkFromAttacks, frameworkFromMap } from '../../src/core/semantics/framework.ts';
import { groundedLabelling } from '../../src/core/semantics/grounded.ts';
import { changedArguments, statusReason } from '../../src/core/semantics/status-reasons.ts';
import { whatIfLabelling } from '../../src/core/semantics/what-if.ts';
import { loadSeedMap } from '../support/seed.ts';

function reasonsOf(names: readonly string[], attacks: readonly (readonly [string, string])[]) {
  const framework = frameworkFromAttacks(names, attacks);
  const labels = groundedLabelling(framework);
  return (name: string) => statusReason(framework, labels, framework.indexOf.get(name)!);
}

describe('statusReason', () => {
  it('says an unattacked argument stands because nothing attacks it', () => {
    expect(reasonsOf(['a'], [])('a')).toEqual({ kind: 'unattacked' });
  });

  it('names the standing attackers of a defeated argument, and the defeated attackers of a standing one', () => {
    // a → b → c, and d → b: b falls to a and d, so c stands because its one attacker falls.
    const reason = reasonsOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['d', 'b']]);
    expect(reason('b')).toEqual({ kind: 'defeated', by: ['a', 'd'] });
    expect(reason('c')).toEqual({ kind: 'attackers-out', attackers: ['b'] });
  });

  it('calls a mutual attack with nothing else to settle it a standoff, naming the other side', () => {
    // a ⇄ b, and b → c: c is undecided through b, which it does not attack back.
    const reason = reasonsOf(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c']]);
    expect(reason('a')).toEqual({ kind: 'mutual', with: ['b'] });
    expect(reason('b')).toEqual({ kind: 'mutual', with: ['a'] });
    expect(reason('c')).toEqual({ kind: 'undecided-attackers', attackers: ['b'] });
  });

  it('leaves out attackers that are defeated when naming the undecided ones', () => {
    // x → y defeats y; a ⇄ b; y → a as well: a is undecided with b, not because of y.
    const reason = reasonsOf(['x', 'y', 'a', 'b'], [['x', 'y'], ['y', 'a'], ['a', 'b'], ['b', 'a']]);
    expect(reason('a')).toEqual({ kind: 'mutual', with: ['b'] });
  });

  it('names an odd cycle’s undecided attacker, as none of it is mutual', () => {
    const reason = reasonsOf(['a', 'b', 'c'], [['a', 'b'], ['b', 'c'], ['c', 'a']]);
    expect(reason('a')).toEqual({ kind: 'undecided-attackers', attackers: ['c'] });
  });

  it('puts a what-if assumption before any attacker', () => {
    const framework = frameworkFromAttacks(['a', 'b'], [['a', 'b']]);
    const { labels } = whatIfLabelling(framework, new Map([['b', 'accepted']]));
    expect(statusReason(framework, labels, 1, 'accepted')).toEqual({ kind: 'assumed', assumption: 'accepted' });
    // With b supposed accepted, a still stands: assumptions do not reach back.
    expect(statusReason(framework, labels, 0)).toEqual({ kind: 'unattacked' });
  });

  it('gives the seed map’s named clashes as standoffs between their two sides', () => {
    const seed = loadSeedMap();
    const { framework } = frameworkFromMap(seed);
    const labels = groundedLabelling(framework);
    const reason = (id: string) => statusReason(framework, labels, framework.indexOf.get(id)!);
    expect(reason('zhu-startups-destroyed')).toEqual({ kind: 'mutual', with: ['fu-new-opportunities', 'lead-startups-flexible'] });
    expect(reason('fu-new-opportunities')).toEqual({ kind: 'mutual', with: ['zhu-startups-destroyed'] });
    expect(reason('he-vertical-not-cheap')).toEqual({ kind: 'mutual', with: ['tang-vertical-cheaper'] });
    expect(reason('tang-vertical-cheaper')).toEqual({ kind: 'mutual', with: ['he-vertical-not-cheap'] });
  });
});

describe('changedArguments', () => {
  it('lists the arguments whose label differs, within the count', () => {
    const framework = frameworkFromAttacks(['a', 'b', 'c'], [['a', 'b'], ['b', 'a'], ['b', 'c']]);
    const before = groundedLabelling(framework);
    const after = whatIfLabelling(framework, new Map([['a', 'accepted']])).labels;
    // a becomes IN, b OUT, and c, no longer attacked by anything that stands, IN.
    expect(changedArguments(before, after)).toEqual([0, 1, 2]);
    expect(changedArguments(before, after, 2)).toEqual([0, 1]);
    expect(changedArguments(before, before)).toEqual([]);
  });
});
