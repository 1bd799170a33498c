import { Label, MENTIONABLE, OPEN_CLASS_LABELS } from '../../graph-schema/labels.ts';
import { Rel, type FactRel } from '../../graph-schema/relationships.ts';

/**
 * Every statement the loader runs. Labels and relationship types cannot be parameters, so
 * statement text is built only from graph-schema constants; all values are parameters.
 */

/** Evidence properties every fact relationship carries (one relationship per fact per document). */
export const SET_EVIDENCE = `r.docId = row.docId, r.chunkId = row.chunkId, r.sentence = row.sentence,
  r.sentenceStart = row.sentenceStart, r.start = row.start, r.end = row.end,
  r.extractor = row.extractor, r.confidence = row.confidence`;

/**
 * The documents a link from a later report (see parse-front-matter.ts) names: by archive
 * path or file name (a path suffix of either side, as reports are ingested from different
 * roots), or by the document's own URL. Index lookups; `ref` must be bound.
 */
const linkedDocuments = (ref: string, as: string) => `CALL (${ref}) {
  MATCH (linked:${Label.Document} {sourceName: last(split(${ref}, '/'))})
  WHERE linked.source = ${ref} OR linked.source ENDS WITH ('/' + ${ref}) OR ${ref} ENDS WITH ('/' + linked.source)
  RETURN linked AS ${as}
  UNION
  MATCH (linked:${Label.Document} {url: ${ref}})
  RETURN linked AS ${as}
}`;

export const READ_DOCUMENT_HASHES = `
UNWIND $ids AS id
MATCH (d:${Label.Document} {id: id})
RETURN d.id AS id, d.sha256 + ':' + coalesce(d.pipelineVersion, '') AS version`;

/**
 * Before writing a document, in one round trip: is it already loaded (and what hangs off
 * it, so orphans can be removed after replacing it), and which existing incident it
 * reports — the one a linked earlier report (第N報) belongs to, else one of the same victim
 * whose anchor date is within the window.
 */
export const READ_DOCUMENT_STATE = `CYPHER replan=skip
OPTIONAL MATCH (d:${Label.Document} {id: $docId})
CALL (d) {
  OPTIONAL MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident})
  RETURN collect(DISTINCT i.id) AS incidents
}
CALL (d) {
  OPTIONAL MATCH (d)-[:${Rel.HAS_CHUNK}]->(:${Label.Chunk})-[:${Rel.MENTIONS}]->(n)
  WHERE n:${Label.Organization} OR n:${Label.Person} OR n:${Label.Service} OR n:${Label.System}
  RETURN collect(DISTINCT n.id) AS entities
}
CALL {
  UNWIND $refs AS ref
  WITH ref WHERE ref <> ''
  ${linkedDocuments('ref', 'earlier')}
  WITH earlier WHERE earlier.id <> $docId
  MATCH (earlier)-[:${Rel.REPORTS}]->(i:${Label.Incident})
  RETURN i.id AS linkedIncident LIMIT 1
  UNION
  RETURN null AS linkedIncident
}
WITH d, incidents, entities, collect(linkedIncident) AS linked
CALL {
  OPTIONAL MATCH (i:${Label.Incident})-[:${Rel.VICTIM}]->(:${Label.Organization} {id: $victimId})
  WHERE $date <> '' AND i.anchorDate IS NOT NULL
    AND abs(duration.inDays(date(i.anchorDate), date($date)).days) <= $windowDays
  RETURN i.id AS nearIncident
  ORDER BY abs(duration.inDays(date(i.anchorDate), date($date)).days)
  LIMIT 1
}
RETURN d IS NOT NULL AS exists, incidents, entities, [x IN linked WHERE x IS NOT NULL][0] AS linkedIncident, nearIncident`;

export const DELETE_DOCUMENT_CHUNKS = `
MATCH (:${Label.Document} {id: $docId})-[:${Rel.HAS_CHUNK}]->(c:${Label.Chunk})
DETACH DELETE c`;

export const deleteFactsOf = (rel: FactRel | typeof Rel.REPORTS) => `
MATCH ()-[r:${rel} {docId: $docId}]->()
DELETE r`;

export const DELETE_PRECEDED_BY = `
MATCH (:${Label.Document} {id: $docId})-[r:${Rel.PRECEDED_BY}]->()
DELETE r`;

/** After a document's facts are gone: nodes that only it held up go too. */
export const DELETE_ORPHANS = `
UNWIND $incidents AS incidentId
MATCH (i:${Label.Incident} {id: incidentId})
WHERE NOT (i)<-[:${Rel.REPORTS}]-()
OPTIONAL MATCH (i)-[:${Rel.HAS_EVENT}]->(e:${Label.Event})
OPTIONAL MATCH (i)-[:${Rel.RESULTED_IN}]->(b:${Label.DataBreach})
DETACH DELETE e, b, i`;

export const DELETE_ORPHAN_EVENTS = `
UNWIND $incidents AS incidentId
MATCH (:${Label.Incident} {id: incidentId})-[:${Rel.HAS_EVENT}]->(e:${Label.Event})
WHERE NOT (e)<-[:${Rel.HAS_EVENT}]-()
DETACH DELETE e`;

export const DELETE_ORPHAN_ENTITIES = `
UNWIND $entities AS entityId
MATCH (n:${MENTIONABLE} {id: entityId})
WHERE (${OPEN_CLASS_LABELS.map((label) => `n:${label}`).join(' OR ')}) AND NOT (n)--()
DELETE n`;

/** Incident-level values are derived from all its reports, so replacing one report stays correct. */
const REFRESH_INCIDENTS_BODY = `UNWIND $incidents AS incidentId
MATCH (i:${Label.Incident} {id: incidentId})<-[rep:${Rel.REPORTS}]-(d:${Label.Document})
WITH i, rep, d ORDER BY coalesce(rep.publishedAt, '9999') ASC
WITH i, collect(rep) AS reps, collect(d) AS docs
SET i.discoveredAt = reduce(m = null, r IN reps | CASE WHEN r.discoveredAt IS NOT NULL AND (m IS NULL OR r.discoveredAt < m) THEN r.discoveredAt ELSE m END),
    i.startedAt = reduce(m = null, r IN reps | CASE WHEN r.startedAt IS NOT NULL AND (m IS NULL OR r.startedAt < m) THEN r.startedAt ELSE m END),
    i.contractorInvolved = any(r IN reps WHERE r.contractorInvolved),
    i.reportCount = size(reps),
    i.title = docs[0].title,
    i.summary = coalesce(reps[0].summary, i.summary)
SET i.anchorDate = coalesce(i.discoveredAt, reduce(m = null, r IN reps | CASE WHEN r.publishedAt IS NOT NULL AND (m IS NULL OR r.publishedAt < m) THEN r.publishedAt ELSE m END))
SET i.name = i.victim + ' ' + coalesce(i.anchorDate, '')
WITH i
OPTIONAL MATCH (i)-[rb:${Rel.RESULTED_IN}]->(b:${Label.DataBreach})
WITH b, max(rb.records) AS records, collect(rb.status) AS statuses
WHERE b IS NOT NULL
SET b.records = records, b.status = CASE WHEN 'confirmed' IN statuses THEN 'confirmed' ELSE 'possible' END`;
export const REFRESH_INCIDENTS = REFRESH_INCIDENTS_BODY;

/**
 * A mentionable node of any label by id, through the MENTIONABLE index: one subquery
 * serves every label (and relationship types come from the row), where one per label
 * made the statement twice as large, slower to compile and to run. The label check
 * tells apart the few vocabulary ids two labels share.
 */
const targetOf = (node: string, id: string, label: string) => `MATCH (${node}:${MENTIONABLE} {id: ${id}}) WHERE ${label} IN labels(${node})`;

/**
 * A relationship from `from` to `to` with the properties `set` assigns (the key among
 * them), unless one of that type with that key exists. Not MERGE, for two reasons. MERGE
 * locks both ends exclusively until commit, and most targets are shared vocabulary nodes
 * (mfa, qilin…): concurrent document writes queued on those locks. And with a dynamic
 * type MERGE is planned as a scan of all relationships whenever the plan is compiled on a
 * small graph, which this one (replan=skip) usually is; this expands from `from` instead.
 * It is still never doubled: only the transaction holding the document's lock (its MERGE,
 * first in WRITE_DOCUMENT) writes relationships from its chunks or with its docId
 * (tests/integration/ingest/rerun-and-bad-input.test.ts runs two ingests at once).
 */
const createOnce = (from: string, to: string, type: { static: string } | { dynamic: string }, key: { property: string; value: string }, set: string) => {
  const typeName = 'static' in type ? `'${type.static}'` : type.dynamic;
  return `OPTIONAL MATCH (${from})-[existing]->(end) WHERE end = ${to} AND type(existing) = ${typeName} AND existing.${key.property} = ${key.value}
  WITH ${from}, ${to}, row WHERE existing IS NULL
  CREATE (${from})-[r:${'static' in type ? type.static : `$(${type.dynamic})`}]->(${to})
  SET ${set}`;
};

/** A fact relationship of the row's type (`row.rel`) and document, with its evidence. */
const createFactOnce = (from: string, to: string) => createOnce(from, to, { dynamic: 'row.rel' }, { property: 'docId', value: 'row.docId' }, SET_EVIDENCE);

/** Leads every list parameter so its type is always List<Map>; statements skip it. */
export const SENTINEL = { sentinel: true } as const;

/**
 * Everything one document writes, as ONE statement of constant text: the plan is compiled
 * once and each document costs one round trip. Neo4j keys cached plans on parameter types
 * too, so every list starts with a SENTINEL row (skipped here) and is never empty, and
 * nullable scalars are passed as '' — otherwise each document replans (~1.5 s).
 * Subqueries run in order, so the incident exists before its facts.
 */
export const WRITE_DOCUMENT = [
  // Planning this statement takes ~1 s; statistics shift as the graph grows, and a replan
  // per few documents would dominate ingest time. The plan's shape never depends on data size.
  `CYPHER replan=skip
MERGE (d:${Label.Document} {id: $doc.id})
SET d += $doc, d.ingestedAt = datetime()
WITH d`,
  `CALL (d) {
  UNWIND $chunks AS row
  WITH row WHERE row.sentinel IS NULL
  MERGE (c:${Label.Chunk} {id: row.id})
  SET c.docId = row.docId, c.ord = row.ord, c.text = row.text, c.start = row.start, c.end = row.end, c.tokens = row.tokens
  FOREACH (_ IN CASE WHEN row.embedding IS NULL THEN [] ELSE [1] END | SET c.embedding = row.embedding)
  MERGE (d)-[:${Rel.HAS_CHUNK}]->(c)
}`,
  ...OPEN_CLASS_LABELS.map(
    (label) => `CALL {
  UNWIND $entities.${label} AS row
  WITH row WHERE row.sentinel IS NULL
  MERGE (n:${label} {id: row.id})
  ON CREATE SET n.name = row.name, n:${MENTIONABLE}
  SET n += row.props,
      n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
  SET n.aliasText = reduce(t = n.name, a IN n.aliases | t + ' ' + a)
}`,
  ),
  `CALL {
  UNWIND $mentions AS row
  WITH row WHERE row.sentinel IS NULL
  MATCH (c:${Label.Chunk} {id: row.chunkId})
  ${targetOf('n', 'row.entityId', 'row.label')}
  ${createOnce('c', 'n', { static: Rel.MENTIONS }, { property: 'start', value: 'row.start' }, 'r.start = row.start, r.end = row.end, r.docId = row.docId, r.extractor = row.extractor, r.confidence = row.confidence, r.resolution = row.resolution')}
}`,
  `CALL (d) {
  UNWIND $incident AS inc
  WITH inc WHERE inc.sentinel IS NULL
  MATCH (o:${Label.Organization} {id: inc.victimId})
  MERGE (i:${Label.Incident} {id: inc.id})
  ON CREATE SET i.name = inc.name, i.title = inc.title, i.summary = inc.summary
  SET i.victim = o.name
  MERGE (d)-[rep:${Rel.REPORTS}]->(i)
  SET rep.docId = d.id, rep.discoveredAt = inc.discoveredAt, rep.startedAt = inc.startedAt, rep.summary = inc.summary,
      rep.contractorInvolved = inc.contractorInvolved, rep.publishedAt = inc.publishedAt
  WITH i, o, inc.victimEvidence AS row
  MERGE (i)-[r:${Rel.VICTIM} {docId: row.docId}]->(o)
  SET ${SET_EVIDENCE}
}`,
  `CALL {
  UNWIND $incidentFacts AS row
  WITH row WHERE row.sentinel IS NULL
  MATCH (i:${Label.Incident} {id: row.incidentId})
  ${targetOf('t', 'row.targetId', 'row.targetLabel')}
  ${createFactOnce('i', 't')}
}`,
  `CALL {
  UNWIND $events AS row
  WITH row WHERE row.sentinel IS NULL
  MATCH (i:${Label.Incident} {id: row.incidentId})
  MERGE (e:${Label.Event} {id: row.id})
  SET e.name = row.name, e.date = row.date, e.dateEnd = row.dateEnd, e.kind = row.kind
  MERGE (i)-[r:${Rel.HAS_EVENT} {docId: row.docId}]->(e)
  SET ${SET_EVIDENCE}
}`,
  `CALL {
  UNWIND $breaches AS row
  WITH row WHERE row.sentinel IS NULL
  MATCH (i:${Label.Incident} {id: row.incidentId})
  MERGE (b:${Label.DataBreach} {id: row.id})
  ON CREATE SET b.name = row.name
  SET b.categories = reduce(acc = coalesce(b.categories, []), c IN row.categories | CASE WHEN c IN acc THEN acc ELSE acc + c END)
  MERGE (i)-[r:${Rel.RESULTED_IN} {docId: row.docId}]->(b)
  SET ${SET_EVIDENCE}, r.records = row.records, r.status = row.status
}`,
  `CALL {
  UNWIND $entityFacts AS row
  WITH row WHERE row.sentinel IS NULL
  ${targetOf('a', 'row.fromId', 'row.fromLabel')}
  ${targetOf('b', 'row.toId', 'row.toLabel')}
  ${createFactOnce('a', 'b')}
}`,
  `CALL (d) {
  UNWIND $earlierRefs AS ref
  WITH ref WHERE ref <> ''
  ${linkedDocuments('ref', 'earlier')}
  WITH d, earlier WHERE earlier.id <> d.id
  MERGE (d)-[:${Rel.PRECEDED_BY}]->(earlier)
}`,
  `CALL {
${REFRESH_INCIDENTS_BODY}
}`,
  'RETURN d.id AS id',
].join('\n');
