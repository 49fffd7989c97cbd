/**
 * The schema validator is generated ahead of time (no `new Function` at run time, so the page's CSP
 * needs no 'unsafe-eval'); the checked-in module must be what the schema generates today.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateRecordValidatorsSource, generateValidatorSource, RECORD_DEFINITIONS, RECORD_VALIDATORS_PATH, SCHEMA_PATH, VALIDATOR_PATH,
} from '../../scripts/generate-schema-validator.ts';
import * as recordValidators from '../../src/core/validate/record-validators.generated.js';
import { loadMapText } from '../../src/core/load-map.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|js|svelte)$/.test(name) ? [path] : [];
  });
}

describe('the precompiled schema validator', () => {
  it('is checked in exactly as the schema generates it (run `npm run generate:validator` after a schema change)', () => {
    const schema = readFileSync(SCHEMA_PATH, 'utf8');
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(generateValidatorSource(schema));
    expect(readFileSync(RECORD_VALIDATORS_PATH, 'utf8')).toBe(generateRecordValidatorsSource(schema));
  });

  it('needs no code evaluation and no runtime import', () => {
    for (const path of [VALIDATOR_PATH, RECORD_VALIDATORS_PATH]) {
      const code = readFileSync(path, 'utf8');
      expect(code).not.toMatch(/\bnew Function\b|\bFunction\(|\beval\(/);
      expect(code).not.toMatch(/\brequire\(|^\s*import\b/m);
    }
  });

  it('checks one record at a time by its definition, for the editable document', () => {
    expect(Object.keys(recordValidators).sort()).toEqual([...RECORD_DEFINITIONS].sort());
    expect(recordValidators.node({ id: 'n', kind: 'claim', text: { zh: '主张' } })).toBe(true);
    expect(recordValidators.node({ id: 'n', kind: 'opinion', text: { zh: '主张' } })).toBe(false);
    expect(recordValidators.node.errors?.[0]).toMatchObject({ keyword: 'enum', instancePath: '/kind' });
    expect(recordValidators.bilingual({})).toBe(false);
    expect(recordValidators.edge({ id: 'e', from: 'a', to: 'b', kind: 'support', colour: 'red' })).toBe(false);
  });

  it('is the only validator: nothing in src/ loads Ajv at run time', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    const runtimeAjv = sourceFiles(root).filter((path) => /^\s*import(?!\s+type\b)[^;]*from\s+['"]ajv/m.test(readFileSync(path, 'utf8')));
    expect(runtimeAjv).toEqual([]);
  });

  it('still reports located, readable errors', () => {
    const text = '{\n  "schemaVersion": 1,\n  "title": {"en": "t"},\n  "sources": [],\n  "actors": [],\n  "nodes": [{"id": "n1", "kind": "opinion", "text": {"en": "x"}}],\n  "edges": [],\n  "colour": 1\n}';
    const result = loadMapText(text);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/nodes/0/kind', line: 6, message: 'kind must be one of question, claim, evidence, not "opinion"' }));
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/colour', message: expect.stringContaining('unknown property "colour"') }));
  });

  it('counts a length limit in characters, as the schema means, not UTF-16 units', () => {
    const astral = '𠀀'.repeat(10_000);
    const map = { schemaVersion: 1, title: { zh: astral }, sources: [], actors: [], nodes: [{ id: 'n', kind: 'claim', text: { zh: astral } }], edges: [] };
    expect(loadMapText(JSON.stringify(map)).ok).toBe(true);
  });
});
