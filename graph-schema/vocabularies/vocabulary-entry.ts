import { z } from 'zod';

/**
 * One entry of a closed vocabulary. `patterns` are the surface forms the extractors look
 * for in NFKC-normalised text (matched case-insensitively for Latin letters); `aliases`
 * are names shown to and searched by users.
 */
export const VocabularyEntry = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: z.string().min(1),
  nameJa: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  patterns: z.array(z.string().min(1)),
  attackId: z.string().regex(/^T\d{4}(\.\d{3})?$/).optional(),
  description: z.string().optional(),
});
export type VocabularyEntry = z.infer<typeof VocabularyEntry>;

export function defineVocabulary<const T extends readonly VocabularyEntry[]>(entries: T): T {
  const seen = new Set<string>();
  for (const entry of entries) {
    VocabularyEntry.parse(entry);
    if (seen.has(entry.id)) throw new Error(`duplicate vocabulary id "${entry.id}"`);
    seen.add(entry.id);
  }
  return entries;
}

export type VocabularyId<T extends readonly VocabularyEntry[]> = T[number]['id'];
