/**
 * Ingest throughput: all of archive-dev into an empty database, without embeddings.
 *
 *   npx tsx bench/ingest.ts             3 runs (own Neo4j on port 7695, started cold for each run)
 *   BENCH_RUNS=5 npx tsx bench/ingest.ts
 *   NEO4J_URI=… npx tsx bench/ingest.ts  against another Neo4j (emptied before each run)
 *
 * Prints per run docs/s, chars/s, peak RSS (of this process, of Neo4j, and the sum of the
 * two, which bounds their peak together), CPU of this process and of Neo4j, and time per
 * stage; then the median run, and kuromoji alone over the same text for comparison. Single
 * runs of identical input differ by up to ~40% on this shared 2-core VM (the same work takes
 * more CPU time in a slow run), hence several runs and the median.
 */
import fs from 'node:fs';
import os from 'node:os';
import { loadConfig } from '../config.ts';
import { analyzeDocument } from '../ingest/analyze-document.ts';
import { ingestPaths, type IngestReport } from '../ingest/pipeline.ts';
import { listSources, readSource } from '../ingest/read/read-file.ts';
import { loadTokenizer, type JapaneseTokenizer } from '../ingest/tokenize/kuromoji-tokenizer.ts';
import { benchGraph, CORPUS_DIR, processCpuSeconds, processPeakRssBytes } from './support/bench-neo4j.ts';

/** This process's peak RSS since the last reset (sampled; VmHWM cannot be reset between runs). */
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);

interface RunResult {
  report: IngestReport;
  docsPerSecond: number;
  nodeCpuSeconds: number;
  neo4jCpuSeconds: number | null;
  neo4jPeakRssBytes: number | null;
  neo4jMemory: { heap: string; pageCache: string } | null;
  ingestPeakRssBytes: number;
}

async function ingestOnce(tokenizer: JapaneseTokenizer): Promise<RunResult> {
  const { driver, config, neo4jPid, memory, stop } = await benchGraph({ empty: true, name: 'ingest-bench', boltPort: 7695 });
  try {
    peakRss = process.memoryUsage.rss();
    const neo4jCpuBefore = neo4jPid === null ? null : processCpuSeconds(neo4jPid);
    const nodeCpuBefore = process.cpuUsage();
    const report = await ingestPaths([CORPUS_DIR], { driver, database: config.neo4j.database, tokenizer, embedder: null }, {
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root: CORPUS_DIR,
    });
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const neo4jCpuAfter = neo4jPid === null ? null : processCpuSeconds(neo4jPid);
    const neo4jPeakRssBytes = neo4jPid === null ? null : processPeakRssBytes(neo4jPid);
    return {
      neo4jPeakRssBytes,
      neo4jMemory: memory,
      ingestPeakRssBytes: peakRss,
      report,
      docsPerSecond: report.loaded / (report.durationMs / 1000),
      nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
      neo4jCpuSeconds: neo4jCpuBefore !== null && neo4jCpuAfter !== null ? neo4jCpuAfter - neo4jCpuBefore : null,
    };
  } finally {
    await stop();
  }
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

function describe(run: RunResult): string[] {
  const { report } = run;
  const seconds = report.durationMs / 1000;
  const neo4jCpu = run.neo4jCpuSeconds !== null ? `, Neo4j JVM ${run.neo4jCpuSeconds.toFixed(1)} s` : ' (Neo4j not local: its CPU is not measured)';
  return [
    `documents: ${report.loaded} loaded, ${report.failed.length} failed, ${report.chunks} chunks, ${report.chars} chars`,
    `throughput: ${run.docsPerSecond.toFixed(1)} docs/s, ${(report.chars / seconds / 1000).toFixed(1)}k chars/s, total ${seconds.toFixed(1)} s`,
    `CPU during the ingest: this process ${run.nodeCpuSeconds.toFixed(1)} s${neo4jCpu}, of ${(seconds * os.availableParallelism()).toFixed(1)} core-seconds`,
    `peak RSS: this process ${mib(run.ingestPeakRssBytes)} MiB` +
      (run.neo4jPeakRssBytes !== null
        ? `, Neo4j JVM ${mib(run.neo4jPeakRssBytes)} MiB${run.neo4jMemory ? ` (heap ${run.neo4jMemory.heap}, page cache ${run.neo4jMemory.pageCache})` : ''}, together at most ${mib(run.ingestPeakRssBytes + run.neo4jPeakRssBytes)} MiB`
        : ''),
    `time per stage (s, summed over overlapping writes): ${Object.entries(report.stageMs).map(([s, ms]) => `${s} ${(ms / 1000).toFixed(2)}`).join(', ')}`,
  ];
}

async function main() {
  if (!fs.existsSync(CORPUS_DIR)) {
    console.log(`ingest bench: skipped, corpus not found at ${CORPUS_DIR}`);
    return;
  }
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  console.log(`ingest bench: ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${runs} runs, each into an empty database`);
  const tokenizer = await loadTokenizer();
  const results: RunResult[] = [];
  for (let i = 1; i <= runs; i++) {
    const result = await ingestOnce(tokenizer);
    results.push(result);
    console.log(`run ${i}:\n  ${describe(result).join('\n  ')}`);
  }
  const sorted = [...results].sort((a, b) => a.docsPerSecond - b.docsPerSecond);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  console.log(`median run: ${median.docsPerSecond.toFixed(1)} docs/s (runs: ${results.map((r) => r.docsPerSecond.toFixed(1)).join(', ')}; min ${sorted[0]!.docsPerSecond.toFixed(1)}, max ${sorted.at(-1)!.docsPerSecond.toFixed(1)})`);
  const rssOf = (r: RunResult) => r.ingestPeakRssBytes + (r.neo4jPeakRssBytes ?? 0);
  console.log(`highest peak RSS of a run: ${mib(Math.max(...results.map(rssOf)))} MiB (${results.every((r) => r.neo4jPeakRssBytes !== null) ? 'this process and Neo4j, the sum of their peaks' : 'this process'})`);

  // The same text through kuromoji alone, for comparison.
  const files = await listSources([CORPUS_DIR]);
  const texts: string[] = [];
  for (const file of files) {
    const source = await readSource(file, { root: CORPUS_DIR, maxBytes: loadConfig().ingest.maxBytes });
    if (source.ok) texts.push(analyzeDocument(source, tokenizer, { maxChars: 400, overlapSentences: 1 }).parsed.text);
  }
  const t0 = performance.now();
  let tokens = 0;
  for (const text of texts) tokens += tokenizer.kuromoji.tokenize(text).length;
  const kuromojiSeconds = (performance.now() - t0) / 1000;
  const chars = texts.reduce((n, t) => n + t.length, 0);
  console.log(`kuromoji alone: ${(texts.length / kuromojiSeconds).toFixed(1)} docs/s, ${(chars / kuromojiSeconds / 1000).toFixed(1)}k chars/s (${tokens} tokens in ${kuromojiSeconds.toFixed(2)} s)`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(sampler));
