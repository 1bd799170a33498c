import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stats } from '../../../server/routes/api/stats/schemas.ts';
import { loadTestEmbedder, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('GET /api/stats', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('counts nodes per label and relationships per type', async () => {
    const res = await server.get('/api/stats');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(Stats));
    const stats = res.body as Stats;
    expect(stats.documents).toBe(stats.labels.Document);
    expect(stats.documents).toBeGreaterThanOrEqual(10);
    expect(stats.incidents).toBeGreaterThan(3);
    expect(stats.labels.ThreatActor).toBeGreaterThan(0);
    expect(stats.relationships.VICTIM).toBeGreaterThan(0);
    expect(stats.relationships.HAS_CHUNK).toBe(stats.labels.Chunk);
  });
});

describe('GET /healthz and /readyz', () => {
  it('is live and ready with Neo4j and the embedding model', async () => {
    const server = await startTestServer({ embedder: await loadTestEmbedder() });
    try {
      expect((await server.get('/healthz')).body).toMatchObject({ status: 'ok' });
      const ready = await server.get('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'ready', reasons: [], checks: { neo4j: { ok: true }, embedder: { ok: true } } });
    } finally {
      await server.close();
    }
  });

  it('is not ready (503, with the reason) without the embedding model', async () => {
    const server = await startTestServer({ embedder: null });
    try {
      const ready = await server.get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', checks: { neo4j: { ok: true }, embedder: { ok: false } } });
      expect((ready.body as { reasons: string[] }).reasons.join(' ')).toMatch(/embedding model/);
      expect((await server.get('/healthz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
