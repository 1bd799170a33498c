import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI built from the routes' zod schemas: the UI at /docs, the document at /docs/json. */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Japanese security-incident knowledge graph',
          description:
            'Incidents, actors, victims, controls and their evidence (document, sentence, character offsets) read from Japanese disclosures and news.',
          version: '0.1.0',
        },
        tags: [
          { name: 'incidents' }, { name: 'actors' }, { name: 'entities' }, { name: 'graph' }, { name: 'search' },
          { name: 'ingest' }, { name: 'export' }, { name: 'health' },
        ],
        components: {
          securitySchemes: { apiKey: { type: 'apiKey', name: 'x-api-key', in: 'header' } },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: false } });
  },
  { name: 'swagger', fastify: '5.x' },
);
