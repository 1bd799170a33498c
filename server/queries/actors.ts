import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { ActorVictims } from '../routes/api/actors/schemas.ts';
import type { Fact, GraphEdge } from '../schemas/evidence.ts';
import { evidenceOf, nodeRefOf, toEdge, toEvidence, toNodeRef } from './fact-projection.ts';
import { readTransaction, type Graph } from './read-transaction.ts';
import { resolveNode } from './resolve-entities.ts';
import { edgesBetween, nodesByElementId } from './subgraph.ts';

/** Incidents of an actor: attributed to it, or involving its malware (same id, or one it USES). */
export const ACTOR_INCIDENTS = `
MATCH (a:${Label.ThreatActor}) WHERE elementId(a) = $eid
CALL (a) {
  MATCH (i:${Label.Incident})-[r:${Rel.ATTRIBUTED_TO}]->(a) RETURN i, r
  UNION
  MATCH (i:${Label.Incident})-[r:${Rel.INVOLVED}]->(m:${Label.Malware})
  WHERE m.id = a.id OR EXISTS { (a)-[:${Rel.USES}]->(m) }
  RETURN i, r
}
WITH i, type(r) AS type, endNode(r) AS t, collect(${evidenceOf('r')}) AS evidence
WITH i, collect({type: type, target: ${nodeRefOf('t')}, evidence: evidence}) AS attribution
CALL (i) {
  OPTIONAL MATCH (i)-[r:${Rel.VICTIM}]->(v)
  WITH v, collect(${evidenceOf('r')}) AS evidence
  RETURN collect(CASE WHEN v IS NULL THEN NULL ELSE {node: ${nodeRefOf('v')}, eid: elementId(v), evidence: evidence} END) AS victims
}
CALL (i) {
  OPTIONAL MATCH (i)-[r:${Rel.IMPACTED}]->(x)
  WITH x, collect(${evidenceOf('r')}) AS evidence
  RETURN collect(CASE WHEN x IS NULL THEN NULL ELSE {type: '${Rel.IMPACTED}', target: ${nodeRefOf('x')}, evidence: evidence} END) AS impacted
}
RETURN i {.id, .name, .title, .discoveredAt, .anchorDate} AS incident, elementId(i) AS incidentEid, attribution, victims, impacted
ORDER BY coalesce(i.discoveredAt, i.anchorDate) DESC, i.id`;

/**
 * Who depends on a victim: organizations that outsource to it (or to its subsidiaries) and
 * services it or they operate, up to three hops. Each hop must point the right way:
 * OUTSOURCES_TO and SUBSIDIARY_OF are walked backwards (towards the customer / subsidiary),
 * OPERATES forwards (towards the service).
 */
export const SUPPLY_CHAIN = `
UNWIND $victims AS victimEid
MATCH (v) WHERE elementId(v) = victimEid
MATCH p = (v)-[rels:${Rel.OUTSOURCES_TO}|${Rel.SUBSIDIARY_OF}|${Rel.OPERATES}*1..3]-(x)
WHERE x <> v
  AND all(k IN range(0, size(rels) - 1) WHERE
        CASE type(rels[k]) WHEN '${Rel.OPERATES}' THEN startNode(rels[k]) = nodes(p)[k] ELSE endNode(rels[k]) = nodes(p)[k] END)
  AND all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN victimEid, [n IN nodes(p) | elementId(n)] AS nodes,
       [r IN rels | {type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r))}] AS rels
LIMIT 2000`;

interface RawFact {
  type: string;
  target: unknown;
  evidence: unknown;
}

const toFact = (f: RawFact): Fact => ({ type: f.type, target: toNodeRef(f.target), evidence: toEvidence(f.evidence) });

export async function actorVictims(graph: Graph, ref: string): Promise<ActorVictims | null> {
  return readTransaction(graph, async (tx) => {
    const actor = await resolveNode(tx, ref, [Label.ThreatActor]);
    if (!actor) return null;
    const props = await tx.run(`MATCH (a) WHERE elementId(a) = $eid RETURN a.nameJa AS nameJa, coalesce(a.aliases, []) AS aliases`, { eid: actor.elementId });
    const result = await tx.run(ACTOR_INCIDENTS, { eid: actor.elementId });

    const edges = new Map<string, GraphEdge>();
    const addEdge = (edge: GraphEdge) => edges.set(edge.id, edge);
    const downstream = new Map<string, ActorVictims['downstream'][number]>();
    const addRoute = (node: ActorVictims['downstream'][number]['node'], route: ActorVictims['downstream'][number]['routes'][number]) => {
      const entry = downstream.get(node.id) ?? { node, incidents: [], routes: [] };
      if (!entry.incidents.includes(route.incidentId)) entry.incidents.push(route.incidentId);
      const key = route.edges.join(',');
      if (!entry.routes.some((r) => r.edges.join(',') === key)) entry.routes.push(route);
      downstream.set(node.id, entry);
    };

    const victimEids = new Map<string, { incidentKey: string; incidentId: string; victimKey: string }[]>();
    const victims = result.records.map((r) => {
      const incident = r.get('incident') as { id: string; name: string | null; title: string | null; discoveredAt: string | null; anchorDate: string | null };
      const victimRows = (r.get('victims') as { node: unknown; eid: string; evidence: unknown }[]).filter(Boolean);
      const first = victimRows[0];
      const impacted = (r.get('impacted') as RawFact[]).filter(Boolean).map(toFact);
      const incidentRef = { id: incident.id, label: Label.Incident };
      for (const v of victimRows) {
        const node = toNodeRef(v.node);
        const edge = toEdge(incidentRef, Rel.VICTIM, node, v.evidence);
        addEdge(edge);
        victimEids.set(v.eid, [...(victimEids.get(v.eid) ?? []), { incidentKey: edge.sourceKey, incidentId: incident.id, victimKey: edge.targetKey }]);
      }
      for (const fact of impacted) {
        const edge = { ...toEdge(incidentRef, Rel.IMPACTED, fact.target, []), evidence: fact.evidence };
        addEdge(edge);
        addRoute({ ...fact.target, key: edge.targetKey }, { incidentId: incident.id, via: 'IMPACTED', nodes: [edge.sourceKey, edge.targetKey], edges: [edge.id] });
      }
      return {
        incident: { id: incident.id, name: incident.name ?? null, title: incident.title ?? null, discoveredAt: incident.discoveredAt ?? null, anchorDate: incident.anchorDate ?? null },
        victim: first ? toNodeRef(first.node) : null,
        victimEvidence: first ? toEvidence(first.evidence) : [],
        attribution: (r.get('attribution') as RawFact[]).map(toFact),
        impacted,
      };
    });

    if (victimEids.size > 0) {
      const chains = await tx.run(SUPPLY_CHAIN, { victims: [...victimEids.keys()] });
      const rows = chains.records.map((r) => ({ victimEid: r.get('victimEid') as string, nodes: r.get('nodes') as string[], rels: r.get('rels') as { type: string; source: string; target: string }[] }));
      const nodeMap = await nodesByElementId(tx, [...new Set(rows.flatMap((row) => row.nodes))]);
      const chainEdges = await edgesBetween(tx, rows.flatMap((row) => row.rels));
      chainEdges.forEach(addEdge);
      const keyOf = (eid: string) => nodeMap.get(eid)?.key ?? eid;
      const victimKeys = new Set([...victimEids.values()].flat().map((v) => v.victimKey));
      // Shortest chains first, so each downstream node lists its most direct route first.
      rows.sort((a, b) => a.rels.length - b.rels.length);
      for (const row of rows) {
        const last = nodeMap.get(row.nodes[row.nodes.length - 1] ?? '');
        if (!last || victimKeys.has(last.key)) continue;
        for (const { incidentKey, incidentId, victimKey } of victimEids.get(row.victimEid) ?? []) {
          addRoute(last, {
            incidentId,
            via: 'SUPPLY_CHAIN',
            nodes: [incidentKey, ...row.nodes.map(keyOf)],
            edges: [`${incidentKey}|${Rel.VICTIM}|${victimKey}`, ...row.rels.map((rel) => `${keyOf(rel.source)}|${rel.type}|${keyOf(rel.target)}`)],
          });
        }
      }
    }

    const meta = props.records[0];
    return {
      actor: { id: actor.id, label: actor.label, name: actor.name, nameJa: (meta?.get('nameJa') as string | null) ?? null, aliases: (meta?.get('aliases') as string[]) ?? [] },
      victims,
      downstream: [...downstream.values()].sort((a, b) => (a.node.name ?? '').localeCompare(b.node.name ?? '')),
      edges: [...edges.values()],
    };
  });
}
