/** The editable document: the only core code that knows Yjs. */
export { mapToDocument, documentToMap, fillDocument, isEmptyDocument, LOAD_ORIGIN } from './convert.ts';
export { MapDocument, type AppliedEdit } from './map-document.ts';
export { ReadModel, type DocumentProblem, type ReadModelChange, type Touched } from './read-model.ts';
export { EditHistory, type HistoryState, type DiscardedRedo } from './history.ts';
export { validateDocument, applyUpdateChecked, CheckedDocument, type CheckedUpdate, type RefusalCause } from './validate.ts';
export { undoLabel, redoLabel, type Description } from './describe.ts';
export type { Edit, EditResult } from './edits/edit.ts';
export { addNode, updateText, setKind, setTags, setSpeaker, createActor, type NewNode, type NewActor } from './edits/node-edits.ts';
export { addNodeWithNewSpeaker } from './edits/claim-edits.ts';
export { addEdge, reverseEdge, setEdgeKind, type NewEdge } from './edits/edge-edits.ts';
export { deleteNodes, deleteEdge, type Deleted } from './edits/delete-edits.ts';
export { moveNodes, unpinNodes, type Place } from './edits/move-edits.ts';
export { changeTours, addTour, deleteTour, renameTour, addStep, updateStep, moveStep, deleteStep } from './edits/tour-edits.ts';
export { copyFragment, parseFragment, pasteFragment, type Pasted } from './edits/paste.ts';
export { replaceMap } from './edits/replace-map.ts';
