import { z } from 'zod';

/**
 * Where a fact was read. Offsets are UTF-16 code-unit offsets into the document's
 * normalised text (what `Document.text` stores), so `text.slice(start, end)` is the span.
 */
export const Evidence = z.object({
  docId: z.string().min(1),
  chunkId: z.string().min(1).optional(),
  sentence: z.string().min(1),
  sentenceStart: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  extractor: z.string().min(1),
  confidence: z.number().min(0).max(1),
});
export type Evidence = z.infer<typeof Evidence>;
