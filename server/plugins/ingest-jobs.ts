import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { loadTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';
import { IngestJobQueue } from '../ingest/ingest-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    ingestJobs: IngestJobQueue;
  }
}

/** The in-process ingest queue (uploads and the seeds folder), stopped when the app closes. */
export default fp<{ config: Config; root: string }>(
  async (app, { config, root }) => {
    const queue = new IngestJobQueue({
      driver: app.graph.driver,
      database: app.graph.database,
      embedder: app.embedder,
      loadTokenizer,
      maxBytes: config.ingest.maxBytes,
      chunking: { maxChars: config.ingest.chunkMaxChars, overlapSentences: config.ingest.chunkOverlapSentences },
      root,
      log: app.log,
    });
    app.decorate('ingestJobs', queue);
    app.addHook('preClose', async () => queue.close());
  },
  { name: 'ingest-jobs', fastify: '5.x', dependencies: ['neo4j', 'embedder'] },
);
