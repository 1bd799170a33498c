import { z } from 'zod';
import { IsoDate, TextParam } from '../../../schemas/query-params.ts';
import { EntityLabel } from '../entities/schemas.ts';

export const SearchMode = z.enum(['hybrid', 'vector', 'lexical']);
export type SearchMode = z.infer<typeof SearchMode>;

export const SearchQuery = z
  .object({
    q: TextParam(500).meta({ description: 'what to look for, in Japanese or English', example: '委託先アカウント 侵入' }),
    k: z.coerce.number().int().min(1).max(50).default(10).meta({ description: 'documents returned (1..50)' }),
    mode: SearchMode.default('hybrid'),
    type: EntityLabel.optional().meta({ description: 'only passages that mention an entity of this label' }),
    org: TextParam(200).optional().meta({ description: 'only documents about this organization (victim or impacted, or mentioned)' }),
    from: IsoDate.optional().meta({ description: 'documents published on or after' }),
    to: IsoDate.optional().meta({ description: 'documents published on or before' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type SearchQuery = z.infer<typeof SearchQuery>;

/** A highlighted span, as UTF-16 offsets into the passage text (add `start` of the passage for Document.text). */
export const Highlight = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchPassage = z.object({
  chunkId: z.string(),
  ord: z.number().int().nullable(),
  text: z.string(),
  start: z.number().int().nullable().meta({ description: 'offset of the passage in Document.text' }),
  end: z.number().int().nullable(),
  score: z.number(),
  highlights: z.array(Highlight),
  /** Which retrievers found it: `lexical` (full-text), `vector` (embeddings). */
  matchedBy: z.array(z.enum(['lexical', 'vector'])),
});
export type SearchPassage = z.infer<typeof SearchPassage>;

export const SearchHit = z.object({
  rank: z.number().int(),
  score: z.number(),
  document: z.object({
    id: z.string(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    publisher: z.string().nullable(),
  }),
  incident: z.object({ id: z.string(), name: z.string().nullable(), title: z.string().nullable() }).nullable(),
  /** Every report of the result's incident (one entry for a lone document). */
  documents: z.array(z.object({ id: z.string(), title: z.string().nullable(), publishedAt: z.string().nullable(), url: z.string().nullable(), source: z.string().nullable(), publisher: z.string().nullable() })),
  passages: z.array(SearchPassage),
  /** Per-signal ranks and scores; `fused` is the reciprocal-rank-fusion score in hybrid mode. */
  signals: z.object({
    vector: z.object({ rank: z.number().int(), score: z.number() }).optional(),
    lexical: z.object({ rank: z.number().int(), score: z.number() }).optional(),
    fused: z.number(),
  }),
  /** Entities the best passages mention. */
  entities: z.array(z.object({ id: z.string(), label: EntityLabel, name: z.string() })),
});
export type SearchHit = z.infer<typeof SearchHit>;

/**
 * What `search()` in server/queries/search.ts returns, whatever the mode: results (incidents or documents) ranked
 * best first, each with its incident and its best passages, highlights as offsets.
 */
export const SearchResponse = z
  .object({
    query: z.string(),
    mode: SearchMode.meta({ description: 'the mode asked for' }),
    modeUsed: SearchMode.meta({ description: 'the mode that ran (lexical when no embedding model is loaded)' }),
    k: z.number().int(),
    warnings: z.array(z.string()),
    results: z.array(SearchHit),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;
