import type { Driver } from 'neo4j-driver';
import { Label } from '../../graph-schema/labels.ts';
import type { Embedder } from '../../ingest/embed/embedder.ts';
import { loadTokenizer, type JapaneseTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';
import { search as hybridSearch, SearchInputError, SearchUnavailableError, type SearchResult } from '../search/search.ts';
import { InvalidRequestError, SearchUnavailableApiError } from '../errors.ts';
import type { SearchHit, SearchMode, SearchResponse } from '../routes/api/search/schemas.ts';

/**
 * The HTTP shape of a search: one hit per result (an incident with all its reports, or a
 * lone document), its best passages with highlights, the entities they mention and the
 * per-signal scores. The ranking itself is server/search/search.ts (vector + full-text, RRF).
 */
export interface SearchFilters {
  readonly types?: readonly string[];
  readonly org?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface SearchOptions {
  readonly k: number;
  readonly mode: SearchMode;
  readonly filters: SearchFilters;
  readonly database?: string | undefined;
}

let tokenizer: Promise<JapaneseTokenizer> | null = null;

const DETAILS = `
CALL {
  UNWIND $docIds AS id
  MATCH (d:${Label.Document} {id: id})
  RETURN collect({id: d.id, url: d.url, publisher: d.publisher}) AS documents
}
CALL {
  UNWIND $incidentIds AS id
  MATCH (i:${Label.Incident} {id: id})
  RETURN collect({id: i.id, name: i.name, title: i.title}) AS incidents
}
RETURN documents, incidents`;

export async function search(driver: Driver, embedder: Embedder | null, query: string, options: SearchOptions): Promise<SearchResponse> {
  tokenizer ??= loadTokenizer();
  const types = options.filters.types?.length ? (options.filters.types as SearchHit['entities'][number]['label'][]) : undefined;
  const response = await hybridSearch(driver, { embedder, tokenizer: await tokenizer, database: options.database }, query, {
    k: options.k,
    mode: options.mode,
    filters: { types, org: options.filters.org, from: options.filters.from, to: options.filters.to },
  }).catch((error: unknown) => {
    if (error instanceof SearchInputError) throw new InvalidRequestError(error.message);
    if (error instanceof SearchUnavailableError) throw new SearchUnavailableApiError(error.message);
    throw error;
  });
  const docIds = [...new Set(response.results.flatMap((r) => r.documents.map((d) => d.id)))];
  const incidentIds = response.results.filter((r) => r.kind === 'incident').map((r) => r.id);
  const details = (await driver.executeQuery(DETAILS, { docIds, incidentIds }, { database: options.database, routing: 'READ' })).records[0]!;
  const extra = new Map((details.get('documents') as Array<{ id: string; url: string | null; publisher: string | null }>).map((d) => [d.id, { url: d.url, publisher: d.publisher }]));
  const incidents = new Map((details.get('incidents') as Array<{ id: string; name: string | null; title: string | null }>).map((i) => [i.id, i]));
  const notes = [...(response.notes ?? [])];
  const modeUsed: SearchMode = options.mode === 'hybrid' && !embedder ? 'lexical' : options.mode;
  return {
    query,
    mode: options.mode,
    modeUsed,
    k: options.k,
    warnings: notes,
    results: response.results.map((result, index) => toHit(result, index + 1, extra, incidents)),
  };
}

function toHit(
  result: SearchResult,
  rank: number,
  extra: Map<string, { url: string | null; publisher: string | null }>,
  incidents: Map<string, { id: string; name: string | null; title: string | null }>,
): SearchHit {
  const documents = result.documents.map((d) => ({ id: d.id, title: d.title, publishedAt: d.publishedAt, source: d.source, ...(extra.get(d.id) ?? { url: null, publisher: null }) }));
  const best = result.bestChunks[0];
  const lead = documents.find((d) => d.id === best?.docId) ?? documents[0]!;
  const matchedBy = [...(result.signals.lexical ? (['lexical'] as const) : []), ...(result.signals.vector ? (['vector'] as const) : [])];
  return {
    rank,
    score: result.score,
    document: lead,
    documents,
    incident: result.kind === 'incident' ? (incidents.get(result.id) ?? { id: result.id, name: null, title: result.title }) : null,
    passages: result.bestChunks.map((c) => ({
      chunkId: c.chunkId,
      ord: Number(c.chunkId.split('#c')[1] ?? NaN) || 0,
      text: c.text,
      start: c.start,
      end: c.end,
      score: c.score,
      highlights: c.highlights.map((h) => ({ start: h.start, end: h.end })),
      matchedBy: [...matchedBy],
    })),
    signals: result.signals,
    entities: result.entities.map((e) => ({ id: e.id, label: e.label, name: e.name })),
  };
}
