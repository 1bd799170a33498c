import type {
  ActorVictims,
  EntityDetail,
  EntitySearchResult,
  GraphExport,
  IncidentDetail,
  IncidentList,
  Neighbors,
  Paths,
  SearchMode,
  SearchResponse,
  Stats,
} from './api-types.ts';
import { CLIENT_ERROR_JA } from './ja-text.ts';

/**
 * A failed API call: the `{error: {code, message}}` body when the API sent one, otherwise
 * what could be learned (status text, a network failure).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

/** Query values; undefined ones are left out. */
type Query = Readonly<Record<string, string | number | undefined>>;

export interface ApiClient {
  stats(signal?: AbortSignal): Promise<Stats>;
  search(q: string, mode: SearchMode, k?: number, signal?: AbortSignal): Promise<SearchResponse>;
  findEntities(q: string, signal?: AbortSignal): Promise<EntitySearchResult>;
  entity(id: string, signal?: AbortSignal): Promise<EntityDetail>;
  neighbors(id: string, options?: { depth?: number; limit?: number }, signal?: AbortSignal): Promise<Neighbors>;
  paths(from: string, to: string, maxHops?: number, signal?: AbortSignal): Promise<Paths>;
  incidents(query: Query, signal?: AbortSignal): Promise<IncidentList>;
  incident(id: string, signal?: AbortSignal): Promise<IncidentDetail>;
  actorVictims(id: string, signal?: AbortSignal): Promise<ActorVictims>;
  exportGraph(signal?: AbortSignal): Promise<GraphExport>;
}

export function createApiClient(baseUrl = '', fetchImpl: typeof fetch = (input, init) => fetch(input, init)): ApiClient {
  async function get<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const url = `${baseUrl}${path}${params.size > 0 ? `?${params.toString()}` : ''}`;
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/json' }, signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', `${CLIENT_ERROR_JA.network} (${(error as Error).message})`);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (!response.ok) throw errorFrom(response, body, text);
    if (body === null) throw new ApiError(response.status, 'BAD_RESPONSE', CLIENT_ERROR_JA.badResponse);
    return body as T;
  }
  const seg = encodeURIComponent;
  return {
    stats: (signal) => get('/api/stats', {}, signal),
    search: (q, mode, k = 10, signal) => get('/api/search', { q, mode, k }, signal),
    findEntities: (q, signal) => get('/api/entities', { q, limit: 10 }, signal),
    entity: (id, signal) => get(`/api/entities/${seg(id)}`, {}, signal),
    neighbors: (id, options = {}, signal) => get(`/api/entities/${seg(id)}/neighbors`, { depth: options.depth, limit: options.limit }, signal),
    paths: (from, to, maxHops, signal) => get('/api/paths', { from, to, maxHops }, signal),
    incidents: (query, signal) => get('/api/incidents', query, signal),
    incident: (id, signal) => get(`/api/incidents/${seg(id)}`, {}, signal),
    actorVictims: (id, signal) => get(`/api/actors/${seg(id)}/victims`, {}, signal),
    exportGraph: (signal) => get('/api/export', { format: 'json' }, signal),
  };
}

function errorFrom(response: Response, body: unknown, text: string): ApiError {
  if (isRecord(body)) {
    const error = body.error;
    // The API's own shape: {error: {code, message, requestId}}.
    if (isRecord(error) && typeof error.message === 'string') {
      return new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
        error.message,
        typeof error.requestId === 'string' ? error.requestId : response.headers.get('x-request-id'),
      );
    }
    // Fastify's fallback shape: {statusCode, error: 'Bad Request', message}.
    if (typeof body.message === 'string') {
      return new ApiError(response.status, typeof error === 'string' ? error : `HTTP_${response.status}`, body.message, response.headers.get('x-request-id'));
    }
  }
  const snippet = text.trim().slice(0, 200);
  return new ApiError(response.status, `HTTP_${response.status}`, snippet || response.statusText || `HTTP ${response.status}`, response.headers.get('x-request-id'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
