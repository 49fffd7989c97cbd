/**
 * Tour edits: the pure tour functions of src/core/tours/editing.ts, written back as the tours
 * they changed. Those functions already keep the format's counts (1 to 500 steps, 200 tours);
 * what a step names must still be in the map.
 */
import type { ArgMap, Bilingual, Tour, TourStep } from '../../model.ts';
import { quoteForMessage } from '../../problems.ts';
import * as tours from '../../tours/editing.ts';
import { META_FIELD } from '../doc-schema.ts';
import type { Description } from '../describe.ts';
import { schemaProblem } from '../record-rules.ts';
import { tourRecord } from '../write-records.ts';
import { isElementId, refuse, type Edit, type EditContext } from './edit.ts';

function tourProblem(context: EditContext, tour: Tour): string | undefined {
  const problem = schemaProblem('tour', JSON.parse(JSON.stringify({ id: tour.id, title: tour.title, steps: tour.steps })));
  if (problem !== undefined) return `tour ${quoteForMessage(tour.id)}: ${problem}`;
  for (const [index, step] of tour.steps.entries()) {
    const missing = [...step.reveal, ...step.focus].find((id) => !isElementId(context.index, id));
    if (missing !== undefined) return `step ${index + 1} of tour ${quoteForMessage(tour.id)} names a missing node or edge ${quoteForMessage(missing)}`;
  }
  return undefined;
}

/** Any change to the map's tours made by `change`; "nothing changed" is refused. */
export function changeTours<R = void>(
  description: Description,
  change: (map: ArgMap) => { map: ArgMap; result: R } | ArgMap,
  named: readonly string[] = [],
): Edit<R | undefined> {
  return (context) => {
    const missing = named.find((id) => !isElementId(context.index, id));
    if (missing !== undefined) return refuse(`a tour step names a missing node or edge ${quoteForMessage(missing)}`);
    const changed = change(context.map);
    const next = 'map' in changed ? changed.map : changed;
    const result = 'map' in changed ? changed.result : undefined;
    if (next === context.map) return refuse('the tours did not change');
    const before = context.map.tours ?? [];
    const after = next.tours ?? [];
    const beforeById = new Map(before.map((tour) => [tour.id, tour]));
    const afterIds = new Set(after.map((tour) => tour.id));
    for (const tour of after) {
      if (beforeById.get(tour.id) === tour) continue;
      const problem = tourProblem(context, tour);
      if (problem !== undefined) return refuse(problem);
    }
    const kept = after.filter((tour) => beforeById.has(tour.id)).map((tour) => tour.id);
    const keptBefore = before.filter((tour) => afterIds.has(tour.id)).map((tour) => tour.id);
    const reordered = kept.some((id, index) => keptBefore[index] !== id);
    let nextOrder = context.nextOrder('tours');
    return {
      ok: true,
      description,
      result,
      write: (roots) => {
        for (const tour of before) if (!afterIds.has(tour.id)) roots.tours.delete(tour.id);
        after.forEach((tour, index) => {
          if (!reordered && beforeById.get(tour.id) === tour) return;
          const stored = roots.tours.get(tour.id) as { order?: unknown } | undefined;
          const order = reordered ? index : typeof stored?.order === 'number' ? stored.order : nextOrder++;
          roots.tours.set(tour.id, tourRecord(tour, order));
        });
        roots.meta.set(META_FIELD.toursListed, next.tours !== undefined);
      },
    };
  };
}

const say = (zh: string, en: string): Description => ({ zh, en });

export const addTour = (newTour: tours.NewTour): Edit<string | undefined> =>
  changeTours(say('添加导览', 'add a tour'), (map) => {
    const added = tours.addTour(map, newTour);
    return added === undefined ? map : { map: added.map, result: added.tourId };
  }, newTour.firstStep === undefined ? [] : [...newTour.firstStep.reveal, ...newTour.firstStep.focus]);
export const deleteTour = (tourId: string): Edit<undefined> => changeTours(say('删除导览', 'delete a tour'), (map) => tours.deleteTour(map, tourId));
export const renameTour = (tourId: string, title: Bilingual): Edit<undefined> => changeTours(say('重命名导览', 'rename a tour'), (map) => tours.renameTour(map, tourId, title));
export const addStep = (tourId: string, step: TourStep, atIndex?: number): Edit<undefined> =>
  changeTours(say('添加导览步骤', 'add a tour step'), (map) => tours.addStep(map, tourId, step, atIndex), [...step.reveal, ...step.focus]);
export const updateStep = (tourId: string, stepIndex: number, patch: tours.StepPatch): Edit<undefined> =>
  changeTours(say('修改导览步骤', 'change a tour step'), (map) => tours.updateStep(map, tourId, stepIndex, patch), [...(patch.reveal ?? []), ...(patch.focus ?? [])]);
export const moveStep = (tourId: string, fromIndex: number, toIndex: number): Edit<undefined> =>
  changeTours(say('移动导览步骤', 'move a tour step'), (map) => tours.moveStep(map, tourId, fromIndex, toIndex));
export const deleteStep = (tourId: string, stepIndex: number): Edit<undefined> =>
  changeTours(say('删除导览步骤', 'delete a tour step'), (map) => tours.deleteStep(map, tourId, stepIndex));
