import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Label, MENTIONABLE } from '../../../graph-schema/labels.ts';
import { CypherResult } from '../../../server/routes/api/cypher/schemas.ts';
import { queryTestGraph, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('POST /api/cypher', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('runs a read query with parameters and returns plain JSON columns and rows', async () => {
    const res = await server.post('/api/cypher', { query: 'MATCH (a:ThreatActor {id: $id}) RETURN a.id AS id, a AS node, date("2025-10-19") AS day', params: { id: 'qilin' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(CypherResult));
    const body = res.body as CypherResult;
    expect(body.columns).toEqual(['id', 'node', 'day']);
    expect(body.rows).toEqual([['qilin', expect.objectContaining({ labels: expect.arrayContaining([Label.ThreatActor, MENTIONABLE]), properties: expect.objectContaining({ id: 'qilin' }) }), '2025-10-19']]);
    expect(body.truncated).toBe(false);
  });

  it('converts relationships and paths, and numbers stay numbers', async () => {
    const res = await server.post('/api/cypher', { query: 'MATCH p = (i:Incident)-[r:VICTIM]->(o) RETURN p, r, count { (i)--() } AS degree LIMIT 1' });
    expect(res.status).toBe(200);
    const [path, rel, degree] = (res.body as CypherResult).rows[0]!;
    expect(path).toMatchObject({ nodes: [expect.objectContaining({ labels: ['Incident'] }), expect.any(Object)], relationships: [expect.objectContaining({ type: 'VICTIM' })] });
    expect(rel).toMatchObject({ type: 'VICTIM', properties: expect.objectContaining({ docId: expect.any(String) }) });
    expect(typeof degree).toBe('number');
  });

  it('caps rows and says it truncated', async () => {
    const res = await server.post('/api/cypher', { query: 'UNWIND range(1, 5000) AS x RETURN x' });
    const body = res.body as CypherResult;
    expect(body.rowCount).toBe(1000);
    expect(body.truncated).toBe(true);
    const small = (await server.post('/api/cypher', { query: 'UNWIND range(1, 50) AS x RETURN x', limit: 10 })).body as CypherResult;
    expect(small.rows).toHaveLength(10);
    expect(small.truncated).toBe(true);
  });

  it.each([
    'CREATE (n:Hacked {at: 1}) RETURN n',
    'MERGE (n:Hacked {id: 1}) RETURN n',
    "MATCH (a:ThreatActor {id: 'qilin'}) SET a.name = 'pwned' RETURN a",
    "MATCH (a:ThreatActor {id: 'qilin'}) REMOVE a.name RETURN a",
    'MATCH (n) DETACH DELETE n',
    "MATCH (n:Document) DELETE n",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load   csv with headers from 'http://127.0.0.1/x.csv' AS row RETURN row",
    'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS',
    'MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS',
    "CALL dbms.security.createUser('mallory', 'password123', false)",
    "CALL db.createLabel('Hacked')",
    'CREATE INDEX hacked IF NOT EXISTS FOR (n:Hacked) ON (n.x)',
    'DROP CONSTRAINT organization_id_unique',
    "CREATE USER mallory SET PASSWORD 'password123'",
    'CALL dbms.listConfig() YIELD name RETURN name',
    'USE system SHOW USERS',
    "MATCH (n) WITH n LIMIT 1 FOREACH (x IN [1] | SET n.hacked = true)",
  ])('refuses %s with 400 and changes nothing', async (query) => {
    const before = await queryTestGraph<{ n: number; hacked: number }>("MATCH (n) RETURN count(n) AS n, count(n.hacked) + count(n.x) AS hacked");
    const res = await server.post('/api/cypher', { query });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toMatch(/^KG_(CYPHER_NOT_READ_ONLY|INVALID_CYPHER)$/);
    const after = await queryTestGraph<{ n: number; hacked: number }>("MATCH (n) RETURN count(n) AS n, count(n.hacked) + count(n.x) AS hacked");
    expect(after).toEqual(before);
    const qilin = await queryTestGraph<{ name: string }>("MATCH (a:ThreatActor {id: 'qilin'}) RETURN a.name AS name");
    expect(qilin[0]?.name).toBe('Qilin');
  });

  it.each([
    [{ query: 'MATC (n) RETURN n' }, 'KG_INVALID_CYPHER'],
    [{ query: 'RETURN $missing' }, 'KG_INVALID_CYPHER'],
    [{ query: '' }, 'KG_INVALID_REQUEST'],
    [{}, 'KG_INVALID_REQUEST'],
    [{ query: 42 }, 'KG_INVALID_REQUEST'],
    [{ query: 'RETURN 1', params: { 'bad name': 1 } }, 'KG_INVALID_REQUEST'],
    [{ query: 'RETURN 1', limit: 1001 }, 'KG_INVALID_REQUEST'],
    [{ query: 'RETURN 1', limit: 0 }, 'KG_INVALID_REQUEST'],
  ])('answers %j with 400 %s', async (body, code) => {
    const res = await server.post('/api/cypher', body);
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe(code);
  });

  it('stops a query that runs past the time limit with 504 KG_QUERY_TIMEOUT', async () => {
    const res = await server.post('/api/cypher', { query: 'UNWIND range(1, 4000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n' });
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ error: { code: 'KG_QUERY_TIMEOUT' } });
  });

  it('refuses a body that is not JSON', async () => {
    const res = await server.post('/api/cypher', '{"query": "RETURN 1"');
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe('KG_INVALID_REQUEST');
  });
});
