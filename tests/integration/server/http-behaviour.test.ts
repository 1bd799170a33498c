import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../../server/app.ts';
import { testConfig } from '../../support/neo4j-fixture.ts';
import { startTestServer, type TestServer } from './support/server-fixture.ts';

describe('HTTP behaviour shared by every route', () => {
  let server: TestServer;
  const lines: string[] = [];
  beforeAll(async () => {
    const config = testConfig({ INGEST_API_KEY: 'a-secret-ingest-key', LOG_LEVEL: 'info' });
    const logger = { ...(loggerOptions(config) as object), stream: { write: (line: string) => lines.push(line) } };
    server = await startTestServer({ config, logger });
  });
  afterAll(async () => server?.close());

  it('answers unknown routes with the JSON error body', async () => {
    const res = await server.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'KG_NOT_FOUND', message: expect.stringContaining('/api/nope') } });
  });

  it('serves the OpenAPI document at /docs/json and the UI at /docs', async () => {
    const spec = await server.get('/docs/json');
    expect(spec.status).toBe(200);
    const paths = Object.keys((spec.body as { paths: Record<string, unknown> }).paths);
    for (const p of ['/api/incidents/', '/api/incidents/{id}', '/api/actors/{id}/victims', '/api/entities/', '/api/entities/{id}', '/api/entities/{id}/neighbors', '/api/paths/', '/api/stats/', '/api/search/', '/api/cypher/', '/api/ingest/', '/api/jobs/{id}', '/api/export/', '/healthz', '/readyz']) {
      expect(paths).toContain(p);
    }
    const ui = await server.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers / with a page saying the browser is not built when web/dist is missing', async () => {
    const unbuilt = await startTestServer({ webDist: path.join(os.tmpdir(), 'no-web-dist-here') });
    try {
      const page = await unbuilt.get('/');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/not built/);
      expect(page.text).toMatch(/npm run web:build/);
    } finally {
      await unbuilt.close();
    }
  });

  it('echoes a well-formed x-request-id and makes one up otherwise', async () => {
    const given = await server.get('/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await server.get('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const error = await server.get('/api/incidents?limit=0', { headers: { 'x-request-id': 'trace-456' } });
    expect(error.body).toMatchObject({ error: { requestId: 'trace-456' } });
  });

  it('logs request ids and never the API key or authorization header', async () => {
    await server.post('/api/ingest', { documents: [] }, { 'x-api-key': 'a-secret-ingest-key', authorization: 'Bearer top-secret-token' });
    const log = lines.join('\n');
    expect(log).toMatch(/"reqId":"/);
    expect(log).not.toContain('a-secret-ingest-key');
    expect(log).not.toContain('top-secret-token');
    expect(log).toContain('[redacted]');
  });

  it('sends no CORS headers by default (same origin only)', async () => {
    const res = await server.get('/healthz', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses wrong content types and oversized bodies with JSON errors', async () => {
    const text = await server.get('/api/cypher', { method: 'POST', body: '<q>RETURN 1</q>', headers: { 'content-type': 'application/xml' } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ error: { code: 'KG_UNSUPPORTED_MEDIA_TYPE' } });
    const huge = await server.post('/api/cypher', { query: `RETURN '${'x'.repeat(2 * 1024 * 1024)}'` });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ error: { code: 'KG_PAYLOAD_TOO_LARGE' } });
  });
});

describe('the built web app', () => {
  it('is served at / from web/dist when it exists', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-web-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>graph browser</title>');
    fs.writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    const server = await startTestServer({ webDist: dist });
    try {
      const index = await server.get('/');
      expect(index.status).toBe(200);
      expect(index.text).toContain('graph browser');
      expect((await server.get('/app.js')).headers.get('content-type')).toMatch(/javascript/);
      expect((await server.get('/api/stats')).status).toBe(200);
    } finally {
      await server.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('CORS with configured origins', () => {
  it('allows exactly the configured origins', async () => {
    const server = await startTestServer({ config: testConfig({ CORS_ORIGINS: 'https://analyst.example, http://localhost:5173' }) });
    try {
      const allowed = await server.get('/healthz', { headers: { origin: 'http://localhost:5173' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      const other = await server.get('/healthz', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const preflight = await server.get('/api/cypher', { method: 'OPTIONS', headers: { origin: 'https://analyst.example', 'access-control-request-method': 'POST' } });
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://analyst.example');
    } finally {
      await server.close();
    }
  });
});
