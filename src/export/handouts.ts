/**
 * Handouts of a tour: a zip with one standalone SVG per step (what the step shows, its focus
 * stressed, "Step k/n · caption" under the title) and a README.txt listing the steps with their
 * captions and notes. The same map, tour, layout and language always give the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { inLanguage, type ArgMap, type Language, type Tour } from '../core/model.ts';
import { stepView, type StepView } from '../core/tours/playback.ts';
import { slugify } from '../core/tours/slug.ts';
import type { Position } from '../layout/layout-node.ts';
import { buildSvg } from './svg.ts';

/**
 * Every entry's modification time. A zip stores local date and time fields, and fflate reads them
 * from a Date's local getters, so a date made from local fields is the same bytes in every time
 * zone; 1980 is the earliest year a zip can store.
 */
const FIXED_MODIFICATION_TIME = new Date(1980, 0, 1, 0, 0, 0);

const WORDS = {
  zh: {
    step: (number: number, count: number) => `第 ${number}/${count} 步`,
    summary: (count: number) => `共 ${count} 步，每步一张 SVG 图。`,
  },
  en: {
    step: (number: number, count: number) => `Step ${number}/${count}`,
    summary: (count: number) => `${count} step${count === 1 ? '' : 's'}, one SVG picture per step.`,
  },
} as const satisfies Record<Language, unknown>;

/** The name to offer when the zip is downloaded. */
export function handoutZipName(tour: Tour): string {
  return `${slugify(tour.id, 'tour')}-handouts.zip`;
}

export function buildHandoutZip(map: ArgMap, tour: Tour, positions: readonly Position[], language: Language): Uint8Array {
  const words = WORDS[language];
  const count = tour.steps.length;
  const digits = Math.max(2, String(count).length);
  const files: Zippable = {};
  const readme = [inLanguage(map.title, language), inLanguage(tour.title, language), words.summary(count), ''];
  tour.steps.forEach((step, index) => {
    const view = stepView(map, tour, index);
    const heading = `${words.step(index + 1, count)} · ${inLanguage(step.caption, language)}`;
    // The English caption names the file: ASCII names survive every unzip tool.
    const fileName = `${String(index + 1).padStart(digits, '0')}-${slugify(inLanguage(step.caption, 'en'), 'step')}.svg`;
    files[fileName] = strToU8(buildStepSvg(map, positions, language, view, heading));
    readme.push(fileName, heading);
    if (step.notes) readme.push(...inLanguage(step.notes, language).split('\n').map((line) => `    ${line}`));
    readme.push('');
  });
  files['README.txt'] = strToU8(readme.join('\n'));
  return zipSync(files, { mtime: FIXED_MODIFICATION_TIME });
}

/** The picture of one tour step: what it shows, with its focus stressed and `subtitle` under the title. */
export function buildStepSvg(map: ArgMap, positions: readonly Position[], language: Language, view: StepView, subtitle?: string): string {
  // An empty focus stresses nothing; handed to buildSvg it would fade everything.
  const focus = view.focus.size > 0 ? view.focus : undefined;
  return buildSvg(map, positions, { language, shown: view.shown, ...(subtitle === undefined ? {} : { subtitle }), ...(focus ? { focus } : {}) });
}
