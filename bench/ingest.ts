/**
 * Ingest throughput: all of archive-dev into an empty database, without embeddings.
 *
 *   npx tsx bench/ingest.ts            (own Neo4j on port 7695; or NEO4J_URI=… to use another)
 *
 * Prints docs/s, chars/s, peak RSS, time per stage, and kuromoji alone over the same text.
 */
import fs from 'node:fs';
import os from 'node:os';
import { analyzeDocument } from '../ingest/analyze-document.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { listSources, readSource } from '../ingest/read/read-file.ts';
import { loadTokenizer } from '../ingest/tokenize/kuromoji-tokenizer.ts';
import { benchGraph, CORPUS_DIR, processCpuSeconds } from './support/bench-neo4j.ts';

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);

async function main() {
  if (!fs.existsSync(CORPUS_DIR)) {
    console.log(`ingest bench: skipped, corpus not found at ${CORPUS_DIR}`);
    return;
  }
  const { driver, config, neo4jPid, stop } = await benchGraph({ empty: true, name: 'ingest-bench', boltPort: 7695 });
  try {
    const tokenizer = await loadTokenizer();
    const neo4jCpuBefore = neo4jPid === null ? null : processCpuSeconds(neo4jPid);
    const nodeCpuBefore = process.cpuUsage();
    const report = await ingestPaths([CORPUS_DIR], { driver, database: config.neo4j.database, tokenizer, embedder: null }, {
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root: CORPUS_DIR,
    });
    const seconds = report.durationMs / 1000;
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const neo4jCpuAfter = neo4jPid === null ? null : processCpuSeconds(neo4jPid);

    // The same text through kuromoji alone, for comparison.
    const files = await listSources([CORPUS_DIR]);
    const texts: string[] = [];
    for (const file of files) {
      const source = await readSource(file, { root: CORPUS_DIR, maxBytes: config.ingest.maxBytes });
      if (source.ok) texts.push(analyzeDocument(source, tokenizer, { maxChars: 400, overlapSentences: 1 }).parsed.text);
    }
    const t0 = performance.now();
    let tokens = 0;
    for (const text of texts) tokens += tokenizer.kuromoji.tokenize(text).length;
    const kuromojiSeconds = (performance.now() - t0) / 1000;
    const chars = texts.reduce((n, t) => n + t.length, 0);

    console.log(`ingest bench: ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
    console.log(`documents: ${report.loaded} loaded, ${report.failed.length} failed, ${report.chunks} chunks, ${report.chars} chars`);
    console.log(`throughput: ${(report.loaded / seconds).toFixed(1)} docs/s, ${(report.chars / seconds / 1000).toFixed(1)}k chars/s, total ${seconds.toFixed(1)} s`);
    console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB (this process; Neo4j runs in its own JVM)`);
    const neo4jCpu = neo4jCpuBefore !== null && neo4jCpuAfter !== null ? `, Neo4j JVM ${(neo4jCpuAfter - neo4jCpuBefore).toFixed(1)} s` : ' (Neo4j not local: its CPU is not measured)';
    console.log(`CPU during the ingest: this process ${((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)} s${neo4jCpu}, of ${(seconds * os.availableParallelism()).toFixed(1)} core-seconds`);
    console.log(`time per stage (s, summed over overlapping writes): ${Object.entries(report.stageMs).map(([s, ms]) => `${s} ${(ms / 1000).toFixed(2)}`).join(', ')}`);
    console.log(`kuromoji alone: ${(texts.length / kuromojiSeconds).toFixed(1)} docs/s, ${(chars / kuromojiSeconds / 1000).toFixed(1)}k chars/s (${tokens} tokens in ${kuromojiSeconds.toFixed(2)} s)`);
  } finally {
    await stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(sampler));
