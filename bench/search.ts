/**
 * Search performance: embedding throughput, index build time for all of archive-dev, and
 * query latency p50/p95 per mode (warm model, k = 10, ≥ 50 queries per mode).
 *
 *   npx tsx bench/search.ts                       everything (the build re-ingests archive-dev: ~20 min on 2 cores)
 *   SEARCH_BENCH_REUSE=1 npx tsx bench/search.ts  skip the build, measure latency on what is loaded
 *
 * Neo4j: NEO4J_URI when set, else the search benches' own local instance (port 7698,
 * data/neo4j-search-bench; see bench/search-eval.ts). After a build the graph also holds
 * seeds/, so `SEARCH_EVAL_REUSE=1 npx tsx bench/search-eval.ts` can evaluate on it.
 * Skips with a message when ../shared/corpus/archive-dev is absent.
 */
import os from 'node:os';
import { analyzeDocument } from '../ingest/analyze-document.ts';
import { listSources, readSource } from '../ingest/read/read-file.ts';
import { search } from '../server/search/search.ts';
import { SEARCH_MODES } from '../server/search/search-options.ts';
import { awaitIndexes, corpusPresent, CORPUS_DIR, ingestCorpus, loadEvalQueries, loadModels, resetGraph, searchBenchGraph } from './search-eval.ts';

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function main() {
  if (!corpusPresent()) {
    console.log(`search bench: skipped, corpus not found at ${CORPUS_DIR}`);
    return;
  }
  const reuse = /^(1|true|yes)$/i.test(process.env.SEARCH_BENCH_REUSE ?? '');
  const graph = await searchBenchGraph();
  try {
    const models = await loadModels(graph.config);
    const chunking = { maxChars: graph.config.ingest.chunkMaxChars, overlapSentences: graph.config.ingest.chunkOverlapSentences };
    console.log(`search bench: ${os.availableParallelism()} cores (os.availableParallelism), ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, model ${models.embedder.modelId}, chunks ≤ ${chunking.maxChars} chars, overlap ${chunking.overlapSentences}`);

    // Embedding throughput over real chunks of the corpus (the first documents, as ingest makes them).
    const files = (await listSources([CORPUS_DIR])).slice(0, 80);
    const passages: string[] = [];
    for (const file of files) {
      const source = await readSource(file, { root: CORPUS_DIR, maxBytes: graph.config.ingest.maxBytes });
      if (source.ok) passages.push(...analyzeDocument(source, models.tokenizer, chunking).chunks.map((c) => c.text));
    }
    const sample = passages.slice(0, 480);
    await models.embedder.embedPassages(sample.slice(0, 16)); // warm
    const t0 = performance.now();
    await models.embedder.embedPassages(sample);
    const embedSeconds = (performance.now() - t0) / 1000;
    const meanChars = sample.reduce((n, p) => n + p.length, 0) / Math.max(1, sample.length);
    console.log(`embedding: ${(sample.length / embedSeconds).toFixed(1)} passages/s (${sample.length} passages, mean ${meanChars.toFixed(0)} chars, batch ${graph.config.embedding.batchSize}, ${os.availableParallelism()} cores)`);

    if (reuse) {
      console.log('index build: skipped (SEARCH_BENCH_REUSE=1)');
    } else {
      await resetGraph(graph);
      const b0 = performance.now();
      const { corpus } = await ingestCorpus(graph, models, chunking, { seeds: false });
      const ingested = performance.now();
      await awaitIndexes(graph);
      const built = performance.now();
      console.log(
        `index build (all of archive-dev, with embeddings): ${((built - b0) / 1000).toFixed(1)} s = ingest ${((ingested - b0) / 1000).toFixed(1)} s + awaiting indexes online ${((built - ingested) / 1000).toFixed(1)} s; ` +
          `${corpus.loaded} documents (${corpus.failed.length} failed), ${corpus.chunks} chunks, ${(corpus.chunks / ((built - b0) / 1000)).toFixed(1)} chunks/s`,
      );
      console.log(`  time per stage (s): ${Object.entries(corpus.stageMs).map(([s, t]) => `${s} ${(t / 1000).toFixed(1)}`).join(', ')}`);
      await ingestCorpus(graph, models, chunking, { corpusFiles: [], log: false }); // seeds/, so search-eval can reuse this graph
      await awaitIndexes(graph);
    }

    // Latency: the eval queries plus document titles (real phrasing), 60 distinct queries.
    const titles = (await graph.driver.executeQuery('MATCH (d:Document) WHERE d.title IS NOT NULL RETURN d.title AS t ORDER BY d.source', {}, { database: graph.config.neo4j.database })).records.map(
      (r) => r.get('t') as string,
    );
    const evalQueries = loadEvalQueries().map((q) => q.query);
    const step = Math.max(1, Math.floor(titles.length / 30));
    const queries = [...new Set([...evalQueries, ...titles.filter((_, i) => i % step === 0)])].slice(0, 60);
    const deps = { ...models, database: graph.config.neo4j.database };
    for (const mode of SEARCH_MODES) for (const q of queries.slice(0, 20)) await search(graph.driver, deps, q, { k: 10, mode }); // warm plans, JIT and model

    console.log(`query latency, ${queries.length} queries per mode, k = 10 (wall time of search(), warm):`);
    for (const mode of SEARCH_MODES) {
      const times: number[] = [];
      const parts: Record<string, number[]> = {};
      for (const q of queries) {
        const s0 = performance.now();
        const response = await search(graph.driver, deps, q, { k: 10, mode });
        times.push(performance.now() - s0);
        for (const [key, value] of Object.entries(response.timings)) if (key !== 'totalMs' && typeof value === 'number') (parts[key] ??= []).push(value);
      }
      times.sort((a, b) => a - b);
      const breakdown = Object.entries(parts)
        .map(([key, values]) => `${key.replace(/Ms$/, '')} ${ms(percentile([...values].sort((a, b) => a - b), 50))}`)
        .join(', ');
      console.log(`  ${mode.padEnd(8)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1) ?? 0)}   (p50 parts: ${breakdown})`);
    }
  } finally {
    await graph.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
