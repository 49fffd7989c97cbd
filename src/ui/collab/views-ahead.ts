/**
 * The views a person in a room may open while the connection is down. Each loads with import() on
 * first use, which cannot happen offline, so once a room is joined they are loaded ahead: losing
 * the connection then never leaves a click that opens nothing.
 */
export function loadViewsAhead(): void {
  void Promise.allSettled([
    import('../Inspector.svelte'),
    import('../EdgeInspector.svelte'),
    import('../SourcePanel.svelte'),
    import('../OutlinePanel.svelte'),
    import('../StatusPanel.svelte'),
    import('../ToursPanel.svelte'),
    import('../ArgdownPanel.svelte'),
    import('../MapEditOverlay.svelte'),
    import('../ConnectLayer.svelte'),
    import('../Lasso.svelte'),
    import('../MapKeys.svelte'),
    import('../DeletePrompt.svelte'),
    import('../map-edit-actions.ts'),
    import('../ShortcutsDialog.svelte'),
    import('../PresentationView.svelte'),
    import('../presentation.svelte.ts'),
    import('../ProblemList.svelte'),
  ]);
}
