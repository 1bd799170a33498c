import cytoscape, { type Core, type ElementDefinition, type EventObject, type LayoutOptions, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { ALL_LABELS, Label } from '../../graph-schema/labels.ts';
import { ALL_RELS } from '../../graph-schema/relationships.ts';
import { displayName, type GraphState, type PathHighlight } from './graph-state.ts';
import { relJa } from './ja-text.ts';
import { LABEL_STYLE, REL_STYLE } from './label-style.ts';
import type { Selection } from './url-state.ts';

cytoscape.use(fcose);

/** The same CJK font stack as the page, so node labels render Japanese with Noto. */
export const FONT_STACK = '"Noto Sans CJK JP", "Noto Sans JP", sans-serif';

/** Nodes above which layouts run without animation. */
const ANIMATE_MAX_NODES = 250;
const BASE_NODE_SIZE = 28;
/** Fitting never zooms in further than this. */
const FIT_MAX_ZOOM = 1.3;
/** A selected node's edges are labelled up to this many. */
const NEAR_LABEL_MAX_EDGES = 12;
/** Nodes up to which the slower, better layout quality is used from scratch. */
const PROOF_MAX_NODES = 300;

export interface GraphViewEvents {
  /** A node or edge was tapped (null: the background). */
  onSelect(selection: Selection | null): void;
  /** A node was double-tapped: expand it. */
  onExpand(key: string): void;
}

/**
 * Draws a GraphState with Cytoscape.js: adds and removes elements by diffing against the
 * state, places new nodes next to their neighbours and runs fcose, hides filtered elements,
 * emphasises paths and the selection. Stays readable with a few hundred nodes: labels
 * disappear below a zoom threshold (min-zoomed-font-size), edge labels show only around the
 * selection, and panning/zooming uses a cached texture with edges hidden.
 */
export class GraphView {
  readonly cy: Core;
  private layout: cytoscape.Layouts | null = null;
  private running = false;

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    this.cy = cytoscape({
      container,
      style: graphStylesheet(),
      minZoom: 0.08,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      hideLabelsOnViewport: true,
      motionBlur: false,
      pixelRatio: 'auto',
    });
    this.cy.on('tap', 'node', (event: EventObject) => this.events.onSelect({ kind: 'node', key: event.target.id() as string }));
    this.cy.on('tap', 'edge', (event: EventObject) => this.events.onSelect({ kind: 'edge', id: event.target.id() as string }));
    this.cy.on('tap', (event: EventObject) => {
      if (event.target === this.cy) this.events.onSelect(null);
    });
    this.cy.on('dbltap', 'node', (event: EventObject) => this.events.onExpand(event.target.id() as string));
    this.cy.on('mouseover', 'node, edge', () => container.classList.add('is-pointing'));
    this.cy.on('mouseout', 'node, edge', () => container.classList.remove('is-pointing'));
  }

  /** Brings the drawing in line with the state; returns true when elements were added. */
  render(state: GraphState, visible: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }, highlight: PathHighlight | null): boolean {
    const cy = this.cy;
    const wasEmpty = cy.nodes().length === 0;
    const added: ElementDefinition[] = [];
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        if (!state.edges.has(edge.id())) edge.remove();
      });
      cy.nodes().forEach((node) => {
        if (!state.nodes.has(node.id())) node.remove();
      });
      const placed = new Map<string, cytoscape.Position>();
      cy.nodes().forEach((node) => {
        placed.set(node.id(), node.position());
      });
      const center = viewportCenter(cy);
      for (const node of state.nodes.values()) {
        const existing = cy.getElementById(node.key);
        const data = { id: node.key, label: node.label, display: displayName(node) };
        if (existing.nonempty()) {
          if (existing.data('display') !== data.display) existing.data('display', data.display);
          continue;
        }
        added.push({ group: 'nodes', data, position: wasEmpty ? scattered(state.nodes.size, center) : nearNeighbours(node.key, state, placed, center) });
      }
      for (const edge of state.edges.values()) {
        if (cy.getElementById(edge.id).nonempty()) continue;
        added.push({ group: 'edges', data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type, typeJa: relJa(edge.type) } });
      }
      if (added.length > 0) cy.add(added);
      const pathNodes = new Set(highlight?.nodes ?? []);
      const pathEdges = new Set(highlight?.edges ?? []);
      cy.nodes().forEach((node) => {
        node.toggleClass('filtered', !visible.nodes.has(node.id()));
        node.toggleClass('path', pathNodes.has(node.id()));
      });
      cy.edges().forEach((edge) => {
        edge.toggleClass('filtered', !visible.edges.has(edge.id()));
        edge.toggleClass('path', pathEdges.has(edge.id()));
      });
      cy.elements().removeClass('dimmed');
      if (highlight && (pathNodes.size > 0 || pathEdges.size > 0)) {
        cy.nodes().filter((n) => !pathNodes.has(n.id())).addClass('dimmed');
        cy.edges().filter((e) => !pathEdges.has(e.id())).addClass('dimmed');
      }
    });
    if (added.length > 0) this.runLayout(wasEmpty);
    return added.length > 0;
  }

  /** Selects an element without firing onSelect; marks its neighbourhood for edge labels. */
  select(selection: Selection | null): boolean {
    const cy = this.cy;
    cy.elements().unselect();
    cy.elements().removeClass('near near-labelled');
    if (!selection) return true;
    const element = cy.getElementById(selection.kind === 'node' ? selection.key : selection.id);
    if (element.empty()) return false;
    element.select();
    if (element.isNode()) {
      const edges = element.connectedEdges();
      // Edge labels around a hub would cover it; its edges are listed in the details panel instead.
      edges.addClass(edges.length <= NEAR_LABEL_MAX_EDGES ? 'near near-labelled' : 'near');
    }
    return true;
  }

  /** Centres an element when it is outside the viewport. */
  reveal(selection: Selection): void {
    const element = this.cy.getElementById(selection.kind === 'node' ? selection.key : selection.id);
    if (element.empty()) return;
    const box = element.renderedBoundingBox({});
    const width = this.cy.width();
    const height = this.cy.height();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > width || box.y2 > height) this.cy.animate({ center: { eles: element }, duration: 250 });
  }

  fit(): void {
    const eles = this.cy.elements().not('.filtered');
    this.cy.fit(eles, 40);
    if (this.cy.zoom() > FIT_MAX_ZOOM) {
      this.cy.zoom(FIT_MAX_ZOOM);
      this.cy.center(eles);
    }
  }

  relayout(): void {
    this.runLayout(true);
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  /** Where an element is drawn, in page pixels relative to the container (for tests and tooltips). */
  renderedPoint(id: string): { x: number; y: number } | null {
    const element = this.cy.getElementById(id);
    if (element.empty() || element.hasClass('filtered')) return null;
    const point = element.isEdge() ? (element as cytoscape.EdgeSingular).renderedMidpoint() : (element as cytoscape.NodeSingular).renderedPosition();
    return { x: point.x, y: point.y };
  }

  /** True while a layout (and its animation) is running. */
  layoutRunning(): boolean {
    return this.running;
  }

  resize(): void {
    this.cy.resize();
  }

  destroy(): void {
    this.layout?.stop();
    this.cy.destroy();
  }

  private runLayout(fromScratch: boolean): void {
    this.layout?.stop();
    const eles = this.cy.elements().not('.filtered');
    const nodes = eles.nodes().length;
    if (nodes === 0) return;
    const animate = !fromScratch && nodes <= ANIMATE_MAX_NODES;
    const options = {
      name: 'fcose',
      eles,
      quality: nodes <= PROOF_MAX_NODES || !fromScratch ? 'proof' : 'default',
      randomize: fromScratch,
      animate,
      animationDuration: 400,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 100,
      nodeSeparation: 90,
      numIter: nodes > 300 ? 1500 : 2500,
    } as LayoutOptions;
    const layout = eles.layout(options);
    this.layout = layout;
    this.running = true;
    layout.one('layoutstop', () => {
      if (this.layout !== layout) return;
      this.running = false;
      // A handful of nodes would be fitted at a huge zoom: keep them at a readable size.
      if (this.cy.zoom() > FIT_MAX_ZOOM) {
        this.cy.zoom(FIT_MAX_ZOOM);
        this.cy.center(eles);
      }
    });
    layout.run();
  }
}

function viewportCenter(cy: Core): cytoscape.Position {
  const extent = cy.extent();
  return { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
}

/** A random start position in a square that grows with the graph (so no two nodes start on top of each other). */
function scattered(count: number, center: cytoscape.Position): cytoscape.Position {
  const side = Math.sqrt(count) * 80;
  return { x: center.x + (Math.random() - 0.5) * side, y: center.y + (Math.random() - 0.5) * side };
}

/** A start position for a new node: around the neighbours already drawn, else near the centre. */
function nearNeighbours(key: string, state: GraphState, placed: ReadonlyMap<string, cytoscape.Position>, center: cytoscape.Position): cytoscape.Position {
  const points: cytoscape.Position[] = [];
  for (const edge of state.edges.values()) {
    const other = edge.source === key ? edge.target : edge.target === key ? edge.source : null;
    const at = other ? placed.get(other) : undefined;
    if (at) points.push(at);
  }
  const base = points.length > 0 ? { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length } : center;
  const angle = Math.random() * Math.PI * 2;
  const radius = 50 + Math.random() * 40;
  return { x: base.x + radius * Math.cos(angle), y: base.y + radius * Math.sin(angle) };
}

export function graphStylesheet(): StylesheetJson {
  const style: StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT_STACK,
        'font-size': 11,
        color: '#1c2833',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-overflow-wrap': 'anywhere',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        'border-width': 1.5,
        'border-color': '#ffffff',
        width: BASE_NODE_SIZE,
        height: BASE_NODE_SIZE,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'line-color': '#aab7b8',
        'target-arrow-color': '#aab7b8',
        'font-family': FONT_STACK,
        'font-size': 9,
        color: '#424949',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
  ];
  for (const label of ALL_LABELS) {
    const s = LABEL_STYLE[label];
    style.push({
      selector: `node[label = "${label}"]`,
      style: { 'background-color': s.color, shape: s.shape, width: BASE_NODE_SIZE * s.size, height: BASE_NODE_SIZE * s.size, 'font-size': s.size >= 1.2 ? 12 : 11 },
    });
  }
  for (const rel of ALL_RELS) {
    const s = REL_STYLE[rel];
    style.push({ selector: `edge[type = "${rel}"]`, style: { 'line-color': s.color, 'target-arrow-color': s.color, 'line-style': s.line } });
  }
  // Events and documents are named by whole sentences and titles: one short line on the canvas.
  style.push(
    { selector: `node[label = "${Label.Event}"], node[label = "${Label.Document}"]`, style: { 'text-wrap': 'ellipsis', 'text-max-width': '96px', 'font-size': 10 } },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'edge.near-labelled, edge.path, edge:selected', style: { label: 'data(typeJa)' } },
    { selector: '.dimmed', style: { opacity: 0.3 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
    { selector: 'edge.path', style: { width: 4, opacity: 1 } },
    { selector: 'edge.near', style: { width: 2.6 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#17202a', 'font-size': 13, 'font-weight': 'bold', 'min-zoomed-font-size': 0, 'z-index': 10 },
    },
    { selector: 'edge:selected', style: { width: 4.5, 'line-color': '#17202a', 'target-arrow-color': '#17202a', 'z-index': 10, 'min-zoomed-font-size': 0 } },
  );
  return style;
}
