import type { Driver, Session } from 'neo4j-driver';
import { schemaStatements, searchIndexes } from './indexes.ts';
import { Label, MENTIONABLE, MENTIONABLE_LABELS } from './labels.ts';
import { publishSearchFields } from './search-fields.ts';
import { VOCABULARIES, vocabularyNode } from './vocabulary-nodes.ts';

export interface MigrationResult {
  schemaChanges: number;
  nodesCreated: number;
  propertiesSet: number;
  /** Nodes of an older version given the MENTIONABLE label. */
  labelsAdded: number;
  /** Nodes whose search fields were published (search-fields.ts). */
  searchFieldsPublished: number;
}

/**
 * Creates constraints and indexes and loads the vocabularies. Idempotent: a second run
 * reports zero changes, because statements use IF NOT EXISTS and vocabulary writes only
 * set properties that differ.
 */
export async function migrate(driver: Driver, options: { database?: string; embeddingDimensions: number }): Promise<MigrationResult> {
  const result: MigrationResult = { schemaChanges: 0, nodesCreated: 0, propertiesSet: 0, labelsAdded: 0, searchFieldsPublished: 0 };
  const session = driver.session({ database: options.database });
  try {
    result.schemaChanges += await dropDriftedIndexes(session, options.embeddingDimensions);
    for (const statement of schemaStatements(options.embeddingDimensions)) {
      const summary = (await session.run(statement)).summary.counters;
      result.schemaChanges += summary.updates().indexesAdded + summary.updates().constraintsAdded;
    }
    await session.run('CALL db.awaitIndexes(300)');
    for (const { label, entries } of VOCABULARIES) {
      const rows = entries.map(vocabularyNode);
      const counters = await session.executeWrite(async (tx) => {
        const res = await tx.run(
          `UNWIND $rows AS row
           MERGE (n:${label} {id: row.id})
           ON CREATE SET n:${MENTIONABLE}
           WITH n, row
           WHERE n.name IS NULL OR n.name <> row.name OR n.nameJa <> row.nameJa OR n.aliases <> row.aliases
              OR n.attackId IS NULL <> (row.attackId IS NULL) OR n.attackId <> row.attackId
           SET n.name = row.name, n.nameJa = row.nameJa, n.aliases = row.aliases, n.aliasText = row.aliasText,
               n.attackId = row.attackId, n.description = row.description, n.vocabulary = true`,
          { rows },
        );
        return res.summary.counters.updates();
      });
      result.nodesCreated += counters.nodesCreated;
      result.propertiesSet += counters.propertiesSet;
    }
    result.propertiesSet += await session.executeWrite(async (tx) => {
      // Documents loaded before Document.sourceName existed: links from later reports find them by it.
      const res = await tx.run(`MATCH (d:${Label.Document}) WHERE d.sourceName IS NULL AND d.source IS NOT NULL SET d.sourceName = last(split(d.source, '/'))`);
      return res.summary.counters.updates().propertiesSet;
    });
    for (const label of MENTIONABLE_LABELS) {
      // Nodes loaded before the MENTIONABLE label existed: the loader finds targets by it.
      result.labelsAdded += await session.executeWrite(async (tx) => {
        const res = await tx.run(`MATCH (n:${label}) WHERE NOT n:${MENTIONABLE} SET n:${MENTIONABLE}`);
        return res.summary.counters.updates().labelsAdded;
      });
    }
  } finally {
    await session.close();
  }
  // Search fields of nodes loaded by an older version, or before an index was rebuilt.
  result.searchFieldsPublished = await publishSearchFields(driver, options.database);
  return result;
}

/**
 * An index whose properties or options differ from graph-schema (another field, analyzer,
 * embedding size or consistency mode, e.g. from an older version) is dropped so the CREATE after it rebuilds
 * it from the data; IF NOT EXISTS alone would keep the old one forever.
 */
async function dropDriftedIndexes(session: Session, embeddingDimensions: number): Promise<number> {
  const declared = new Map(searchIndexes(embeddingDimensions).map((index) => [index.name, index]));
  const existing = await session.run('SHOW INDEXES YIELD name, properties, options RETURN name, properties, options.indexConfig AS indexConfig');
  let dropped = 0;
  for (const record of existing.records) {
    const name = record.get('name') as string;
    const want = declared.get(name);
    if (!want) continue;
    const have = (record.get('indexConfig') ?? {}) as Record<string, unknown>;
    const sameProperties = (record.get('properties') as string[]).join() === want.properties.join();
    if (sameProperties && Object.entries(want.indexConfig).every(([key, value]) => comparable(have[key]) === comparable(value))) continue;
    await session.run(`DROP INDEX ${name} IF EXISTS`);
    dropped += 1;
  }
  return dropped;
}

/** Neo4j reports integers as driver Integers and upper-cases some names ('COSINE'). */
function comparable(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  return typeof value === 'string' ? value.toLowerCase() : value;
}
