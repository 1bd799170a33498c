import { describe, expect, it } from 'vitest';
import { chunkAt, chunkSentences } from '../../../../ingest/embed/chunk-sentences.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const text = 'あいうえお。かきくけこ。さしすせそ。たちつてと。なにぬねの。';
const sentences = sentencesOf(text);

describe('chunkSentences', () => {
  it('makes sentence-aligned windows no longer than maxChars', () => {
    const chunks = chunkSentences(text, sentences, { maxChars: 12, overlapSentences: 0 });
    expect(chunks.map((c) => c.text)).toEqual(['あいうえお。かきくけこ。', 'さしすせそ。たちつてと。', 'なにぬねの。']);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('repeats the overlap sentences at the start of the next window', () => {
    const chunks = chunkSentences(text, sentences, { maxChars: 18, overlapSentences: 1 });
    expect(chunks[0]!.sentenceIndexes).toEqual([0, 1, 2]);
    expect(chunks[1]!.sentenceIndexes[0]).toBe(2);
    expect(chunks.at(-1)!.sentenceIndexes.at(-1)).toBe(4);
  });

  it('never cuts a sentence longer than the window', () => {
    const long = `${'あ'.repeat(30)}。い。`;
    const chunks = chunkSentences(long, sentencesOf(long), { maxChars: 10, overlapSentences: 0 });
    expect(chunks[0]!.text).toBe(`${'あ'.repeat(30)}。`);
  });

  it('rejects a non-positive window', () => {
    expect(() => chunkSentences(text, sentences, { maxChars: 0, overlapSentences: 0 })).toThrow(/maxChars/);
  });
});

describe('chunkAt', () => {
  it('finds the chunk holding an offset, and none outside every chunk (header text)', () => {
    const body = `見出し\n${text}`;
    const chunks = chunkSentences(body, sentencesOf(body).slice(1), { maxChars: 12, overlapSentences: 0 });
    expect(chunkAt(chunks, body.indexOf('さ'))?.ord).toBe(1);
    expect(chunkAt(chunks, 0)).toBeUndefined();
  });
});
