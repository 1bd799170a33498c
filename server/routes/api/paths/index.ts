import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findPaths } from '../../../queries/paths.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { Paths, PathsQuery } from './schemas.ts';

const paths: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['graph'],
        summary: 'Shortest paths between two entities over fact relationships, each edge with its evidence',
        querystring: PathsQuery,
        response: { 200: Paths, ...errorResponses },
      },
    },
    async (request) => findPaths(app.graph, request.query),
  );
};

export default paths;
