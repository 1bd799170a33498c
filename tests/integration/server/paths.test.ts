import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorVictims } from '../../../server/routes/api/actors/schemas.ts';
import { Paths } from '../../../server/routes/api/paths/schemas.ts';
import { expectEvidence } from './support/evidence-assertions.ts';
import { qs, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('GET /api/paths', () => {
  let server: TestServer;
  let impactedId: string;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
    const victims = (await server.get('/api/actors/qilin/victims')).body as ActorVictims;
    const impacted = victims.victims.flatMap((v) => v.impacted).find((f) => f.target.label === 'Organization');
    if (!impacted) throw new Error('the seeds gave Qilin no impacted organization');
    impactedId = impacted.target.id;
  });
  afterAll(async () => server?.close());

  it('finds the shortest paths from qilin to an organization its incident impacted, with evidence on every edge', async () => {
    const res = await server.get(`/api/paths${qs({ from: 'qilin', to: impactedId, maxHops: 4 })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(Paths));
    const body = res.body as Paths;
    expect(body.hops).toBe(2);
    expect(body.paths.length).toBeGreaterThan(0);
    const nodes = new Map(body.nodes.map((n) => [n.key, n]));
    const edges = new Map(body.edges.map((e) => [e.id, e]));
    for (const path of body.paths) {
      expect(path.nodes[0]).toBe(body.from.key);
      expect(path.nodes[path.nodes.length - 1]).toBe(body.to.key);
      expect(path.edges).toHaveLength(body.hops!);
      for (const key of path.nodes) expect(['Document', 'Chunk']).not.toContain(nodes.get(key)?.label);
      for (const id of path.edges) expectEvidence(edges.get(id)?.evidence);
    }
  });

  it('accepts names and aliases for both ends', async () => {
    const res = await server.get(`/api/paths${qs({ from: 'キリン', to: impactedId })}`);
    expect(res.status).toBe(200);
    expect((res.body as Paths).from.id).toBe('qilin');
  });

  it('answers no paths (not an error) when none is within maxHops', async () => {
    const res = await server.get(`/api/paths${qs({ from: 'qilin', to: impactedId, maxHops: 1 })}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ hops: null, paths: [] });
  });

  it.each([
    [{ from: 'qilin' }, 400],
    [{ from: 'qilin', to: 'qilin' }, 400],
    [{ from: 'qilin', to: 'x', maxHops: 0 }, 400],
    [{ from: 'qilin', to: 'x', maxHops: 7 }, 400],
    [{ from: 'qilin', to: 'x', maxHops: 'many' }, 400],
    [{ from: 'qilin', to: 'no:such-entity' }, 404],
    [{ from: `' OR 1=1 //`, to: 'qilin' }, 404],
  ])('answers %j with %i', async (params, status) => {
    const res = await server.get(`/api/paths${qs(params as Record<string, string>)}`);
    expect(res.status).toBe(status);
    expect((res.body as { error: { code: string } }).error.code).toMatch(/^KG_/);
  });
});
