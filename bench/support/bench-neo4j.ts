import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT, type Config } from '../../config.ts';
import { connectGraph } from '../../graph-connection.ts';
import { migrate } from '../../graph-schema/migrate.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j/local-neo4j.ts';

/**
 * Benchmarks run against NEO4J_URI when it is set, else against a Neo4j of their own
 * (its own port and data/neo4j-<name>), never the database of `npm start`.
 */
export async function benchGraph(options: { empty: boolean; name: string; boltPort: number }): Promise<{ driver: Driver; config: Config; stop: () => Promise<void> }> {
  let started: { alreadyRunning: boolean } | null = null;
  const dataDir = path.join(PROJECT_ROOT, 'data', `neo4j-${options.name}`);
  let config: Config;
  if (process.env.NEO4J_URI) {
    config = loadConfig();
  } else {
    const boltPort = options.boltPort;
    started = await startLocalNeo4j({ boltPort, dataDir, user: 'neo4j', password: 'benchpassword', heap: '2g', pageCache: '1g', log: (m) => console.log(`bench neo4j: ${m}`) });
    config = loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'benchpassword' });
  }
  const driver = await connectGraph(config.neo4j);
  if (options.empty) {
    const session = driver.session({ database: config.neo4j.database });
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  }
  await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
  return {
    driver,
    config,
    stop: async () => {
      await driver.close();
      if (started && !started.alreadyRunning && !process.env.BENCH_KEEP_NEO4J) await stopLocalNeo4j({ dataDir });
    },
  };
}

export const CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'archive-dev');
