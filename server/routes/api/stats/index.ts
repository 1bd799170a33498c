import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { graphStats } from '../../../queries/stats.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { Stats } from './schemas.ts';

const stats: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { schema: { tags: ['graph'], summary: 'Node counts per label, relationship counts per type', response: { 200: Stats, ...errorResponses } } },
    async () => graphStats(app.graph),
  );
};

export default stats;
