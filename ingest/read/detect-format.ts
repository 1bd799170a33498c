import { normalizeText } from '../normalize/normalize-text.ts';
import type { DecodedSource, ParsedDocument } from '../records.ts';
import { htmlToText } from './html-to-text.ts';
import { findFirstDate } from './japanese-date.ts';
import { parseDisclosureHeader } from './parse-front-matter.ts';
import { reportNumberFromTitle } from './report-number.ts';

/**
 * Normalises a decoded source (HTML is converted to text first) and tells its layout:
 * a 'disclosure' (the "# 公表概要 … # 本文" header, read by parseDisclosureHeader) or a
 * free-form 'article' (headline on the first line, an optional date in the next few lines).
 */
export function parseDocument(decoded: DecodedSource): ParsedDocument {
  const html = decoded.extension === '.html' ? htmlToText(decoded.text) : null;
  const text = normalizeText(html ? html.text : decoded.text);
  const base = { source: decoded.source, sha256: decoded.sha256, encoding: decoded.encoding, text };

  const header = parseDisclosureHeader(text);
  if (header) {
    const title = header.title ?? '';
    return {
      ...base,
      format: 'disclosure',
      title,
      publishedAt: header.publishedAt ?? dateFromArchivePath(decoded.source),
      publisher: header.publisher,
      url: header.url,
      earlierReports: header.earlierReports,
      reportNumber: reportNumberFromTitle(title),
      bodyStart: header.bodyStart,
    };
  }

  const headline = firstContentLine(text);
  const htmlTitle = html?.title ? normalizeText(html.title) : null;
  // An HTML page's <h1> is its headline; without one, its <title> (the text then starts at 0).
  const useHeadline = headline !== null && (html === null || headline.heading || htmlTitle === null);
  const title = useHeadline ? headline.text : (htmlTitle ?? '');
  const bodyStart = useHeadline ? headline.next : 0;
  return {
    ...base,
    format: 'article',
    title,
    publishedAt: findFirstDate(firstLines(text, ARTICLE_DATE_LINES))?.iso ?? null,
    publisher: null,
    url: null,
    earlierReports: [],
    reportNumber: reportNumberFromTitle(title),
    bodyStart,
  };
}

/** How many non-empty lines at the top of an article are searched for its date. */
const ARTICLE_DATE_LINES = 5;

/**
 * The archive's layout is YYYY/MM/DD_<organisation>.md, dated by publication: used only when
 * the header's date bullet is missing or unreadable (e.g. "2025年1が鵜t31日").
 */
function dateFromArchivePath(source: string): string | null {
  const m = /(?:^|\/)([0-9]{4})\/([0-9]{2})\/([0-9]{2})_[^/]*$/.exec(source);
  if (!m) return null;
  return findFirstDate(`${m[1]}-${m[2]}-${m[3]}`)?.iso ?? null;
}

interface ContentLine {
  readonly text: string;
  /** Whether the line was a Markdown heading. */
  readonly heading: boolean;
  readonly next: number;
}

/** The first line that is neither blank nor an HTML comment, with its Markdown '#' removed. */
function firstContentLine(text: string): ContentLine | null {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end).trim();
    const next = nl === -1 ? end : end + 1;
    if (line !== '' && !/^<!--.*-->$/.test(line)) {
      const heading = /^#{1,6}(?:\s|$)/.test(line);
      return { text: line.replace(/^#{1,6}\s*/, '').trim(), heading, next };
    }
    start = next;
  }
  return null;
}

function firstLines(text: string, count: number): string {
  const lines: string[] = [];
  for (const line of text.split('\n', 200)) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length === count) break;
  }
  return lines.join('\n');
}
