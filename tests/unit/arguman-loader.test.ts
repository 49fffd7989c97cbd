/**
 * The Arguman test loader (tests/support/arguman.ts) on hand-made CSV; the real Arguman graphs,
 * which may not be copied into the repository, are opened by tests/conformance/arguman-layout.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { argumanMap, parseCsv } from '../support/arguman.ts';
import { loaded } from '../support/load-result.ts';

describe('the Arguman test loader', () => {
  it('reads quoted CSV fields with commas, doubled quotes, line breaks and CRLF rows', () => {
    expect(parseCsv('n,label\r\n1," a, ""b""\nc"\r\n2,d')).toEqual([['n', 'label'], ['1', ' a, "b"\nc'], ['2', 'd']]);
    expect(() => parseCsv('n\n"open')).toThrow(/the CSV is malformed at row 2: .*unterminated/i);
  });

  it('maps weights to stances: 1.0 support, -1.0 attack, -0.5 an attack with the scheme "however"', () => {
    const nodes = 'n,url,label,description\n0,a," Root",""\n1,b," Because",""\n2,c," But",""\n3,d," However",""\n';
    const edges = 'n1,n2,weight\n1,0,1.0\n2,0,-1.0\n3,0,-0.5\n';
    const { map } = loaded(argumanMap(nodes, edges, 'am-en'));
    expect(map.nodes[0]).toEqual({ id: 'n0', kind: 'claim', text: { en: 'Root' } });
    expect(map.edges).toEqual([
      { id: 'e1', from: 'n1', to: 'n0', kind: 'support' },
      { id: 'e2', from: 'n2', to: 'n0', kind: 'attack' },
      { id: 'e3', from: 'n3', to: 'n0', kind: 'attack', scheme: 'however' },
    ]);
    expect(() => argumanMap(nodes, 'n1,n2,weight\n1,0,0.5\n', 'am-en')).toThrow('edge row 2 has the weight 0.5, which is no Arguman stance');
  });
});
