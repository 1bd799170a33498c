import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { ENTITY_LABELS, Label, primaryLabel } from '../../graph-schema/labels.ts';
import { INDEX } from '../../graph-schema/indexes.ts';
import { SEARCH_FIELDS } from '../../graph-schema/search-fields.ts';
import { FACT_RELS, Rel } from '../../graph-schema/relationships.ts';
import type { EntityDetail, EntityMatch, EntitySearchQuery, EntitySearchResult, Neighbors, NeighborLabel } from '../routes/api/entities/schemas.ts';
import { GRAPH_LABELS, hasAnyLabel, nodeKey } from './fact-projection.ts';
import { luceneTerms } from './lucene.ts';
import { readTransaction, type Graph } from './read-transaction.ts';
import { resolveNode } from './resolve-entities.ts';
import { edgesAmong, nodesByElementId } from './subgraph.ts';

/** Full-text hits over names and aliases (cjk analyzer), filtered by label. */
export const SEARCH_ENTITY_NAMES = `
CALL db.index.fulltext.queryNodes('${INDEX.entityNames}', $lucene, {limit: $fetch}) YIELD node, score
WHERE $type IS NULL OR $type IN labels(node)
RETURN node.id AS id, ${primaryLabel('node')} AS label, node.name AS name, coalesce(node.aliases, []) AS aliases, score`;

/** Prefix/contains matches, for queries too short for the bigram index (`キ`, `A`). */
export const MATCH_ENTITY_NAMES = `
MATCH (n) WHERE ${hasAnyLabel('n', ENTITY_LABELS)} AND ($type IS NULL OR $type IN labels(n))
WITH n, [x IN [n.name, n.nameJa] + coalesce(n.aliases, []) WHERE x IS NOT NULL | toLower(x)] AS names
WITH n, names,
     CASE WHEN $lower IN names OR toLower(n.id) = $lower THEN 3
          WHEN any(x IN names WHERE x STARTS WITH $lower) THEN 2
          WHEN any(x IN names WHERE x CONTAINS $lower) THEN 1
          ELSE 0 END AS rank
WHERE rank > 0
RETURN n.id AS id, ${primaryLabel('n')} AS label, n.name AS name, coalesce(n.aliases, []) AS aliases, rank
ORDER BY rank DESC, size(n.name), n.id
LIMIT $fetch`;

const MATCH_KIND = { 3: 'exact', 2: 'prefix', 1: 'contains' } as const;

/** Typeahead: exact, then prefix, then contains matches, then full-text hits by score. */
export async function searchEntities(graph: Graph, query: EntitySearchQuery): Promise<EntitySearchResult> {
  const lucene = luceneTerms(query.q);
  const params = { type: query.type ?? null, fetch: neo4j.int(query.limit * 3), lower: query.q.toLowerCase() };
  return readTransaction(graph, async (tx) => {
    const byId = new Map<string, EntityMatch & { rank: number }>();
    const direct = await tx.run(MATCH_ENTITY_NAMES, params);
    for (const r of direct.records) {
      const rank = r.get('rank') as 1 | 2 | 3;
      byId.set(`${r.get('label')}:${r.get('id')}`, {
        id: r.get('id') as string,
        label: r.get('label') as string,
        name: (r.get('name') as string | null) ?? null,
        aliases: r.get('aliases') as string[],
        matched: MATCH_KIND[rank],
        score: rank,
        rank,
      });
    }
    if (lucene.length > 0) {
      const fulltext = await tx.run(SEARCH_ENTITY_NAMES, { ...params, lucene });
      for (const r of fulltext.records) {
        const id = r.get('id') as string;
        const score = r.get('score') as number;
        if (score < minScore(fulltext.records)) continue;
        const known = byId.get(`${r.get('label')}:${id}`);
        if (known) known.score = known.rank + Math.min(score, 50) / 100;
        else {
          byId.set(`${r.get('label')}:${id}`, { id, label: r.get('label') as string, name: (r.get('name') as string | null) ?? null, aliases: r.get('aliases') as string[], matched: 'fulltext', score: Math.min(score, 50) / 100, rank: 0 });
        }
      }
    }
    const items = [...byId.values()]
      .sort((a, b) => b.score - a.score || (a.name ?? '').length - (b.name ?? '').length || a.id.localeCompare(b.id))
      .slice(0, query.limit)
      .map(({ rank: _rank, ...item }) => item);
    return { query: query.q, items };
  });
}

/** Full-text hits far below the best one are bigram noise (アスクル matching デスクトップ on スク). */
function minScore(records: readonly { get(key: string): unknown }[]): number {
  const best = Math.max(0, ...records.map((r) => r.get('score') as number));
  return best * 0.3;
}

/** Properties never sent to clients: vectors and search helpers. */
const HIDDEN_PROPERTIES = new Set(['embedding', 'aliasText', 'tokens', ...SEARCH_FIELDS]);

export const ENTITY_RELATIONSHIP_COUNTS = `
MATCH (n) WHERE elementId(n) = $eid
CALL (n) {
  MATCH (n)-[r]->() RETURN type(r) AS type, 'out' AS direction, count(r) AS count
  UNION ALL
  MATCH (n)<-[r]-() RETURN type(r) AS type, 'in' AS direction, count(r) AS count
}
RETURN properties(n) AS properties, collect({type: type, direction: direction, count: count}) AS relationships`;

export async function getEntity(graph: Graph, ref: string): Promise<EntityDetail | null> {
  return readTransaction(graph, async (tx) => {
    const node = await resolveNode(tx, ref, [...GRAPH_LABELS, Label.Document]);
    if (!node) return null;
    const result = await tx.run(ENTITY_RELATIONSHIP_COUNTS, { eid: node.elementId });
    const record = result.records[0];
    const properties = Object.fromEntries(
      Object.entries((record?.get('properties') as Record<string, unknown>) ?? {}).filter(([key]) => !HIDDEN_PROPERTIES.has(key)).map(([k, v]) => [k, plainValue(v)]),
    );
    const relationships = ((record?.get('relationships') as { type: string; direction: 'out' | 'in'; count: number }[]) ?? [])
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    return { id: node.id, label: node.label, name: node.name, properties, relationships };
  });
}

/** Temporal values and other driver objects become strings; everything else is already plain. */
function plainValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return String(value);
}

/** Next BFS ring: distinct unvisited neighbours over the allowed relationships and labels. */
export const NEXT_RING = `
UNWIND $frontier AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]-(b)
WHERE type(r) IN $rels AND any(l IN labels(b) WHERE l IN $labels) AND NOT elementId(b) IN $visited
WITH DISTINCT b
RETURN elementId(b) AS eid
ORDER BY COUNT { (b)--() } DESC, eid
LIMIT $remaining`;

/** The most edges a graph answer carries, whatever the node limit. */
export const MAX_EDGES = 3000;

/** Relationship types a neighbourhood walks: facts, plus reporting documents when Document is asked for. */
export function neighborhoodRels(labels: readonly string[]): string[] {
  return [...FACT_RELS, ...(labels.includes(Label.Document) ? [Rel.REPORTS, Rel.PRECEDED_BY] : [])];
}

/**
 * Breadth-first rings around a node (element id), at most `limit` nodes besides the centre,
 * better-connected nodes first within a ring. Returns element ids, centre first.
 */
export async function expandNeighborhood(
  tx: ManagedTransaction,
  centerEid: string,
  options: { depth: number; labels: readonly string[]; rels: readonly string[]; limit: number },
): Promise<{ eids: string[]; truncated: boolean }> {
  const visited: string[] = [centerEid];
  let frontier: string[] = [centerEid];
  let truncated = false;
  for (let ring = 1; ring <= options.depth && frontier.length > 0; ring += 1) {
    const remaining = options.limit + 1 - visited.length;
    if (remaining <= 0) {
      truncated = true;
      break;
    }
    const next = await tx.run(NEXT_RING, { frontier, rels: options.rels, labels: options.labels, visited, remaining: neo4j.int(remaining + 1) });
    let found = next.records.map((r) => r.get('eid') as string);
    if (found.length > remaining) {
      truncated = true;
      found = found.slice(0, remaining);
    }
    visited.push(...found);
    frontier = found;
  }
  return { eids: visited, truncated };
}

/**
 * Neighbours of an entity up to `depth` hops over fact relationships (plus REPORTS and
 * PRECEDED_BY when Document is among the types), at most `limit` nodes besides the centre.
 */
export async function neighbors(graph: Graph, ref: string, options: { depth: number; types?: readonly NeighborLabel[]; limit: number }): Promise<Neighbors | null> {
  const labels: readonly string[] = options.types ?? GRAPH_LABELS;
  const rels = neighborhoodRels(labels);
  return readTransaction(graph, async (tx) => {
    const center = await resolveNode(tx, ref, [...GRAPH_LABELS, Label.Document]);
    if (!center) return null;
    const { eids, truncated } = await expandNeighborhood(tx, center.elementId, { depth: options.depth, labels, rels, limit: options.limit });
    return { center: { id: center.id, label: center.label, name: center.name, key: nodeKey(center) }, depth: options.depth, ...(await subgraphOf(tx, eids, rels, truncated)) };
  });
}

/** Nodes (in the given order) and the folded edges among them. */
export async function subgraphOf(tx: ManagedTransaction, eids: readonly string[], rels: readonly string[], truncated: boolean) {
  const nodes = await nodesByElementId(tx, eids);
  const edges = await edgesAmong(tx, eids, rels, MAX_EDGES);
  return {
    nodes: eids.map((eid) => nodes.get(eid)).filter((n) => n !== undefined),
    edges: edges.edges,
    truncated: truncated || edges.truncated,
  };
}
