import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_LABELS } from '../../../graph-schema/labels.ts';
import { EntityDetail, EntitySearchResult, Neighbors } from '../../../server/routes/api/entities/schemas.ts';
import { expectEvidence } from './support/evidence-assertions.ts';
import { qs, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('GET /api/entities (typeahead)', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const search = async (params: Record<string, string | number | undefined>) => {
    const res = await server.get(`/api/entities${qs(params)}`);
    return { ...res, result: res.body as EntitySearchResult };
  };

  it('finds アスクル株式会社 for アスクル, first', async () => {
    const { status, body, result } = await search({ q: 'アスクル' });
    expect(status).toBe(200);
    expect(body).toEqual(expect.schemaMatching(EntitySearchResult));
    const first = result.items[0]!;
    expect([first.name, ...first.aliases]).toContain('アスクル株式会社');
    expect(first.label).toBe('Organization');
  });

  it('finds actors by any alias, and by a one-character prefix', async () => {
    for (const q of ['キリン', 'agenda', 'Qilin']) {
      const { result } = await search({ q, type: 'ThreatActor' });
      expect(result.items.map((i) => i.id)).toContain('qilin');
    }
    const { result } = await search({ q: 'キ', type: 'ThreatActor' });
    expect(result.items.map((i) => i.id)).toContain('qilin');
  });

  it('filters by type and honours the limit', async () => {
    const { result } = await search({ q: 'アスクル', type: 'Incident', limit: 2 });
    expect(result.items.length).toBeLessThanOrEqual(2);
    expect(result.items.every((i) => i.label === 'Incident')).toBe(true);
  });

  it.each([`' OR 1=1 //`, '*:*', '"', 'a" OR "b', 'name:*', '(', '\\', 'AND', '~', '[a TO z]'])('treats %s as text', async (q) => {
    const res = await search({ q });
    expect(res.status).toBe(200);
    expect(res.result.items.length).toBeLessThanOrEqual(10);
  });

  it.each([
    [{ q: '' }, 'q'],
    [{}, 'q'],
    [{ q: 'x', type: 'Chunk' }, 'type'],
    [{ q: 'x', type: 'Nope' }, 'type'],
    [{ q: 'x', limit: 0 }, 'limit'],
    [{ q: 'x', limit: 51 }, 'limit'],
    [{ q: 'x', limit: -1 }, 'limit'],
    [{ q: 'x'.repeat(201) }, 'q'],
  ])('refuses %j with 400', async (params, param) => {
    const res = await server.get(`/api/entities${qs(params as Record<string, string>)}`);
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'KG_INVALID_REQUEST' });
    expect((res.body as { error: { message: string } }).error.message).toContain(param);
  });

  it('offers every entity label, and only those, as a type', async () => {
    for (const type of ENTITY_LABELS) expect((await search({ q: 'a', type })).status).toBe(200);
  });
});

describe('GET /api/entities/:id and /neighbors', () => {
  let server: TestServer;
  let askulId: string;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
    askulId = ((await server.get(`/api/entities${qs({ q: 'アスクル', type: 'Organization' })}`)).body as EntitySearchResult).items[0]!.id;
  });
  afterAll(async () => server?.close());

  it('gives properties and relationship counts by type', async () => {
    const res = await server.get(`/api/entities/${encodeURIComponent(askulId)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(EntityDetail));
    const entity = res.body as EntityDetail;
    expect(entity.label).toBe('Organization');
    expect(entity.properties).not.toHaveProperty('embedding');
    expect(entity.relationships.find((r) => r.type === 'VICTIM' && r.direction === 'in')?.count).toBeGreaterThan(0);
    const byAlias = (await server.get(`/api/entities/${encodeURIComponent('キリン')}`)).body as EntityDetail;
    expect(byAlias.id).toBe('qilin');
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await server.get('/api/entities/no:such-entity');
    expect(res.status).toBe(404);
    expect((await server.get('/api/entities/no:such-entity/neighbors')).status).toBe(404);
  });

  it('returns the neighbourhood with folded edges carrying evidence, and no documents or chunks', async () => {
    const res = await server.get(`/api/entities/${encodeURIComponent(askulId)}/neighbors?depth=2&limit=100`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(Neighbors));
    const graph = res.body as Neighbors;
    expect(graph.nodes[0]!.id).toBe(askulId);
    expect(graph.nodes.some((n) => n.label === 'Incident')).toBe(true);
    expect(graph.nodes.every((n) => n.label !== 'Document' && n.label !== 'Chunk')).toBe(true);
    const keys = new Set(graph.nodes.map((n) => n.key));
    expect(keys.size).toBe(graph.nodes.length);
    const edgeIds = graph.edges.map((e) => e.id);
    expect(new Set(edgeIds).size).toBe(edgeIds.length);
    for (const edge of graph.edges) {
      expect(keys.has(edge.sourceKey) && keys.has(edge.targetKey)).toBe(true);
      expectEvidence(edge.evidence);
    }
  });

  it('honours types and limit, and adds documents only when asked', async () => {
    const orgs = (await server.get(`/api/entities/${encodeURIComponent(askulId)}/neighbors?depth=2&types=Incident,Service`)).body as Neighbors;
    expect(orgs.nodes.slice(1).every((n) => n.label === 'Incident' || n.label === 'Service')).toBe(true);
    const capped = (await server.get(`/api/entities/${encodeURIComponent(askulId)}/neighbors?depth=3&limit=2`)).body as Neighbors;
    expect(capped.nodes.length).toBeLessThanOrEqual(3);
    expect(capped.truncated).toBe(true);
    const docs = (await server.get(`/api/entities/${encodeURIComponent(askulId)}/neighbors?depth=2&types=Incident,Document`)).body as Neighbors;
    expect(docs.nodes.some((n) => n.label === 'Document')).toBe(true);
    expect(docs.edges.some((e) => e.type === 'REPORTS')).toBe(true);
  });

  it.each(['depth=0', 'depth=4', 'limit=0', 'limit=501', 'types=Chunk', 'types=Organization,Bogus', 'types=', 'depth=1.5'])('refuses %s with 400', async (query) => {
    const res = await server.get(`/api/entities/${encodeURIComponent(askulId)}/neighbors?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'KG_INVALID_REQUEST' } });
  });
});
