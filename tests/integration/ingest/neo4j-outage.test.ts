import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../../config.ts';
import { connectGraph } from '../../../graph-connection.ts';
import { migrate } from '../../../graph-schema/migrate.ts';
import { ingestPaths, IngestInterruptedError } from '../../../ingest/pipeline.ts';
import { loadTokenizer } from '../../../ingest/tokenize/kuromoji-tokenizer.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../../scripts/neo4j/local-neo4j.ts';
import { freePort } from '../../support/free-port.ts';
import { graphCounts } from '../../support/ingest-fixture.ts';

/** Neo4j stops mid-ingest: its own instance, so the shared test database is never stopped. */
const dataDir = path.join(PROJECT_ROOT, 'data', 'neo4j-outage-ingest-test');
let neo4jOptions: Parameters<typeof startLocalNeo4j>[0];
let config: ReturnType<typeof loadConfig>;
let corpusDir: string;


async function ingest(onProgress?: (done: number) => void) {
  const driver = await connectGraph(config.neo4j);
  try {
    await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    return await ingestPaths([corpusDir], { driver, database: config.neo4j.database, tokenizer: await loadTokenizer(), embedder: null }, {
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root: corpusDir,
      progress: { update: (done) => onProgress?.(done), finish: () => undefined },
    });
  } finally {
    await driver.close();
  }
}

async function counts() {
  const driver = await connectGraph(config.neo4j);
  try {
    return await graphCounts(driver, config);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  const boltPort = await freePort();
  neo4jOptions = { boltPort, dataDir, user: 'neo4j', password: 'outagepassword', heap: '512m', pageCache: '128m' };
  config = loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_PASSWORD: 'outagepassword', NEO4J_CONNECT_TIMEOUT_MS: '3000' });
  fs.rmSync(dataDir, { recursive: true, force: true });
  corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-outage-'));
  for (let i = 0; i < 6; i++) fs.cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(corpusDir, `batch-${i}`), { recursive: true });
  await startLocalNeo4j(neo4jOptions);
});

afterAll(async () => {
  await stopLocalNeo4j({ dataDir });
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

describe('Neo4j going down mid-ingest', () => {
  it('stops the run with the cause and the fix, keeps what was loaded, and a re-run completes it exactly', async () => {
    const reference = await ingest();
    expect(reference.failed).toEqual([]);
    const expected = await counts();

    const driver = await connectGraph(config.neo4j);
    await driver.executeQuery('MATCH (n) DETACH DELETE n');
    await driver.close();

    let stopping: Promise<unknown> | null = null;
    const interrupted = await ingest((done) => {
      if (done === 10 && !stopping) stopping = stopLocalNeo4j({ dataDir });
    }).then(
      () => null,
      (error: unknown) => error,
    );
    await stopping;
    expect(interrupted).toBeInstanceOf(IngestInterruptedError);
    const error = interrupted as IngestInterruptedError;
    expect(error.message).toMatch(/Neo4j became unavailable after \d+ of \d+ documents .*re-run the same command to continue/);
    expect(error.report.loaded).toBeGreaterThanOrEqual(10);
    expect(error.report.loaded).toBeLessThan(reference.total);

    await startLocalNeo4j(neo4jOptions);
    const rerun = await ingest();
    // A commit can succeed while its acknowledgement is lost to the shutdown: at least the reported ones are kept.
    expect(rerun.unchanged).toBeGreaterThanOrEqual(error.report.loaded);
    expect(rerun.loaded + rerun.unchanged).toBe(reference.total);
    expect(await counts()).toEqual(expected);
  });
});
