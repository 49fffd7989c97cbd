/**
 * What this person is doing right now that others in a shared room see beside their selection:
 * the node whose text they are typing in. The views that edit text set it; presence shares it.
 */
class LocalActivity {
  /** The node whose text is being typed in (inline on the map, or in the inspector). */
  typingIn = $state.raw<string | undefined>(undefined);
}

export const localActivity = new LocalActivity();
