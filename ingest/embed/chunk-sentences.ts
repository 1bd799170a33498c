import type { Sentence } from '../records.ts';

export interface ChunkDraft {
  readonly ord: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentenceIndexes: readonly number[];
}

export interface ChunkOptions {
  /** Close a window once adding a sentence would pass this many characters. */
  readonly maxChars: number;
  /** Sentences repeated at the start of the next window, so a fact across a boundary stays whole. */
  readonly overlapSentences: number;
}

/**
 * Sentence-aligned windows over a document. A sentence longer than maxChars forms a
 * window of its own rather than being cut, so evidence sentences are never split.
 */
export function chunkSentences(text: string, sentences: readonly Sentence[], options: ChunkOptions): ChunkDraft[] {
  if (options.maxChars <= 0) throw new Error(`chunk maxChars must be positive, got ${options.maxChars}`);
  if (options.overlapSentences < 0) throw new Error(`chunk overlap must be >= 0, got ${options.overlapSentences}`);
  const chunks: ChunkDraft[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= options.maxChars) last += 1;
    const start = sentences[first]!.start;
    const end = sentences[last]!.end;
    chunks.push({
      ord: chunks.length,
      start,
      end,
      text: text.slice(start, end),
      sentenceIndexes: sentences.slice(first, last + 1).map((s) => s.index),
    });
    if (last + 1 >= sentences.length) break;
    first = Math.max(first + 1, last + 1 - options.overlapSentences);
  }
  return chunks;
}

/** The chunk that holds an offset (the first whose span contains it); none for header text. */
export function chunkAt(chunks: readonly ChunkDraft[], offset: number): ChunkDraft | undefined {
  return chunks.find((c) => offset >= c.start && offset < c.end);
}
