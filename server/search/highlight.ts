/**
 * Highlighted spans: where the query's terms occur in a chunk's text. Terms are the query's
 * kuromoji base forms and, inside longer kanji compounds, their kanji bigrams (what the CJK
 * full-text index matches on), so 「業務委託先」 in a query marks 「委託先」 and 「業務委託」 in
 * the text. Katakana and hiragana bigrams are left out: 「サイバー」's 「サイ」 would mark
 * 「サイト」, and 「される」's 「され」 marks grammar, not meaning.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

const HAN = /\p{sc=Han}/u;
const HIRAGANA_ONLY = /^[\p{sc=Hiragana}ー]+$/u;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/**
 * The strings to mark for a query, longest first: its search tokens of two or more
 * characters (not hiragana alone), plus the kanji bigrams inside tokens of three or more
 * characters.
 */
export function highlightTerms(tokens: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const token of tokens) {
    const chars = [...token];
    if (chars.length < 2 || !HAS_CONTENT.test(token)) continue;
    if (!HIRAGANA_ONLY.test(token)) terms.add(token);
    if (chars.length < 3) continue;
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      if (HAN.test(a) && HAN.test(b)) terms.add(a + b);
    }
  }
  return [...terms].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every occurrence of every term in `text` (case-insensitive), as UTF-16 offsets into
 * `text`; overlapping or touching spans are merged; sorted by start.
 */
export function highlightSpans(text: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    const pattern = new RegExp(escapeRegExp(term), 'giu');
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return mergeSpans(spans);
}

/** Overlapping or touching spans merged into one; sorted by start. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out.at(-1);
    if (last && span.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}
