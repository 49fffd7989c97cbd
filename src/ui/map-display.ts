/**
 * What the map view shows beyond the map itself: which items are drawn, which are stressed,
 * which match a search, and the badges and fills of nodes. Explore, status and tour state
 * each produce one; the view just draws it.
 */
import type { ArgNode, Camera } from '../core/model.ts';
import type { CameraController } from './camera-controller.svelte.ts';
import type { LiveLayout } from './live-layout.svelte.ts';
import type { Emphasis } from './map-emphasis.ts';
import type { MapSession } from './map-session.svelte.ts';

export type BadgeTone = 'in' | 'out' | 'undec' | 'count' | 'assumed';

export interface NodeBadge {
  readonly text: string;
  readonly title: string;
  readonly tone: BadgeTone;
}

export interface MapDisplay {
  /** Drawn nodes and edges; everything when absent. */
  readonly shown?: { readonly nodes: ReadonlySet<string>; readonly edges: ReadonlySet<string> };
  /** Stressed node and edge ids; the rest of what is drawn fades. */
  readonly stressed?: ReadonlySet<string>;
  /** Search matches, drawn with a ring. */
  readonly matches?: ReadonlySet<string>;
  /** Items that have just appeared (a tour step), drawn fading in. */
  readonly entering?: ReadonlySet<string>;
  readonly badges?: ReadonlyMap<string, readonly NodeBadge[]>;
  /** A fill per node, replacing its kind's fill (the status colour mode). */
  readonly fills?: ReadonlyMap<string, string>;
}

export type MapTheme = 'default' | 'projector';

/** A camera the view should glide to; a new object each time the move is wanted. */
export interface CameraRequest {
  readonly camera: Camera;
}

/** What MapView hands either renderer (SvgMap, CanvasMap). */
export interface RendererProps {
  session: MapSession;
  layout: LiveLayout;
  camera: CameraController;
  display: MapDisplay;
  theme: MapTheme;
  editable: boolean;
  /** The drawn nodes, in drawing order. */
  nodes: readonly ArgNode[];
  emphasis: Emphasis;
  width: number;
  height: number;
}
