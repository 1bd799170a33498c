import { ALL_LABELS, ENTITY_LABELS, Label } from './labels.ts';
import { FACT_RELS, Rel } from './relationships.ts';

export const INDEX = {
  chunkVector: 'chunk_embedding',
  chunkFulltextCjk: 'chunk_text_cjk',
  chunkFulltextTokens: 'chunk_tokens_ws',
  entityNames: 'entity_names',
} as const;

export const constraintName = (label: string) => `${label.toLowerCase()}_id_unique`;

/** Every schema statement, in order. Each is idempotent (IF NOT EXISTS). */
export function schemaStatements(embeddingDimensions: number): string[] {
  if (!Number.isInteger(embeddingDimensions) || embeddingDimensions <= 0) {
    throw new Error(`embedding dimensions must be a positive integer, got ${embeddingDimensions}`);
  }
  const constraints = ALL_LABELS.map(
    (label) => `CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  );
  const entityLabels = ENTITY_LABELS.join('|');
  return [
    ...constraints,
    `CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:${Label.Document}) ON (d.sha256)`,
    `CREATE INDEX document_source IF NOT EXISTS FOR (d:${Label.Document}) ON (d.source)`,
    `CREATE INDEX incident_discovered IF NOT EXISTS FOR (i:${Label.Incident}) ON (i.discoveredAt)`,
    // Replacing a changed document deletes its facts by docId; these keep that a lookup.
    ...[...FACT_RELS, Rel.REPORTS].map(
      (rel) => `CREATE INDEX ${rel.toLowerCase()}_doc IF NOT EXISTS FOR ()-[r:${rel}]-() ON (r.docId)`,
    ),
    `CREATE FULLTEXT INDEX ${INDEX.chunkFulltextCjk} IF NOT EXISTS FOR (c:${Label.Chunk}) ON EACH [c.text] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    `CREATE FULLTEXT INDEX ${INDEX.chunkFulltextTokens} IF NOT EXISTS FOR (c:${Label.Chunk}) ON EACH [c.tokens] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'whitespace'}}`,
    `CREATE FULLTEXT INDEX ${INDEX.entityNames} IF NOT EXISTS FOR (n:${entityLabels}) ON EACH [n.name, n.aliasText] OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'cjk'}}`,
    `CREATE VECTOR INDEX ${INDEX.chunkVector} IF NOT EXISTS FOR (c:${Label.Chunk}) ON (c.embedding) OPTIONS {indexConfig: {\`vector.dimensions\`: ${embeddingDimensions}, \`vector.similarity_function\`: 'cosine'}}`,
  ];
}
