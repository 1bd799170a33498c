/**
 * What a search takes: one zod schema per part, so the HTTP route can validate its query
 * string with the same definitions (and /docs shows them).
 */
import { z } from 'zod';
import { ENTITY_LABELS } from '../../graph-schema/labels.ts';

export const SEARCH_MODES = ['hybrid', 'vector', 'lexical'] as const;
export const SearchMode = z.enum(SEARCH_MODES);
export type SearchMode = z.infer<typeof SearchMode>;

/**
 * How the lexical signal queries which full-text index (bench/search-eval.ts compares them):
 * 'cjk-content': the query's content words, spelled as in the text, against the CJK-bigram
 * index `chunk_text_cjk`; 'cjk-text': the whole query text against the same index;
 * 'tokens': the query's kuromoji base forms against the whitespace index `chunk_tokens_ws`.
 */
export const LEXICAL_SIGNALS = ['cjk-content', 'cjk-text', 'tokens'] as const;
export const LexicalSignal = z.enum(LEXICAL_SIGNALS);
export type LexicalSignal = z.infer<typeof LexicalSignal>;

/** The longest query accepted: longer text only dilutes it, and Lucene caps clauses at 1024. */
export const MAX_QUERY_CHARS = 500;
export const MAX_K = 100;

/** YYYY, YYYY-MM or YYYY-MM-DD: `from` is inclusive from its first day, `to` through its last. */
const DatePrefix = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'must be YYYY, YYYY-MM or YYYY-MM-DD' });

export const SearchFilters = z
  .object({
    /** Results whose documents' chunks mention an entity with one of these labels. */
    types: z.array(z.enum(ENTITY_LABELS)).min(1).optional(),
    /** An organization by id, name or alias: the victim of the result's incident, or mentioned. */
    org: z.string().trim().min(1).max(200).optional(),
    /** Document publishedAt or incident discoveredAt on or after this date. */
    from: DatePrefix.optional(),
    /** Document publishedAt or incident discoveredAt on or before this date. */
    to: DatePrefix.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from.slice(0, f.to.length) <= f.to, { message: 'from must not be after to' });
export type SearchFilters = z.infer<typeof SearchFilters>;

export const FusionOptions = z.object({
  /** RRF constant. */
  k: z.number().min(0).max(1000).default(60),
  /** Fuse result rankings ('group') or chunk rankings ('chunk'); see group-hits.ts. */
  level: z.enum(['group', 'chunk']).default('group'),
  vectorWeight: z.number().min(0).max(10).default(1),
  lexicalWeight: z.number().min(0).max(10).default(1),
});
export type FusionOptions = z.infer<typeof FusionOptions>;

export const SearchOptions = z.object({
  k: z.number().int().min(1).max(MAX_K),
  mode: SearchMode,
  filters: SearchFilters.default({}),
  /** Tuning knobs for benchmarks; the defaults are the measured best. */
  lexical: LexicalSignal.optional(),
  fusion: FusionOptions.partial().optional(),
  /** Chunks each signal returns before filtering and grouping. Default max(100, 10·k). */
  candidates: z.number().int().min(1).max(2000).optional(),
});
export type SearchOptions = z.input<typeof SearchOptions>;
export type ParsedSearchOptions = z.output<typeof SearchOptions>;
