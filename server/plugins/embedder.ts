import fp from 'fastify-plugin';
import type { Embedder } from '../../ingest/embed/embedder.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The embedding model, or null when it is not installed (no vector search, no chunk embeddings). */
    embedder: Embedder | null;
  }
}

export default fp<{ embedder: Embedder | null }>(
  async (app, options) => {
    app.decorate('embedder', options.embedder);
  },
  { name: 'embedder', fastify: '5.x' },
);
