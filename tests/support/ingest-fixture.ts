import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../../config.ts';
import { ingestPaths, type IngestReport } from '../../ingest/pipeline.ts';
import { loadTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';
import type { JapaneseTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';

let tokenizer: Promise<JapaneseTokenizer> | null = null;

/** Ingests paths into the test graph with the real kuromoji dictionary (no embeddings). */
export async function ingestForTest(driver: Driver, config: Config, paths: string[]): Promise<IngestReport> {
  tokenizer ??= loadTokenizer();
  return ingestPaths(paths, { driver, database: config.neo4j.database, tokenizer: await tokenizer, embedder: null }, {
    maxBytes: config.ingest.maxBytes,
    chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
    root: PROJECT_ROOT,
  });
}

/** Counts of nodes per label and relationships per type: equal counts mean no duplicates. */
export async function graphCounts(driver: Driver, config: Config): Promise<Record<string, number>> {
  const nodes = await driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n', {}, { database: config.neo4j.database });
  const rels = await driver.executeQuery('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n', {}, { database: config.neo4j.database });
  return Object.fromEntries([
    ...nodes.records.map((r) => [`:${r.get('label') as string}`, r.get('n') as number]),
    ...rels.records.map((r) => [`-${r.get('type') as string}-`, r.get('n') as number]),
  ]);
}
