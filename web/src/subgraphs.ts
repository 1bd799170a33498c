import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { ActorVictims, Fact, GraphEdge, GraphExport, GraphNode, IncidentList, NodeRef, Paths } from './api-types.ts';
import { nodeKey, parseNodeKey, type GraphEdgeData, type GraphNodeData, type Subgraph } from './graph-state.ts';

/**
 * API answers → subgraphs for graph-state. Graph-shaped answers (neighbours, paths, export)
 * map one to one; list answers (incidents, an actor's victims) become nodes plus one edge per
 * fact, with the same ids the graph answers use (`sourceKey|type|targetKey`), so the same
 * fact reached twice is one edge.
 */

type NamedRef = NodeRef & { readonly nameJa?: string | null };

export function nodeFromRef(ref: NamedRef): GraphNodeData {
  return { key: nodeKey(ref.label, ref.id), id: ref.id, label: ref.label, name: ref.name, nameJa: ref.nameJa ?? null };
}

function nodeFromGraphNode(node: GraphNode & { readonly nameJa?: string | null }): GraphNodeData {
  return { key: node.key, id: node.id, label: node.label, name: node.name, nameJa: node.nameJa ?? null };
}

function edgeFromGraphEdge(edge: GraphEdge): GraphEdgeData {
  return { id: edge.id, type: edge.type, source: edge.sourceKey, target: edge.targetKey, evidence: edge.evidence };
}

/** A fact stated about `source` (an incident, usually) as an edge to its target. */
export function factEdge(source: NamedRef, fact: Fact): { node: GraphNodeData; edge: GraphEdgeData } {
  const node = nodeFromRef(fact.target);
  const sourceKey = nodeKey(source.label, source.id);
  return { node, edge: { id: `${sourceKey}|${fact.type}|${node.key}`, type: fact.type, source: sourceKey, target: node.key, evidence: fact.evidence } };
}

/** A neighbourhood, a path answer or an export: nodes and edges as they are. */
export function fromGraphAnswer(answer: { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }): Subgraph {
  return { nodes: answer.nodes.map(nodeFromGraphNode), edges: answer.edges.map(edgeFromGraphEdge) };
}

/** Paths: the nodes and edges of every path, the paths emphasised. */
export function fromPaths(answer: Paths): Subgraph {
  const sub = fromGraphAnswer(answer);
  return {
    ...sub,
    nodes: [nodeFromGraphNode(answer.from), nodeFromGraphNode(answer.to), ...sub.nodes],
    highlight: { nodes: unique(answer.paths.flatMap((p) => p.nodes)), edges: unique(answer.paths.flatMap((p) => p.edges)) },
  };
}

/** Incidents of a list (e.g. by access vector): each incident, its victim and its access vectors. */
export function fromIncidentList(list: IncidentList): Subgraph {
  const nodes: GraphNodeData[] = [];
  const edges: GraphEdgeData[] = [];
  for (const item of list.items) {
    const incident: NamedRef = { id: item.id, label: Label.Incident, name: item.name ?? item.title };
    nodes.push(nodeFromRef(incident));
    for (const fact of [...(item.victim ? [item.victim] : []), ...item.accessVectors]) {
      const { node, edge } = factEdge(incident, fact);
      nodes.push(node);
      edges.push(edge);
    }
  }
  return { nodes, edges };
}

/**
 * An actor's victims: the actor, each incident with its victim and the facts tying it to the
 * actor (ATTRIBUTED_TO the actor, INVOLVED its malware), the organizations hit downstream
 * and the route edges that reach them.
 */
export function fromActorVictims(answer: ActorVictims): Subgraph {
  const nodes: GraphNodeData[] = [nodeFromRef(answer.actor)];
  const edges: GraphEdgeData[] = [];
  for (const entry of answer.victims) {
    const incident: NamedRef = { id: entry.incident.id, label: Label.Incident, name: entry.incident.name ?? entry.incident.title };
    nodes.push(nodeFromRef(incident));
    if (entry.victim) {
      const { node, edge } = factEdge(incident, { type: Rel.VICTIM, target: entry.victim, evidence: entry.victimEvidence });
      nodes.push(node);
      edges.push(edge);
    }
    for (const fact of [...entry.attribution, ...entry.impacted]) {
      const { node, edge } = factEdge(incident, fact);
      nodes.push(node);
      edges.push(edge);
    }
  }
  for (const entry of answer.downstream) nodes.push(nodeFromGraphNode(entry.node));
  // Route edges may pass through nodes listed nowhere else (a logistics subsidiary): name them by key.
  const known = new Set(nodes.map((n) => n.key));
  for (const edge of answer.edges) {
    for (const [key, id] of [[edge.sourceKey, edge.source], [edge.targetKey, edge.target]] as const) {
      if (known.has(key)) continue;
      const parsed = parseNodeKey(key);
      if (!parsed) continue;
      nodes.push({ key, id, label: parsed.label, name: null, nameJa: null });
      known.add(key);
    }
    edges.push(edgeFromGraphEdge(edge));
  }
  return { nodes, edges };
}

/** The whole graph (export): every node with its Japanese name, documents and what they report. */
export function fromExport(answer: GraphExport): Subgraph {
  const nodes: GraphNodeData[] = answer.nodes.map((node) => ({
    ...nodeFromGraphNode(node),
    nameJa: typeof node.properties.nameJa === 'string' ? node.properties.nameJa : null,
  }));
  const edges: GraphEdgeData[] = answer.edges.map(edgeFromGraphEdge);
  const incidents = new Set(answer.nodes.filter((n) => n.label === Label.Incident).map((n) => n.id));
  for (const doc of answer.documents) {
    const document = nodeFromRef({ id: doc.id, label: Label.Document, name: doc.title });
    nodes.push(document);
    for (const incidentId of doc.incidents) {
      if (!incidents.has(incidentId)) continue;
      const target = nodeKey(Label.Incident, incidentId);
      edges.push({ id: `${document.key}|${Rel.REPORTS}|${target}`, type: Rel.REPORTS, source: document.key, target, evidence: [] });
    }
  }
  return { nodes, edges };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
