/**
 * Cuts a text into plain and marked pieces from highlight spans (UTF-16 offsets, as the API
 * gives them): spans are clamped to the text, sorted and merged. The pieces are rendered as
 * text nodes and <mark> elements, never as HTML.
 */
export interface TextPiece {
  readonly text: string;
  readonly marked: boolean;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export function splitHighlights(text: string, spans: readonly Span[]): TextPiece[] {
  const clamped = spans
    .map((s) => ({ start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of clamped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), marked: false });
    pieces.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

/**
 * The evidence span inside its sentence: evidence offsets point into Document.text, the
 * sentence starts at `sentenceStart`. Null when the offsets do not fall inside the sentence.
 */
export function spanInSentence(evidence: { readonly sentence: string | null; readonly sentenceStart: number | null; readonly start: number | null; readonly end: number | null }): Span | null {
  const { sentence, sentenceStart, start, end } = evidence;
  if (sentence === null || sentenceStart === null || start === null || end === null) return null;
  const s = start - sentenceStart;
  const e = end - sentenceStart;
  if (s < 0 || e > sentence.length || e <= s) return null;
  return { start: s, end: e };
}
