/**
 * Every Cypher statement search runs. Labels, relationship types and index names come from
 * graph-schema; the only variable text is the filter predicate, which search-filters.ts
 * assembles from constant fragments. All user values are parameters.
 */
import { INDEX } from '../../graph-schema/indexes.ts';
import { Label, MENTIONABLE } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { LexicalSignal } from './search-options.ts';

export const LEXICAL_INDEX_NAME: Readonly<Record<LexicalSignal, string>> = {
  'cjk-content': INDEX.chunkFulltextCjk,
  'cjk-text': INDEX.chunkFulltextCjk,
  tokens: INDEX.chunkFulltextTokens,
};

/** A candidate chunk's document, the incident it reports (if any), filtered. */
const CANDIDATE_TAIL = (predicate: string) => `
MATCH (d:${Label.Document})-[:${Rel.HAS_CHUNK}]->(c)
WHERE ${predicate}
OPTIONAL MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident})
WITH c, d, score, min(i.id) AS incidentId
RETURN c.id AS chunkId, d.id AS docId, incidentId, score
ORDER BY score DESC, chunkId`;

/** Nearest chunks by embedding ($n before filtering). */
export const vectorCandidates = (predicate: string) => `
CALL db.index.vector.queryNodes('${INDEX.chunkVector}', $n, $embedding) YIELD node AS c, score
${CANDIDATE_TAIL(predicate)}`;

/** Best chunks by BM25 in a full-text index ($n before filtering). */
export const fulltextCandidates = (predicate: string) => `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $n}) YIELD node AS c, score
${CANDIDATE_TAIL(predicate)}`;

/** Organizations an org filter names: by id, name or alias (case-insensitive), else by part of the name. */
export const RESOLVE_ORGANIZATION = `
MATCH (o:${Label.Organization})
WHERE o.id = $org OR toLower(o.name) = toLower($org) OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower($org))
RETURN o.id AS id
UNION
MATCH (o:${Label.Organization})
WHERE size($org) >= 2 AND NOT EXISTS {
  MATCH (x:${Label.Organization})
  WHERE x.id = $org OR toLower(x.name) = toLower($org) OR any(a IN coalesce(x.aliases, []) WHERE toLower(a) = toLower($org))
} AND toLower(o.name) CONTAINS toLower($org)
RETURN o.id AS id`;

/** Incidents with all the documents that report them, oldest first. */
export const INCIDENT_DOCUMENTS = `
UNWIND $ids AS incidentId
MATCH (i:${Label.Incident} {id: incidentId})
OPTIONAL MATCH (d:${Label.Document})-[:${Rel.REPORTS}]->(i)
WITH i, d ORDER BY d.publishedAt, d.source
RETURN i.id AS id, coalesce(i.title, i.name) AS title,
       collect(d {.id, .title, .source, .publishedAt}) AS documents`;

export const DOCUMENTS = `
UNWIND $ids AS docId
MATCH (d:${Label.Document} {id: docId})
RETURN d.id AS id, d.title AS title, d {.id, .title, .source, .publishedAt} AS document`;

/** Chunks with their text and the entities they mention. */
export const CHUNKS_WITH_MENTIONS = `
UNWIND $ids AS chunkId
MATCH (c:${Label.Chunk} {id: chunkId})
OPTIONAL MATCH (c)-[:${Rel.MENTIONS}]->(n)
WITH c, n ORDER BY n.name
RETURN c.id AS chunkId, c.docId AS docId, c.text AS text, c.start AS start, c.end AS end,
       collect(DISTINCT CASE WHEN n IS NULL THEN null ELSE {id: n.id, name: n.name, labels: [l IN labels(n) WHERE l <> '${MENTIONABLE}']} END) AS entities`;
