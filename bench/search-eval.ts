/**
 * Search quality: recall@5, recall@10 and MRR of lexical, vector and hybrid search on
 * hand-judged Japanese queries (bench/queries/search-queries.json) over archive-dev + seeds/.
 *
 *   npx tsx bench/search-eval.ts                 ingest (with embeddings) into its own Neo4j, then evaluate
 *   SEARCH_EVAL_REUSE=1 npx tsx bench/search-eval.ts   reuse what an earlier run loaded (skip ingest)
 *   npx tsx bench/search-eval.ts --sweep-chunks  chunk size/overlap comparison over a subset
 *
 * Neo4j: NEO4J_URI (+ NEO4J_USER/NEO4J_PASSWORD) when set, else a local instance of its own
 * (port SEARCH_BENCH_BOLT_PORT, default 7698; folder SEARCH_BENCH_DATA_DIR, default
 * data/neo4j-search-bench), never the database of `npm start`. BENCH_KEEP_NEO4J=1 leaves the local instance running for quick re-runs.
 * Skips with a message when ../shared/corpus/archive-dev is absent.
 *
 * Relevance is judged per document (its source path); a result counts as finding every
 * document it carries (an incident result carries all its reports). MRR uses the rank of the
 * first result carrying a relevant document; recall@k the share of relevant documents
 * carried by the first k results.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { loadConfig, PROJECT_ROOT, type Config } from '../config.ts';
import { connectGraph } from '../graph-connection.ts';
import { migrate } from '../graph-schema/migrate.ts';
import { createEmbedder, type Embedder } from '../ingest/embed/embedder.ts';
import { ingestPaths, type IngestReport } from '../ingest/pipeline.ts';
import { listSources } from '../ingest/read/read-file.ts';
import { loadTokenizer, type JapaneseTokenizer } from '../ingest/tokenize/kuromoji-tokenizer.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../scripts/neo4j/local-neo4j.ts';
import { search, type SearchDeps } from '../server/search/search.ts';
import type { SearchOptions } from '../server/search/search-options.ts';

export const CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'archive-dev');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');
export const QUERIES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries', 'search-queries.json');
const BENCH_DATA_DIR = path.resolve(process.env.SEARCH_BENCH_DATA_DIR ?? path.join(PROJECT_ROOT, 'data', 'neo4j-search-bench'));
const BENCH_PASSWORD = 'searchbenchpassword';

// ---------------------------------------------------------------------------------------------
// Shared with bench/search.ts
// ---------------------------------------------------------------------------------------------

export interface BenchGraph {
  driver: Driver;
  config: Config;
  stop: () => Promise<void>;
}

/** NEO4J_URI when set, else this bench's own local Neo4j (started if needed). */
export async function searchBenchGraph(): Promise<BenchGraph> {
  let started: { alreadyRunning: boolean } | null = null;
  let config: Config;
  if (process.env.NEO4J_URI) {
    config = loadConfig();
  } else {
    const boltPort = Number(process.env.SEARCH_BENCH_BOLT_PORT ?? 7698);
    started = await startLocalNeo4j({
      boltPort,
      dataDir: BENCH_DATA_DIR,
      user: 'neo4j',
      password: BENCH_PASSWORD,
      heap: '2g',
      pageCache: '1g',
      txTimeout: '10m',
      log: (m) => console.log(`search bench neo4j: ${m}`),
    });
    config = loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: BENCH_PASSWORD });
  }
  const driver = await connectGraph(config.neo4j);
  return {
    driver,
    config,
    stop: async () => {
      await driver.close();
      if (started && !started.alreadyRunning && !process.env.BENCH_KEEP_NEO4J) await stopLocalNeo4j({ dataDir: BENCH_DATA_DIR });
    },
  };
}

/** Empties the database and re-creates the schema. */
export async function resetGraph(graph: BenchGraph): Promise<void> {
  const session = graph.driver.session({ database: graph.config.neo4j.database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await migrate(graph.driver, { database: graph.config.neo4j.database, embeddingDimensions: graph.config.embedding.dimensions });
}

export async function awaitIndexes(graph: BenchGraph): Promise<void> {
  const session = graph.driver.session({ database: graph.config.neo4j.database });
  try {
    await session.run('CALL db.awaitIndexes(600)');
  } finally {
    await session.close();
  }
}

export async function loadModels(config: Config): Promise<{ tokenizer: JapaneseTokenizer; embedder: Embedder }> {
  const [tokenizer, embedder] = await Promise.all([
    loadTokenizer(),
    createEmbedder({ model: config.embedding.model, modelDir: config.embedding.modelDir, offline: config.embedding.offline, batchSize: config.embedding.batchSize, dimensions: config.embedding.dimensions }),
  ]);
  return { tokenizer, embedder };
}

export interface Chunking {
  maxChars: number;
  overlapSentences: number;
}

/** Ingests archive-dev (sources relative to it) and seeds/ (sources `seeds/<file>`), with embeddings. */
export async function ingestCorpus(
  graph: BenchGraph,
  models: { tokenizer: JapaneseTokenizer; embedder: Embedder },
  chunking: Chunking,
  options: { corpusFiles?: readonly string[]; seeds?: boolean; log?: boolean } = {},
): Promise<{ corpus: IngestReport; seeds: IngestReport | null }> {
  const deps = { driver: graph.driver, database: graph.config.neo4j.database, tokenizer: models.tokenizer, embedder: models.embedder };
  const progress = options.log === false ? undefined : plainProgress('ingest');
  const corpus = await ingestPaths(options.corpusFiles ?? [CORPUS_DIR], deps, { maxBytes: graph.config.ingest.maxBytes, chunking, root: CORPUS_DIR, progress });
  const seeds = options.seeds === false ? null : await ingestPaths([SEEDS_DIR], deps, { maxBytes: graph.config.ingest.maxBytes, chunking, root: PROJECT_ROOT });
  return { corpus, seeds };
}

function plainProgress(prefix: string) {
  const t0 = performance.now();
  return {
    update(done: number, total: number) {
      if (done % 100 === 0 || done === total) console.log(`${prefix}: ${done}/${total} documents, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    },
    finish() {},
  };
}

export const EvalQuery = z.object({
  id: z.string().min(1),
  query: z.string().min(1),
  /** Source paths of the relevant documents: relative to archive-dev, or `seeds/<file>`. */
  relevant: z.array(z.string().min(1)).min(1),
  /** What the query asks and why those documents answer it (not used by the search). */
  note: z.string().optional(),
});
export type EvalQuery = z.infer<typeof EvalQuery>;
export const EvalQueries = z.object({ description: z.string().optional(), queries: z.array(EvalQuery).min(1) });

export function loadEvalQueries(file: string = QUERIES_FILE): EvalQuery[] {
  return EvalQueries.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).queries;
}

export function corpusPresent(): boolean {
  return fs.existsSync(CORPUS_DIR);
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

export interface Metrics {
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  /** Per query: rank of the first relevant result (0 = not in the top 10). */
  firstRanks: number[];
}

/** Ranked results as lists of document sources → recall@5/10 and reciprocal rank. */
export function scoreRanking(resultSources: readonly (readonly string[])[], relevant: readonly string[]): { r5: number; r10: number; rr: number; first: number } {
  const want = new Set(relevant);
  const found = (k: number) => new Set(resultSources.slice(0, k).flat().filter((s) => want.has(s))).size / want.size;
  const first = resultSources.findIndex((sources) => sources.some((s) => want.has(s))) + 1;
  return { r5: found(5), r10: found(10), rr: first > 0 ? 1 / first : 0, first };
}

export async function evaluate(driver: Driver, deps: SearchDeps, queries: readonly EvalQuery[], options: Omit<SearchOptions, 'k'>): Promise<Metrics> {
  let r5 = 0;
  let r10 = 0;
  let rr = 0;
  const firstRanks: number[] = [];
  for (const q of queries) {
    const response = await search(driver, deps, q.query, { ...options, k: 10 });
    const s = scoreRanking(response.results.map((r) => r.documents.map((d) => d.source)), q.relevant);
    r5 += s.r5;
    r10 += s.r10;
    rr += s.rr;
    firstRanks.push(s.first);
  }
  const n = queries.length;
  return { recallAt5: r5 / n, recallAt10: r10 / n, mrr: rr / n, firstRanks };
}

const fmt = (x: number) => x.toFixed(3);
export function metricsLine(name: string, m: Metrics): string {
  return `${name.padEnd(44)} recall@5 ${fmt(m.recallAt5)}  recall@10 ${fmt(m.recallAt10)}  MRR ${fmt(m.mrr)}`;
}

/** Sources of the relevant documents the database does not hold (typos in the JSON). */
async function missingSources(graph: BenchGraph, queries: readonly EvalQuery[]): Promise<string[]> {
  const wanted = [...new Set(queries.flatMap((q) => q.relevant))];
  const result = await graph.driver.executeQuery('UNWIND $sources AS s OPTIONAL MATCH (d:Document {source: s}) WITH s, d WHERE d IS NULL RETURN s', { sources: wanted }, { database: graph.config.neo4j.database });
  return result.records.map((r) => r.get('s') as string);
}

async function embeddedCounts(graph: BenchGraph): Promise<{ documents: number; chunks: number; embedded: number }> {
  const result = await graph.driver.executeQuery(
    'MATCH (d:Document) WITH count(d) AS documents MATCH (c:Chunk) RETURN documents, count(c) AS chunks, count(c.embedding) AS embedded',
    {},
    { database: graph.config.neo4j.database },
  );
  const r = result.records[0];
  return { documents: Number(r?.get('documents') ?? 0), chunks: Number(r?.get('chunks') ?? 0), embedded: Number(r?.get('embedded') ?? 0) };
}

const VARIANTS: { name: string; options: Omit<SearchOptions, 'k'> }[] = [
  { name: 'lexical (default: cjk, whole query text)', options: { mode: 'lexical' } },
  { name: 'lexical: chunk_text_cjk, content words', options: { mode: 'lexical', lexical: 'cjk-content' } },
  { name: 'lexical: chunk_tokens_ws, kuromoji tokens', options: { mode: 'lexical', lexical: 'tokens' } },
  { name: 'vector', options: { mode: 'vector' } },
  { name: 'hybrid (default: cjk content words, k=60)', options: { mode: 'hybrid' } },
  { name: 'hybrid, lexical = cjk whole text', options: { mode: 'hybrid', lexical: 'cjk-text' } },
  { name: 'hybrid, lexical = tokens', options: { mode: 'hybrid', lexical: 'tokens' } },
  { name: 'hybrid, chunk-level RRF', options: { mode: 'hybrid', fusion: { level: 'chunk' } } },
  { name: 'hybrid, RRF k=10', options: { mode: 'hybrid', fusion: { k: 10 } } },
  { name: 'hybrid, RRF k=30', options: { mode: 'hybrid', fusion: { k: 30 } } },
  { name: 'hybrid, RRF k=120', options: { mode: 'hybrid', fusion: { k: 120 } } },
  { name: 'hybrid, vector weight 2', options: { mode: 'hybrid', fusion: { vectorWeight: 2 } } },
  { name: 'hybrid, vector weight 1.5', options: { mode: 'hybrid', fusion: { vectorWeight: 1.5 } } },
];

async function evaluateAll(graph: BenchGraph, deps: SearchDeps, queries: readonly EvalQuery[], variants = VARIANTS): Promise<Map<string, Metrics>> {
  const out = new Map<string, Metrics>();
  for (const v of variants) {
    const m = await evaluate(graph.driver, { ...deps, database: graph.config.neo4j.database }, queries, v.options);
    out.set(v.name, m);
    console.log(metricsLine(v.name, m));
  }
  if (/^(1|true|yes)$/i.test(process.env.SEARCH_EVAL_VERBOSE ?? '')) {
    // Rank of the first relevant result per query and variant (- = not in the top 10).
    const names = [...out.keys()];
    console.log(`\nfirst relevant rank per query: ${names.map((n, i) => `[${i}] ${n}`).join('; ')}`);
    queries.forEach((q, qi) => {
      const ranks = names.map((n) => out.get(n)!.firstRanks[qi] || '-');
      console.log(`${q.id} ${ranks.map((r) => String(r).padStart(2)).join(' ')}  ${q.query}`);
    });
  }
  return out;
}

/** Every relevant document plus a fixed, evenly spaced sample of the others. */
async function sweepSubset(queries: readonly EvalQuery[], size: number): Promise<string[]> {
  const files = await listSources([CORPUS_DIR]);
  const key = (file: string) => path.relative(CORPUS_DIR, file).split(path.sep).join('/');
  const relevant = new Set(queries.flatMap((q) => q.relevant));
  const chosen = files.filter((f) => relevant.has(key(f)));
  const others = files.filter((f) => !relevant.has(key(f)));
  const step = Math.max(1, others.length / Math.max(1, size - chosen.length));
  for (let i = 0; chosen.length < size && Math.floor(i) < others.length; i += step) chosen.push(others[Math.floor(i)]!);
  return chosen;
}

async function sweepChunks(graph: BenchGraph, models: { tokenizer: JapaneseTokenizer; embedder: Embedder }, queries: readonly EvalQuery[]) {
  const size = Number(process.env.SWEEP_DOCS ?? 300);
  const subset = await sweepSubset(queries, size);
  console.log(`chunk sweep over ${subset.length} archive-dev documents (every relevant one + an even sample) + seeds/`);
  const sizes = (process.env.SWEEP_MAX_CHARS ?? '200,400,800').split(',').map(Number);
  const overlaps = (process.env.SWEEP_OVERLAPS ?? '0,1').split(',').map(Number);
  const rows: string[] = [];
  for (const maxChars of sizes) {
    for (const overlapSentences of overlaps) {
      await resetGraph(graph);
      const t0 = performance.now();
      const report = await ingestCorpus(graph, models, { maxChars, overlapSentences }, { corpusFiles: subset, log: false });
      await awaitIndexes(graph);
      const seconds = (performance.now() - t0) / 1000;
      const chunks = report.corpus.chunks + (report.seeds?.chunks ?? 0);
      console.log(`maxChars ${maxChars}, overlap ${overlapSentences}: ${chunks} chunks, ingest ${seconds.toFixed(0)} s`);
      const deps = { ...models, database: graph.config.neo4j.database };
      for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
        const m = await evaluate(graph.driver, deps, queries, { mode });
        const line = metricsLine(`  maxChars ${maxChars} overlap ${overlapSentences} ${mode}`, m);
        console.log(line);
        rows.push(line);
      }
    }
  }
  console.log('\nchunk sweep summary');
  for (const row of rows) console.log(row);
  console.log('(the database now holds the sweep subset: run without SEARCH_EVAL_REUSE next time)');
}

async function main() {
  if (!corpusPresent()) {
    console.log(`search eval: skipped, corpus not found at ${CORPUS_DIR}`);
    return;
  }
  const queries = loadEvalQueries();
  const sweep = process.argv.includes('--sweep-chunks');
  const reuse = /^(1|true|yes)$/i.test(process.env.SEARCH_EVAL_REUSE ?? '');
  const graph = await searchBenchGraph();
  try {
    const models = await loadModels(graph.config);
    console.log(`search eval: ${queries.length} queries, ${os.availableParallelism()} cores, model ${models.embedder.modelId}`);
    if (sweep) {
      await sweepChunks(graph, models, queries);
      return;
    }
    const chunking = { maxChars: graph.config.ingest.chunkMaxChars, overlapSentences: graph.config.ingest.chunkOverlapSentences };
    const counts = await embeddedCounts(graph);
    if (reuse && counts.documents > 0 && counts.embedded === counts.chunks) {
      console.log(`reusing the loaded graph: ${counts.documents} documents, ${counts.chunks} chunks (all embedded)`);
    } else {
      if (reuse) console.log(`SEARCH_EVAL_REUSE set but the graph is not usable (${counts.documents} documents, ${counts.embedded}/${counts.chunks} chunks embedded): ingesting`);
      await resetGraph(graph);
      const t0 = performance.now();
      const report = await ingestCorpus(graph, models, chunking);
      await awaitIndexes(graph);
      console.log(`ingested ${report.corpus.loaded} + ${report.seeds?.loaded ?? 0} documents (${report.corpus.failed.length} failed), ${report.corpus.chunks + (report.seeds?.chunks ?? 0)} chunks, maxChars ${chunking.maxChars}, overlap ${chunking.overlapSentences}, in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const missing = await missingSources(graph, queries);
    if (missing.length > 0) console.log(`warning: ${missing.length} judged sources are not in the graph: ${missing.join(', ')}`);
    await evaluateAll(graph, models, queries);
  } finally {
    await graph.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}
