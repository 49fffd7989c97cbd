// @vitest-environment jsdom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inLanguage, type ArgMap, type Tour } from '../../src/core/model.ts';
import { stepView } from '../../src/core/tours/playback.ts';
import { buildHandoutZip, handoutZipName } from '../../src/export/handouts.ts';
import { settleLayout } from '../../src/layout/force-layout.ts';
import { layoutExtents } from '../../src/layout/node-boxes.ts';
import { loadSeedMap } from '../support/seed.ts';

function parseSvg(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return document;
}

/** The ids drawn; a line for two attacks both ways names the second in data-partner-edge-id. */
function idsOf(document: Document, attribute: 'data-node-id' | 'data-edge-id'): string[] {
  return Array.from(document.querySelectorAll(`[${attribute}]`), (element) => [
    element.getAttribute(attribute) ?? '',
    ...(attribute === 'data-edge-id' && element.hasAttribute('data-partner-edge-id') ? [element.getAttribute('data-partner-edge-id') ?? ''] : []),
  ])
    .flat()
    .sort();
}

function seedTour(map: ArgMap, id: string): Tour {
  const tour = map.tours?.find((candidate) => candidate.id === id);
  if (!tour) throw new Error(`the seed map has no tour ${id}`);
  return tour;
}

const seed = loadSeedMap();
const positions = settleLayout(seed, layoutExtents(seed));

describe('buildHandoutZip', () => {
  const tour = seedTour(seed, 'zhu-vs-fu');
  const files = unzipSync(buildHandoutZip(seed, tour, positions, 'en'));
  const stepFiles = Object.keys(files).filter((name) => name.endsWith('.svg')).sort();

  it('holds one SVG per step, numbered and named after the caption, and a README', () => {
    expect(stepFiles).toHaveLength(tour.steps.length);
    expect(Object.keys(files).sort()).toEqual([...stepFiles, 'README.txt']);
    stepFiles.forEach((name, index) => expect(name).toMatch(new RegExp(`^0${index + 1}-[a-z0-9]+(-[a-z0-9]+)*\\.svg$`)));
    expect(stepFiles[1]).toMatch(/^02-zhu-xiaohu-large-models-destroyed/);
  });

  it('draws exactly what each step shows, stressing its focus', () => {
    stepFiles.forEach((name, index) => {
      const document = parseSvg(strFromU8(files[name] ?? new Uint8Array()));
      const view = stepView(seed, tour, index);
      expect(idsOf(document, 'data-node-id'), name).toEqual([...view.shown.nodes].sort());
      expect(idsOf(document, 'data-edge-id'), name).toEqual([...view.shown.edges].sort());
      const faded = Array.from(document.querySelectorAll('[data-node-id][opacity]'), (element) => element.getAttribute('data-node-id'));
      expect(faded.sort(), name).toEqual([...view.shown.nodes].filter((id) => !view.focus.has(id)).sort());
    });
  });

  it('puts "Step k/n · caption" under the title', () => {
    stepFiles.forEach((name, index) => {
      const subtitle = parseSvg(strFromU8(files[name] ?? new Uint8Array())).querySelector('.subtitle')?.textContent;
      expect(subtitle).toBe(`Step ${index + 1}/${tour.steps.length} · ${inLanguage(tour.steps[index]?.caption ?? {}, 'en')}`);
    });
  });

  it('lists every step with its caption and notes in the README', () => {
    const readme = strFromU8(files['README.txt'] ?? new Uint8Array());
    expect(readme).toContain(inLanguage(tour.title, 'en'));
    tour.steps.forEach((step, index) => {
      expect(readme).toContain(stepFiles[index]);
      expect(readme).toContain(inLanguage(step.caption, 'en'));
      if (step.notes) expect(readme).toContain(inLanguage(step.notes, 'en'));
    });
  });

  it('writes the chosen language', () => {
    const chinese = unzipSync(buildHandoutZip(seed, tour, positions, 'zh'));
    const firstStep = Object.keys(chinese).sort()[0] ?? '';
    expect(firstStep).toBe(stepFiles[0]);
    const subtitle = parseSvg(strFromU8(chinese[firstStep] ?? new Uint8Array())).querySelector('.subtitle')?.textContent;
    expect(subtitle).toBe(`第 1/${tour.steps.length} 步 · ${tour.steps[0]?.caption.zh}`);
    expect(strFromU8(chinese['README.txt'] ?? new Uint8Array())).toContain(tour.title.zh);
  });

  it('gives the same bytes for the same input', () => {
    const again = buildHandoutZip(seed, tour, positions, 'en');
    expect(buildHandoutZip(seed, tour, positions, 'en')).toEqual(again);
  });

  it('dates every entry 1980-01-01 00:00, not the time it was made', () => {
    const zip = buildHandoutZip(seed, tour, positions, 'en');
    const bytes = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // The end-of-central-directory record (no zip comment) gives the entry count and the directory's offset.
    const end = zip.length - 22;
    expect(bytes.getUint32(end, true)).toBe(0x06054b50);
    const entries = bytes.getUint16(end + 10, true);
    expect(entries).toBe(tour.steps.length + 1);
    let central = bytes.getUint32(end + 16, true);
    const DOS_MIDNIGHT = 0;
    const DOS_1980_01_01 = (1 << 5) | 1;
    for (let entry = 0; entry < entries; entry += 1) {
      expect(bytes.getUint32(central, true)).toBe(0x02014b50);
      const local = bytes.getUint32(central + 42, true);
      expect(bytes.getUint32(local, true)).toBe(0x04034b50);
      for (const timeField of [central + 12, local + 10]) {
        expect(bytes.getUint16(timeField, true)).toBe(DOS_MIDNIGHT);
        expect(bytes.getUint16(timeField + 2, true)).toBe(DOS_1980_01_01);
      }
      central += 46 + bytes.getUint16(central + 28, true) + bytes.getUint16(central + 30, true) + bytes.getUint16(central + 32, true);
    }
  });

  it('fades nothing in a step without focus, and names a step without an English caption "step"', () => {
    const plain: Tour = { id: 'plain', title: { zh: '无焦点' }, steps: [{ reveal: ['q-who-wins', 'e-1'], focus: [], caption: { zh: '只有中文' } }] };
    const unzipped = unzipSync(buildHandoutZip(seed, plain, positions, 'zh'));
    expect(Object.keys(unzipped).sort()).toEqual(['01-step.svg', 'README.txt']);
    const document = parseSvg(strFromU8(unzipped['01-step.svg'] ?? new Uint8Array()));
    expect(idsOf(document, 'data-node-id')).toEqual(['q-who-wins', 'tian-concentration']);
    expect(document.querySelectorAll('[opacity]')).toHaveLength(0);
  });

  it('pads step numbers to the width of the step count', () => {
    const tiny: ArgMap = { schemaVersion: 1, title: { en: 'Tiny' }, sources: [], actors: [], nodes: [], edges: [] };
    const long: Tour = { id: 'long', title: { en: 'Long' }, steps: Array.from({ length: 100 }, (_, index) => ({ reveal: [], focus: [], caption: { en: `Part ${index + 1}` } })) };
    const names = Object.keys(unzipSync(buildHandoutZip(tiny, long, [], 'en')));
    expect(names).toContain('001-part-1.svg');
    expect(names).toContain('100-part-100.svg');
  });
});

describe('handoutZipName', () => {
  it('names the zip after the tour', () => {
    expect(handoutZipName(seedTour(seed, 'zhu-vs-fu'))).toBe('zhu-vs-fu-handouts.zip');
    expect(handoutZipName({ id: '百模', title: { zh: '百模' }, steps: [] })).toBe('tour-handouts.zip');
  });
});
