import fp from 'fastify-plugin';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.ts';
import type { Graph } from '../queries/read-transaction.ts';

declare module 'fastify' {
  interface FastifyInstance {
    graph: Graph;
  }
}

/** How long the API waits for Neo4j, so an outage answers 503 in seconds instead of hanging. */
export interface GraphTimeouts {
  /** Connecting and getting a pooled connection (ms). */
  readonly connectMs: number;
  /** Transaction timeout of API queries (ms). */
  readonly queryMs: number;
  /** How long the driver keeps retrying a transient failure (ms). */
  readonly retryMs: number;
}

export const DEFAULT_GRAPH_TIMEOUTS: GraphTimeouts = { connectMs: 3000, queryMs: 5000, retryMs: 1000 };

/**
 * The server's driver: short connect/acquisition timeouts and little retrying, so requests
 * fail fast with 503 while Neo4j is down; the pool reconnects by itself when it is back.
 */
export function createServerDriver(config: Neo4jConfig, timeouts: GraphTimeouts = DEFAULT_GRAPH_TIMEOUTS): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    connectionTimeout: timeouts.connectMs,
    connectionAcquisitionTimeout: timeouts.connectMs,
    maxTransactionRetryTime: timeouts.retryMs,
    disableLosslessIntegers: true,
    userAgent: 'jp-incident-graph-server',
  });
}

export interface Neo4jPluginOptions {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly queryTimeoutMs: number;
  /** Close the driver when the app closes (true when the app created it). */
  readonly ownsDriver: boolean;
}

export default fp<Neo4jPluginOptions>(
  async (app, options) => {
    app.decorate('graph', { driver: options.driver, database: options.database, queryTimeoutMs: options.queryTimeoutMs });
    if (options.ownsDriver) app.addHook('onClose', async () => options.driver.close());
  },
  { name: 'neo4j', fastify: '5.x' },
);

/** Whether Neo4j answers a trivial query within `timeoutMs`; the reason when not. */
export async function probeGraph(graph: Graph, timeoutMs: number): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ ok: false; reason: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `Neo4j did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  const probe = session
    .run('RETURN 1 AS ok', {}, { timeout: timeoutMs })
    .then(() => ({ ok: true as const }))
    .catch((error: unknown) => ({ ok: false as const, reason: `Neo4j is unreachable: ${(error as Error).message.split('\n')[0]?.slice(0, 200)}` }));
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}
