/**
 * Semantic search over chunks: a vector signal (e5 embeddings, `chunk_embedding`), a lexical
 * signal (BM25 over a full-text index) and, in hybrid mode, their reciprocal rank fusion.
 * Chunks are grouped into results by document, and documents that report the same incident
 * into one incident result; each result carries its best chunks with highlighted spans and
 * the entities those chunks mention.
 */
import neo4j, { type Driver, type QueryResult } from 'neo4j-driver';
import { ENTITY_LABELS, type EntityLabel } from '../../graph-schema/labels.ts';
import type { Embedder } from '../../ingest/embed/embedder.ts';
import { normalizeText } from '../../ingest/normalize/normalize-text.ts';
import { tokenize, type JapaneseTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';
import { searchTokens } from '../../ingest/tokenize/search-tokens.ts';
import { fuseAndGroup, type ChunkHit, type HitGroup, type SignalHits } from './group-hits.ts';
import { highlightSpans, highlightTerms, type Span } from './highlight.ts';
import { cjkContentQuery, cjkTextQuery, tokensQuery } from './lucene-query.ts';
import { filterPredicate, hasFilters, type ResolvedFilters } from './search-filters.ts';
import { MAX_QUERY_CHARS, SearchOptions, type LexicalSignal, type ParsedSearchOptions, type SearchMode } from './search-options.ts';
import * as q from './search-queries.ts';

/**
 * The lexical signal per mode, both on the CJK-bigram index, which beat kuromoji tokens on the
 * whitespace index on the 37 judged queries (bench/search-eval.ts; lexical MRR 0.581 and
 * 0.527 vs 0.503). Alone, the whole query text ranks best (MRR 0.581 vs 0.527 for content
 * words); fused with the vector signal, which already carries the meaning, the content words
 * are the better partner (hybrid recall@5 0.615 vs 0.577, recall@10 0.724 vs 0.705, MRR
 * 0.656 vs 0.647): their bigrams are the precise part of the query.
 */
export const DEFAULT_LEXICAL_SIGNAL: Readonly<Record<'lexical' | 'hybrid', LexicalSignal>> = { lexical: 'cjk-text', hybrid: 'cjk-content' };
/** Best chunks shown per result. */
export const BEST_CHUNKS_PER_RESULT = 3;

export interface SearchDeps {
  /** null: no embedding model; hybrid falls back to lexical, vector mode is unavailable. */
  readonly embedder: Embedder | null;
  readonly tokenizer: JapaneseTokenizer;
  readonly database?: string | undefined;
}

export interface SignalScore {
  readonly rank: number;
  readonly score: number;
}

export interface SearchDocument {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly publishedAt: string | null;
}

export interface SearchChunk {
  readonly chunkId: string;
  readonly docId: string;
  readonly text: string;
  /** Offsets of the chunk in its document's normalised text. */
  readonly start: number;
  readonly end: number;
  /** Query terms in the chunk, as offsets within `text`. */
  readonly highlights: readonly Span[];
  readonly score: number;
}

export interface SearchEntity {
  readonly id: string;
  readonly label: EntityLabel;
  readonly name: string;
}

export interface SearchResult {
  readonly kind: 'incident' | 'document';
  readonly id: string;
  readonly title: string;
  /** Hybrid: the fused (RRF) score; vector/lexical: that signal's score of the best chunk. */
  readonly score: number;
  readonly signals: { readonly vector?: SignalScore; readonly lexical?: SignalScore; readonly fused: number };
  readonly documents: readonly SearchDocument[];
  readonly bestChunks: readonly SearchChunk[];
  readonly entities: readonly SearchEntity[];
}

export interface SearchTimings {
  totalMs: number;
  embedMs?: number;
  vectorMs?: number;
  lexicalMs?: number;
  hydrateMs?: number;
}

export interface SearchResponse {
  readonly query: string;
  readonly mode: SearchMode;
  readonly results: readonly SearchResult[];
  readonly timings: SearchTimings;
  /** Why the search did less than asked (e.g. no embedding model, so hybrid ran lexical only). */
  readonly notes?: readonly string[];
}

/** The search input is unusable (bad k, mode, filters or an over-long query). */
export class SearchInputError extends Error {
  override name = 'SearchInputError';
  readonly code = 'KG_INVALID_QUERY';
}

/** Vector search was asked for but no embedding model is loaded. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
  readonly code = 'KG_SEARCH_UNAVAILABLE';
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function search(driver: Driver, deps: SearchDeps, query: string, options: SearchOptions): Promise<SearchResponse> {
  const started = performance.now();
  const parsed = SearchOptions.safeParse(options);
  if (!parsed.success) throw new SearchInputError(`invalid search options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'} ${i.message}`).join('; ')}`);
  const opts = parsed.data;
  if (query.length > MAX_QUERY_CHARS * 4) throw new SearchInputError(`query is longer than ${MAX_QUERY_CHARS} characters`);
  const text = normalizeText(query).replace(/\s+/g, ' ').trim();
  if (text.length > MAX_QUERY_CHARS) throw new SearchInputError(`query is longer than ${MAX_QUERY_CHARS} characters`);

  const notes: string[] = [];
  const timings: SearchTimings = { totalMs: 0 };
  const done = (results: SearchResult[]): SearchResponse => {
    timings.totalMs = round(performance.now() - started);
    return { query, mode: opts.mode, results, timings, ...(notes.length > 0 ? { notes } : {}) };
  };
  if (opts.mode === 'vector' && !deps.embedder) throw new SearchUnavailableError('vector search needs the embedding model, which is not loaded');
  if (text === '') return done([]);

  // Tokenized once: base forms for the token index and highlights, surfaces for the CJK index.
  const queryTokenList = tokenize(deps.tokenizer, text);
  const forms = searchTokens(queryTokenList);
  const tokens = forms === '' ? [] : [...new Set(forms.split(' '))];
  const filters = await resolveFilters(driver, deps.database, opts);
  if (!filters) return done([]);
  const { predicate, params } = filterPredicate(filters);
  const n = opts.candidates ?? Math.min(2000, Math.max(100, opts.k * 10) * (hasFilters(filters) ? 4 : 1));

  const useVector = opts.mode !== 'lexical' && deps.embedder !== null;
  const useLexical = opts.mode !== 'vector';
  if (opts.mode === 'hybrid' && !deps.embedder) notes.push('no embedding model is loaded: lexical results only');

  const read = { database: deps.database, routing: neo4j.routing.READ };
  const vectorSignal = async (): Promise<ChunkHit[]> => {
    const t0 = performance.now();
    const embedding = await deps.embedder!.embedQuery(text);
    const t1 = performance.now();
    timings.embedMs = round(t1 - t0);
    const result = await driver.executeQuery(q.vectorCandidates(predicate), { ...params, n, embedding }, read);
    timings.vectorMs = round(performance.now() - t1);
    return result.records.map(toHit);
  };
  const lexicalSignal = async (): Promise<ChunkHit[]> => {
    const signal = opts.lexical ?? DEFAULT_LEXICAL_SIGNAL[opts.mode === 'lexical' ? 'lexical' : 'hybrid'];
    const lucene = signal === 'cjk-content' ? cjkContentQuery(queryTokenList, text) : signal === 'cjk-text' ? cjkTextQuery(text) : tokensQuery(tokens);
    if (lucene === null) return [];
    const t0 = performance.now();
    const result = await driver.executeQuery(q.fulltextCandidates(predicate), { ...params, n, index: q.LEXICAL_INDEX_NAME[signal], query: lucene }, read);
    timings.lexicalMs = round(performance.now() - t0);
    return result.records.map(toHit);
  };

  const [vectorHits, lexicalHits] = await Promise.all([useVector ? vectorSignal() : null, useLexical ? lexicalSignal() : null]);
  const fusion = opts.fusion ?? {};
  const signals: SignalHits[] = [];
  if (vectorHits) signals.push({ name: 'vector', hits: vectorHits, weight: fusion.vectorWeight ?? 1 });
  if (lexicalHits) signals.push({ name: 'lexical', hits: lexicalHits, weight: fusion.lexicalWeight ?? 1 });
  const groups = fuseAndGroup(signals, { k: fusion.k ?? 60, level: fusion.level ?? 'group' }).slice(0, opts.k);
  if (groups.length === 0) return done([]);

  const t0 = performance.now();
  const results = await hydrate(driver, deps.database, groups, highlightTerms(tokens), opts);
  timings.hydrateMs = round(performance.now() - t0);
  return done(results);
}

function toHit(record: { get(key: string): unknown }): ChunkHit {
  return {
    chunkId: record.get('chunkId') as string,
    docId: record.get('docId') as string,
    incidentId: (record.get('incidentId') as string | null) ?? null,
    score: Number(record.get('score')),
  };
}

/** Filters with the organization resolved to ids; null when the organization matches nothing. */
async function resolveFilters(driver: Driver, database: string | undefined, opts: ParsedSearchOptions): Promise<ResolvedFilters | null> {
  const { types, org, from, to } = opts.filters;
  if (org === undefined) return { types, from, to };
  const name = normalizeText(org).trim();
  const result = await driver.executeQuery(q.RESOLVE_ORGANIZATION, { org: name }, { database, routing: neo4j.routing.READ });
  const orgIds = result.records.map((r) => r.get('id') as string);
  return orgIds.length === 0 ? null : { types, orgIds, from, to };
}

interface ChunkRow {
  chunkId: string;
  docId: string;
  text: string;
  start: number;
  end: number;
  entities: { id: string; name: string; labels: string[] }[];
}

const ENTITY_LABEL_SET: ReadonlySet<string> = new Set(ENTITY_LABELS);

/** Documents, best chunks (with highlights) and mentioned entities for the chosen results. */
async function hydrate(driver: Driver, database: string | undefined, groups: readonly HitGroup[], terms: readonly string[], opts: ParsedSearchOptions): Promise<SearchResult[]> {
  const incidentIds = groups.filter((g) => g.kind === 'incident').map((g) => g.id);
  const docIds = groups.filter((g) => g.kind === 'document').map((g) => g.id);
  const chunkIds = groups.flatMap((g) => g.chunks.slice(0, BEST_CHUNKS_PER_RESULT).map((c) => c.chunkId));

  const session = driver.session({ database, defaultAccessMode: 'READ' });
  let incidents: QueryResult, documents: QueryResult, chunks: QueryResult;
  try {
    [incidents, documents, chunks] = await session.executeRead(async (tx): Promise<[QueryResult, QueryResult, QueryResult]> => [
      await tx.run(q.INCIDENT_DOCUMENTS, { ids: incidentIds }),
      await tx.run(q.DOCUMENTS, { ids: docIds }),
      await tx.run(q.CHUNKS_WITH_MENTIONS, { ids: chunkIds }),
    ]);
  } finally {
    await session.close();
  }
  const groupInfo = new Map<string, { title: string; documents: SearchDocument[] }>();
  for (const r of incidents.records) groupInfo.set(`incident:${r.get('id')}`, { title: r.get('title') ?? '', documents: r.get('documents') as SearchDocument[] });
  for (const r of documents.records) groupInfo.set(`document:${r.get('id')}`, { title: r.get('title') ?? '', documents: [r.get('document') as SearchDocument] });
  const chunkRows = new Map<string, ChunkRow>();
  for (const r of chunks.records) chunkRows.set(r.get('chunkId') as string, r.toObject() as unknown as ChunkRow);

  return groups.map((group): SearchResult => {
    const info = groupInfo.get(`${group.kind}:${group.id}`) ?? { title: '', documents: [] };
    const entities = new Map<string, SearchEntity>();
    const bestChunks: SearchChunk[] = [];
    for (const chunk of group.chunks.slice(0, BEST_CHUNKS_PER_RESULT)) {
      const row = chunkRows.get(chunk.chunkId);
      if (!row) continue;
      for (const e of row.entities) {
        const label = e.labels.find((l) => ENTITY_LABEL_SET.has(l)) as EntityLabel | undefined;
        if (label && !entities.has(e.id)) entities.set(e.id, { id: e.id, label, name: e.name });
      }
      bestChunks.push({
        chunkId: row.chunkId,
        docId: row.docId,
        text: row.text,
        start: Number(row.start),
        end: Number(row.end),
        highlights: highlightSpans(row.text, terms),
        score: opts.mode === 'hybrid' ? chunk.fused : (chunk.signals[opts.mode]?.score ?? chunk.fused),
      });
    }
    const vector = group.signals.vector;
    const lexical = group.signals.lexical;
    return {
      kind: group.kind,
      id: group.id,
      title: info.title,
      score: opts.mode === 'hybrid' ? group.fused : (group.signals[opts.mode]?.score ?? group.fused),
      signals: { ...(vector ? { vector } : {}), ...(lexical ? { lexical } : {}), fused: group.fused },
      documents: info.documents,
      bestChunks,
      entities: [...entities.values()],
    };
  });
}
