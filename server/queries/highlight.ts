/**
 * Spans of `text` that match the query: each whitespace-separated term where it occurs
 * verbatim (case-insensitive); a CJK term that does not occur whole is matched by its
 * character bigrams, as the cjk full-text analyzer matched it. Overlapping spans merge.
 */
export function highlightSpans(text: string, query: string, maxSpans = 50): { start: number; end: number }[] {
  const lower = text.toLowerCase();
  const spans: { start: number; end: number }[] = [];
  const terms = query.toLowerCase().split(/[\s\u3000]+/).filter((t) => t.length > 0);
  const find = (needle: string) => {
    if (needle.length === 0) return false;
    let found = false;
    for (let at = lower.indexOf(needle); at !== -1 && spans.length < maxSpans * 4; at = lower.indexOf(needle, at + needle.length)) {
      spans.push({ start: at, end: at + needle.length });
      found = true;
    }
    return found;
  };
  for (const term of terms) {
    if (find(term)) continue;
    if (term.length >= 2) for (let i = 0; i + 2 <= term.length; i += 1) find(term.slice(i, i + 2));
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.slice(0, maxSpans);
}
