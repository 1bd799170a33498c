import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { search } from '../../../queries/search.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { SearchQuery, SearchResponse } from './schemas.ts';

const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary: 'Search passages (hybrid, vector or lexical), grouped by document and incident, with highlighted spans',
        querystring: SearchQuery,
        response: { 200: SearchResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { q, k, mode, type, org, from, to } = request.query;
      return search(app.graph.driver, app.embedder, q, {
        k,
        mode,
        filters: { types: type ? [type] : undefined, org, from, to },
        database: app.graph.database,
      });
    },
  );
};

export default searchRoutes;
