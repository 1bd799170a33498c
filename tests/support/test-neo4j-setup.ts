import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../config.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j/local-neo4j.ts';

/**
 * Integration tests get a Neo4j of their own: its own Bolt port and data folder, so the
 * database of `npm start` is never touched. NEO4J_TEST_URI points them at another
 * (disposable!) Neo4j instead; NEO4J_URI is deliberately ignored here.
 */
export const TEST_BOLT_PORT = Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7697);
const TEST_DATA_DIR = path.join(PROJECT_ROOT, 'data', 'neo4j-test');
const TEST_PASSWORD = 'testpassword';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jTest: { uri: string; user: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_TEST_URI) {
    project.provide('neo4jTest', {
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER ?? 'neo4j',
      password: process.env.NEO4J_TEST_PASSWORD ?? TEST_PASSWORD,
    });
    return;
  }
  const started = await startLocalNeo4j({
    boltPort: TEST_BOLT_PORT,
    dataDir: TEST_DATA_DIR,
    user: 'neo4j',
    password: TEST_PASSWORD,
    heap: '1g',
    pageCache: '256m',
    log: (message) => console.warn(`test neo4j: ${message}`),
  });
  project.provide('neo4jTest', { uri: started.boltUrl, user: 'neo4j', password: TEST_PASSWORD });
  return async () => {
    // An instance someone started by hand for quick re-runs is left running.
    if (!started.alreadyRunning) await stopLocalNeo4j({ dataDir: TEST_DATA_DIR });
  };
}
