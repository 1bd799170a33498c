import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../../errors.ts';
import { getEntity, neighbors, searchEntities } from '../../../queries/entities.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { EntityDetail, EntityParams, EntitySearchQuery, EntitySearchResult, Neighbors, NeighborsQuery } from './schemas.ts';

const entities: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['entities'],
        summary: 'Typeahead over entity names and aliases (full-text, plus prefix/contains for short input)',
        querystring: EntitySearchQuery,
        response: { 200: EntitySearchResult, ...errorResponses },
      },
    },
    async (request) => searchEntities(app.graph, request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'One entity (by id, or an exact name/alias): its properties and relationship counts by type',
        params: EntityParams,
        response: { 200: EntityDetail, ...errorResponses },
      },
    },
    async (request) => {
      const entity = await getEntity(app.graph, request.params.id);
      if (!entity) throw new NotFoundError(`no entity with id, name or alias "${request.params.id}"`);
      return entity;
    },
  );

  app.get(
    '/:id/neighbors',
    {
      schema: {
        tags: ['graph'],
        summary: 'Neighbourhood of an entity (1..3 hops over fact relationships), parallel facts folded into edges with evidence',
        params: EntityParams,
        querystring: NeighborsQuery,
        response: { 200: Neighbors, ...errorResponses },
      },
    },
    async (request) => {
      const result = await neighbors(app.graph, request.params.id, request.query);
      if (!result) throw new NotFoundError(`no entity with id, name or alias "${request.params.id}"`);
      return result;
    },
  );
};

export default entities;
