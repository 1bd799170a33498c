import createError from '@fastify/error';

/**
 * Every error the API answers with, in one list: a stable code (clients branch on it),
 * a message template and an HTTP status. The error handler turns any of these into
 * `{ error: { code, message, details? } }`.
 */
export const ApiErrors = {
  InvalidRequestError: createError<[string]>('KG_INVALID_REQUEST', 'invalid request: %s', 400),
  InvalidCypherError: createError<[string]>('KG_INVALID_CYPHER', 'the Cypher query was refused by Neo4j: %s', 400),
  CypherNotReadOnlyError: createError<[string]>('KG_CYPHER_NOT_READ_ONLY', 'only read-only Cypher is accepted: %s', 400),
  UnauthorizedError: createError<[string]>('KG_UNAUTHORIZED', '%s', 401),
  IngestDisabledError: createError('KG_INGEST_DISABLED', 'ingest over HTTP is disabled: set INGEST_API_KEY to enable it', 403),
  NotFoundError: createError<[string]>('KG_NOT_FOUND', '%s', 404),
  PayloadTooLargeError: createError<[string]>('KG_PAYLOAD_TOO_LARGE', '%s', 413),
  UnsupportedMediaTypeError: createError<[string]>('KG_UNSUPPORTED_MEDIA_TYPE', '%s', 415),
  InternalError: createError('KG_INTERNAL', 'internal error; the server log has the details (search for the request id)', 500),
  GraphUnavailableError: createError<[string]>('KG_GRAPH_UNAVAILABLE', 'the graph database is unavailable: %s', 503),
  NotReadyError: createError<[string]>('KG_NOT_READY', 'not ready: %s', 503),
  SearchUnavailableApiError: createError<[string]>('KG_SEARCH_UNAVAILABLE', 'search mode unavailable: %s', 503),
  QueryTimeoutError: createError<[number]>('KG_QUERY_TIMEOUT', 'the query did not finish within %d ms', 504),
} as const;

export const {
  InvalidRequestError,
  InvalidCypherError,
  CypherNotReadOnlyError,
  UnauthorizedError,
  IngestDisabledError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  InternalError,
  GraphUnavailableError,
  NotReadyError,
  SearchUnavailableApiError,
  QueryTimeoutError,
} = ApiErrors;

export type ApiErrorCode = 'KG_INVALID_REQUEST' | 'KG_INVALID_CYPHER' | 'KG_CYPHER_NOT_READ_ONLY' | 'KG_UNAUTHORIZED' | 'KG_INGEST_DISABLED'
  | 'KG_NOT_FOUND' | 'KG_PAYLOAD_TOO_LARGE' | 'KG_UNSUPPORTED_MEDIA_TYPE' | 'KG_INTERNAL' | 'KG_GRAPH_UNAVAILABLE' | 'KG_SEARCH_UNAVAILABLE'
  | 'KG_NOT_READY' | 'KG_QUERY_TIMEOUT';

/** Our own errors carry a KG_ code; anything else is someone else's (Fastify, Neo4j, a bug). */
export function isApiError(error: unknown): error is Error & { code: ApiErrorCode; statusCode: number; details?: unknown } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('KG_');
}

/** Attaches machine-readable details (shown to the client) to an API error. */
export function withDetails<E extends Error>(error: E, details: unknown): E & { details: unknown } {
  return Object.assign(error, { details });
}
