import neo4j from 'neo4j-driver';
import { Label } from '../../graph-schema/labels.ts';
import { FACT_RELS, Rel } from '../../graph-schema/relationships.ts';
import { NotFoundError } from '../errors.ts';
import type { ExportDocument, ExportNode, ExportQuery, GraphExport } from '../routes/api/export/schemas.ts';
import { GRAPH_LABELS, hasAnyLabel, nodeRefOf, toGraphNode } from './fact-projection.ts';
import { expandNeighborhood, MAX_EDGES } from './entities.ts';
import { toPlainValue } from './plain-values.ts';
import { readTransaction, type Graph } from './read-transaction.ts';
import { resolveNode } from './resolve-entities.ts';
import { edgesAmong } from './subgraph.ts';
import { SEARCH_FIELDS } from '../../graph-schema/search-fields.ts';

/** The most nodes one export carries (the whole graph is cut here, incidents first). */
export const MAX_EXPORT_NODES = 5000;
/** Exports read more than one page of the API: they get a longer transaction timeout. */
const EXPORT_TIMEOUT_MS = 30_000;

const HIDDEN = new Set(['embedding', 'aliasText', 'tokens', 'text', ...SEARCH_FIELDS]);

/** Every node reachable through facts, incidents first, then by how connected they are. */
export const ALL_GRAPH_NODES = `
MATCH (n) WHERE ${hasAnyLabel('n', GRAPH_LABELS)}
RETURN elementId(n) AS eid
ORDER BY CASE WHEN n:${Label.Incident} THEN 0 WHEN n:${Label.Event} OR n:${Label.DataBreach} THEN 2 ELSE 1 END, COUNT { (n)--() } DESC, n.id
LIMIT $limit`;

export const NODE_PROPERTIES = `
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN eid, ${nodeRefOf('n')} AS node, properties(n) AS properties`;

export const DOCUMENTS = `
UNWIND $ids AS id
MATCH (d:${Label.Document} {id: id})
OPTIONAL MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident})
WITH d, collect(i.id) AS incidents
RETURN d {.id, .title, .publishedAt, .url, .reportNumber, .publisher, .source} AS document, incidents
ORDER BY coalesce(d.publishedAt, '9999'), d.id`;

/** The whole graph (capped), one incident with its facts, or an entity's neighbourhood, with the documents behind every edge. */
export async function exportGraph(graph: Graph, query: ExportQuery): Promise<GraphExport> {
  return readTransaction(
    graph,
    async (tx) => {
      let eids: string[];
      let truncated: boolean;
      let scope: GraphExport['scope'];
      if (query.incident || query.entity) {
        const ref = (query.incident ?? query.entity) as string;
        const center = await resolveNode(tx, ref, query.incident ? [Label.Incident] : GRAPH_LABELS);
        if (!center) throw new NotFoundError(query.incident ? `no incident with id "${ref}"` : `no entity with id, name or alias "${ref}"`);
        const depth = query.incident ? 1 : query.depth;
        ({ eids, truncated } = await expandNeighborhood(tx, center.elementId, { depth, labels: GRAPH_LABELS, rels: FACT_RELS, limit: MAX_EXPORT_NODES }));
        scope = { kind: query.incident ? 'incident' : 'entity', id: center.id, depth };
      } else {
        const all = await tx.run(ALL_GRAPH_NODES, { limit: neo4j.int(MAX_EXPORT_NODES + 1) });
        eids = all.records.map((r) => r.get('eid') as string);
        truncated = eids.length > MAX_EXPORT_NODES;
        eids = eids.slice(0, MAX_EXPORT_NODES);
        scope = { kind: 'graph', id: null, depth: null };
      }
      const nodesResult = await tx.run(NODE_PROPERTIES, { eids });
      const byEid = new Map(
        nodesResult.records.map((r): [string, ExportNode] => [
          r.get('eid') as string,
          {
            ...toGraphNode(r.get('node')),
            properties: Object.fromEntries(
              Object.entries(r.get('properties') as Record<string, unknown>).filter(([k]) => !HIDDEN.has(k)).map(([k, v]) => [k, toPlainValue(v)]),
            ),
          },
        ]),
      );
      const edges = await edgesAmong(tx, eids, FACT_RELS, Math.max(MAX_EDGES, MAX_EXPORT_NODES * 3));
      const docIds = [...new Set(edges.edges.flatMap((e) => e.evidence.map((ev) => ev.docId)))];
      const docs = docIds.length > 0 ? (await tx.run(DOCUMENTS, { ids: docIds })).records : [];
      const documents = docs.map((r): ExportDocument => {
        const d = r.get('document') as Record<string, unknown>;
        const str = (v: unknown) => (typeof v === 'string' ? v : null);
        return {
          id: String(d.id),
          title: str(d.title),
          publishedAt: str(d.publishedAt),
          url: str(d.url),
          reportNumber: typeof d.reportNumber === 'number' ? d.reportNumber : null,
          publisher: str(d.publisher),
          source: str(d.source),
          incidents: r.get('incidents') as string[],
        };
      });
      return {
        scope,
        nodes: eids.map((eid) => byEid.get(eid)).filter((n) => n !== undefined),
        edges: edges.edges,
        documents,
        truncated: truncated || edges.truncated,
      };
    },
    EXPORT_TIMEOUT_MS,
  );
}
