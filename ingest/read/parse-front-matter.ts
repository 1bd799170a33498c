import type { EarlierReport } from '../records.ts';
import { parseJapaneseDate } from './japanese-date.ts';
import { parseReportNumber } from './report-number.ts';

/** What the "# 公表概要" header of a disclosure says about it. */
export interface DisclosureHeader {
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly earlierReports: readonly EarlierReport[];
  /** Offset just past the "# 本文" line (or past the header block when that line is missing). */
  readonly bodyStart: number;
}

/**
 * Reads the disclosure header of normalised text, or returns null when the text does not
 * start with one. The layout (SecurityIncidentArchive and the project's seeds):
 *
 *     # 公表概要            ← also "# 公表概要 " / "# 公表以外用" / "#" in some files
 *     - <title>
 *     - 2025年3月12日
 *     - <organisation>
 *     - https://…         ← the source URL
 *     - 第12報：<url or relative path>   ← zero or more links to earlier reports
 *     # 本文
 *
 * Bullets are recognised by content rather than position, so a swapped date and publisher
 * are still read correctly: a date bullet is the date, a URL bullet the source URL, a
 * "第N報：…"/"初報：…"/"関連：…" bullet with a link an earlier report, and the first two
 * remaining bullets are the title and the publisher. Leading HTML comments are skipped.
 */
export function parseDisclosureHeader(text: string): DisclosureHeader | null {
  const lines = splitLines(text);
  let i = 0;
  while (i < lines.length && (isBlank(lines[i]!.text) || isComment(lines[i]!.text))) i++;
  const first = lines[i];
  if (!first || !HEADER_HEADING.test(first.text)) return null;
  i++;

  const bullets: string[] = [];
  let bodyStart: number | null = null;
  let headerEnd = first.end;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (BODY_HEADING.test(line.text)) {
      bodyStart = line.next;
      break;
    }
    if (/^#/.test(line.text)) break; // another heading: the header ended without "# 本文"
    const bullet = BULLET.exec(line.text);
    if (bullet) bullets.push(bullet[1]!.trim());
    else if (!isBlank(line.text) && bullets.length > 0) bullets[bullets.length - 1] += ` ${line.text.trim()}`;
    else if (!isBlank(line.text)) return null; // prose: not a header
    if (!isBlank(line.text)) headerEnd = line.next;
  }
  if (bullets.length === 0) return null;

  let title: string | null = null;
  let publishedAt: string | null = null;
  let dateSeen = false;
  let publisher: string | null = null;
  let url: string | null = null;
  const earlierReports: EarlierReport[] = [];
  for (const bullet of bullets) {
    if (bullet === '') continue;
    const report = REPORT_LINK.exec(bullet);
    if (report) {
      const rest = report[4] ?? '';
      const ref = findRef(rest);
      if (ref !== null || rest.trim() === '') {
        if (ref !== null) earlierReports.push({ reportNumber: reportNumberOf(report), ref });
        continue; // a dangling "第1報：" names no document
      }
    }
    if (/^https?:\/\/\S+$/.test(bullet)) {
      url ??= bullet;
      continue;
    }
    if (!dateSeen) {
      const date = parseJapaneseDate(bullet.replace(/[?？]+$/, ''));
      // An unreadable date ("2025年3月XX日", "日付記載なし") still fills the date slot, but
      // only after the title: a title may start with "2025年度…".
      if (date !== null || (title !== null && DATE_LIKE.test(bullet))) {
        dateSeen = true;
        publishedAt = date;
        continue;
      }
    }
    if (title === null) title = bullet;
    else if (publisher === null) publisher = bullet;
  }
  return { title, publishedAt, publisher, url, earlierReports, bodyStart: bodyStart ?? Math.min(headerEnd, text.length) };
}

/**
 * The key an earlier report is known by: for a SecurityIncidentArchive link, the decoded path
 * after `blob/<branch>/` ("2025/12/03_アスクル株式会社.md"); otherwise the URL or relative
 * path as written.
 */
export function earlierReportRef(link: string): string {
  const archive = ARCHIVE_LINK.exec(link);
  if (!archive) return link;
  try {
    return decodeURIComponent(archive[1]!);
  } catch {
    return archive[1]!;
  }
}

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Start of the following line (end + 1, or end at the end of the text). */
  readonly next: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start, end, next: nl === -1 ? end : end + 1 });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isComment(line: string): boolean {
  return /^\s*<!--.*-->\s*$/.test(line);
}

function findRef(rest: string): string | null {
  const url = /https?:\/\/[^\s<>"]+/.exec(rest);
  if (url) return earlierReportRef(url[0]);
  const path = /^\S+$/.exec(rest.trim());
  if (path && (/\//.test(path[0]) || /\.(md|txt|html?|pdf)$/i.test(path[0]))) return path[0];
  return null;
}

function reportNumberOf(match: RegExpExecArray): number | null {
  if (match[1] !== undefined) return parseReportNumber(match[1]);
  if (match[2] !== undefined) return 1; // 初報
  return null; // 続報, 関連
}

/** "# 公表概要", "# 公表概要（続報）", "# 公表以外用", or a bare "#". */
const HEADER_HEADING = /^#[ \t]*(?:公表[^\n]*)?$/;
const BODY_HEADING = /^#[ \t]*本文[ \t]*$/;
/** "- item", "* item", "・item" and the occasional "-item" without a space. */
const BULLET = /^[ \t]*(?:[-*+・])[ \t]*(.*)$/;
/** Group 1: the number of 第N報; 2: 初報; 3: 続報 or 関連…; 4: the rest (the link). */
const REPORT_LINK = /^(?:第\s*([0-9]+|[〇一二三四五六七八九十百]+)\s*報|(初報)|(続報|関連[^\s:：;；]*))[ \t]*[:：;；]?[ \t]*(.*)$/;
/** A bullet in the date slot, parseable or not ("2025年3月XX日?", "日付記載なし"). */
const DATE_LIKE = /^(?:[0-9]{4}\s*(?:年|[/.-]\s*[0-9])|(?:令和|平成)\s*(?:[0-9]|元)|日付)/;
const ARCHIVE_LINK = /^https?:\/\/github\.com\/piyokango\/SecurityIncidentArchive\/(?:blob|tree|raw)\/[^/]+\/([^?#]+)/;
