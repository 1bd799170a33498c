import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../config.ts';
import { connectGraph } from '../graph-connection.ts';
import { migrate } from '../graph-schema/migrate.ts';
import { runCli, UserFacingError } from '../run-cli.ts';
import { createEmbedder } from './embed/embedder.ts';
import { ingestPaths, IngestInterruptedError, type IngestReport } from './pipeline.ts';
import { createProgress } from './progress.ts';
import { loadTokenizer } from './tokenize/kuromoji-tokenizer.ts';

const USAGE = 'usage: npm run ingest -- [--no-embed] <file|dir>...';

export function formatReport(report: IngestReport): string {
  const lines = [
    `ingest: ${report.total} files: ${report.loaded} loaded (${report.replaced} replaced), ${report.unchanged} unchanged, ${report.failed.length} failed; ` +
      `${report.chunks} chunks, ${report.embedded} embedded, ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  const stages = Object.entries(report.stageMs).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}s`);
  lines.push(`ingest: time per stage: ${stages.join(', ')}`);
  if (report.failed.length > 0) {
    lines.push('ingest: files not ingested:');
    for (const f of report.failed) lines.push(`  ${f.source}: ${f.reason} (${f.detail})`);
  }
  if (report.warnings.length > 0) lines.push(`ingest: ${report.warnings.length} extraction warnings (e.g. ${report.warnings[0]!.source}: ${report.warnings[0]!.detail})`);
  return lines.join('\n');
}

runCli('ingest', async () => {
  const { values, positionals } = parseArgs({ options: { 'no-embed': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UserFacingError(`no files or folders given; ${USAGE}`);
  const config = loadConfig();
  const embedder = values['no-embed']
    ? null
    : await createEmbedder({ model: config.embedding.model, modelDir: config.embedding.modelDir, offline: config.embedding.offline, batchSize: config.embedding.batchSize, dimensions: config.embedding.dimensions }).catch(
        (error: Error) => {
          throw new UserFacingError(`${error.message} (or pass --no-embed)`);
        },
      );
  const driver = await connectGraph(config.neo4j);
  try {
    await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
    const tokenizer = await loadTokenizer();
    const progress = createProgress(process.stderr, { tty: process.stderr.isTTY === true });
    const report = await ingestPaths(positionals, { driver, database: config.neo4j.database, tokenizer, embedder }, {
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root: PROJECT_ROOT,
      progress,
    }).catch((error: unknown) => {
      if (error instanceof IngestInterruptedError) {
        console.log(formatReport(error.report));
        throw new UserFacingError(error.message);
      }
      throw error;
    });
    console.log(formatReport(report));
    return 0;
  } finally {
    await driver.close();
  }
});
