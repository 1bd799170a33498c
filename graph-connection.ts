import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import type { Neo4jConfig } from './config.ts';

/** Neo4j could not be used; the message names the cause and the fix, on one line. */
export class GraphUnavailableError extends Error {
  override name = 'GraphUnavailableError';
}

export function describeConnectionFailure(config: Neo4jConfig, error: unknown): string {
  const code = error instanceof Neo4jError ? error.code : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Neo.ClientError.Security.Unauthorized' || /authentication failure|unauthorized/i.test(message)) {
    return `Neo4j at ${config.uri} rejected user "${config.user}": wrong NEO4J_USER or NEO4J_PASSWORD`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound' || /database does not exist/i.test(message)) {
    return `Neo4j at ${config.uri} has no database "${config.database ?? 'neo4j'}": check NEO4J_DATABASE`;
  }
  const fix = config.local
    ? 'start it with `npm run neo4j:start`, or set NEO4J_URI to another Neo4j'
    : 'check that NEO4J_URI points at a running Neo4j';
  const cause = message.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
  return `Neo4j is unreachable at ${config.uri} (${cause}): ${fix}`;
}

export function createDriver(config: Neo4jConfig): Driver {
  try {
    return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs,
      maxTransactionRetryTime: config.connectTimeoutMs,
      disableLosslessIntegers: true,
      userAgent: 'jp-incident-graph',
    });
  } catch (error) {
    throw new GraphUnavailableError(`invalid NEO4J_URI "${config.uri}": ${(error as Error).message}`);
  }
}

/**
 * A driver that is known to answer: fails within the connect timeout (plus a margin)
 * with a GraphUnavailableError instead of hanging or printing a stack trace.
 */
export async function connectGraph(config: Neo4jConfig): Promise<Driver> {
  const driver = createDriver(config);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${config.connectTimeoutMs} ms`)), config.connectTimeoutMs + 1000);
  });
  try {
    await Promise.race([driver.verifyAuthentication({ database: config.database }).then((ok) => {
      if (!ok) throw new Neo4jError('authentication failure', 'Neo.ClientError.Security.Unauthorized', '', '');
    }), deadline]);
    return driver;
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw new GraphUnavailableError(describeConnectionFailure(config, error));
  } finally {
    clearTimeout(timer);
  }
}

/** Session options every caller uses, so NEO4J_DATABASE is honoured everywhere. */
export const sessionOptions = (config: Neo4jConfig, mode: 'READ' | 'WRITE' = 'WRITE') => ({
  database: config.database,
  defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
});
