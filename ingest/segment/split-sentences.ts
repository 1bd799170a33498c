import type { Section, Sentence } from '../records.ts';

/**
 * Splits each section of normalised text into sentences: after 。 ! ? (NFKC turned ！？ into
 * !?) and a Japanese full stop written '.', and at every newline, so list items and headings
 * are sentences of their own. A terminator inside brackets — 「」『』()【】[]〈〉《》“” — does not
 * split, so a quotation stays whole; brackets never span lines. URLs are never split.
 *
 * Each sentence is trimmed of surrounding whitespace and of a leading Markdown marker
 * ("## ", "- ", "* "), keeps exact offsets (`text.slice(start, end) === sentence.text`),
 * and carries its section's index and kind. Sentences without a letter or digit ("---") are
 * dropped.
 */
export function splitSentences(text: string, sections: readonly Section[]): Sentence[] {
  const sentences: Sentence[] = [];
  sections.forEach((section, sectionIndex) => {
    const emit = (start: number, end: number) => {
      const span = trimSpan(text, start, end);
      if (!span) return;
      sentences.push({
        index: sentences.length,
        text: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        sectionIndex,
        sectionKind: section.kind,
      });
    };
    splitRange(text, section.start, Math.min(section.end, text.length), emit);
  });
  return sentences;
}

/** A quotation opened this many characters ago no longer holds back a split (a stray bracket). */
const MAX_QUOTE = 300;

function splitRange(text: string, from: number, to: number, emit: (start: number, end: number) => void): void {
  const urls = urlSpans(text, from, to);
  let nextUrl = 0;
  let segmentStart = from;
  const open: Array<{ readonly closer: string; readonly at: number }> = [];

  for (let i = from; i < to; i++) {
    while (nextUrl < urls.length && urls[nextUrl]!.end <= i) nextUrl++;
    const url = urls[nextUrl];
    if (url && i >= url.start) {
      i = url.end - 1;
      nextUrl++;
      continue;
    }
    const ch = text[i]!;
    if (ch === '\n') {
      emit(segmentStart, i);
      segmentStart = i + 1;
      open.length = 0;
      continue;
    }
    const closer = BRACKETS[ch];
    if (closer !== undefined) {
      open.push({ closer, at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      for (let d = open.length - 1; d >= 0; d--) {
        if (open[d]!.closer !== ch) continue;
        open.length = d;
        break;
      }
      continue;
    }
    if (!isTerminator(text, i)) continue;
    if (open.length > 0) {
      if (i - open[0]!.at <= MAX_QUOTE) continue;
      open.length = 0;
    }
    // Take along further terminators and stray closing brackets: "本当ですか?!", "…。」".
    let end = i + 1;
    while (end < to && (TERMINATORS.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    emit(segmentStart, end);
    segmentStart = end;
    i = end - 1;
  }
  emit(segmentStart, to);
}

const TERMINATORS = new Set(['。', '!', '?', '！', '？', '．']);

const BRACKETS: Readonly<Record<string, string>> = {
  '「': '」', '『': '』', '(': ')', '（': '）', '【': '】', '[': ']', '［': '］', '〈': '〉', '《': '》', '“': '”', '〔': '〕',
};
const CLOSERS = new Set(Object.values(BRACKETS));

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const ASCII_ALNUM = /[A-Za-z0-9]/;

function isTerminator(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = text[i - 1] ?? '';
  const next = text[i + 1] ?? '';
  switch (ch) {
    case '。':
    case '！':
    case '？':
    case '．':
      return true;
    case '!':
    case '?':
      // "ですか?" splits; "Yahoo!ニュース" does not.
      return !ASCII_ALNUM.test(prev) || next === '' || /\s/.test(next);
    case '.':
      // A Japanese full stop written '.' (from '．'): "…しました.次に"; not "1.5", "Booking.com".
      return (CJK.test(prev) || prev === ')') && !ASCII_ALNUM.test(next) && next !== '.';
    default:
      return false;
  }
}

function urlSpans(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /https?:\/\/[\x21-\x7E]+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    let url = m[0];
    // Trailing punctuation belongs to the sentence: "(https://example.jp/a)." keeps ")." outside.
    while (/[.,;:!?'"\]]$/.test(url) || (url.endsWith(')') && !url.includes('('))) url = url.slice(0, -1);
    spans.push({ start: m.index, end: Math.min(m.index + url.length, to) });
  }
  return spans;
}

/** Trims whitespace and a leading Markdown marker; null when nothing with a letter or digit is left. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  const marker = /^(?:#{1,6}|[-*+])[ \t]+/.exec(text.slice(s, Math.min(e, s + 8)));
  if (marker) s += marker[0].length;
  if (s >= e) return null;
  return HAS_CONTENT.test(text.slice(s, e)) ? { start: s, end: e } : null;
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;
