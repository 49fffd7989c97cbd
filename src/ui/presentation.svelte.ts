/**
 * A tour being presented: which step is on, whether the screen is blanked, and the link
 * between the audience window and the presenter window. Either window can move the tour;
 * each tells the other over a BroadcastChannel, so both always show the same step.
 */
import type { ArgMap, Tour } from '../core/model.ts';
import { clampStepIndex, stepView } from '../core/tours/playback.ts';

export const PRESENTATION_CHANNEL = 'argmap-presentation';

type PresentationMessage =
  | { readonly type: 'step'; readonly tourId: string; readonly stepIndex: number }
  | { readonly type: 'blank'; readonly blanked: boolean }
  | { readonly type: 'hello' };

function isMessage(data: unknown): data is PresentationMessage {
  if (data === null || typeof data !== 'object') return false;
  const message = data as Record<string, unknown>;
  if (message['type'] === 'step') return typeof message['tourId'] === 'string' && Number.isInteger(message['stepIndex']);
  if (message['type'] === 'blank') return typeof message['blanked'] === 'boolean';
  return message['type'] === 'hello';
}

export class Presentation {
  tourId: string;
  stepIndex: number;
  blanked = $state(false);

  readonly #map: () => ArgMap;
  readonly #channel: BroadcastChannel | undefined;

  readonly tour: Tour | undefined = $derived.by(() => this.#map().tours?.find((tour) => tour.id === this.tourId));
  readonly view = $derived.by(() => (this.tour ? stepView(this.#map(), this.tour, this.stepIndex) : undefined));
  readonly nextView = $derived.by(() =>
    this.tour && this.stepIndex + 1 < this.tour.steps.length ? stepView(this.#map(), this.tour, this.stepIndex + 1) : undefined,
  );

  constructor(map: () => ArgMap, tourId: string, stepIndex: number) {
    this.#map = map;
    this.tourId = $state(tourId);
    this.stepIndex = $state(0);
    this.stepIndex = this.tour ? clampStepIndex(this.tour, stepIndex) : 0;
    this.#channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(PRESENTATION_CHANNEL);
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => this.#receive(event.data));
    // A window that joins asks where the tour is; the others answer with their step.
    this.#send({ type: 'hello' });
  }

  goTo(stepIndex: number): void {
    if (!this.tour) return;
    const clamped = clampStepIndex(this.tour, stepIndex);
    if (clamped === this.stepIndex) return;
    this.stepIndex = clamped;
    this.#send({ type: 'step', tourId: this.tourId, stepIndex: clamped });
  }

  next(): void {
    this.goTo(this.stepIndex + 1);
  }

  previous(): void {
    this.goTo(this.stepIndex - 1);
  }

  first(): void {
    this.goTo(0);
  }

  last(): void {
    this.goTo(Number.MAX_SAFE_INTEGER);
  }

  toggleBlank(): void {
    this.blanked = !this.blanked;
    this.#send({ type: 'blank', blanked: this.blanked });
  }

  close(): void {
    this.#channel?.close();
  }

  #send(message: PresentationMessage): void {
    this.#channel?.postMessage(message);
  }

  #receive(data: unknown): void {
    if (!isMessage(data)) return;
    if (data.type === 'hello') this.#send({ type: 'step', tourId: this.tourId, stepIndex: this.stepIndex });
    else if (data.type === 'blank') this.blanked = data.blanked;
    else if (data.tourId === this.tourId && this.tour) this.stepIndex = clampStepIndex(this.tour, data.stepIndex);
  }
}

/** The keys a clicker or a keyboard sends, and what they do. */
export function presentationKeyAction(key: string): 'next' | 'previous' | 'first' | 'last' | 'blank' | 'leave' | undefined {
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
    case 'ArrowDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
    case 'ArrowUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'Escape':
      return 'leave';
    default:
      return undefined;
  }
}
