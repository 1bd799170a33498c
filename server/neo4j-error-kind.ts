import { Neo4jError } from 'neo4j-driver';

/**
 * What a Neo4j failure means for the client:
 * - `unavailable`: the database cannot be reached (down, restarting, network) → 503
 * - `timeout`: the transaction ran past its time limit → 504
 * - `client`: Neo4j refused the statement (syntax, semantics, access mode) → 400 where the
 *   statement came from the user, a bug otherwise
 * - `other`: anything else → 500
 */
export type Neo4jErrorKind = 'unavailable' | 'timeout' | 'client' | 'other';

const CONNECTION_MESSAGE = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Connection acquisition timed out|Failed to connect|connection (was )?closed|Pool is closed|socket hang up/i;

export function neo4jErrorKind(error: unknown): Neo4jErrorKind | null {
  if (!(error instanceof Neo4jError)) return null;
  const code = error.code ?? '';
  if (/TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed.*timeout/i.test(code) || /has been terminated|timed out after/i.test(error.message) && /Transaction/.test(code)) {
    return 'timeout';
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) return 'unavailable';
  if (CONNECTION_MESSAGE.test(error.message)) return 'unavailable';
  if (code.startsWith('Neo.ClientError.')) {
    return code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthorizationExpired' ? 'unavailable' : 'client';
  }
  if (code.startsWith('Neo.TransientError.')) return 'unavailable';
  return 'other';
}

/** The first line of a Neo4j message, short enough for a client. */
export function neo4jMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}
