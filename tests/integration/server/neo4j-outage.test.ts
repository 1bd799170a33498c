import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../../config.ts';
import { connectGraph } from '../../../graph-connection.ts';
import { migrate } from '../../../graph-schema/migrate.ts';
import { startLocalNeo4j, stopLocalNeo4j, type LocalNeo4jOptions } from '../../../scripts/neo4j/local-neo4j.ts';
import { startTestServer, type TestServer } from './support/server-fixture.ts';

/**
 * A Neo4j of this file's own (its own port and data folder), stopped while the server is
 * serving: requests must fail with 503 instead of hanging, and succeed again once Neo4j is
 * back, with no restart of the server.
 */
const DATA_DIR = path.join(PROJECT_ROOT, 'data', 'neo4j-outage-test');
const PASSWORD = 'outage-password';
/** A request that takes longer than this has hung: the server's own limits are a few seconds. */
const HUNG_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

describe('Neo4j outage while serving', () => {
  let neo4j: LocalNeo4jOptions;
  let server: TestServer;

  beforeAll(async () => {
    await stopLocalNeo4j({ dataDir: DATA_DIR, log: () => undefined });
    neo4j = { boltPort: await freePort(), dataDir: DATA_DIR, user: 'neo4j', password: PASSWORD, heap: '512m', pageCache: '64m', startTimeoutMs: 240_000, log: () => undefined };
    await startLocalNeo4j(neo4j);
    const config = loadConfig({ NEO4J_URI: `bolt://127.0.0.1:${neo4j.boltPort}`, NEO4J_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' });
    const driver = await connectGraph(config.neo4j);
    try {
      await migrate(driver, { embeddingDimensions: config.embedding.dimensions });
    } finally {
      await driver.close();
    }
    server = await startTestServer({ config });
  });

  afterAll(async () => {
    await server?.close();
    if (neo4j) await stopLocalNeo4j({ dataDir: DATA_DIR, log: () => undefined });
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  });

  const get = (p: string) => server.get(p, { signal: AbortSignal.timeout(HUNG_MS) });

  it('serves, answers 503 KG_GRAPH_UNAVAILABLE while Neo4j is down, and recovers when it is back', async () => {
    expect((await get('/api/stats')).status).toBe(200);
    expect((await get('/api/entities?q=キリン')).status).toBe(200);

    await stopLocalNeo4j({ dataDir: DATA_DIR, log: () => undefined });

    for (const route of ['/api/stats', '/api/incidents', '/api/entities?q=キリン', '/api/actors/qilin/victims', '/api/search?q=ランサムウェア&mode=lexical']) {
      const res = await get(route);
      expect(res.status, route).toBe(503);
      expect(res.body, route).toMatchObject({ error: { code: 'KG_GRAPH_UNAVAILABLE' } });
      expect(res.text).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/);
    }
    const cypher = await server.post('/api/cypher', { query: 'RETURN 1' });
    expect(cypher.status).toBe(503);
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ checks: { neo4j: { ok: false } } });
    expect((await get('/healthz')).status).toBe(200);

    await startLocalNeo4j(neo4j);
    let status = 0;
    for (let attempt = 0; attempt < 60 && status !== 200; attempt += 1) {
      status = (await get('/api/stats')).status;
      if (status !== 200) await sleep(1000);
    }
    expect(status).toBe(200);
    expect((await get('/api/entities?q=キリン')).status).toBe(200);
    expect((await get('/readyz')).body).toMatchObject({ checks: { neo4j: { ok: true } } });
  });
});
