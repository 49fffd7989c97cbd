/**
 * A person moving the camera themselves (a wheel, a drag, a pinch), as opposed to the app gliding
 * it: following someone, or a presentation, stops at that. Listens in the capture phase, so a
 * drag of the map is seen before d3-zoom takes it.
 */
const DRAG_THRESHOLD_PX = 4;

export function onOwnCameraMove(element: HTMLElement, moved: () => void): () => void {
  let start: { x: number; y: number } | undefined;
  const onWheel = (): void => moved();
  const onDown = (event: PointerEvent): void => {
    start = { x: event.clientX, y: event.clientY };
  };
  const onMove = (event: PointerEvent): void => {
    if (start === undefined || event.buttons === 0) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) < DRAG_THRESHOLD_PX) return;
    start = undefined;
    moved();
  };
  const onUp = (): void => {
    start = undefined;
  };
  element.addEventListener('wheel', onWheel, { capture: true, passive: true });
  element.addEventListener('pointerdown', onDown, { capture: true });
  element.addEventListener('pointermove', onMove, { capture: true });
  element.addEventListener('pointerup', onUp, { capture: true });
  return () => {
    element.removeEventListener('wheel', onWheel, { capture: true });
    element.removeEventListener('pointerdown', onDown, { capture: true });
    element.removeEventListener('pointermove', onMove, { capture: true });
    element.removeEventListener('pointerup', onUp, { capture: true });
  };
}
