import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/**
 * CORS for the configured origins only. With none configured (the default) nothing is
 * registered, so answers carry no CORS headers and only the same origin can use the API.
 */
export default fp<{ origins: readonly string[] }>(
  async (app, options) => {
    const origins = options.origins.filter((o) => o.length > 0);
    if (origins.length === 0) return;
    for (const origin of origins) {
      if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
        throw new Error(`CORS_ORIGINS: "${origin}" is not an origin like https://example.org (or *)`);
      }
    }
    await app.register(cors, {
      origin: origins.includes('*') ? '*' : [...origins],
      methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'x-api-key', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    });
  },
  { name: 'cors', fastify: '5.x' },
);
