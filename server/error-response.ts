import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from './schemas/error-body.ts';
import { isApiError, type ApiErrorCode } from './errors.ts';
import { neo4jErrorKind } from './neo4j-error-kind.ts';

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  /** True when the cause is ours (a bug or an outage) and belongs in the log with its stack. */
  readonly serverFault: boolean;
}

const GENERIC_500 = 'internal error; the server log has the details (search for the request id)';

const response = (status: number, code: ApiErrorCode, message: string, details?: unknown): ErrorResponse => ({
  status,
  body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  serverFault: status >= 500,
});

/**
 * Maps anything a handler, hook or Fastify itself threw to the status and body the client
 * sees. Pure: no logging, no reply. Messages of 5xx answers never carry internals.
 */
export function toErrorResponse(error: unknown): ErrorResponse {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as { validationContext?: string }).validationContext ?? 'request';
    const issues = error.validation.map((issue) => ({
      in: where,
      path: issue.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: issue.message ?? 'invalid',
    }));
    const summary = issues.map((i) => `${i.in}${i.path ? `.${i.path}` : ''}: ${i.message}`).join('; ');
    return response(400, 'KG_INVALID_REQUEST', `invalid request: ${summary}`, { issues });
  }
  if (isApiError(error)) {
    const status = error.statusCode ?? 500;
    return response(status, error.code, status >= 500 && error.code === 'KG_INTERNAL' ? GENERIC_500 : error.message, error.details);
  }
  const kind = neo4jErrorKind(error);
  if (kind === 'unavailable') {
    return response(503, 'KG_GRAPH_UNAVAILABLE', 'the graph database is unavailable; try again shortly');
  }
  if (kind === 'timeout') return response(504, 'KG_QUERY_TIMEOUT', 'the query took too long and was stopped');
  if (kind !== null) return response(500, 'KG_INTERNAL', GENERIC_500);

  const statusCode = typeof (error as { statusCode?: unknown })?.statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) {
    // Fastify's own client errors (bad JSON, body too large, wrong content type, multipart limits): their text is safe.
    const message = error instanceof Error ? error.message : 'invalid request';
    if (statusCode === 413) return response(413, 'KG_PAYLOAD_TOO_LARGE', message);
    if (statusCode === 415) return response(415, 'KG_UNSUPPORTED_MEDIA_TYPE', message);
    if (statusCode === 404) return response(404, 'KG_NOT_FOUND', message);
    return { ...response(statusCode, 'KG_INVALID_REQUEST', message), serverFault: false };
  }
  return response(500, 'KG_INTERNAL', GENERIC_500);
}
