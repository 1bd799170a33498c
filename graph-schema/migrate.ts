import type { Driver } from 'neo4j-driver';
import { schemaStatements } from './indexes.ts';
import { VOCABULARIES, vocabularyNode } from './vocabulary-nodes.ts';

export interface MigrationResult {
  schemaChanges: number;
  nodesCreated: number;
  propertiesSet: number;
}

/**
 * Creates constraints and indexes and loads the vocabularies. Idempotent: a second run
 * reports zero changes, because statements use IF NOT EXISTS and vocabulary writes only
 * set properties that differ.
 */
export async function migrate(driver: Driver, options: { database?: string; embeddingDimensions: number }): Promise<MigrationResult> {
  const result: MigrationResult = { schemaChanges: 0, nodesCreated: 0, propertiesSet: 0 };
  const session = driver.session({ database: options.database });
  try {
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
  } finally {
    await session.close();
  }
  return result;
}
