import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../config.ts';
import { connectGraph } from '../../graph-connection.ts';
import { migrate } from '../../graph-schema/migrate.ts';

/** The configuration every integration test uses: the test Neo4j, never the user's. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  const neo4j = inject('neo4jTest');
  return loadConfig({ NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'silent', ...overrides });
}

export async function connectTestGraph(config: Config = testConfig()): Promise<Driver> {
  return connectGraph(config.neo4j);
}

/** Empties the test database and re-runs the migration, so each file starts from a known graph. */
export async function resetTestGraph(driver: Driver, config: Config = testConfig()): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database: config.neo4j.database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
}

export const SHARED_DIR = new URL('../../../shared/', import.meta.url).pathname;
