import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runReadOnlyCypher } from '../../../queries/cypher.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { CypherRequest, CypherResult } from './schemas.ts';

/** Analysts' queries run longer than the API's own, but never unbounded. */
export const CYPHER_TIMEOUT_MS = 5000;

const cypher: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/',
    {
      schema: {
        tags: ['graph'],
        summary: 'Read-only Cypher: refused (400) unless EXPLAIN says it only reads; READ transaction, 5 s timeout, at most 1000 rows',
        body: CypherRequest,
        response: { 200: CypherResult, ...errorResponses },
      },
    },
    async (request) =>
      runReadOnlyCypher(app.graph.driver, request.body.query, request.body.params as Record<string, unknown>, {
        database: app.graph.database,
        timeoutMs: CYPHER_TIMEOUT_MS,
        limit: request.body.limit,
      }),
  );
};

export default cypher;
