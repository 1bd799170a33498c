import { loadConfig } from '../config.ts';
import { connectGraph } from '../graph-connection.ts';
import { MENTIONABLE } from '../graph-schema/labels.ts';
import { migrate } from '../graph-schema/migrate.ts';
import { runCli } from '../run-cli.ts';

runCli('db:migrate', async () => {
  const config = loadConfig();
  const driver = await connectGraph(config.neo4j);
  try {
    const result = await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    process.stdout.write(
      `db:migrate: ${result.schemaChanges} constraints/indexes added, ${result.nodesCreated} vocabulary nodes created, ${result.propertiesSet} properties set, ${result.labelsAdded} nodes labelled ${MENTIONABLE}, search fields of ${result.searchFieldsPublished} nodes published\n`,
    );
  } finally {
    await driver.close();
  }
});
