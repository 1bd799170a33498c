import { Label } from '../../graph-schema/labels.ts';
import type { EvidenceItem } from './api-types.ts';

/**
 * The graph on screen as plain immutable data, and everything done to it: each operation
 * (open a preset or an entity, expand a node, find a path) is a step that remembers exactly
 * which nodes and edges it added, so undo takes back the last step and nothing else.
 * Pure: no DOM, no fetch; the controller feeds it API answers turned into subgraphs.
 */

export interface GraphNodeData {
  /** `Label:id`, unique in the graph (vocabulary ids repeat across labels). */
  readonly key: string;
  readonly id: string;
  readonly label: string;
  readonly name: string | null;
  readonly nameJa: string | null;
}

export interface GraphEdgeData {
  /** `sourceKey|type|targetKey`, the API's stable edge id. */
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly evidence: readonly EvidenceItem[];
}

export interface PathHighlight {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export interface Subgraph {
  readonly nodes: readonly GraphNodeData[];
  readonly edges: readonly GraphEdgeData[];
  /** Elements to emphasise (the paths found). */
  readonly highlight?: PathHighlight | null;
}

/** Presets: incidents by access vector, an actor's victims, or the whole graph. */
export type Preset = { readonly kind: 'accessVector'; readonly id: string } | { readonly kind: 'actor'; readonly id: string } | { readonly kind: 'all' };

export type GraphOp =
  | { readonly kind: 'preset'; readonly preset: Preset }
  | { readonly kind: 'open'; readonly id: string }
  | { readonly kind: 'expand'; readonly key: string }
  | { readonly kind: 'path'; readonly from: string; readonly to: string };

export interface GraphStep {
  readonly op: GraphOp;
  readonly addedNodes: readonly string[];
  readonly addedEdges: readonly string[];
  readonly highlight: PathHighlight | null;
}

export interface GraphState {
  readonly nodes: ReadonlyMap<string, GraphNodeData>;
  readonly edges: ReadonlyMap<string, GraphEdgeData>;
  readonly steps: readonly GraphStep[];
}

export interface GraphFilters {
  readonly hiddenLabels: ReadonlySet<string>;
  readonly hiddenRels: ReadonlySet<string>;
}

export const NO_FILTERS: GraphFilters = { hiddenLabels: new Set(), hiddenRels: new Set() };

export function emptyGraph(): GraphState {
  return { nodes: new Map(), edges: new Map(), steps: [] };
}

export function nodeKey(label: string, id: string): string {
  return `${label}:${id}`;
}

/** Splits `Label:id` (labels never contain a colon; ids may). */
export function parseNodeKey(key: string): { label: string; id: string } | null {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return null;
  return { label: key.slice(0, colon), id: key.slice(colon + 1) };
}

/** Labels whose Latin name is the one people know (Qilin, LockBit): shown with the Japanese one. */
const LATIN_FIRST_LABELS: ReadonlySet<string> = new Set([Label.ThreatActor, Label.Malware]);

export function displayName(node: Pick<GraphNodeData, 'id' | 'label' | 'name' | 'nameJa'>): string {
  if (LATIN_FIRST_LABELS.has(node.label) && node.name && node.nameJa && node.name !== node.nameJa) return `${node.name}（${node.nameJa}）`;
  return node.nameJa ?? node.name ?? node.id;
}

export function sameOp(a: GraphOp, b: GraphOp): boolean {
  return opKey(a) === opKey(b);
}

export function opKey(op: GraphOp): string {
  switch (op.kind) {
    case 'preset':
      return `preset|${op.preset.kind}|${op.preset.kind === 'all' ? '' : op.preset.id}`;
    case 'open':
      return `open|${op.id}`;
    case 'expand':
      return `expand|${op.key}`;
    case 'path':
      return `path|${op.from}|${op.to}`;
  }
}

export function hasOp(state: GraphState, op: GraphOp): boolean {
  return state.steps.some((step) => sameOp(step.op, op));
}

/**
 * Adds an operation's answer: new nodes and edges join the graph (a known node gains a
 * Japanese name it lacked; a known edge keeps its own evidence unless it had none) and the
 * step records what was new. Edges whose ends are missing are dropped.
 */
export function applyStep(state: GraphState, op: GraphOp, sub: Subgraph): GraphState {
  const nodes = new Map(state.nodes);
  const edges = new Map(state.edges);
  const addedNodes: string[] = [];
  const addedEdges: string[] = [];
  for (const node of sub.nodes) {
    const known = nodes.get(node.key);
    if (!known) {
      nodes.set(node.key, node);
      addedNodes.push(node.key);
    } else if (!known.nameJa && node.nameJa) {
      nodes.set(node.key, { ...known, nameJa: node.nameJa });
    }
  }
  for (const edge of sub.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const known = edges.get(edge.id);
    if (!known) {
      edges.set(edge.id, edge);
      addedEdges.push(edge.id);
    } else if (known.evidence.length === 0 && edge.evidence.length > 0) {
      edges.set(edge.id, { ...known, evidence: edge.evidence });
    }
  }
  const highlight = sub.highlight ? { nodes: sub.highlight.nodes.filter((k) => nodes.has(k)), edges: sub.highlight.edges.filter((id) => edges.has(id)) } : null;
  return { nodes, edges, steps: [...state.steps, { op, addedNodes, addedEdges, highlight }] };
}

export function canUndo(state: GraphState): boolean {
  return state.steps.length > 0;
}

/** Takes back the last step: exactly the nodes and edges it added. */
export function undo(state: GraphState): GraphState {
  const last = state.steps[state.steps.length - 1];
  if (!last) return state;
  const nodes = new Map(state.nodes);
  const edges = new Map(state.edges);
  for (const id of last.addedEdges) edges.delete(id);
  for (const key of last.addedNodes) nodes.delete(key);
  // Earlier steps never reference a later step's nodes, but stay safe.
  for (const [id, edge] of edges) if (!nodes.has(edge.source) || !nodes.has(edge.target)) edges.delete(id);
  return { nodes, edges, steps: state.steps.slice(0, -1) };
}

export function opsOf(state: GraphState): GraphOp[] {
  return state.steps.map((step) => step.op);
}

/** The emphasis of the latest step that found paths, if any. */
export function currentHighlight(state: GraphState): PathHighlight | null {
  for (let i = state.steps.length - 1; i >= 0; i -= 1) {
    const highlight = state.steps[i]?.highlight;
    if (highlight) return highlight;
  }
  return null;
}

/** Nodes whose label is not hidden; edges whose type is not hidden and whose ends are visible. */
export function visibleElements(state: GraphState, filters: GraphFilters): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  for (const [key, node] of state.nodes) if (!filters.hiddenLabels.has(node.label)) nodes.add(key);
  const edges = new Set<string>();
  for (const [id, edge] of state.edges) {
    if (!filters.hiddenRels.has(edge.type) && nodes.has(edge.source) && nodes.has(edge.target)) edges.add(id);
  }
  return { nodes, edges };
}

/** How many nodes of each label and edges of each type the graph holds. */
export function countTypes(state: GraphState): { labels: Map<string, number>; rels: Map<string, number> } {
  const labels = new Map<string, number>();
  const rels = new Map<string, number>();
  for (const node of state.nodes.values()) labels.set(node.label, (labels.get(node.label) ?? 0) + 1);
  for (const edge of state.edges.values()) rels.set(edge.type, (rels.get(edge.type) ?? 0) + 1);
  return { labels, rels };
}

/** Edges touching a node, evidence-bearing ones first. */
export function edgesOf(state: GraphState, key: string): GraphEdgeData[] {
  return [...state.edges.values()]
    .filter((edge) => edge.source === key || edge.target === key)
    .sort((a, b) => Number(b.evidence.length > 0) - Number(a.evidence.length > 0) || a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
}

/** Keys of the nodes joined to `key` by an edge. */
export function neighborsOf(state: GraphState, key: string): string[] {
  const out = new Set<string>();
  for (const edge of state.edges.values()) {
    if (edge.source === key) out.add(edge.target);
    else if (edge.target === key) out.add(edge.source);
  }
  return [...out];
}
