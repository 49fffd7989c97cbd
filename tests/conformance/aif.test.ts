/**
 * Every AIF file of the corpora that may not be copied into the repository (AraucariaDB, IAC,
 * US2016 and microtexts from arguebase; QT30 dialogues; xAIF), read from CORPORA_DIR: it opens with
 * what the mapping rules give (counted straight from the file), is written back equal to itself,
 * `validate` exits 0 where `stats` and `convert` accept it, and its actors are named people.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCommandsAgree, expectMappingAndRoundTrip, expectNamedActors } from '../support/aif-corpus.ts';
import { outsideCorpus, type OutsideCorpus } from './corpora-dir.ts';

const FOLDERS: readonly OutsideCorpus[] = ['aif-arguebase', 'aif-qt30-dialam2024', 'aif-xaif-argtech'];
/** How many AIF files each folder holds (the corpora README's tables). */
const EXPECTED_FILES: Readonly<Record<string, number>> = { 'aif-arguebase': 26, 'aif-qt30-dialam2024': 20, 'aif-xaif-argtech': 3 };

const FILES = FOLDERS.flatMap((folder) => {
  const dir = outsideCorpus(folder);
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => ({ folder, name, path: join(dir, name) }));
});

describe('AIF conformance on the corpora in CORPORA_DIR', () => {
  it('finds every AIF file', () => {
    for (const folder of FOLDERS) expect(FILES.filter((file) => file.folder === folder), folder).toHaveLength(EXPECTED_FILES[folder]!);
  });

  for (const { folder, name, path } of FILES) {
    it(`${folder}/${name} opens as the mapping rules say and is written back unchanged`, () => {
      expectMappingAndRoundTrip(path);
    }, 60_000);

    it(`${folder}/${name}: validate exits 0, stats and convert agree, actors are named people`, async () => {
      expectNamedActors(path);
      await expectCommandsAgree(path);
    }, 60_000);
  }

  it('the dialogue maps name their speakers: QT30 19157 quotes Anthony Scaramucci and Fiona Bruce, US2016 10280 its commenters', async () => {
    const { importAif } = await import('../../src/core/formats/aif.ts');
    const { readFileSync } = await import('node:fs');
    const actorsOf = (folder: OutsideCorpus, name: string) => importAif(readFileSync(join(outsideCorpus(folder), name), 'utf8')).map!.actors.map((actor) => actor.id);
    expect(actorsOf('aif-qt30-dialam2024', 'nodeset19157.json')).toEqual(expect.arrayContaining(['Anthony Scaramucci', 'Fiona Bruce']));
    const us2016 = actorsOf('aif-arguebase', 'us-2016__nodeset10280.json');
    expect(us2016).toEqual(expect.arrayContaining(['HIllary', 'Anderson']));
    expect(us2016).not.toContain('Barbara');
    expect(actorsOf('aif-arguebase', 'araucaria__nodeset219.json')).toEqual(['VCBrown', 'Speaker']);
    expect(actorsOf('aif-xaif-argtech', 'bert-te__xaif_sample.json')).toEqual(['Speaker 1', 'Speaker 2']);
  });
});
