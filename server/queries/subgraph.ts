import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { GraphEdge, GraphNode } from '../schemas/evidence.ts';
import { primaryLabel } from '../../graph-schema/labels.ts';
import { evidenceOf, nodeRefOf, toEdge, toGraphNode } from './fact-projection.ts';

/**
 * Building blocks for graph-shaped answers (neighbours, paths, export): nodes by element id,
 * and the edges among a node set with parallel relationships folded into one edge each.
 */

export const NODES_BY_ELEMENT_ID = `
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN eid, ${nodeRefOf('n')} AS node`;

export async function nodesByElementId(tx: ManagedTransaction, eids: readonly string[]): Promise<Map<string, GraphNode>> {
  if (eids.length === 0) return new Map();
  const result = await tx.run(NODES_BY_ELEMENT_ID, { eids });
  return new Map(result.records.map((r) => [r.get('eid') as string, toGraphNode(r.get('node'))]));
}

export const EDGES_AMONG = `
UNWIND $eids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->(b)
WHERE type(r) IN $rels AND elementId(b) IN $eids
WITH a, type(r) AS type, b, collect(${evidenceOf('r')}) AS evidence
RETURN {id: a.id, label: ${primaryLabel('a')}} AS source, type, {id: b.id, label: ${primaryLabel('b')}} AS target, evidence
ORDER BY source.id, type, target.id
LIMIT $maxEdges`;

/** Edges of the given types whose both ends are in the node set, at most `maxEdges`. */
export async function edgesAmong(
  tx: ManagedTransaction,
  eids: readonly string[],
  rels: readonly string[],
  maxEdges: number,
): Promise<{ edges: GraphEdge[]; truncated: boolean }> {
  if (eids.length === 0) return { edges: [], truncated: false };
  const result = await tx.run(EDGES_AMONG, { eids, rels, maxEdges: neo4j.int(maxEdges + 1) });
  const edges = result.records.map((r) => toEdge(r.get('source') as Ends, r.get('type') as string, r.get('target') as Ends, r.get('evidence')));
  return { edges: edges.slice(0, maxEdges), truncated: edges.length > maxEdges };
}

export const EDGES_BETWEEN = `
UNWIND $pairs AS pair
MATCH (a) WHERE elementId(a) = pair.source
MATCH (b) WHERE elementId(b) = pair.target
MATCH (a)-[r]->(b) WHERE type(r) = pair.type
WITH a, type(r) AS type, b, collect(${evidenceOf('r')}) AS evidence
RETURN {id: a.id, label: ${primaryLabel('a')}} AS source, type, {id: b.id, label: ${primaryLabel('b')}} AS target, evidence`;

type Ends = { id: string; label: string };

export interface EdgeKey {
  readonly source: string;
  readonly type: string;
  readonly target: string;
}

/** The folded edges for specific (source element id, type, target element id) triples. */
export async function edgesBetween(tx: ManagedTransaction, pairs: readonly EdgeKey[]): Promise<GraphEdge[]> {
  const unique = [...new Map(pairs.map((p) => [`${p.source}|${p.type}|${p.target}`, p])).values()];
  if (unique.length === 0) return [];
  const result = await tx.run(EDGES_BETWEEN, { pairs: unique });
  return result.records.map((r) => toEdge(r.get('source') as Ends, r.get('type') as string, r.get('target') as Ends, r.get('evidence')));
}
