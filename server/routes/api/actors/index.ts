import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../../errors.ts';
import { actorVictims } from '../../../queries/actors.ts';
import { errorResponses } from '../../../schemas/error-body.ts';
import { ActorParams, ActorVictims } from './schemas.ts';

const actors: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/victims',
    {
      schema: {
        tags: ['actors'],
        summary: 'Victims of a threat actor (by id or alias) and the organizations hit downstream, with evidence',
        params: ActorParams,
        response: { 200: ActorVictims, ...errorResponses },
      },
    },
    async (request) => {
      const result = await actorVictims(app.graph, request.params.id);
      if (!result) throw new NotFoundError(`no threat actor with id or alias "${request.params.id}"`);
      return result;
    },
  );
};

export default actors;
