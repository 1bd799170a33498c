import { z } from 'zod';

/** A calendar date as the graph stores it (YYYY-MM-DD), checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a calendar date')
  .meta({ example: '2025-10-19' });

/** True when the text holds a C0 control character or DEL. */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** A free-text or id parameter: trimmed, non-empty, bounded, no control characters. */
export const TextParam = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasControlCharacters(value), 'must not contain control characters');

/** A node id or name in a path segment or query string. */
export const NodeIdParam = TextParam(200).meta({ description: 'a stable node id (e.g. `qilin`, `org:…`) or an exact name/alias', example: 'qilin' });

export const PageParams = {
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: '1..200' }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};
