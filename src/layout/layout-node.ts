/** The records d3-force moves: copies made for the simulation, never the map's own objects. */
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3';

export interface LayoutNode extends SimulationNodeDatum {
  readonly id: string;
  readonly width: number;
  readonly height: number;
  x: number;
  y: number;
}

export interface LayoutLink extends SimulationLinkDatum<LayoutNode> {
  readonly id: string;
  source: LayoutNode;
  target: LayoutNode;
}

/** A node's place, copied out of the simulation so that renderers see a fresh value. */
export interface Position {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}
