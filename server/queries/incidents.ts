import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { Label, primaryLabel } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { Fact } from '../schemas/evidence.ts';
import type { IncidentDetail, IncidentList, IncidentListQuery, IncidentSummary, SourceDocument } from '../routes/api/incidents/schemas.ts';
import { evidenceOf, toEvidence, toNodeRef } from './fact-projection.ts';
import { readTransaction, type Graph } from './read-transaction.ts';
import { resolveOrganizations, resolveVocabulary, type VocabularyLabel } from './resolve-entities.ts';

/** Facts an incident summary shows, by the field they go to. */
const SUMMARY_FACTS = {
  victim: Rel.VICTIM,
  actors: Rel.ATTRIBUTED_TO,
  malware: Rel.INVOLVED,
  accessVectors: Rel.INITIAL_ACCESS_VIA,
  techniques: Rel.USED_TECHNIQUE,
  lackedControls: Rel.LACKED_CONTROL,
  remediations: Rel.REMEDIATED_WITH,
  impacted: Rel.IMPACTED,
} as const;
const SUMMARY_RELS = Object.values(SUMMARY_FACTS);
const DETAIL_RELS = [...SUMMARY_RELS, Rel.HAS_EVENT, Rel.RESULTED_IN];

/** Every outgoing fact of incident `i` of the types in `$rels`, parallel relationships folded. */
const COLLECT_FACTS = `CALL (i) {
  MATCH (i)-[r]->(t) WHERE type(r) IN $rels
  WITH type(r) AS type, t, collect(${evidenceOf('r')}) AS evidence
  RETURN collect({type: type, evidence: evidence,
    target: t {.id, .name, .nameJa, .attackId, .date, .dateEnd, .kind, .records, .status, .categories, label: ${primaryLabel('t')}}}) AS facts
}`;

const INCIDENT_PROJECTION = `i {.id, .name, .title, .summary, .discoveredAt, .startedAt, .anchorDate, .reportCount, .contractorInvolved}`;

/** The date an incident is filtered and sorted by: when it was discovered, else first reported. */
const INCIDENT_DATE = 'coalesce(i.discoveredAt, i.anchorDate)';

const FILTERED_INCIDENTS = `
MATCH (i:${Label.Incident})
WHERE ($from IS NULL OR ${INCIDENT_DATE} >= $from)
  AND ($to IS NULL OR ${INCIDENT_DATE} <= $to)
  AND ($accessVector IS NULL OR EXISTS { MATCH (i)-[:${Rel.INITIAL_ACCESS_VIA}]->(x:${Label.AccessVector}) WHERE x.id IN $accessVector })
  AND ($actor IS NULL OR EXISTS { MATCH (i)-[:${Rel.ATTRIBUTED_TO}]->(x:${Label.ThreatActor}) WHERE x.id IN $actor })
  AND ($malware IS NULL OR EXISTS { MATCH (i)-[:${Rel.INVOLVED}]->(x:${Label.Malware}) WHERE x.id IN $malware })
  AND ($lackedControl IS NULL OR EXISTS { MATCH (i)-[:${Rel.LACKED_CONTROL}]->(x:${Label.Control}) WHERE x.id IN $lackedControl })
  AND ($remediation IS NULL OR EXISTS { MATCH (i)-[:${Rel.REMEDIATED_WITH}]->(x:${Label.Control}) WHERE x.id IN $remediation })
  AND ($org IS NULL OR EXISTS { MATCH (i)-[:${Rel.VICTIM}|${Rel.IMPACTED}]->(x) WHERE x.id IN $org })`;

export const COUNT_INCIDENTS = `${FILTERED_INCIDENTS}
RETURN count(i) AS total`;

export const LIST_INCIDENTS = `${FILTERED_INCIDENTS}
WITH i ORDER BY ${INCIDENT_DATE} DESC, i.id
SKIP $offset LIMIT $limit
${COLLECT_FACTS}
RETURN ${INCIDENT_PROJECTION} AS incident, facts`;

export const GET_INCIDENT = `
MATCH (i:${Label.Incident} {id: $id})
${COLLECT_FACTS}
CALL (i) {
  OPTIONAL MATCH (d:${Label.Document})-[:${Rel.REPORTS}]->(i)
  WITH d ORDER BY coalesce(d.publishedAt, '9999'), d.reportNumber, d.id
  RETURN collect(d {.id, .title, .publishedAt, .url, .reportNumber, .publisher, .source}) AS sources
}
RETURN ${INCIDENT_PROJECTION} AS incident, facts, sources`;

const VOCABULARY_FILTERS: ReadonlyArray<[keyof IncidentListQuery, VocabularyLabel]> = [
  ['accessVector', Label.AccessVector],
  ['actor', Label.ThreatActor],
  ['malware', Label.Malware],
  ['lackedControl', Label.Control],
  ['remediation', Label.Control],
];

export async function listIncidents(graph: Graph, query: IncidentListQuery): Promise<IncidentList> {
  return readTransaction(graph, async (tx) => {
    const resolvedFilters: Record<string, string[]> = {};
    for (const [key, label] of VOCABULARY_FILTERS) {
      const value = query[key];
      if (typeof value === 'string') resolvedFilters[key] = await resolveVocabulary(tx, label, value);
    }
    if (query.org) resolvedFilters.org = await resolveOrganizations(tx, query.org);
    const params = {
      from: query.from ?? null,
      to: query.to ?? null,
      accessVector: resolvedFilters.accessVector ?? null,
      actor: resolvedFilters.actor ?? null,
      malware: resolvedFilters.malware ?? null,
      lackedControl: resolvedFilters.lackedControl ?? null,
      remediation: resolvedFilters.remediation ?? null,
      org: resolvedFilters.org ?? null,
    };
    const base = { total: 0, limit: query.limit, offset: query.offset, resolvedFilters, items: [] };
    // A filter that names nothing matches nothing.
    if (Object.values(resolvedFilters).some((ids) => ids.length === 0)) return base;
    const count = await tx.run(COUNT_INCIDENTS, params);
    const total = (count.records[0]?.get('total') as number | undefined) ?? 0;
    if (total === 0 || query.offset >= total) return { ...base, total };
    const page = await tx.run(LIST_INCIDENTS, { ...params, offset: neo4j.int(query.offset), limit: neo4j.int(query.limit), rels: SUMMARY_RELS });
    return { ...base, total, items: page.records.map((r) => toSummary(r.get('incident'), r.get('facts'))) };
  });
}

export async function getIncident(graph: Graph, id: string): Promise<IncidentDetail | null> {
  return readTransaction(graph, (tx) => readIncident(tx, id));
}

export async function readIncident(tx: ManagedTransaction, id: string): Promise<IncidentDetail | null> {
  const result = await tx.run(GET_INCIDENT, { id, rels: DETAIL_RELS });
  const record = result.records[0];
  if (!record) return null;
  const raw = rawFacts(record.get('facts'));
  const summary = toSummary(record.get('incident'), raw);
  const timeline = raw
    .filter((f) => f.type === Rel.HAS_EVENT)
    .map((f) => ({
      id: String(f.target.id),
      name: str(f.target.name),
      date: str(f.target.date),
      dateEnd: str(f.target.dateEnd),
      kind: str(f.target.kind),
      evidence: toEvidence(f.evidence),
    }))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.dateEnd ?? '').localeCompare(b.dateEnd ?? '') || a.id.localeCompare(b.id));
  const breachFact = raw.find((f) => f.type === Rel.RESULTED_IN);
  const breach = breachFact
    ? {
        id: String(breachFact.target.id),
        name: str(breachFact.target.name),
        records: typeof breachFact.target.records === 'number' ? breachFact.target.records : null,
        status: str(breachFact.target.status),
        categories: Array.isArray(breachFact.target.categories) ? breachFact.target.categories.map(String) : [],
        evidence: toEvidence(breachFact.evidence),
      }
    : null;
  const sources = (record.get('sources') as Record<string, unknown>[]).map(
    (d): SourceDocument => ({
      id: String(d.id),
      title: str(d.title),
      publishedAt: str(d.publishedAt),
      url: str(d.url),
      reportNumber: typeof d.reportNumber === 'number' ? d.reportNumber : null,
      publisher: str(d.publisher),
      source: str(d.source),
    }),
  );
  return { ...summary, timeline, breach, sources };
}

interface RawFact {
  type: string;
  target: Record<string, unknown>;
  evidence: unknown;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function rawFacts(raw: unknown): RawFact[] {
  return Array.isArray(raw) ? (raw as RawFact[]) : [];
}

function toFact(f: RawFact): Fact {
  return {
    type: f.type,
    target: { ...toNodeRef(f.target), nameJa: str(f.target.nameJa), attackId: str(f.target.attackId) },
    evidence: toEvidence(f.evidence),
  };
}

/** Facts of one type, best supported first (most documents, then name). */
function factsOf(raw: RawFact[], rel: string): Fact[] {
  return raw
    .filter((f) => f.type === rel)
    .map(toFact)
    .sort((a, b) => b.evidence.length - a.evidence.length || (a.target.name ?? '').localeCompare(b.target.name ?? ''));
}

function toSummary(incident: unknown, facts: unknown): IncidentSummary {
  const i = (incident ?? {}) as Record<string, unknown>;
  const raw = rawFacts(facts);
  return {
    id: String(i.id),
    name: str(i.name),
    title: str(i.title),
    summary: str(i.summary),
    discoveredAt: str(i.discoveredAt),
    startedAt: str(i.startedAt),
    anchorDate: str(i.anchorDate),
    reportCount: typeof i.reportCount === 'number' ? i.reportCount : null,
    contractorInvolved: typeof i.contractorInvolved === 'boolean' ? i.contractorInvolved : null,
    victim: factsOf(raw, SUMMARY_FACTS.victim)[0] ?? null,
    actors: factsOf(raw, SUMMARY_FACTS.actors),
    malware: factsOf(raw, SUMMARY_FACTS.malware),
    accessVectors: factsOf(raw, SUMMARY_FACTS.accessVectors),
    techniques: factsOf(raw, SUMMARY_FACTS.techniques),
    lackedControls: factsOf(raw, SUMMARY_FACTS.lackedControls),
    remediations: factsOf(raw, SUMMARY_FACTS.remediations),
    impacted: factsOf(raw, SUMMARY_FACTS.impacted),
  };
}
