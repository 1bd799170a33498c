import type { Section, SectionKind } from '../records.ts';

/**
 * Splits the body of normalised text, `text.slice(bodyStart)`, into sections at heading
 * lines. Sections cover the body contiguously: the first starts at bodyStart, each ends
 * where the next starts, the last ends at text.length. Text before the first heading is a
 * section with heading null and kind 'summary' (the lead paragraph of a disclosure).
 *
 * Heading lines: Markdown `#`…`######`; lines starting with ■□◆◇▼; short lines starting
 * with 【…】; short numbered lines ("1. 経緯", "1 概要", "(1) 原因", "1) 対応", "第2章", "一、概要")
 * that are not part of a run of numbered lines (a run such as "(1) 氏名 / (2) 住所" is a list).
 *
 * A section's kind comes from its heading's words; a heading that names no kind inherits the
 * kind of the heading it is nested under ("## 再発防止策" → "(1) 監視の強化" is 'remediation').
 */
export function splitSections(text: string, bodyStart: number): Section[] {
  const start = Math.max(0, Math.min(bodyStart, text.length));
  const lines = bodyLines(text, start);
  const headings: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = headingOf(lines, i);
    if (heading) headings.push(heading);
  }

  const sections: Section[] = [];
  const firstHeading = headings[0]?.start ?? text.length;
  // Blank lines before the first heading belong to it rather than to an empty lead section.
  const leadIsBlank = headings.length > 0 && text.slice(start, firstHeading).trim() === '';
  if (!leadIsBlank) sections.push({ heading: null, kind: 'summary', start, end: firstHeading });
  const open: Array<{ readonly style: string; readonly level: number; readonly kind: SectionKind }> = [];
  headings.forEach((heading, i) => {
    // Close the headings this one is not nested under.
    if (heading.level > 0) {
      while (open.length > 0 && !(open.at(-1)!.level > 0 && open.at(-1)!.level < heading.level)) open.pop();
    } else {
      const same = open.findIndex((h) => h.style === heading.style);
      if (same >= 0) open.length = same;
    }
    const own = classifyHeading(heading.text);
    const inherited = [...open].reverse().find((h) => h.kind !== 'other')?.kind;
    const kind = own !== 'other' ? own : (inherited ?? 'other');
    open.push({ style: heading.style, level: heading.level, kind });
    const sectionStart = i === 0 && leadIsBlank ? start : heading.start;
    sections.push({ heading: heading.text, kind, start: sectionStart, end: headings[i + 1]?.start ?? text.length });
  });
  return sections;
}

/**
 * The kind a heading's words name. Checked in this order, so "原因と再発防止策" is remediation,
 * "漏えいの経緯" timeline and "被害状況と今後の対応" impact.
 */
export function classifyHeading(heading: string): SectionKind {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(heading)) return kind;
  return 'other';
}

const KIND_PATTERNS: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['remediation', /再発防止|今後の対策|対策|安全性(?:の)?強化|セキュリティ(?:の)?強化|防止策|改善策|予防策|強化策|体制の(?:再構築|強化|整備)/],
  ['cause', /原因|侵入|発生要因|攻撃手法|手口/],
  ['timeline', /経緯|時系列|経過|発生日時|確認日時/],
  ['impact', /影響|被害|流出|漏えい|漏洩|個人情報(?!保護)|対象となる|対象者|情報の(?:種類|項目|内容)|情報種類|暗号化された|件数/],
  ['response', /対応|対処|措置|取り組み|取組|復旧|関係機関|警察/],
  ['summary', /概要|概況|はじめに|ご報告|事案の内容|本件の内容|事象|調査結果|状況|判明|事実/],
];

interface BodyLine {
  readonly text: string;
  readonly start: number;
}

interface Heading {
  readonly text: string;
  readonly start: number;
  /** Markdown depth 1–6, or 0 for a heading styled by its marker (■, 1., (1) …). */
  readonly level: number;
  /** The marker style, so a later heading of the same style closes this one. */
  readonly style: string;
}

function bodyLines(text: string, from: number): BodyLine[] {
  const lines: BodyLine[] = [];
  let start = from;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ text: text.slice(start, end), start });
    start = end + 1;
  }
  return lines;
}

/** The longest line a marker-styled (non-Markdown) heading may be. */
const MAX_HEADING = 40;

const MARKDOWN = /^(#{1,6})[ \t]*(.*)$/;
const SYMBOL = /^[■□◆◇▼][ \t]*(.+)$/;
const BRACKETED = /^【[^】]{1,30}】/;
/** Numbered heading markers; each alternative is its own style. */
const NUMBERED: ReadonlyArray<readonly [string, RegExp]> = [
  ['n.n', /^[0-9]{1,2}\.[0-9]{1,2}\.?[ \t]*(?=\S)/],
  ['n.', /^[0-9]{1,2}[.,、][ \t]*(?=[^\s0-9])/],
  ['(n)', /^\([0-9]{1,2}\)[ \t]*(?=\S)/],
  ['n)', /^[0-9]{1,2}\)[ \t]*(?=\S)/],
  ['n ', /^[0-9]{1,2}[ \t]+(?=[^\s0-9])/],
  ['第n', /^第[0-9一二三四五六七八九十]{1,3}[章節部][ \t]*/],
  ['漢.', /^[一二三四五六七八九十]{1,3}[、.][ \t]*(?=\S)/],
];

function headingOf(lines: readonly BodyLine[], i: number): Heading | null {
  const line = lines[i]!;
  const text = line.text.trim();
  if (text === '') return null;

  const md = MARKDOWN.exec(text);
  if (md) {
    const content = (md[2] ?? '').trim();
    const level = md[1]!.length;
    // A numbered Markdown heading ("## 1. 経緯") keeps its Markdown level.
    return { text: content, start: line.start, level, style: `#${level}` };
  }
  if (text.length > MAX_HEADING * 1.5) return null;

  const symbol = SYMBOL.exec(text);
  if (symbol && !/。$/.test(text)) {
    const style = text[0]!;
    if (isListRun(lines, i, new RegExp(`^${style}`))) return null;
    return { text: symbol[1]!.trim(), start: line.start, level: 0, style };
  }
  if (BRACKETED.test(text) && !/。/.test(text)) {
    return { text, start: line.start, level: 0, style: '【】' };
  }
  if (text.length > MAX_HEADING || /[。、,]$/.test(text) || /。/.test(text)) return null;
  for (const [style, marker] of NUMBERED) {
    if (!marker.test(text)) continue;
    if (isListRun(lines, i, marker)) return null;
    return { text, start: line.start, level: 0, style };
  }
  return null;
}

/**
 * Whether the numbered line at i belongs to a list: the nearest non-blank line before or
 * after it is numbered in the same style, with no prose under it.
 */
function isListRun(lines: readonly BodyLine[], i: number, marker: RegExp): boolean {
  const neighbour = (step: number): string | null => {
    for (let j = i + step; j >= 0 && j < lines.length; j += step) {
      const t = lines[j]!.text.trim();
      if (t !== '') return t;
    }
    return null;
  };
  const next = neighbour(1);
  const previous = neighbour(-1);
  return (next !== null && marker.test(next)) || (previous !== null && marker.test(previous) && !MARKDOWN.test(previous));
}
