import type { SectionKind, Sentence } from '../../ingest/records.ts';

/**
 * Sentence records for tests: a naive split after 。 and at newlines, with exact offsets
 * into `text` (`text.slice(s.start, s.end) === s.text`). Leading and trailing whitespace
 * is trimmed off each sentence and empty pieces are skipped; indexes are consecutive.
 */
export function sentencesOf(text: string, options: { sectionKind?: SectionKind } = {}): Sentence[] {
  const sectionKind = options.sectionKind ?? 'other';
  const out: Sentence[] = [];
  const pieces = /[^。\n]*(?:。|\n|$)/gu;
  let match: RegExpExecArray | null;
  while ((match = pieces.exec(text)) !== null) {
    if (match[0].length === 0) {
      if (pieces.lastIndex >= text.length) break;
      pieces.lastIndex += 1;
      continue;
    }
    let start = match.index;
    let end = match.index + match[0].length;
    while (start < end && /\s/u.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/u.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) {
      out.push({ index: out.length, text: text.slice(start, end), start, end, sectionIndex: 0, sectionKind });
    }
  }
  return out;
}
