import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_LABELS, Label } from './labels.ts';

/**
 * The full-text indexes read copies of the searchable properties, the "search fields",
 * which are published in batches instead of by each document's transaction.
 *
 * Why: Lucene flushes a new segment (and later merges it) for every transaction that
 * touches a full-text index. With one transaction per document and three full-text
 * indexes, that was ~7 ms of Neo4j CPU per document, more than the writes themselves
 * (BENCHMARKS.md). A publish sets the fields of every node written since the last one in
 * a few transactions, so Lucene flushes once per batch.
 *
 * Pending nodes are found from the data itself (a chunk without `searchText`, an entity
 * whose `searchNames` differs from its names), so a killed ingest leaves nothing behind:
 * the next publish — every ingest ends with one, and so does db:migrate — picks them up.
 */
export const SEARCH_FIELD = {
  /** Copy of Chunk.text (CJK-bigram index). */
  chunkText: 'searchText',
  /** Copy of Chunk.tokens (whitespace index). */
  chunkTokens: 'searchTokens',
  /** An entity's name and aliases (Organization, ThreatActor, … and Incident). */
  entityNames: 'searchNames',
} as const;
export const SEARCH_FIELDS: readonly string[] = Object.values(SEARCH_FIELD);

/** Nodes set per transaction by a publish. */
const PUBLISH_BATCH = 2000;

const PUBLISH_CHUNKS = `
MATCH (c:${Label.Chunk}) WHERE c.${SEARCH_FIELD.chunkText} IS NULL AND c.text IS NOT NULL
WITH c LIMIT $batch
SET c.${SEARCH_FIELD.chunkText} = c.text, c.${SEARCH_FIELD.chunkTokens} = coalesce(c.tokens, '')
RETURN count(c) AS published`;

const publishNames = (label: string) => `
MATCH (n:${label}) WHERE n.name IS NOT NULL
WITH n, n.name + coalesce(' ' + n.aliasText, '') AS names
WHERE n.${SEARCH_FIELD.entityNames} IS NULL OR n.${SEARCH_FIELD.entityNames} <> names
WITH n, names LIMIT $batch
SET n.${SEARCH_FIELD.entityNames} = names
RETURN count(n) AS published`;

/** Publishes every pending search field; returns the number of nodes published. */
export async function publishSearchFields(driver: Driver, database: string | undefined): Promise<number> {
  const session = driver.session({ database });
  let total = 0;
  try {
    for (const statement of [PUBLISH_CHUNKS, ...ENTITY_LABELS.map(publishNames)]) {
      for (;;) {
        const published = await session.executeWrite(async (tx) => {
          const result = await tx.run(statement, { batch: neo4j.int(PUBLISH_BATCH) });
          return (result.records[0]?.get('published') as number | undefined) ?? 0;
        });
        total += published;
        if (published < PUBLISH_BATCH) break;
      }
    }
  } finally {
    await session.close();
  }
  return total;
}

/**
 * Full-text indexes are also eventually consistent (graph-schema/indexes.ts): this waits
 * until everything committed so far, published fields included, is searchable.
 */
export async function awaitSearchIndexes(driver: Driver, database: string | undefined): Promise<void> {
  await driver.executeQuery('CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()', {}, { database });
}
