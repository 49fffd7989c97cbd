/** The readers of reference solutions must be right, or the conformance tests prove nothing. */
import { describe, expect, it } from 'vitest';
import {
  canonicalExtensions, leastExtension, maximalExtensions, parseAliasAnswer, parseParisSolution, parseProboExtension, parseProboExtensions,
} from '../support/iccma-solutions.ts';

describe('probo solutions', () => {
  it('reads an extension list, the empty extension and an empty grounded extension', () => {
    expect(parseProboExtensions('[[a2,a5],[],[a1,a3,a4]]\n')).toEqual([['a2', 'a5'], [], ['a1', 'a3', 'a4']]);
    expect(parseProboExtensions('[[]]\n')).toEqual([[]]);
    expect(parseProboExtensions('[]')).toEqual([]);
  });

  it('reads and checks the `N solution(s) found` trailer', () => {
    expect(parseProboExtensions('[[a],[b]]\n\n2 solution(s) found\n')).toEqual([['a'], ['b']]);
    expect(() => parseProboExtensions('[[a],[b]]\n\n3 solution(s) found\n')).toThrow(/says 3 solutions but the list has 2/);
  });

  it('refuses malformed lists', () => {
    expect(() => parseProboExtensions('[[a],b]')).toThrow(/expected \[names\]/);
    expect(() => parseProboExtensions('YES')).toThrow(/not a probo extension list/);
  });

  it('reads a single extension', () => {
    expect(parseProboExtension('[]\n\n1 solution(s) found\n')).toEqual([]);
    expect(parseProboExtension('[a, b]')).toEqual(['a', 'b']);
  });
});

describe('ALIAS answers', () => {
  it('reads one extension per line; an empty line is the empty extension', () => {
    expect(parseAliasAnswer('a b\na b c\na b d')).toEqual([['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'd']]);
    expect(parseAliasAnswer('\na12\na12 a15\n')).toEqual([[], ['a12'], ['a12', 'a15']]);
    expect(parseAliasAnswer('a1')).toEqual([['a1']]);
  });

  it('drops the stray `]]` at the end of complete6answer', () => {
    expect(parseAliasAnswer('\na1\na1 a6 a9]]\n')).toEqual([[], ['a1'], ['a1', 'a6', 'a9']]);
  });
});

describe('Paris course solutions', () => {
  it('reads the header and bracketed extensions, ignoring blank lines', () => {
    expect(parseParisSolution('Preferred extensions:\n[A,C,D]\n[A,E,F]\n\n')).toEqual({ semantics: 'preferred', extensions: [['A', 'C', 'D'], ['A', 'E', 'F']] });
  });

  it('reads "No stable extension" as none', () => {
    expect(parseParisSolution('Stable extensions:\nNo stable extension\n')).toEqual({ semantics: 'stable', extensions: [] });
  });

  it('refuses an unknown header', () => {
    expect(() => parseParisSolution('Grounded extension:\n[A]')).toThrow(/unknown header/);
  });
});

describe('deriving from complete extensions', () => {
  const complete = [['a2', 'a3'], [], ['a10', 'a2', 'a3', 'a5'], ['a1', 'a2', 'a3', 'a6', 'a7']];

  it('the grounded extension is the least one', () => {
    expect(leastExtension(complete)).toEqual([]);
    expect(() => leastExtension([['a'], ['b']])).toThrow(/no complete extension/);
  });

  it('the preferred extensions are the maximal ones', () => {
    expect(canonicalExtensions(maximalExtensions(complete))).toEqual([['a1', 'a2', 'a3', 'a6', 'a7'], ['a10', 'a2', 'a3', 'a5']]);
  });

  it('canonical order sorts names, then extensions', () => {
    expect(canonicalExtensions([['b', 'a'], [], ['a']])).toEqual([[], ['a'], ['a', 'b']]);
  });
});
