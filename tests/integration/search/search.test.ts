/**
 * Search against the real test Neo4j with the real e5 model and kuromoji, over the project's
 * seeds/ ingested by the real pipeline.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type Config } from '../../../config.ts';
import { ENTITY_LABELS, Label } from '../../../graph-schema/labels.ts';
import { createEmbedder, type Embedder } from '../../../ingest/embed/embedder.ts';
import { ingestPaths } from '../../../ingest/pipeline.ts';
import { loadTokenizer, type JapaneseTokenizer } from '../../../ingest/tokenize/kuromoji-tokenizer.ts';
import { search, SearchInputError, SearchUnavailableError, type SearchResponse } from '../../../server/search/search.ts';
import { SEARCH_MODES } from '../../../server/search/search-options.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';

const REPORT_01 = 'seeds/askul-2025-10-report-01.md';
const REPORT_13 = 'seeds/askul-2025-12-report-13.md';
const ASKUL_NEWS = 'seeds/askul-2025-10-news.txt';

let config: Config;
let driver: Driver;
let tokenizer: JapaneseTokenizer;
let embedder: Embedder;
const deps = () => ({ embedder, tokenizer, database: config.neo4j.database });
const sourcesOf = (response: SearchResponse) => response.results.map((r) => r.documents.map((d) => d.source));
const rankOf = (response: SearchResponse, source: string) => sourcesOf(response).findIndex((sources) => sources.includes(source)) + 1;

beforeAll(async () => {
  config = testConfig();
  driver = await connectTestGraph(config);
  await resetTestGraph(driver, config);
  [tokenizer, embedder] = await Promise.all([
    loadTokenizer(),
    createEmbedder({ model: config.embedding.model, modelDir: config.embedding.modelDir, offline: true, batchSize: config.embedding.batchSize, dimensions: config.embedding.dimensions }),
  ]);
  const report = await ingestPaths([config.ingest.seedsDir], { driver, database: config.neo4j.database, tokenizer, embedder }, {
    maxBytes: config.ingest.maxBytes,
    chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
    root: PROJECT_ROOT,
  });
  expect(report.failed).toEqual([]);
  expect(report.embedded).toBe(report.chunks);
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: config.neo4j.database });
}, 300_000);

afterAll(async () => {
  await driver?.close();
});

describe('paraphrase queries (meaning, not shared words)', () => {
  const paraphrase = '外部業者のIDで侵入された会社';

  it('hybrid finds the ASKUL contractor-account report in the top results', async () => {
    const response = await search(driver, deps(), paraphrase, { k: 5, mode: 'hybrid' });
    const rank = rankOf(response, REPORT_13);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
    const hit = response.results[rank - 1]!;
    expect(hit.signals.fused).toBeGreaterThan(0);
    expect(hit.signals.vector?.rank).toBeGreaterThan(0);
    expect(hit.bestChunks.some((c) => c.text.includes('業務委託先'))).toBe(true);
  });

  it('vector search finds it too', async () => {
    const response = await search(driver, deps(), paraphrase, { k: 5, mode: 'vector' });
    const rank = rankOf(response, REPORT_13);
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(3);
    expect(response.results[0]?.signals.lexical).toBeUndefined();
    expect(response.timings.embedMs).toBeGreaterThanOrEqual(0);
  });
});

describe('lexical search', () => {
  it('finds an exact term and marks it in the chunk', async () => {
    const response = await search(driver, deps(), 'RansomHouse', { k: 5, mode: 'lexical' });
    expect(rankOf(response, ASKUL_NEWS)).toBe(1);
    const [best] = response.results[0]!.bestChunks;
    expect(best).toBeDefined();
    const marked = best!.highlights.map((h) => best!.text.slice(h.start, h.end));
    expect(marked).toContain('RansomHouse');
    expect(response.results[0]?.signals.vector).toBeUndefined();
  });

  it('finds a Japanese compound by its words', async () => {
    const response = await search(driver, deps(), 'USBメモリ 紛失', { k: 3, mode: 'lexical' });
    expect(rankOf(response, 'seeds/city-2025-10-usb-loss-news.txt')).toBe(1);
  });
});

describe('results', () => {
  it('puts the reports of one incident into one result that lists all of them', async () => {
    const response = await search(driver, deps(), 'アスクル ランサムウェア 受注停止 調査結果', { k: 10, mode: 'hybrid' });
    const withReport13 = response.results.filter((r) => r.documents.some((d) => d.source === REPORT_13));
    expect(withReport13).toHaveLength(1);
    const incident = withReport13[0]!;
    expect(incident.kind).toBe('incident');
    expect(incident.documents.map((d) => d.source)).toEqual(expect.arrayContaining([REPORT_01, REPORT_13]));
    // Every document appears in one result only.
    const all = sourcesOf(response).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('carries documents, best chunks with in-range highlights and the entities those chunks mention', async () => {
    const response = await search(driver, deps(), 'ランサムウェア攻撃で受注と出荷を停止', { k: 5, mode: 'hybrid' });
    expect(response.results.length).toBeGreaterThan(0);
    for (const result of response.results) {
      expect(result.title).not.toBe('');
      expect(result.documents.length).toBeGreaterThan(0);
      for (const doc of result.documents) expect(doc).toMatchObject({ id: expect.any(String), title: expect.any(String), source: expect.any(String) });
      expect(result.bestChunks.length).toBeGreaterThan(0);
      for (const chunk of result.bestChunks) {
        expect(chunk.end).toBeGreaterThan(chunk.start);
        for (const h of chunk.highlights) {
          expect(h.start).toBeGreaterThanOrEqual(0);
          expect(h.end).toBeLessThanOrEqual(chunk.text.length);
          expect(h.end).toBeGreaterThan(h.start);
        }
      }
      for (const entity of result.entities) expect(ENTITY_LABELS).toContain(entity.label);
    }
    expect(response.results.some((r) => r.bestChunks.some((c) => c.highlights.length > 0))).toBe(true);
    expect(response.results.flatMap((r) => r.entities).length).toBeGreaterThan(0);
    // Scores come best first.
    const scores = response.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('filters', () => {
  const query = 'サイバー攻撃による被害';

  it('by entity type: every result mentions an entity of that label', async () => {
    const response = await search(driver, deps(), query, { k: 10, mode: 'hybrid', filters: { types: [Label.ThreatActor] } });
    expect(response.results.length).toBeGreaterThan(0);
    const docIds = response.results.flatMap((r) => r.bestChunks.map((c) => c.docId));
    const check = await driver.executeQuery(
      `UNWIND $docIds AS id MATCH (d:Document {id: id})
       RETURN id, EXISTS { (d)-[:HAS_CHUNK]->(:Chunk)-[:MENTIONS]->(:ThreatActor) } AS ok`,
      { docIds },
      { database: config.neo4j.database },
    );
    expect(check.records.every((r) => r.get('ok') === true)).toBe(true);
    // The USB loss and the mis-sent e-mail name no threat actor.
    expect(sourcesOf(response).flat()).not.toContain('seeds/city-2025-10-usb-loss-news.txt');
  });

  it('by organization (name or alias): only results about it', async () => {
    const response = await search(driver, deps(), query, { k: 10, mode: 'hybrid', filters: { org: 'アサヒグループホールディングス株式会社' } });
    expect(response.results.length).toBeGreaterThan(0);
    for (const sources of sourcesOf(response)) expect(sources.some((s) => s.startsWith('seeds/asahi-') || s.startsWith('seeds/askul-') || s.startsWith('seeds/kantsu-'))).toBe(true);
    expect(sourcesOf(response).flat()).toEqual(expect.arrayContaining(['seeds/asahi-2025-09-report-01.md']));
    const none = await search(driver, deps(), query, { k: 10, mode: 'hybrid', filters: { org: '存在しない組織名株式会社' } });
    expect(none.results).toEqual([]);
  });

  it('by date range: documents published (or incidents discovered) within it', async () => {
    const response = await search(driver, deps(), query, { k: 10, mode: 'hybrid', filters: { from: '2025-10-01', to: '2025-10-31' } });
    expect(response.results.length).toBeGreaterThan(0);
    const docIds = response.results.flatMap((r) => r.bestChunks.map((c) => c.docId));
    const check = await driver.executeQuery(
      `UNWIND $docIds AS id MATCH (d:Document {id: id}) OPTIONAL MATCH (d)-[:REPORTS]->(i:Incident)
       RETURN id, d.publishedAt AS published, i.discoveredAt AS discovered`,
      { docIds },
      { database: config.neo4j.database },
    );
    const within = (date: unknown) => typeof date === 'string' && date >= '2025-10-01' && date <= '2025-10-31';
    for (const r of check.records) expect(within(r.get('published')) || within(r.get('discovered')), String(r.get('id'))).toBe(true);
    expect(sourcesOf(response).flat()).not.toContain('seeds/kadokawa-2024-08-blog.md');
  });

  it('rejects invalid filters with a SearchInputError', async () => {
    await expect(search(driver, deps(), query, { k: 10, mode: 'hybrid', filters: { from: '2025/01/01' } })).rejects.toBeInstanceOf(SearchInputError);
    await expect(search(driver, deps(), query, { k: 0, mode: 'hybrid' })).rejects.toBeInstanceOf(SearchInputError);
  });
});

describe('bad input', () => {
  const inputs = ['', '   ', '*:*', '"', 'AND OR', 'NOT', '(', 'title:アスクル', 'ランサム*', '\\', '~!@#$%^&*()_+{}|:"<>?', 'a'.repeat(400)];

  for (const mode of SEARCH_MODES) {
    it(`does not throw in ${mode} mode`, async () => {
      for (const input of inputs) {
        const response = await search(driver, deps(), input, { k: 5, mode });
        expect(Array.isArray(response.results), JSON.stringify(input)).toBe(true);
        expect(response.mode).toBe(mode);
      }
    });
  }

  it('returns nothing for an empty query', async () => {
    expect((await search(driver, deps(), '  ', { k: 5, mode: 'hybrid' })).results).toEqual([]);
  });

  it('refuses an over-long query', async () => {
    await expect(search(driver, deps(), 'あ'.repeat(3000), { k: 5, mode: 'lexical' })).rejects.toBeInstanceOf(SearchInputError);
  });

  it('without an embedding model: hybrid degrades to lexical, vector is unavailable', async () => {
    const noModel = { tokenizer, embedder: null, database: config.neo4j.database };
    const response = await search(driver, noModel, 'RansomHouse', { k: 5, mode: 'hybrid' });
    expect(rankOf(response, ASKUL_NEWS)).toBe(1);
    expect(response.notes?.length).toBeGreaterThan(0);
    await expect(search(driver, noModel, 'RansomHouse', { k: 5, mode: 'vector' })).rejects.toBeInstanceOf(SearchUnavailableError);
  });
});
