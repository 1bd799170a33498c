import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../support/neo4j-fixture.ts';
import { queryTestGraph, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

const KEY = 'test-ingest-key-0123456789';

const DOC = `---
title: テスト株式会社 不正アクセスに関するお知らせ
publisher: テスト株式会社
published: 2025-11-05
---
# 不正アクセスに関するお知らせ

2025年11月1日、当社サーバーへの不正アクセスを確認いたしました。
業務委託先のアカウントが悪用され、侵入の起点となりました。
`;

/** Leaves the seeded graph as other files expect it: the uploads, their facts and what only they held up go. */
async function removeUploads(): Promise<void> {
  await queryTestGraph("MATCH (d:Document) WHERE d.source STARTS WITH 'upload/it-' OPTIONAL MATCH (d)-[:HAS_CHUNK]->(c) DETACH DELETE c, d");
  await queryTestGraph('MATCH ()-[r]->() WHERE r.docId IS NOT NULL AND NOT EXISTS { MATCH (d:Document {id: r.docId}) } DELETE r');
  await queryTestGraph('MATCH (i:Incident) WHERE NOT (i)<-[:REPORTS]-() OPTIONAL MATCH (i)-[:HAS_EVENT|RESULTED_IN]->(x) DETACH DELETE x, i');
  await queryTestGraph('MATCH (n) WHERE (n:Organization OR n:Person OR n:Service OR n:System OR n:Event OR n:DataBreach) AND NOT (n)--() DELETE n');
}

interface Job {
  status: string;
  total: number;
  done: number;
  loaded: number;
  unchanged: number;
  failed: { source: string; reason: string; detail: string }[];
}

async function waitForJob(server: TestServer, id: string): Promise<Job> {
  for (let i = 0; i < 240; i += 1) {
    const res = await server.get(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    const job = res.body as Job;
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(500);
  }
  throw new Error(`job ${id} did not finish`);
}

describe('POST /api/ingest without a configured key', () => {
  it('is disabled: 403 with or without a key', async () => {
    const server = await startTestServer({ config: testConfig() });
    try {
      for (const headers of [{}, { 'x-api-key': KEY }] as Record<string, string>[]) {
        const res = await server.post('/api/ingest', { documents: [{ name: 'a.md', content: 'x' }] }, headers);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: { code: 'KG_INGEST_DISABLED' } });
      }
    } finally {
      await server.close();
    }
  });
});

describe('POST /api/ingest with a key', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer({ config: testConfig({ INGEST_API_KEY: KEY }) });
  });
  afterAll(async () => {
    await server?.close();
    await removeUploads();
  });

  it('refuses a missing or wrong key with 401', async () => {
    const missing = await server.post('/api/ingest', { documents: [{ name: 'a.md', content: 'x' }] });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ error: { code: 'KG_UNAUTHORIZED' } });
    const wrong = await server.post('/api/ingest', { documents: [{ name: 'a.md', content: 'x' }] }, { 'x-api-key': `${KEY}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain(KEY);
  });

  it('accepts JSON documents with 202 and a job whose progress reaches done', async () => {
    const res = await server.post('/api/ingest', { documents: [{ name: 'it-upload-1.md', content: DOC }] }, { 'x-api-key': KEY });
    expect(res.status).toBe(202);
    const { jobId, statusUrl } = res.body as { jobId: string; statusUrl: string };
    expect(statusUrl).toBe(`/api/jobs/${jobId}`);
    const job = await waitForJob(server, jobId);
    expect(job).toMatchObject({ status: 'done', total: 1, done: 1, loaded: 1, failed: [] });
    const docs = await queryTestGraph<{ title: string }>("MATCH (d:Document {source: 'upload/it-upload-1.md'}) RETURN d.title AS title");
    expect(docs).toHaveLength(1);

    const again = await server.post('/api/ingest', { documents: [{ name: 'it-upload-1.md', content: DOC }] }, { 'x-api-key': KEY });
    expect(await waitForJob(server, (again.body as { jobId: string }).jobId)).toMatchObject({ status: 'done', unchanged: 1, loaded: 0 });
  });

  it('accepts multipart files, Shift_JIS bytes in base64, and reports files it cannot read', async () => {
    const form = new FormData();
    form.append('file', new Blob([DOC.replace('テスト株式会社', 'マルチパート株式会社')], { type: 'text/markdown' }), 'it-upload-2.md');
    form.append('file', new Blob([new Uint8Array([0, 1, 2, 3, 0, 0, 255])]), 'it-binary.txt');
    form.append('file', new Blob(['plain']), 'it-notes.pdf');
    const res = await server.get('/api/ingest', { method: 'POST', body: form, headers: { 'x-api-key': KEY } });
    expect(res.status).toBe(202);
    const job = await waitForJob(server, (res.body as { jobId: string }).jobId);
    expect(job.status).toBe('done');
    expect(job.total).toBe(3);
    expect(job.loaded).toBe(1);
    expect(job.failed.map((f) => [f.source, f.reason]).sort()).toEqual([
      ['upload/it-binary.txt', 'binary'],
      ['upload/it-notes.pdf', 'unsupported-type'],
    ]);

    // 「不正アクセス」 in Shift_JIS.
    const sjis = Buffer.from([0x95, 0x73, 0x90, 0xb3, 0x83, 0x41, 0x83, 0x4e, 0x83, 0x5a, 0x83, 0x58, 0x82, 0xf0, 0x8a, 0x6d, 0x94, 0x46, 0x82, 0xb5, 0x82, 0xdc, 0x82, 0xb5, 0x82, 0xbd, 0x81, 0x42]);
    const b64 = await server.post('/api/ingest', { documents: [{ name: 'it-sjis.txt', contentBase64: sjis.toString('base64') }] }, { 'x-api-key': KEY });
    expect(b64.status).toBe(202);
    const sjisJob = await waitForJob(server, (b64.body as { jobId: string }).jobId);
    expect(sjisJob.failed).toEqual([]);
  });

  it.each([
    [{ documents: [] }, 400],
    [{ documents: [{ name: '../etc/passwd.md', content: 'x' }] }, 400],
    [{ documents: [{ name: 'a/b.md', content: 'x' }] }, 400],
    [{ documents: [{ name: '.hidden.md', content: 'x' }] }, 400],
    [{ documents: [{ name: 'a.md' }] }, 400],
    [{ documents: [{ name: 'a.md', content: 'x', contentBase64: 'eA==' }] }, 400],
    [{ documents: [{ name: 'a.md', contentBase64: '!!!not base64!!!' }] }, 400],
    [{ documents: [{ name: 'a.md', content: 'x' }, { name: 'a.md', content: 'y' }] }, 400],
    [{}, 400],
  ])('refuses %j', async (body, status) => {
    const res = await server.post('/api/ingest', body, { 'x-api-key': KEY });
    expect(res.status).toBe(status);
    expect((res.body as { error: { code: string } }).error.code).toMatch(/^KG_/);
  });

  it('answers 404 for an unknown job and 400 for a malformed job id', async () => {
    expect((await server.get('/api/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await server.get('/api/jobs/not-a-uuid')).status).toBe(400);
  });
});
