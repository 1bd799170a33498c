import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT, type Config } from '../config.ts';
import type { Embedder } from '../ingest/embed/embedder.ts';
import corsPlugin from './plugins/cors.ts';
import embedderPlugin from './plugins/embedder.ts';
import errorHandler from './plugins/error-handler.ts';
import ingestJobsPlugin from './plugins/ingest-jobs.ts';
import neo4jPlugin, { createServerDriver, DEFAULT_GRAPH_TIMEOUTS, type GraphTimeouts } from './plugins/neo4j.ts';
import swaggerPlugin from './plugins/swagger.ts';
import webAppPlugin from './plugins/web-app.ts';
import actorRoutes from './routes/api/actors/index.ts';
import cypherRoutes from './routes/api/cypher/index.ts';
import entityRoutes from './routes/api/entities/index.ts';
import exportRoutes from './routes/api/export/index.ts';
import incidentRoutes from './routes/api/incidents/index.ts';
import ingestRoutes from './routes/api/ingest/index.ts';
import jobRoutes from './routes/api/jobs/index.ts';
import pathRoutes from './routes/api/paths/index.ts';
import searchRoutes from './routes/api/search/index.ts';
import statsRoutes from './routes/api/stats/index.ts';
import healthRoutes from './routes/health/index.ts';

export interface AppOptions {
  readonly config: Config;
  /** A driver to use (the caller keeps ownership); by default the app creates one with server timeouts and closes it. */
  readonly driver?: Driver;
  /** The loaded embedding model, or null/absent when it is not installed. */
  readonly embedder?: Embedder | null;
  /** Pino options (or false for none); by default JSON lines at config.server.logLevel. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly timeouts?: GraphTimeouts;
  /** The built web app; default `<project>/web/dist`. */
  readonly webDist?: string;
}

/** Headers that never reach a log line. */
export const REDACTED_HEADERS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'];

/** Pino options for the server: JSON lines with request ids, secrets redacted. */
export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.server.logLevel,
    redact: { paths: REDACTED_HEADERS, censor: '[redacted]' },
    serializers: {
      req(request) {
        return {
          method: request.method,
          url: request.url,
          remoteAddress: request.ip,
          headers: { ...request.headers },
        };
      },
    },
  };
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Builds the whole app without listening: plugins first, then the routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const timeouts = options.timeouts ?? DEFAULT_GRAPH_TIMEOUTS;
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    // A caller's x-request-id is kept when it is well-formed, so logs of both sides line up.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const driver = options.driver ?? createServerDriver(config.neo4j, timeouts);
  await app.register(errorHandler);
  await app.register(corsPlugin, { origins: config.server.corsOrigins });
  await app.register(swaggerPlugin);
  await app.register(neo4jPlugin, { driver, database: config.neo4j.database, queryTimeoutMs: timeouts.queryMs, ownsDriver: !options.driver });
  await app.register(embedderPlugin, { embedder: options.embedder ?? null });
  await app.register(ingestJobsPlugin, { config, root: PROJECT_ROOT });

  await app.register(healthRoutes);
  await app.register(incidentRoutes, { prefix: '/api/incidents' });
  await app.register(actorRoutes, { prefix: '/api/actors' });
  await app.register(entityRoutes, { prefix: '/api/entities' });
  await app.register(pathRoutes, { prefix: '/api/paths' });
  await app.register(statsRoutes, { prefix: '/api/stats' });
  await app.register(searchRoutes, { prefix: '/api/search' });
  await app.register(cypherRoutes, { prefix: '/api/cypher' });
  await app.register(ingestRoutes, { prefix: '/api/ingest', config });
  await app.register(jobRoutes, { prefix: '/api/jobs' });
  await app.register(exportRoutes, { prefix: '/api/export' });
  await app.register(webAppPlugin, { root: options.webDist ?? path.join(PROJECT_ROOT, 'web', 'dist') });
  return app;
}
