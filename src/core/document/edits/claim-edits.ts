/**
 * A node said by a speaker new to the map: the actor and the node are made in one step, so the
 * gesture that makes them (a claim drawn from the source, its speaker typed in) is undone as one.
 */
import type { Actor } from '../../model.ts';
import type { Edit, EditContext } from './edit.ts';
import { addNode, createActor, type NewActor, type NewNode } from './node-edits.ts';

export function addNodeWithNewSpeaker(input: Omit<NewNode, 'actor'>, speaker: NewActor): Edit<{ readonly id: string; readonly actor: string }> {
  return (context) => {
    const actorPlan = createActor(speaker)(context);
    if (!actorPlan.ok) return actorPlan;
    const actor = actorPlan.result.id;
    // The node is checked against the map as it will be: with its speaker in it.
    const actors = new Map<string, Actor>(context.index.actors);
    actors.set(actor, { id: actor, name: speaker.name });
    const withSpeaker: EditContext = { ...context, index: { ...context.index, actors } };
    const nodePlan = addNode({ ...input, actor })(withSpeaker);
    if (!nodePlan.ok) return nodePlan;
    return {
      ok: true,
      description: nodePlan.description,
      result: { id: nodePlan.result.id, actor },
      write: (roots) => {
        actorPlan.write(roots);
        nodePlan.write(roots);
      },
    };
  };
}
