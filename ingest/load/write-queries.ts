import { Label } from '../../graph-schema/labels.ts';
import { Rel, type FactRel } from '../../graph-schema/relationships.ts';

/**
 * Every statement the loader runs. Labels and relationship types cannot be parameters, so
 * statement text is built only from graph-schema constants; all values are parameters.
 */

/** Evidence properties every fact relationship carries (one relationship per fact per document). */
export const SET_EVIDENCE = `r.docId = row.docId, r.chunkId = row.chunkId, r.sentence = row.sentence,
  r.sentenceStart = row.sentenceStart, r.start = row.start, r.end = row.end,
  r.extractor = row.extractor, r.confidence = row.confidence`;

export const READ_DOCUMENT_HASHES = `
UNWIND $ids AS id
MATCH (d:${Label.Document} {id: id})
RETURN d.id AS id, d.sha256 AS sha256`;

/** What a document's facts hang off, collected before they are deleted so orphans can be found. */
export const READ_DOCUMENT_DEPENDENTS = `
MATCH (d:${Label.Document} {id: $docId})
OPTIONAL MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident})
OPTIONAL MATCH (d)-[:${Rel.HAS_CHUNK}]->(:${Label.Chunk})-[:${Rel.MENTIONS}]->(n)
WHERE n:${Label.Organization} OR n:${Label.Person} OR n:${Label.Service} OR n:${Label.System}
RETURN count(DISTINCT d) > 0 AS exists, collect(DISTINCT i.id) AS incidents, collect(DISTINCT n.id) AS entities`;

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
MATCH (n {id: entityId})
WHERE (n:${Label.Organization} OR n:${Label.Person} OR n:${Label.Service} OR n:${Label.System}) AND NOT (n)--()
DELETE n`;

export const MERGE_DOCUMENT = `
MERGE (d:${Label.Document} {id: $doc.id})
SET d += $doc, d.ingestedAt = datetime()`;

export const MERGE_CHUNKS = `
MATCH (d:${Label.Document} {id: $docId})
UNWIND $rows AS row
MERGE (c:${Label.Chunk} {id: row.id})
SET c.docId = row.docId, c.ord = row.ord, c.text = row.text, c.start = row.start, c.end = row.end, c.tokens = row.tokens
FOREACH (_ IN CASE WHEN row.embedding IS NULL THEN [] ELSE [1] END | SET c.embedding = row.embedding)
MERGE (d)-[:${Rel.HAS_CHUNK}]->(c)`;

/** Open-class entities: names may vary across documents, so aliases accumulate. */
export const mergeEntities = (label: Label) => `
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.name = row.name
SET n += row.props,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
SET n.aliasText = reduce(t = n.name, a IN n.aliases | t + ' ' + a)`;

export const mergeMentions = (label: Label) => `
UNWIND $rows AS row
MATCH (c:${Label.Chunk} {id: row.chunkId})
MATCH (n:${label} {id: row.entityId})
MERGE (c)-[r:${Rel.MENTIONS} {start: row.start}]->(n)
SET r.end = row.end, r.docId = row.docId, r.extractor = row.extractor, r.confidence = row.confidence, r.resolution = row.resolution`;

/** Incidents of the same victim discovered within the window: the same real incident. */
export const FIND_INCIDENT_BY_EARLIER_REPORTS = `
UNWIND $refs AS ref
MATCH (d:${Label.Document})-[:${Rel.REPORTS}]->(i:${Label.Incident})
WHERE d.source = ref OR d.source ENDS WITH ('/' + ref) OR ref ENDS WITH ('/' + d.source)
RETURN i.id AS id, d.id AS docId LIMIT 1`;

export const FIND_INCIDENT_BY_VICTIM_AND_DATE = `
MATCH (i:${Label.Incident})-[:${Rel.VICTIM}]->(:${Label.Organization} {id: $victimId})
WHERE i.anchorDate IS NOT NULL
  AND abs(duration.inDays(date(i.anchorDate), date($date)).days) <= $windowDays
RETURN i.id AS id
ORDER BY abs(duration.inDays(date(i.anchorDate), date($date)).days)
LIMIT 1`;

export const MERGE_INCIDENT = `
MATCH (d:${Label.Document} {id: $docId})
MATCH (o:${Label.Organization} {id: $incident.victimId})
MERGE (i:${Label.Incident} {id: $incident.id})
ON CREATE SET i.name = $incident.name, i.title = $incident.title, i.summary = $incident.summary
SET i.victim = o.name
MERGE (d)-[rep:${Rel.REPORTS}]->(i)
SET rep.docId = $docId, rep.discoveredAt = $incident.discoveredAt, rep.startedAt = $incident.startedAt,
    rep.contractorInvolved = $incident.contractorInvolved, rep.publishedAt = $incident.publishedAt
WITH i, o
UNWIND [$incident.victimEvidence] AS row
MERGE (i)-[r:${Rel.VICTIM} {docId: row.docId}]->(o)
SET ${SET_EVIDENCE}`;

/** Incident-level values are derived from all its reports, so replacing one report stays correct. */
export const REFRESH_INCIDENTS = `
UNWIND $incidents AS incidentId
MATCH (i:${Label.Incident} {id: incidentId})<-[rep:${Rel.REPORTS}]-(d:${Label.Document})
WITH i, rep, d ORDER BY coalesce(rep.publishedAt, '9999') ASC
WITH i, collect(rep) AS reps, collect(d) AS docs
SET i.discoveredAt = reduce(m = null, r IN reps | CASE WHEN r.discoveredAt IS NOT NULL AND (m IS NULL OR r.discoveredAt < m) THEN r.discoveredAt ELSE m END),
    i.startedAt = reduce(m = null, r IN reps | CASE WHEN r.startedAt IS NOT NULL AND (m IS NULL OR r.startedAt < m) THEN r.startedAt ELSE m END),
    i.contractorInvolved = any(r IN reps WHERE r.contractorInvolved),
    i.reportCount = size(reps),
    i.title = docs[0].title
SET i.anchorDate = coalesce(i.discoveredAt, reduce(m = null, r IN reps | CASE WHEN r.publishedAt IS NOT NULL AND (m IS NULL OR r.publishedAt < m) THEN r.publishedAt ELSE m END))
WITH i
OPTIONAL MATCH (i)-[rb:${Rel.RESULTED_IN}]->(b:${Label.DataBreach})
WITH b, max(rb.records) AS records, collect(rb.status) AS statuses
WHERE b IS NOT NULL
SET b.records = records, b.status = CASE WHEN 'confirmed' IN statuses THEN 'confirmed' ELSE 'possible' END`;

export const mergeIncidentFacts = (rel: FactRel, target: Label) => `
MATCH (i:${Label.Incident} {id: $incidentId})
UNWIND $rows AS row
MATCH (t:${target} {id: row.targetId})
MERGE (i)-[r:${rel} {docId: row.docId}]->(t)
SET ${SET_EVIDENCE}`;

export const mergeEntityFacts = (rel: FactRel, from: Label, to: Label) => `
UNWIND $rows AS row
MATCH (a:${from} {id: row.fromId})
MATCH (b:${to} {id: row.toId})
MERGE (a)-[r:${rel} {docId: row.docId}]->(b)
SET ${SET_EVIDENCE}`;

export const MERGE_EVENTS = `
MATCH (i:${Label.Incident} {id: $incidentId})
UNWIND $rows AS row
MERGE (e:${Label.Event} {id: row.id})
SET e.name = row.name, e.date = row.date, e.dateEnd = row.dateEnd, e.kind = row.kind
MERGE (i)-[r:${Rel.HAS_EVENT} {docId: row.docId}]->(e)
SET ${SET_EVIDENCE}`;

export const MERGE_BREACH = `
MATCH (i:${Label.Incident} {id: $incidentId})
UNWIND $rows AS row
MERGE (b:${Label.DataBreach} {id: row.id})
ON CREATE SET b.name = row.name
SET b.categories = reduce(acc = coalesce(b.categories, []), c IN row.categories | CASE WHEN c IN acc THEN acc ELSE acc + c END)
MERGE (i)-[r:${Rel.RESULTED_IN} {docId: row.docId}]->(b)
SET ${SET_EVIDENCE}, r.records = row.records, r.status = row.status`;

export const MERGE_PRECEDED_BY = `
MATCH (d:${Label.Document} {id: $docId})
UNWIND $refs AS ref
MATCH (earlier:${Label.Document})
WHERE earlier.id <> d.id AND (earlier.source = ref OR earlier.source ENDS WITH ('/' + ref) OR ref ENDS WITH ('/' + earlier.source))
MERGE (d)-[:${Rel.PRECEDED_BY}]->(earlier)`;

