/**
 * The report number a title gives itself: 第13報, 第 13 報, 第十三報 → 13. Titles that say
 * only 続報, 最終報 or nothing give null.
 */
export function reportNumberFromTitle(title: string): number | null {
  const m = REPORT.exec(title);
  return m?.[1] === undefined ? null : parseReportNumber(m[1]);
}

/** '13', '十三', '一〇' → 13, 13, 10; null when the text is not a number. */
export function parseReportNumber(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  if (/^[0-9]+$/.test(t)) return Number(t);
  return kanjiNumber(t);
}

/** A kanji numeral below 10,000: 十三 → 13, 二十 → 20, 百五 → 105, 一〇 → 10 (digit by digit). */
export function kanjiNumber(text: string): number | null {
  if (!/^[〇零一二三四五六七八九十百千]+$/.test(text)) return null;
  if (!/[十百千]/.test(text)) {
    let n = 0;
    for (const ch of text) n = n * 10 + (DIGITS[ch] ?? 0);
    return n;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const unit = UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = null;
    } else {
      digit = DIGITS[ch] ?? 0;
    }
  }
  return total + (digit ?? 0);
}

const REPORT = /第\s*([0-9]+|[〇零一二三四五六七八九十百]+)\s*報/;
const DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
