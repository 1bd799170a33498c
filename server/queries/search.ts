import neo4j, { type Driver } from 'neo4j-driver';
import { INDEX } from '../../graph-schema/indexes.ts';
import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { Embedder } from '../../ingest/embed/embedder.ts';
import type { SearchHit, SearchMode, SearchPassage, SearchResponse } from '../routes/api/search/schemas.ts';
import { highlightSpans } from './highlight.ts';
import { luceneTerms } from './lucene.ts';
import { resolveOrganizations } from './resolve-entities.ts';

/**
 * Search over chunks, grouped by document (and its incident), best passages highlighted.
 *
 * FIRST VERSION: lexical only, over the `chunk_text_cjk` full-text index. `vector` and
 * `hybrid` fall back to lexical and say so in `modeUsed` and `warnings`; the vector
 * retriever and the fusion are added here later (issue 4) behind the same signature and
 * the same return shape (SearchResponse in routes/api/search/schemas.ts).
 */

export interface SearchFilters {
  /** Only passages that mention an entity with one of these labels. */
  readonly types?: readonly string[];
  /** Organization id, name or alias: documents whose incident hit it, or passages that mention it. */
  readonly org?: string;
  /** Documents published on or after / before (YYYY-MM-DD). */
  readonly from?: string;
  readonly to?: string;
}

export interface SearchOptions {
  readonly k: number;
  readonly mode: SearchMode;
  readonly filters: SearchFilters;
  readonly database?: string | undefined;
  /** Transaction timeout (ms). */
  readonly timeoutMs?: number;
  /** Passages kept per document. */
  readonly passagesPerDocument?: number;
}

/** Full-text chunk hits with their document and (first) incident, filtered. */
export const LEXICAL_CHUNKS = `
CALL db.index.fulltext.queryNodes('${INDEX.chunkFulltextCjk}', $lucene, {limit: $fetch}) YIELD node AS c, score
MATCH (d:${Label.Document})-[:${Rel.HAS_CHUNK}]->(c)
WHERE ($from IS NULL OR d.publishedAt >= $from)
  AND ($to IS NULL OR d.publishedAt <= $to)
  AND ($types IS NULL OR EXISTS { MATCH (c)-[:${Rel.MENTIONS}]->(e) WHERE any(l IN labels(e) WHERE l IN $types) })
  AND ($org IS NULL
       OR EXISTS { MATCH (d)-[:${Rel.REPORTS}]->(:${Label.Incident})-[:${Rel.VICTIM}|${Rel.IMPACTED}]->(o) WHERE o.id IN $org }
       OR EXISTS { MATCH (c)-[:${Rel.MENTIONS}]->(o) WHERE o.id IN $org })
CALL (d) {
  OPTIONAL MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident})
  RETURN i ORDER BY i.id LIMIT 1
}
RETURN c {.id, .ord, .text, .start, .end} AS chunk, score,
       d {.id, .title, .publishedAt, .url, .source, .publisher} AS document,
       CASE WHEN i IS NULL THEN NULL ELSE i {.id, .name, .title} END AS incident
ORDER BY score DESC`;

export async function search(driver: Driver, embedder: Embedder | null, query: string, options: SearchOptions): Promise<SearchResponse> {
  const warnings: string[] = [];
  if (options.mode !== 'lexical') {
    warnings.push(
      embedder
        ? `${options.mode} search is not available yet; lexical results are shown`
        : `${options.mode} search needs the embedding model, which is not loaded; lexical results are shown`,
    );
  }
  const base: SearchResponse = { query, mode: options.mode, modeUsed: 'lexical', k: options.k, warnings, results: [] };
  const lucene = luceneTerms(query);
  if (lucene.length === 0) return base;

  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  try {
    const rows = await session.executeRead(
      async (tx) => {
        const org = options.filters.org ? await resolveOrganizations(tx, options.filters.org) : null;
        if (org && org.length === 0) {
          warnings.push(`no organization is named "${options.filters.org}"`);
          return [];
        }
        const result = await tx.run(LEXICAL_CHUNKS, {
          lucene,
          fetch: neo4j.int(options.k * 8),
          from: options.filters.from ?? null,
          to: options.filters.to ?? null,
          types: options.filters.types && options.filters.types.length > 0 ? [...options.filters.types] : null,
          org,
        });
        return result.records.map((r) => ({
          chunk: r.get('chunk') as { id: string; ord: number | null; text: string; start: number | null; end: number | null },
          score: r.get('score') as number,
          document: r.get('document') as SearchHit['document'],
          incident: r.get('incident') as SearchHit['incident'],
        }));
      },
      { timeout: options.timeoutMs ?? 5000 },
    );
    return { ...base, results: groupByDocument(rows, query, options.k, options.passagesPerDocument ?? 3) };
  } finally {
    await session.close();
  }
}

interface ChunkRow {
  chunk: { id: string; ord: number | null; text: string; start: number | null; end: number | null };
  score: number;
  document: SearchHit['document'];
  incident: SearchHit['incident'];
}

/** Documents ranked by their best passage; each keeps its best few passages, highlighted. */
export function groupByDocument(rows: readonly ChunkRow[], query: string, k: number, perDocument: number): SearchHit[] {
  const byDoc = new Map<string, { document: SearchHit['document']; incident: SearchHit['incident']; best: number; passages: SearchPassage[] }>();
  for (const row of rows) {
    const entry = byDoc.get(row.document.id) ?? { document: normalizeDocument(row.document), incident: row.incident ?? null, best: 0, passages: [] };
    entry.best = Math.max(entry.best, row.score);
    if (entry.passages.length < perDocument) {
      entry.passages.push({
        chunkId: row.chunk.id,
        ord: row.chunk.ord ?? null,
        text: row.chunk.text,
        start: row.chunk.start ?? null,
        end: row.chunk.end ?? null,
        score: row.score,
        highlights: highlightSpans(row.chunk.text, query),
        matchedBy: ['lexical'],
      });
    }
    byDoc.set(row.document.id, entry);
  }
  return [...byDoc.values()]
    .sort((a, b) => b.best - a.best || a.document.id.localeCompare(b.document.id))
    .slice(0, k)
    .map((entry, index) => ({ rank: index + 1, score: entry.best, document: entry.document, incident: entry.incident, passages: entry.passages }));
}

function normalizeDocument(d: SearchHit['document']): SearchHit['document'] {
  return {
    id: d.id,
    title: d.title ?? null,
    publishedAt: d.publishedAt ?? null,
    url: d.url ?? null,
    source: d.source ?? null,
    publisher: d.publisher ?? null,
  };
}
