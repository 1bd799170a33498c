import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toStixBundle } from '../../../export/stix.ts';
import { exportGraph } from '../../../queries/export.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { ExportQuery, GraphExport, StixBundle } from './schemas.ts';

const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['export'],
        summary: 'Export the graph (capped at 5000 nodes), one incident, or an entity neighbourhood, as JSON or a STIX 2.1 bundle',
        querystring: ExportQuery,
        response: { 200: z.union([GraphExport, StixBundle]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const data = await exportGraph(app.graph, request.query);
      const scope = data.scope.id ? `${data.scope.kind}-${data.scope.id}` : data.scope.kind;
      const filename = `${scope.replace(/[^\w.-]+/g, '_')}.${request.query.format === 'stix' ? 'stix.json' : 'json'}`;
      reply.header('content-disposition', `inline; filename="${filename}"`);
      return request.query.format === 'stix' ? toStixBundle(data) : data;
    },
  );
};

export default exportRoutes;
