import fp from 'fastify-plugin';
import { toErrorResponse } from '../error-response.ts';

/**
 * The only error handler: every failure becomes `{ error: { code, message, details? } }`
 * with the request id. 5xx answers carry no internals; their cause is logged in full.
 * Also answers unknown routes with the same body shape.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const { status, body, serverFault } = toErrorResponse(error);
      if (serverFault) request.log.error({ err: error, code: body.error.code }, 'request failed');
      else request.log.info({ code: body.error.code, message: body.error.message }, 'request refused');
      return reply.status(status).send({ error: { ...body.error, requestId: request.id } });
    });
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({ error: { code: 'KG_NOT_FOUND', message: `no route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id } }),
    );
  },
  { name: 'error-handler', fastify: '5.x' },
);
