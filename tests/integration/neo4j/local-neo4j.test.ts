/**
 * Starts real embedded Neo4j instances (scripts/neo4j) on free ports in temporary data dirs.
 * Needs Java 17+ and Maven on PATH (project prerequisites). The first run
 * on a machine downloads the Neo4j jars into ~/.m2; later runs take ~30-60 s in total.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  localNeo4jStatus,
  startLocalNeo4j,
  stopLocalNeo4j,
  type LocalNeo4jOptions,
} from '../../../scripts/neo4j/local-neo4j.ts';


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function query(opts: LocalNeo4jOptions, cypher: string, params: Record<string, unknown> = {}, password = opts.password) {
  const driver = neo4j.driver(`bolt://127.0.0.1:${opts.boltPort}`, neo4j.auth.basic(opts.user, password));
  try {
    const { records } = await driver.executeQuery(cypher, params);
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe('local Neo4j (embedded, Bolt)', () => {
  let root = '';
  let a: LocalNeo4jOptions;
  let b: LocalNeo4jOptions;
  const messages: string[] = [];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-neo4j-it-'));
    const [portA, portB] = [await freePort(), await freePort()];
    const common = {
      user: 'neo4j',
      password: 'it-password-1',
      heap: '512m',
      pageCache: '64m',
      startTimeoutMs: 240_000,
      log: (m: string) => messages.push(m),
    };
    a = { ...common, boltPort: portA, dataDir: path.join(root, 'a') };
    b = { ...common, boltPort: portB, dataDir: path.join(root, 'b') };
  });

  afterAll(async () => {
    for (const opts of [a, b]) {
      if (opts) await stopLocalNeo4j(opts).catch(() => undefined);
    }
    if (root) fs.rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('starts, answers over Bolt with the credentials and rejects a wrong password', async () => {
    const started = await startLocalNeo4j(a);
    expect(started.alreadyRunning).toBe(false);
    expect(fs.readFileSync(path.join(a.dataDir, 'neo4j.pid'), 'utf8').trim()).toBe(String(started.pid));

    const status = await localNeo4jStatus(a);
    expect(status).toMatchObject({ running: true, boltReady: true, pid: started.pid, boltUrl: `bolt://127.0.0.1:${a.boltPort}` });

    const rows = await query(a, 'CREATE (n:ItCheck {name: $name}) RETURN n.name AS name', { name: 'in-a' });
    expect(rows).toEqual([{ name: 'in-a' }]);

    await expect(query(a, 'RETURN 1', {}, 'wrong-password')).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  }, 300_000);

  it('supports vector and CJK full-text indexes', async () => {
    await query(
      a,
      "CREATE VECTOR INDEX it_vec IF NOT EXISTS FOR (c:ItChunk) ON c.embedding OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}}",
    );
    await query(
      a,
      "CREATE FULLTEXT INDEX it_ft IF NOT EXISTS FOR (c:ItChunk) ON EACH [c.text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    );
    await query(a, 'CALL db.awaitIndexes(60)');
    await query(a, 'UNWIND $rows AS r CREATE (:ItChunk {id: r.id, text: r.text, embedding: r.emb})', {
      rows: [
        { id: 'x', text: '不正アクセスによる情報漏洩', emb: [1, 0, 0] },
        { id: 'y', text: 'ランサムウェア被害', emb: [0, 1, 0] },
      ],
    });
    const vec = await query(a, "CALL db.index.vector.queryNodes('it_vec', 1, [0.9, 0.1, 0]) YIELD node RETURN node.id AS id");
    expect(vec).toEqual([{ id: 'x' }]);
    const ft = await query(a, "CALL db.index.fulltext.queryNodes('it_ft', '情報漏洩') YIELD node RETURN node.id AS id");
    expect(ft).toEqual([{ id: 'x' }]);
  }, 120_000);

  it('treats a second start as a no-op', async () => {
    const before = await localNeo4jStatus(a);
    const again = await startLocalNeo4j(a);
    expect(again).toMatchObject({ alreadyRunning: true, pid: before.pid });
  }, 60_000);

  it('refuses a Bolt port that is already taken', async () => {
    const clash = { ...a, dataDir: path.join(root, 'clash') };
    await expect(startLocalNeo4j(clash)).rejects.toThrow(/already in use/);
    expect((await localNeo4jStatus(clash)).running).toBe(false);
  }, 60_000);

  it('runs a second instance side by side with its own data', async () => {
    const started = await startLocalNeo4j(b);
    expect(started.alreadyRunning).toBe(false);
    expect((await localNeo4jStatus(a)).boltReady).toBe(true);
    expect(await query(b, 'MATCH (n:ItCheck) RETURN count(n) AS n')).toEqual([{ n: neo4j.int(0) }]);
    expect(await query(a, 'MATCH (n:ItCheck) RETURN count(n) AS n')).toEqual([{ n: neo4j.int(1) }]);
    const stopped = await stopLocalNeo4j(b);
    expect(stopped).toMatchObject({ wasRunning: true, killed: false });
  }, 300_000);

  it('stops cleanly, stopping again is a no-op, and restarts on the existing data', async () => {
    const stopped = await stopLocalNeo4j(a);
    expect(stopped).toMatchObject({ wasRunning: true, killed: false });
    expect(fs.existsSync(path.join(a.dataDir, 'neo4j.pid'))).toBe(false);
    expect((await localNeo4jStatus(a)).running).toBe(false);
    expect(await stopLocalNeo4j(a)).toMatchObject({ wasRunning: false });

    const restarted = await startLocalNeo4j(a);
    expect(restarted.alreadyRunning).toBe(false);
    expect(await query(a, 'MATCH (n:ItCheck) RETURN n.name AS name')).toEqual([{ name: 'in-a' }]);
    await stopLocalNeo4j(a);
  }, 300_000);
});
