/**
 * The split between `npm test` (everything in the clone) and `npm run test:conformance` (corpora
 * that may not be copied, read from CORPORA_DIR, by default ../shared/corpora): the conformance
 * runner stops with a message naming CORPORA_DIR when they are missing, and nothing that npm test
 * runs reads outside the clone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import conformanceConfig from '../../vitest.conformance.config.ts';
import checkCorpora from '../conformance/global-setup.ts';
import { corporaDir, missingCorporaMessage, OUTSIDE_CORPORA, PROJECT_ROOT, requireCorpora } from '../conformance/corpora-dir.ts';

const empty = mkdtempSync(join(tmpdir(), 'argmap-no-corpora-'));

describe('the conformance runner', () => {
  const saved = process.env['CORPORA_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CORPORA_DIR'];
    else process.env['CORPORA_DIR'] = saved;
  });

  it('reads CORPORA_DIR, by default ../shared/corpora beside the clone; a relative value is relative to the clone', () => {
    expect(corporaDir({})).toBe(resolve(PROJECT_ROOT, '../shared/corpora'));
    expect(corporaDir({ CORPORA_DIR: '' })).toBe(resolve(PROJECT_ROOT, '../shared/corpora'));
    expect(corporaDir({ CORPORA_DIR: 'elsewhere/corpora' })).toBe(resolve(PROJECT_ROOT, 'elsewhere/corpora'));
    expect(corporaDir({ CORPORA_DIR: empty })).toBe(empty);
  });

  it('stops with a message that names CORPORA_DIR, where it looked and what is missing', () => {
    expect(() => requireCorpora({ CORPORA_DIR: empty })).toThrow(missingCorporaMessage(empty, OUTSIDE_CORPORA));
    const message = missingCorporaMessage(empty, ['aif-qt30-dialam2024']);
    expect(message).toContain('CORPORA_DIR=/path/to/corpora npm run test:conformance');
    expect(message).toContain(`${empty} lacks aif-qt30-dialam2024`);
    expect(message).toContain('../shared/corpora');
    expect(message).toContain('npm test needs none of them');
  });

  it('its global setup (Vitest and Playwright) refuses to start without the corpora, and starts with them', () => {
    process.env['CORPORA_DIR'] = empty;
    expect(() => checkCorpora()).toThrow(/CORPORA_DIR/);
    const full = mkdtempSync(join(tmpdir(), 'argmap-corpora-'));
    for (const folder of OUTSIDE_CORPORA) mkdirSync(join(full, folder));
    process.env['CORPORA_DIR'] = full;
    expect(() => checkCorpora()).not.toThrow();
  });

  it('is its own Vitest project: only tests/conformance, behind the corpora check', () => {
    expect(conformanceConfig.test?.include).toEqual(['tests/conformance/**/*.test.ts']);
    expect(conformanceConfig.test?.globalSetup).toEqual(['tests/conformance/global-setup.ts']);
  });
});

/** Every file under a folder of the clone, as paths relative to the project root. */
function filesUnder(folder: string): string[] {
  const absolute = join(PROJECT_ROOT, folder);
  return readdirSync(absolute).flatMap((name) => {
    const path = join(absolute, name);
    return statSync(path).isDirectory() ? filesUnder(relative(PROJECT_ROOT, path)) : [relative(PROJECT_ROOT, path)];
  });
}

describe('npm test needs nothing outside the clone', () => {
  it('does not run the conformance suite', () => {
    const npmTestConfig = readFileSync(join(PROJECT_ROOT, 'vite.config.ts'), 'utf8');
    const include = /include:\s*\[([^\]]*)\]/.exec(npmTestConfig)?.[1] ?? '';
    expect(include).toContain('tests/unit/');
    expect(include).not.toContain('conformance');
    expect(readFileSync(join(PROJECT_ROOT, 'playwright.config.ts'), 'utf8')).toContain("testDir: 'tests/e2e'");
  });

  it('no test, source or config file outside the conformance suite names ../shared or reads CORPORA_DIR', () => {
    const files = [...filesUnder('tests'), ...filesUnder('src'), 'vite.config.ts', 'playwright.config.ts']
      .filter((file) => !file.includes('conformance') && /\.(ts|js|svelte|json|md)$/.test(file) && !file.startsWith('tests/corpora/argdown'));
    expect(files.length).toBeGreaterThan(100);
    const outside = files.filter((file) => {
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      return /\.\.\/shared|\/work\/shared/.test(text) || /process\.env(?:\.|\[['"])CORPORA_DIR/.test(text);
    });
    expect(outside).toEqual([]);
  });
});

describe('the corpora in the clone', () => {
  const corpora = join(PROJECT_ROOT, 'tests/corpora');
  const readme = readFileSync(join(corpora, 'README.md'), 'utf8');

  it('every folder is named in tests/corpora/README.md, with its origin commit and licence', () => {
    const folders = [
      ...readdirSync(corpora).filter((name) => statSync(join(corpora, name)).isDirectory() && name !== 'gpl-3.0' && name !== 'licences'),
      ...readdirSync(join(corpora, 'gpl-3.0')).filter((name) => statSync(join(corpora, 'gpl-3.0', name)).isDirectory()).map((name) => `gpl-3.0/${name}`),
    ];
    expect(folders.length).toBeGreaterThanOrEqual(7);
    for (const folder of folders) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${folder}/\``));
      expect(row, `${folder} has a row in the README`).toBeDefined();
      expect(row, `${folder}: origin @ commit`).toMatch(/@ [0-9a-f]{12}/);
      expect(row, `${folder}: licence`).toMatch(/MIT|GPL-3\.0/);
    }
  });

  it('the GPL-3.0 copies sit beside the licence text, and the MIT copies beside their notices', () => {
    expect(readFileSync(join(corpora, 'gpl-3.0/COPYING'), 'utf8')).toMatch(/GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007/);
    for (const notice of readdirSync(join(corpora, 'licences'))) {
      expect(readFileSync(join(corpora, 'licences', notice), 'utf8')).toMatch(/MIT License[\s\S]*Permission is hereby granted/);
      expect(readme).toContain(`licences/${notice}`);
    }
  });

  it('.ci/run installs what the tests need and runs both commands', () => {
    const ci = readFileSync(join(PROJECT_ROOT, '.ci/run'), 'utf8');
    for (const needed of ['chromium', 'fonts-noto-cjk', 'redis-server', 'npm ci', 'npm test', 'npm run test:conformance']) expect(ci).toContain(needed);
    expect(ci.indexOf('npm test')).toBeLessThan(ci.indexOf('npm run test:conformance'));
  });
});
