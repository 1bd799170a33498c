import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../../../../config.ts';
import type { Embedder } from '../../../../ingest/embed/embedder.ts';
import { buildApp, type AppOptions } from '../../../../server/app.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../../support/neo4j-fixture.ts';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

/**
 * One fresh graph per test run: the first file of a run empties the test database and
 * ingests `seeds/` with the real pipeline (kuromoji + the embedding model); later files
 * re-run the same ingest, which skips every unchanged file by its hash. A run is the vitest
 * main process (the parent of the worker that runs each file).
 */
const RUN_MARKER = path.join(os.tmpdir(), `kg-server-it-${process.ppid}.seeded`);

export interface SeedReport {
  readonly loaded: number;
  readonly unchanged: number;
  readonly total: number;
}

/** Ingests seeds/ into the test graph; throws (so the file's tests fail loudly) when ingest cannot import, run or load a file. */
export async function seedTestGraph(config: Config = testConfig()): Promise<SeedReport> {
  const driver = await connectTestGraph(config);
  try {
    const firstInRun = !fs.existsSync(RUN_MARKER) && process.env.KG_SERVER_TESTS_REUSE_GRAPH !== '1';
    if (firstInRun) await resetTestGraph(driver, config);
    const { ingestPaths } = await import('../../../../ingest/pipeline.ts').catch((error: unknown) => {
      throw new Error(`ingest/pipeline.ts does not import, so seeds/ cannot be ingested: ${(error as Error).message}`);
    });
    const { loadTokenizer } = await import('../../../../ingest/tokenize/kuromoji-tokenizer.ts');
    const tokenizer = await loadTokenizer();
    const embedder = firstInRun ? await loadTestEmbedder(config) : null;
    const report = await ingestPaths([SEEDS_DIR], { driver, database: config.neo4j.database, tokenizer, embedder }, {
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root: PROJECT_ROOT,
    });
    if (report.failed.length > 0) {
      throw new Error(`ingesting seeds/ failed for ${report.failed.length} of ${report.total} files:\n${report.failed.map((f) => `  ${f.source}: ${f.reason} (${f.detail})`).join('\n')}`);
    }
    if (report.loaded + report.unchanged !== report.total || report.total === 0) {
      throw new Error(`ingesting seeds/ loaded ${report.loaded} and skipped ${report.unchanged} of ${report.total} files`);
    }
    if (firstInRun) fs.writeFileSync(RUN_MARKER, new Date().toISOString());
    return { loaded: report.loaded, unchanged: report.unchanged, total: report.total };
  } finally {
    await driver.close();
  }
}

let embedderPromise: Promise<Embedder> | null = null;
/** The real embedding model from MODEL_DIR (loaded once per file). */
export function loadTestEmbedder(config: Config = testConfig()): Promise<Embedder> {
  embedderPromise ??= import('../../../../ingest/embed/embedder.ts').then(({ createEmbedder }) =>
    createEmbedder({ model: config.embedding.model, modelDir: config.embedding.modelDir, offline: config.embedding.offline, dimensions: config.embedding.dimensions }),
  );
  return embedderPromise;
}

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
  get(pathAndQuery: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
  post(pathAndQuery: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: unknown; text: string }>;
}

/** The real app over real HTTP on 127.0.0.1 and a free port, against the test Neo4j. */
export async function startTestServer(options: Partial<AppOptions> & { config?: Config } = {}): Promise<TestServer> {
  const config = options.config ?? testConfig();
  const app = await buildApp({ logger: false, ...options, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const call = async (pathAndQuery: string, init: RequestInit = {}) => {
    const response = await fetch(url + pathAndQuery, { ...init, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    url,
    app,
    close: () => app.close(),
    get: (p, init) => call(p, init),
    post: (p, body, headers = {}) =>
      call(p, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
  };
}

/** A query string from an object (values URL-encoded). */
export const qs = (params: Record<string, string | number | undefined>) =>
  `?${Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')}`;

/** Runs a read query against the test graph (to pick ids the assertions need). */
export async function queryTestGraph<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const driver: Driver = await connectTestGraph();
  try {
    const result = await driver.executeQuery(cypher, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await driver.close();
  }
}
