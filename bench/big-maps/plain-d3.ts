/**
 * The baseline of the big-map benchmark: the textbook d3 way to draw a graph. d3-force with its
 * default forces (link, many-body, centre, collide) runs on the main thread on d3's own timer,
 * moving SVG groups (a shape and a one-line label each) and lines every tick until alpha falls
 * below alphaMin; d3-zoom pans and zooms, d3-drag moves a node. Bundled by esbuild in run.ts.
 *
 * It exposes `window.plainOpen(text)`, taking the text of an argmap JSON file, so the benchmark
 * can time it from the same starting point as the app (text to be parsed). The page tells what
 * the benchmark reads in the app: the map's title in `document.title`, `svg.map` saying
 * `data-layout="settling"` until the simulation ends, nodes as `g[data-node-id]`.
 */
import { drag, forceCollide, forceLink, forceManyBody, forceSimulation, forceCenter, select, zoom, zoomIdentity, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3';

interface PlainNode extends SimulationNodeDatum {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly width: number;
}

interface FileNode {
  readonly id: string;
  readonly kind: string;
  readonly text: { readonly zh?: string; readonly en?: string };
}
interface FileEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: string;
}

const NODE_HEIGHT = 24;
const FONT_SIZE = 12;
const COLOURS: Readonly<Record<string, string>> = { support: '#2a9d4b', attack: '#d1495b', answer: '#5b6c8f', undercut: '#d1495b', rephrase: '#999' };
/** The app's rule for its first view: the whole map if it fits at a readable zoom, else its top centre at that zoom. */
const READABLE_ZOOM = 0.8;
const PADDING = 24;

function open(text: string): void {
  const file = JSON.parse(text) as { title: { zh?: string; en?: string }; nodes: FileNode[]; edges: FileEdge[] };
  document.title = file.title.zh ?? file.title.en ?? '';
  const nodes: PlainNode[] = file.nodes.map((node) => {
    const label = node.text.zh ?? node.text.en ?? '';
    // CJK glyphs are about one em wide; a rough width is all collide and the shapes need.
    return { id: node.id, kind: node.kind, label, width: Math.min(360, label.length * FONT_SIZE + 16) };
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edgeById = new Map(file.edges.map((edge) => [edge.id, edge]));
  const links: (SimulationLinkDatum<PlainNode> & { kind: string })[] = [];
  for (const edge of file.edges) {
    // An undercut aims at an edge; a plain graph has no edge-to-edge lines, so it goes to that edge's premise.
    const to = edge.kind === 'undercut' ? edgeById.get(edge.to)?.from : edge.to;
    if (to !== undefined && byId.has(edge.from) && byId.has(to)) links.push({ source: edge.from, target: to, kind: edge.kind });
  }

  const svg = select<SVGSVGElement, unknown>('svg.map').attr('data-layout', 'settling');
  const camera = svg.select<SVGGElement>('g');
  camera.selectAll('*').remove();
  const { width, height } = svg.node()!.getBoundingClientRect();
  const line = camera
    .append('g')
    .selectAll('line')
    .data(links)
    .join('line')
    .attr('stroke', (link) => COLOURS[link.kind] ?? '#999')
    .attr('stroke-width', 1.5);
  const node = camera
    .append('g')
    .selectAll<SVGGElement, PlainNode>('g')
    .data(nodes)
    .join('g')
    .attr('data-node-id', (datum) => datum.id);
  node.each(function draw(datum) {
    const group = select(this);
    if (datum.kind === 'question') group.append('circle').attr('r', NODE_HEIGHT / 2).attr('fill', '#fde6b0').attr('stroke', '#b8860b');
    else group.append('rect').attr('x', -datum.width / 2).attr('y', -NODE_HEIGHT / 2).attr('width', datum.width).attr('height', NODE_HEIGHT).attr('rx', 4).attr('fill', datum.kind === 'claim' ? '#e8f0fe' : '#eef7ea').attr('stroke', '#667');
    group.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', FONT_SIZE).text(datum.label);
  });

  const simulation = forceSimulation(nodes)
    .force('link', forceLink<PlainNode, SimulationLinkDatum<PlainNode>>(links).id((datum) => datum.id))
    .force('charge', forceManyBody())
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide(NODE_HEIGHT));
  simulation.on('tick', () => {
    line
      .attr('x1', (link) => (link.source as PlainNode).x!)
      .attr('y1', (link) => (link.source as PlainNode).y!)
      .attr('x2', (link) => (link.target as PlainNode).x!)
      .attr('y2', (link) => (link.target as PlainNode).y!);
    node.attr('transform', (datum) => `translate(${datum.x},${datum.y})`);
  });

  const zoomBehaviour = zoom<SVGSVGElement, unknown>().on('zoom', (event: { transform: { toString(): string } }) => camera.attr('transform', event.transform.toString()));
  svg.call(zoomBehaviour);
  // The same first view as the app, once the layout is at rest, so pan and zoom paint comparable scenes.
  simulation.on('end.camera', () => {
    simulation.on('end.camera', null);
    const xs = nodes.map((datum) => datum.x!);
    const ys = nodes.map((datum) => datum.y!);
    const [left, right, top, bottom] = [Math.min(...xs) - 180, Math.max(...xs) + 180, Math.min(...ys) - NODE_HEIGHT, Math.max(...ys) + NODE_HEIGHT];
    const fit = Math.min((width - 2 * PADDING) / (right - left), (height - 2 * PADDING) / (bottom - top));
    const k = fit >= READABLE_ZOOM ? Math.min(fit, 1.25) : READABLE_ZOOM;
    const y = fit >= READABLE_ZOOM ? height / 2 - ((top + bottom) / 2) * k : PADDING - top * k;
    svg.call(zoomBehaviour.transform, zoomIdentity.translate(width / 2 - ((left + right) / 2) * k, y).scale(k));
    svg.attr('data-layout', 'settled');
  });

  node.call(
    drag<SVGGElement, PlainNode>()
      .on('start', (event: { active: number; subject: PlainNode }) => {
        if (!event.active) simulation.alphaTarget(0.3).restart();
        event.subject.fx = event.subject.x ?? null;
        event.subject.fy = event.subject.y ?? null;
      })
      .on('drag', (event: { x: number; y: number; subject: PlainNode }) => {
        event.subject.fx = event.x;
        event.subject.fy = event.y;
      })
      .on('end', (event: { active: number; subject: PlainNode }) => {
        if (!event.active) simulation.alphaTarget(0);
        event.subject.fx = null;
        event.subject.fy = null;
      }),
  );
}

(window as unknown as { plainOpen: typeof open }).plainOpen = open;
