import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../../errors.ts';
import { getIncident, listIncidents } from '../../../queries/incidents.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { IncidentDetail, IncidentList, IncidentListQuery, IncidentParams } from './schemas.ts';

const incidents: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents, filtered by access vector, actor, malware, controls, organization and date',
        description: '`?accessVector=contractor-account` answers "which incidents involved contractor accounts". Every fact carries its evidence.',
        querystring: IncidentListQuery,
        response: { 200: IncidentList, ...errorResponses },
      },
    },
    async (request) => listIncidents(app.graph, request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['incidents'],
        summary: 'One incident: victim, timeline, actors, malware, vectors, techniques, controls, impact, breach and sources',
        params: IncidentParams,
        response: { 200: IncidentDetail, ...errorResponses },
      },
    },
    async (request) => {
      const incident = await getIncident(app.graph, request.params.id);
      if (!incident) throw new NotFoundError(`no incident with id "${request.params.id}"`);
      return incident;
    },
  );
};

export default incidents;
