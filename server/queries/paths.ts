import { InvalidRequestError, NotFoundError } from '../errors.ts';
import type { Paths, PathsQuery } from '../routes/api/paths/schemas.ts';
import { FACT_REL_PATTERN, edgeId, nodeKey } from './fact-projection.ts';
import { readTransaction, type Graph } from './read-transaction.ts';
import { resolveNode } from './resolve-entities.ts';
import { edgesBetween, nodesByElementId } from './subgraph.ts';

/** How many raw paths to look at: parallel relationships multiply them before folding. */
const MAX_RAW_PATHS = 500;

/** All shortest paths over fact relationships (so never through a Document or Chunk). */
export const shortestPaths = (maxHops: number) => {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new Error(`maxHops must be 1..6, got ${maxHops}`);
  return `
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[:${FACT_REL_PATTERN}*..${maxHops}]-(b))
RETURN [n IN nodes(p) | elementId(n)] AS nodes,
       [r IN relationships(p) | {type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r))}] AS rels
LIMIT ${MAX_RAW_PATHS}`;
};

interface RawRel {
  type: string;
  source: string;
  target: string;
}

export async function findPaths(graph: Graph, query: PathsQuery): Promise<Paths> {
  return readTransaction(graph, async (tx) => {
    const from = await resolveNode(tx, query.from);
    if (!from) throw new NotFoundError(`no entity with id, name or alias "${query.from}"`);
    const to = await resolveNode(tx, query.to);
    if (!to) throw new NotFoundError(`no entity with id, name or alias "${query.to}"`);
    if (from.elementId === to.elementId) throw new InvalidRequestError('`from` and `to` name the same entity');
    const strip = ({ elementId: _e, ...node }: typeof from) => ({ ...node, key: nodeKey(node) });

    const result = await tx.run(shortestPaths(query.maxHops), { from: from.elementId, to: to.elementId });
    // Parallel relationships (one per document) give the same path many times: fold by node sequence and types.
    const distinct = new Map<string, { nodes: string[]; rels: RawRel[] }>();
    for (const record of result.records) {
      const nodes = record.get('nodes') as string[];
      const rels = record.get('rels') as RawRel[];
      const key = `${nodes.join('>')}#${rels.map((r) => r.type).join('>')}`;
      if (!distinct.has(key)) distinct.set(key, { nodes, rels });
    }
    const all = [...distinct.values()];
    const kept = all.slice(0, query.limit);
    const nodeMap = await nodesByElementId(tx, [...new Set(kept.flatMap((p) => p.nodes))]);
    const edges = await edgesBetween(tx, kept.flatMap((p) => p.rels));
    const keyOf = (eid: string) => nodeMap.get(eid)?.key ?? eid;
    return {
      from: strip(from),
      to: strip(to),
      hops: kept[0] ? kept[0].rels.length : null,
      paths: kept.map((p) => ({
        nodes: p.nodes.map(keyOf),
        edges: p.rels.map((r) => edgeId(keyOf(r.source), r.type, keyOf(r.target))),
      })),
      nodes: [...nodeMap.values()],
      edges,
      truncated: all.length > kept.length || result.records.length >= MAX_RAW_PATHS,
    };
  });
}
