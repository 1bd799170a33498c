/** A calendar date found in text, as an ISO date with its span. */
export interface FoundDate {
  readonly iso: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Finds the first complete date (year, month and day) in normalised text:
 * 2025年3月12日, 令和7年3月12日 (also 令和元年, 平成, 昭和), 2025/3/12, 2025-03-12, 2025.3.12.
 * Spaces between the parts are allowed ("2025 年 3 月 12 日"). Impossible dates are skipped.
 */
export function findFirstDate(text: string): FoundDate | null {
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    const iso = toIso(m);
    if (iso) return { iso, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/**
 * The ISO date when the whole of `text` is one date, optionally followed by a weekday such
 * as (水) and/or 付; null otherwise.
 */
export function parseJapaneseDate(text: string): string | null {
  const trimmed = text.trim();
  const found = findFirstDate(trimmed);
  if (!found || found.start !== 0) return null;
  const rest = trimmed.slice(found.end);
  return /^\s*(?:[(（][月火水木金土日](?:曜日?)?[)）])?\s*付?\s*$/.test(rest) ? found.iso : null;
}

const ERA_START: Readonly<Record<string, number>> = { 令和: 2018, 平成: 1988, 昭和: 1925 };

const DATE = new RegExp(
  [
    String.raw`(?<![0-9])(?<y>[0-9]{4})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日`,
    String.raw`(?<era>令和|平成|昭和)\s*(?<ey>[0-9]{1,2}|元)\s*年\s*(?<em>[0-9]{1,2})\s*月\s*(?<ed>[0-9]{1,2})\s*日`,
    String.raw`(?<![0-9])(?<ny>[0-9]{4})(?<sep>[/.-])(?<nm>[0-9]{1,2})\k<sep>(?<nd>[0-9]{1,2})(?![0-9])`,
  ].join('|'),
  'g',
);

function toIso(m: RegExpExecArray): string | null {
  const g = m.groups ?? {};
  let year: number;
  let month: number;
  let day: number;
  if (g.y !== undefined) {
    year = Number(g.y);
    month = Number(g.m);
    day = Number(g.d);
  } else if (g.era !== undefined) {
    year = (ERA_START[g.era] ?? 0) + (g.ey === '元' ? 1 : Number(g.ey));
    month = Number(g.em);
    day = Number(g.ed);
  } else {
    year = Number(g.ny);
    month = Number(g.nm);
    day = Number(g.nd);
  }
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
