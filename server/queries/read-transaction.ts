import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

/** What every query function needs: the one driver, the database name and the time budget. */
export interface Graph {
  readonly driver: Driver;
  readonly database: string | undefined;
  /** Transaction timeout for API queries (ms): a query never keeps a request waiting longer. */
  readonly queryTimeoutMs: number;
}

/**
 * Runs `work` in a read transaction with the API's timeout. `executeRead` may re-run the
 * work on a transient failure, so work must not have side effects outside the transaction.
 */
export async function readTransaction<T>(graph: Graph, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = graph.queryTimeoutMs): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(work, { timeout: timeoutMs });
  } finally {
    await session.close();
  }
}
