/**
 * `npm start`: starts the project's Neo4j when no NEO4J_URI is set, migrates, loads the
 * embedding model when it is installed, serves the API and the graph browser, ingests the
 * seeds folder in the background (unchanged files are skipped by hash) and prints the URL.
 * SIGINT/SIGTERM close the server and the driver gracefully.
 */
import type { FastifyInstance } from 'fastify';
import { loadConfig, PROJECT_ROOT } from '../config.ts';
import { createEmbedder, missingModelFiles, modelFolder, MODEL_FETCH_COMMAND, type Embedder } from '../ingest/embed/embedder.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { GraphUnavailableError, describeConnectionFailure } from '../graph-connection.ts';
import { migrate } from '../graph-schema/migrate.ts';
import { runCli, UserFacingError } from '../run-cli.ts';
import { buildApp, loggerOptions } from './app.ts';
import { createServerDriver } from './plugins/neo4j.ts';

async function loadEmbedder(config: ReturnType<typeof loadConfig>): Promise<Embedder | null> {
  const { model, modelDir, offline, batchSize, dimensions } = config.embedding;
  if (offline && missingModelFiles(modelDir, model).length > 0) {
    console.warn(`server: embedding model not found in ${modelFolder(modelDir, model)}; serving without vector search (run \`${MODEL_FETCH_COMMAND}\` to add it)`);
    return null;
  }
  try {
    return await createEmbedder({ model, modelDir, offline, batchSize, dimensions });
  } catch (error) {
    console.warn(`server: embedding model could not be loaded (${(error as Error).message.split('\n')[0]}); serving without vector search`);
    return null;
  }
}

function prettyLogger(config: ReturnType<typeof loadConfig>) {
  const base = loggerOptions(config);
  if (!process.stdout.isTTY || typeof base !== 'object') return base;
  try {
    import.meta.resolve('pino-pretty');
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } };
  } catch {
    return base;
  }
}

runCli('server', async () => {
  const config = loadConfig();
  if (config.neo4j.local) {
    const { localNeo4jOptionsFromEnv, startLocalNeo4j } = await import('../scripts/neo4j/local-neo4j.ts');
    await startLocalNeo4j(localNeo4jOptionsFromEnv()).catch((error: unknown) => {
      throw new UserFacingError(`could not start the local Neo4j: ${(error as Error).message}`);
    });
  }

  const driver = createServerDriver(config.neo4j);
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
  } catch (error) {
    await driver.close();
    throw new GraphUnavailableError(describeConnectionFailure(config.neo4j, error));
  }

  const embedder = await loadEmbedder(config);
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, driver, embedder, logger: prettyLogger(config) });
  } catch (error) {
    await driver.close();
    throw error;
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app
      .close()
      .then(() => driver.close())
      .then(
        () => {
          if (config.neo4j.local) console.log('server: stopped (the local Neo4j keeps running; `npm run neo4j:stop` stops it)');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(`server: error while closing: ${(error as Error).message}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ host: config.server.host, port: config.server.port });
  const host = config.server.host === '0.0.0.0' || config.server.host === '::' ? 'localhost' : config.server.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.server.port;
  console.log(`server: listening on http://${host === '127.0.0.1' ? 'localhost' : host}:${port} (API docs at /docs)`);

  const seeds = app.ingestJobs.enqueue('seeds', 0, (deps, options) => ingestPaths([config.ingest.seedsDir], deps, { ...options, root: PROJECT_ROOT }));
  void app.ingestJobs.idle().then(() => {
    const job = app.ingestJobs.get(seeds.id);
    if (!job) return;
    if (job.status === 'done') {
      console.log(`server: seeds ${config.ingest.seedsDir}: ${job.loaded} loaded, ${job.unchanged} unchanged, ${job.failed.length} failed`);
    } else {
      console.warn(`server: ingesting the seeds failed: ${job.error ?? 'unknown error'} (job ${job.id})`);
    }
  });
  // Keep running until a signal arrives.
  await new Promise<void>(() => undefined);
});
