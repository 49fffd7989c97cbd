/**
 * A tour being presented: which step is on, whether the screen is blanked, and the link
 * between the audience window and the presenter window. Either window can move the tour;
 * each tells the other over a BroadcastChannel, so both always show the same step. In a shared
 * room, presence/room-presentation.svelte.ts carries the same moves to other devices.
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

export interface PresentationOptions {
  /** Whether to keep in step with the other windows of this browser (BroadcastChannel); yes by default. */
  readonly windows?: boolean;
}

export class Presentation {
  tourId: string;
  blanked = $state(false);

  readonly #map: () => ArgMap;
  readonly #channel: BroadcastChannel | undefined;
  /** Told of each move made in this browser (here, or in its other window), not of those `show` brings. */
  readonly #moveListeners = new Set<() => void>();
  /**
   * The step asked for, kept as asked: the map may arrive after the address or the other
   * window names the step (a presenter window waits for the map to be handed over).
   */
  #wantedStep = $state(0);
  /** The step the link asked for, until the tour moves on: out of range, it is reported. */
  #linkedStep = $state<number | undefined>(undefined);

  readonly tour: Tour | undefined = $derived.by(() => this.#map().tours?.find((tour) => tour.id === this.tourId));
  readonly stepIndex: number = $derived(this.tour ? clampStepIndex(this.tour, this.#wantedStep) : 0);
  /** When the link asked for a step the tour does not have: the step asked for (0-based) and the tour's step count. */
  readonly linkOutOfRange: { readonly asked: number; readonly count: number } | undefined = $derived.by(() => {
    const asked = this.#linkedStep;
    if (asked === undefined || !this.tour || clampStepIndex(this.tour, asked) === asked) return undefined;
    return { asked, count: this.tour.steps.length };
  });
  readonly view = $derived.by(() => (this.tour ? stepView(this.#map(), this.tour, this.stepIndex) : undefined));
  readonly nextView = $derived.by(() =>
    this.tour && this.stepIndex + 1 < this.tour.steps.length ? stepView(this.#map(), this.tour, this.stepIndex + 1) : undefined,
  );

  constructor(map: () => ArgMap, tourId: string, stepIndex: number, options: PresentationOptions = {}) {
    this.#map = map;
    this.tourId = $state(tourId);
    this.#wantedStep = stepIndex;
    this.#linkedStep = stepIndex;
    this.#channel = typeof BroadcastChannel === 'undefined' || options.windows === false ? undefined : new BroadcastChannel(PRESENTATION_CHANNEL);
    this.#channel?.addEventListener('message', (event: MessageEvent<unknown>) => this.#receive(event.data));
    // A window that joins asks where the tour is; the others answer with their step.
    this.#send({ type: 'hello' });
  }

  goTo(stepIndex: number): void {
    if (!this.tour) return;
    const clamped = clampStepIndex(this.tour, stepIndex);
    if (clamped === this.stepIndex) return;
    this.#wantedStep = clamped;
    this.#linkedStep = undefined;
    this.#send({ type: 'step', tourId: this.tourId, stepIndex: clamped });
    this.#moved();
  }

  /** Shows a step and blanking another device asked for: this window's own link tells the other windows, as for a move of its own. */
  show(tourId: string, stepIndex: number, blanked: boolean): void {
    if (tourId !== this.tourId) this.tourId = tourId;
    if (!this.tour) return;
    const clamped = clampStepIndex(this.tour, stepIndex);
    if (clamped !== this.stepIndex) {
      this.#wantedStep = clamped;
      this.#linkedStep = undefined;
      this.#send({ type: 'step', tourId: this.tourId, stepIndex: clamped });
    }
    if (blanked !== this.blanked) {
      this.blanked = blanked;
      this.#send({ type: 'blank', blanked });
    }
  }

  /** Calls `listener` after each move made in this browser; returns the function that stops it. */
  onMove(listener: () => void): () => void {
    this.#moveListeners.add(listener);
    return () => this.#moveListeners.delete(listener);
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
    this.#moved();
  }

  close(): void {
    this.#channel?.close();
    this.#moveListeners.clear();
  }

  #moved(): void {
    for (const listener of this.#moveListeners) listener();
  }

  #send(message: PresentationMessage): void {
    this.#channel?.postMessage(message);
  }

  #receive(data: unknown): void {
    if (!isMessage(data)) return;
    // A window still waiting for its map knows no step to answer with.
    if (data.type === 'hello') {
      if (this.tour) this.#send({ type: 'step', tourId: this.tourId, stepIndex: this.stepIndex });
    }
    else if (data.type === 'blank') {
      this.blanked = data.blanked;
      this.#moved();
    } else if (data.tourId === this.tourId) {
      this.#wantedStep = data.stepIndex;
      this.#linkedStep = undefined;
      this.#moved();
    }
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
