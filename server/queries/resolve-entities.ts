import type { ManagedTransaction } from 'neo4j-driver';
import { Label } from '../../graph-schema/labels.ts';
import { GRAPH_LABELS, hasAnyLabel, nodeByIdUnion, nodeRefOf, toNodeRef } from './fact-projection.ts';
import type { NodeRef } from '../schemas/evidence.ts';

/**
 * Turns what a user typed (an id, a name, an alias in any script: `qilin`, `Qilin`, `キリン`,
 * `Agenda`) into graph nodes. Matching is exact and case-insensitive on id, name, nameJa and
 * aliases; organizations additionally fall back to "name contains".
 */

export type VocabularyLabel = typeof Label.ThreatActor | typeof Label.Malware | typeof Label.AccessVector | typeof Label.Control | typeof Label.Technique;

const exactMatch = (n: string) =>
  `(toLower(${n}.id) = $lower OR toLower(${n}.name) = $lower OR toLower(coalesce(${n}.nameJa, '')) = $lower
    OR any(a IN coalesce(${n}.aliases, []) WHERE toLower(a) = $lower))`;

/** Ids of vocabulary nodes of one label that `value` names. */
export async function resolveVocabulary(tx: ManagedTransaction, label: VocabularyLabel, value: string): Promise<string[]> {
  const result = await tx.run(`MATCH (n:${label}) WHERE ${exactMatch('n')} RETURN n.id AS id ORDER BY id`, { lower: value.trim().toLowerCase() });
  return result.records.map((r) => r.get('id') as string);
}

/**
 * Ids of organizations (and services) `value` names: exact id/name/alias matches when there
 * are any, otherwise names or aliases that contain it.
 */
export async function resolveOrganizations(tx: ManagedTransaction, value: string): Promise<string[]> {
  const lower = value.trim().toLowerCase();
  const labels = [Label.Organization, Label.Service];
  const exact = await tx.run(`MATCH (n) WHERE ${hasAnyLabel('n', labels)} AND ${exactMatch('n')} RETURN n.id AS id ORDER BY id LIMIT 50`, { lower });
  if (exact.records.length > 0) return exact.records.map((r) => r.get('id') as string);
  if (lower.length < 2) return [];
  const partial = await tx.run(
    `MATCH (n) WHERE ${hasAnyLabel('n', labels)}
       AND (toLower(n.name) CONTAINS $lower OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $lower))
     RETURN n.id AS id ORDER BY size(n.name), id LIMIT 50`,
    { lower },
  );
  return partial.records.map((r) => r.get('id') as string);
}

export interface ResolvedNode extends NodeRef {
  /** Neo4j element id, for follow-up lookups within the same transaction. */
  readonly elementId: string;
}

/** Labels in the order an ambiguous name is resolved (an actor before a malware family of the same name). */
const RESOLUTION_ORDER = [
  Label.ThreatActor, Label.Malware, Label.Organization, Label.Service, Label.System, Label.AccessVector, Label.Technique,
  Label.Control, Label.Agency, Label.Person, Label.Incident, Label.Event, Label.DataBreach,
] as const;

/**
 * One node that `ref` names: its stable id first, then an exact name or alias. Only nodes
 * of `labels` are considered (by default every label reachable through facts).
 */
export async function resolveNode(tx: ManagedTransaction, ref: string, labels: readonly string[] = GRAPH_LABELS): Promise<ResolvedNode | null> {
  const byId = await tx.run(`${nodeByIdUnion('ref', labels)} RETURN elementId(n) AS eid, ${nodeRefOf('n')} AS node LIMIT 1`, { ref });
  const found = byId.records[0];
  if (found) return { ...toNodeRef(found.get('node')), elementId: found.get('eid') as string };
  const order = RESOLUTION_ORDER.filter((l) => labels.includes(l));
  const byName = await tx.run(
    `MATCH (n) WHERE ${hasAnyLabel('n', order)} AND ${exactMatch('n')}
     WITH n, [i IN range(0, size($order) - 1) WHERE $order[i] IN labels(n)][0] AS rank
     RETURN elementId(n) AS eid, ${nodeRefOf('n')} AS node ORDER BY rank, n.id LIMIT 1`,
    { lower: ref.trim().toLowerCase(), order },
  );
  const named = byName.records[0];
  return named ? { ...toNodeRef(named.get('node')), elementId: named.get('eid') as string } : null;
}
