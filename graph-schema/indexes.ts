import { ALL_LABELS, ENTITY_LABELS, Label } from './labels.ts';
import { FACT_RELS, Rel } from './relationships.ts';

export const INDEX = {
  chunkVector: 'chunk_embedding',
  chunkFulltextCjk: 'chunk_text_cjk',
  chunkFulltextTokens: 'chunk_tokens_ws',
  entityNames: 'entity_names',
} as const;

export const constraintName = (label: string) => `${label.toLowerCase()}_id_unique`;

type IndexConfigValue = string | number | boolean;

/**
 * The full-text and vector indexes with the options they must have. Full-text indexes are
 * eventually consistent: Lucene flushes a segment for every transaction that touches an
 * index, and off the commit path those flushes no longer hold up the writing transaction;
 * ingest waits for them once at the end (awaitSearchableWrites), so a finished ingest is
 * searchable.
 */
export function searchIndexes(embeddingDimensions: number): ReadonlyArray<{ name: string; create: string; indexConfig: Record<string, IndexConfigValue> }> {
  const fulltext = (name: string, pattern: string, properties: string, analyzer: string) => {
    const indexConfig = { 'fulltext.analyzer': analyzer, 'fulltext.eventually_consistent': true };
    return { name, indexConfig, create: `CREATE FULLTEXT INDEX ${name} IF NOT EXISTS FOR ${pattern} ON EACH [${properties}] OPTIONS {indexConfig: ${cypherMap(indexConfig)}}` };
  };
  const vectorConfig = { 'vector.dimensions': embeddingDimensions, 'vector.similarity_function': 'cosine' };
  return [
    fulltext(INDEX.chunkFulltextCjk, `(c:${Label.Chunk})`, 'c.text', 'cjk'),
    fulltext(INDEX.chunkFulltextTokens, `(c:${Label.Chunk})`, 'c.tokens', 'whitespace'),
    fulltext(INDEX.entityNames, `(n:${ENTITY_LABELS.join('|')})`, 'n.name, n.aliasText', 'cjk'),
    {
      name: INDEX.chunkVector,
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
    `CREATE INDEX incident_discovered IF NOT EXISTS FOR (i:${Label.Incident}) ON (i.discoveredAt)`,
    // Replacing a changed document deletes its facts by docId; these keep that a lookup.
    ...[...FACT_RELS, Rel.REPORTS].map(
      (rel) => `CREATE INDEX ${rel.toLowerCase()}_doc IF NOT EXISTS FOR ()-[r:${rel}]-() ON (r.docId)`,
    ),
    ...searchIndexes(embeddingDimensions).map((index) => index.create),
  ];
}
