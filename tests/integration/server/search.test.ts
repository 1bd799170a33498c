import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResponse } from '../../../server/routes/api/search/schemas.ts';
import { qs, seedTestGraph, startTestServer, type TestServer } from './support/server-fixture.ts';

describe('GET /api/search', () => {
  let server: TestServer;
  beforeAll(async () => {
    await seedTestGraph();
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  const search = async (params: Record<string, string | number | undefined>) => {
    const res = await server.get(`/api/search${qs(params)}`);
    return { ...res, result: res.body as SearchResponse };
  };

  it('finds the ASKUL report for 委託先 アカウント, grouped by document with its incident and highlighted passages', async () => {
    const { status, body, result } = await search({ q: '委託先 アカウント', mode: 'lexical', k: 5 });
    expect(status).toBe(200);
    expect(body).toEqual(expect.schemaMatching(SearchResponse));
    expect(result.modeUsed).toBe('lexical');
    expect(result.results.length).toBeGreaterThan(0);
    expect(result.results.length).toBeLessThanOrEqual(5);
    const askul = result.results.find((r) => r.incident?.name?.includes('アスクル') || r.document.title?.includes('第13報'));
    expect(askul, 'no ASKUL document among the results').toBeDefined();
    const ids = result.results.map((r) => r.document.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const hit of result.results) {
      expect(hit.passages.length).toBeGreaterThan(0);
      for (const passage of hit.passages) {
        for (const h of passage.highlights) {
          expect(h.end).toBeGreaterThan(h.start);
          expect(h.end).toBeLessThanOrEqual(passage.text.length);
        }
      }
    }
    const highlighted = askul!.passages.flatMap((p) => p.highlights.map((h) => p.text.slice(h.start, h.end)));
    expect(highlighted.join(' ')).toMatch(/委託|アカウント/);
  });

  it('says when it falls back to lexical search', async () => {
    const { result } = await search({ q: 'ランサムウェア' });
    expect(result.mode).toBe('hybrid');
    expect(['lexical', 'hybrid']).toContain(result.modeUsed);
    if (result.modeUsed === 'lexical') expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('filters by date, organization and type', async () => {
    const old = await search({ q: 'ランサムウェア', mode: 'lexical', to: '2024-12-31', k: 50 });
    expect(old.result.results.every((r) => (r.document.publishedAt ?? '') <= '2024-12-31')).toBe(true);
    const asahi = await search({ q: 'ランサムウェア', mode: 'lexical', org: 'アサヒグループホールディングス', k: 50 });
    expect(asahi.result.results.length).toBeGreaterThan(0);
    // Documents about Asahi's incident come first; others only where a passage mentions Asahi.
    expect(asahi.result.results.some((r) => r.incident?.name?.includes('アサヒ'))).toBe(true);
    const all = await search({ q: 'ランサムウェア', mode: 'lexical', k: 50 });
    expect(asahi.result.results.length).toBeLessThan(all.result.results.length);
    const typed = await search({ q: 'ランサムウェア', mode: 'lexical', type: 'ThreatActor' });
    expect(typed.status).toBe(200);
    const none = await search({ q: 'ランサムウェア', mode: 'lexical', org: 'no such organization at all' });
    expect(none.result.results).toEqual([]);
  });

  it.each([`' OR 1=1 //`, '*:*', '"', 'text:*', '(a OR b) AND NOT c', 'foo~2', '/re.*/', 'a\\'])('treats %s as text (never a Lucene error)', async (q) => {
    const res = await search({ q, mode: 'lexical' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.schemaMatching(SearchResponse));
  });

  it.each([
    [{}, 'q'],
    [{ q: '' }, 'q'],
    [{ q: 'x'.repeat(501) }, 'q'],
    [{ q: 'x', k: 0 }, 'k'],
    [{ q: 'x', k: 51 }, 'k'],
    [{ q: 'x', k: -3 }, 'k'],
    [{ q: 'x', mode: 'magic' }, 'mode'],
    [{ q: 'x', type: 'Chunk' }, 'type'],
    [{ q: 'x', from: '2025-1-1' }, 'from'],
    [{ q: 'x', from: '2025-02-01', to: '2025-01-01' }, 'from'],
  ])('refuses %j with 400', async (params, param) => {
    const res = await server.get(`/api/search${qs(params as Record<string, string>)}`);
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain(param);
  });
});
