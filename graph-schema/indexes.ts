import { ALL_LABELS, ENTITY_LABELS, Label, MENTIONABLE } from './labels.ts';
import { FACT_RELS, Rel } from './relationships.ts';
import { SEARCH_FIELD } from './search-fields.ts';

export const INDEX = {
  chunkVector: 'chunk_embedding',
  chunkFulltextCjk: 'chunk_text_cjk',
  chunkFulltextTokens: 'chunk_tokens_ws',
  entityNames: 'entity_names',
} as const;

export const constraintName = (label: string) => `${label.toLowerCase()}_id_unique`;

type IndexConfigValue = string | number | boolean;

/**
 * The full-text and vector indexes with the properties and options they must have.
 * Full-text indexes are also eventually consistent, so the Lucene work of a publish stays
 * off the commit path; an ingest waits for it once at the end (awaitSearchIndexes), so a
 * finished ingest is searchable.
 */
export function searchIndexes(embeddingDimensions: number): ReadonlyArray<{ name: string; create: string; properties: readonly string[]; indexConfig: Record<string, IndexConfigValue> }> {
  const fulltext = (name: string, labels: readonly string[], property: string, analyzer: string) => {
    const indexConfig = { 'fulltext.analyzer': analyzer, 'fulltext.eventually_consistent': true };
    return {
      name,
      indexConfig,
      properties: [property],
      create: `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR (n:${labels.join('|')}) ON EACH [n.${property}] OPTIONS {indexConfig: ${cypherMap(indexConfig)}}`,
    };
  };
  const vectorConfig = { 'vector.dimensions': embeddingDimensions, 'vector.similarity_function': 'cosine' };
  return [
    // The full-text indexes read the search fields, published in batches (search-fields.ts).
    fulltext(INDEX.chunkFulltextCjk, [Label.Chunk], SEARCH_FIELD.chunkText, 'cjk'),
    fulltext(INDEX.chunkFulltextTokens, [Label.Chunk], SEARCH_FIELD.chunkTokens, 'whitespace'),
    fulltext(INDEX.entityNames, ENTITY_LABELS, SEARCH_FIELD.entityNames, 'cjk'),
    {
      name: INDEX.chunkVector,
      properties: ['embedding'],
      indexConfig: vectorConfig,
      create: `CREATE VECTOR INDEX ${INDEX.chunkVector} IF NOT EXISTS FOR (c:${Label.Chunk}) ON (c.embedding) OPTIONS {indexConfig: ${cypherMap(vectorConfig)}}`,
    },
  ];
}

const cypherMap = (map: Record<string, IndexConfigValue>) =>
  `{${Object.entries(map).map(([key, value]) => `\`${key}\`: ${typeof value === 'string' ? `'${value}'` : String(value)}`).join(', ')}}`;

/** Every schema statement, in order. Each is idempotent (IF NOT EXISTS). */
export function schemaStatements(embeddingDimensions: number): string[] {
  if (!Number.isInteger(embeddingDimensions) || embeddingDimensions <= 0) {
    throw new Error(`embedding dimensions must be a positive integer, got ${embeddingDimensions}`);
  }
  const constraints = ALL_LABELS.map(
    (label) => `CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  return [
    ...constraints,
    `CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:${Label.Document}) ON (d.sha256)`,
    `CREATE INDEX document_source IF NOT EXISTS FOR (d:${Label.Document}) ON (d.source)`,
    // A 第N報 links to its earlier reports by path or URL; these keep that a lookup, not a scan.
    `CREATE INDEX document_source_name IF NOT EXISTS FOR (d:${Label.Document}) ON (d.sourceName)`,
    `CREATE INDEX document_url IF NOT EXISTS FOR (d:${Label.Document}) ON (d.url)`,
    // Looks up a mention's or a fact's target of any label by id (see MENTIONABLE).
    `CREATE INDEX mentionable_id IF NOT EXISTS FOR (n:${MENTIONABLE}) ON (n.id)`,
    `CREATE INDEX incident_discovered IF NOT EXISTS FOR (i:${Label.Incident}) ON (i.discoveredAt)`,
    // Replacing a changed document deletes its facts by docId; these keep that a lookup.
    ...[...FACT_RELS, Rel.REPORTS].map(
      (rel) => `CREATE INDEX ${rel.toLowerCase()}_doc IF NOT EXISTS FOR ()-[r:${rel}]-() ON (r.docId)`,
    ),
    ...searchIndexes(embeddingDimensions).map((index) => index.create),
  ];
}
