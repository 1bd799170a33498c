import type { DateMention, Sentence } from '../records.ts';

/**
 * Calendar dates in NFKC-normalised Japanese text.
 *
 * Handles 2025年10月19日(日), 令和7年10月22日 / 令和6年(2024年)12月30日, 2025/10/19, 2025.10.19,
 * 2025-10-19, 10月19日 (year from context), ranges (11月12日～12月3日, 10月19日~20日,
 * 2025年6月1日から同年6月30日まで), 同日 / 翌日 / 前日 / 本日, 同月N日, 翌月N日, 翌N日,
 * 同年M月N日 (also 翌年 / 前年 / 昨年 / 本年), bare N日(火) and lists (10月21日、27日、30日).
 * Month-only dates (2025年10月, 2025年5月期) are not emitted: a month-only date with a year
 * only sets the year context for later dates; fiscal periods (…月期) are ignored entirely.
 *
 * Year inference for a date written without a year (precision 'inferred'):
 * - with an earlier date in the document (the base), the base's year, rolled over the
 *   year end: a month 6+ months before the base's month is in the next year (12月28日 →
 *   1月5日), unless that lands more than ~2 months after the reference date; a month
 *   after the base's month is in the previous year when the base-year date would lie more
 *   than ~2 months after the reference date, or (without a reference date) when the base
 *   is in Jan/Feb and the month in Nov/Dec;
 * - without an earlier date, the reference date's year, or the previous year when the
 *   date would lie more than ~2 months after the reference date;
 * - a weekday in the text, e.g. (火), that contradicts the chosen year but fits the year
 *   before or after, picks that year instead;
 * - with neither an earlier date nor a reference date, the mention is dropped.
 */

export interface DateExtractionOptions {
  /** ISO date (YYYY-MM-DD…) of publication; anchors dates written without a year. */
  readonly referenceDate: string | null;
}

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Days after the reference date beyond which a yearless date is taken as the previous year. */
const FUTURE_TOLERANCE_DAYS = 62;

const SP = ' {0,2}';
const N12 = '\\d{1,2}';
const WEEKDAY_BODY = `\\(${SP}(?:(?<wd>[月火水木金土日])(?:曜日?)?(?:${SP}[・,、]?${SP}(?:祝|休)日?)?|祝日?|休日?)${SP}\\)`;
const WEEKDAY_RE = new RegExp(`${SP}${WEEKDAY_BODY}`, 'uy');
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { 日: 0, 月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6 };

const WESTERN_YEAR = `(?<![\\d.,/])(?<wy>(?:19|20)\\d{2})${SP}年(?:${SP}\\(${SP}(?:令和|平成)${SP}(?:元|\\d{1,2})${SP}年${SP}\\))?`;
const ERA_YEAR = `(?<era>令和|平成|昭和)${SP}(?<ey>元|\\d{1,2})${SP}年(?:${SP}\\(${SP}(?:19|20)\\d{2}${SP}年?${SP}\\))?`;

const ATOM_RE = new RegExp(
  [
    // 2025年10月19日, 令和7年10月22日, 2025年10月 (month only: year context)
    `(?:${WESTERN_YEAR}|${ERA_YEAR})${SP}(?<fm>${N12})${SP}月(?:${SP}(?<fd>${N12})${SP}日)?`,
    // 2025/10/19, 2025.10.19, 2025-10-19 (not inside URLs, versions or longer numbers)
    `(?<![\\w/.\\-])(?<ny>(?:19|20)\\d{2})(?<sep>[/.\\-])(?<nm>${N12})\\k<sep>(?<nd>${N12})(?![\\w/]|[.\\-]\\d)`,
    // 同年10月19日, 翌年1月5日, 昨年12月 (month only: year context)
    `(?<ry>同年|翌年|前年|昨年|本年|今年)${SP}(?<rm>${N12})${SP}月(?:${SP}(?<rd>${N12})${SP}日)?`,
    `同月${SP}(?<smd>${N12})${SP}日`,
    `翌月${SP}(?<nmd>${N12})${SP}日`,
    `翌${SP}(?<nxd>${N12})${SP}日`,
    `(?<relw>同日|翌日|前日|本日)(?![程比])`,
    // 10月19日
    `(?<![\\d.,/])(?<pm>${N12})${SP}月${SP}(?<pd>${N12})${SP}日`,
    // 10/19(日): only with a weekday
    `(?<![\\d/.\\w])(?<sm>${N12})/(?<sd>${N12})(?=${SP}${WEEKDAY_BODY})`,
    // 20日: kept only as a range end, before a weekday, or in a list after a date
    `(?<![\\d.,/年月])(?<bd>${N12})${SP}日(?!\\d|${SP}(?:間|以内|以上|未満|程度|ほど|後|前|分|目|ぶり|余り|経過|連続|付近|当たり|あたり|毎|おき|単位|超))`,
  ].join('|'),
  'gu',
);

const TIME_TOKEN = `(?:午前|午後|未明|深夜|早朝|朝|昼|夕方|夕刻|夜間|夜|正午|頃|ごろ|${N12}${SP}時(?:${SP}\\d{1,2}${SP}分)?(?:${SP}\\d{1,2}${SP}秒)?|\\d{1,2}:\\d{2}(?::\\d{2})?|半)`;
const RANGE_GAP_RE = new RegExp(`^(?:${SP}${TIME_TOKEN})*${SP}(?:[~～〜\\-−–―]|から|より)${SP}$`, 'u');
/** A time of day right after a bare day makes it a date (7日夜, 14日午前10時, 3日15時). */
const TIME_AFTER_RE = new RegExp(`^ {0,2}(?:午前|午後|未明|深夜|早朝|朝|昼|夕方|夕刻|夜|正午|\\d{1,2} {0,2}時(?!間)|\\d{1,2}:\\d{2})`, 'u');
const LIST_GAP_RE = /^ {0,2}(?:、|,|・|と|及び|および|並びに|ならびに) {0,2}$/u;
const MAX_GAP = 40;

type AtomKind =
  | 'full' // year given
  | 'yearMonth' // year and month only: context
  | 'md' // month and day, year inferred
  | 'relYear' // 同年M月N日 etc.
  | 'relYearMonth' // 同年M月: context
  | 'sameMonth' // 同月N日
  | 'nextMonth' // 翌月N日
  | 'nextDayOf' // 翌N日
  | 'word' // 同日 / 翌日 / 前日 / 本日
  | 'bare'; // N日

interface Atom {
  readonly kind: AtomKind;
  readonly start: number; // within the sentence
  readonly end: number; // within the sentence, after any weekday
  readonly y?: number;
  readonly m?: number;
  readonly d?: number;
  readonly rel?: string;
  readonly weekday: number | null;
  /** For 'yearMonth': the month is a fiscal period (…月期); ignore entirely. */
  readonly fiscal?: boolean;
  /** For 'bare': a time of day follows (7日夜, 14日午前10時). */
  readonly timeAfter?: boolean;
}

export function extractDates(sentences: readonly Sentence[], options: DateExtractionOptions): DateMention[] {
  const ref = parseIso(options.referenceDate);
  const refLimit = ref ? serial(ref) + FUTURE_TOLERANCE_DAYS : null;
  const out: DateMention[] = [];
  /** The last emitted date (a range's end), for 同日 / 翌日 / bare days. */
  let last: Ymd | null = null;
  /** Year and month context: the last emitted date or month-only date with a year. */
  let ctx: { y: number; m: number } | null = null;

  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  for (const sentence of ordered) {
    const atoms = scanAtoms(sentence.text);
    let prevEmitted: { atomIndex: number } | null = null;
    for (let i = 0; i < atoms.length; i++) {
      const atom = atoms[i]!;
      if (atom.kind === 'yearMonth' || atom.kind === 'relYearMonth') {
        if (atom.fiscal) continue;
        const y: number | null = atom.kind === 'yearMonth' ? atom.y! : relativeYear(atom.rel!, ctx, last, ref);
        if (y !== null && atom.m! >= 1 && atom.m! <= 12) ctx = { y, m: atom.m! };
        continue;
      }
      if (atom.kind === 'bare') {
        const prevAtom = prevEmitted ? atoms[prevEmitted.atomIndex] : undefined;
        const inList =
          prevAtom !== undefined && prevEmitted!.atomIndex === i - 1 && LIST_GAP_RE.test(sentence.text.slice(prevAtom.end, atom.start));
        if (!inList && atom.weekday === null && !atom.timeAfter) continue;
      }
      const start = resolveAtom(atom, last, ctx, ref, refLimit, null);
      if (!start) continue;

      // A range: this atom, time words, a connector, then another date atom.
      let endYmd: Ymd | null = null;
      let endAtom: Atom | null = null;
      const next = atoms[i + 1];
      if (next && next.kind !== 'yearMonth' && next.kind !== 'relYearMonth' && next.kind !== 'word') {
        const gap = sentence.text.slice(atom.end, next.start);
        if (gap.length <= MAX_GAP && RANGE_GAP_RE.test(gap)) {
          const startCtx = { y: start.ymd.y, m: start.ymd.m };
          const candidate = resolveAtom(next, start.ymd, startCtx, ref, refLimit, start.ymd);
          // A range within one day (5月3日 12時～5月3日 15時) is one mention without an end date.
          if (candidate && serial(candidate.ymd) >= serial(start.ymd)) {
            endYmd = serial(candidate.ymd) > serial(start.ymd) ? candidate.ymd : null;
            endAtom = next;
          }
        }
      }

      const spanEnd = endAtom ? endAtom.end : atom.end;
      out.push({
        date: iso(start.ymd),
        dateEnd: endYmd ? iso(endYmd) : null,
        surface: sentence.text.slice(atom.start, spanEnd),
        start: sentence.start + atom.start,
        end: sentence.start + spanEnd,
        sentenceIndex: sentence.index,
        precision: start.exact ? 'exact' : 'inferred',
      });
      last = endYmd ?? start.ymd;
      ctx = { y: last.y, m: last.m };
      if (endAtom) i += 1;
      prevEmitted = { atomIndex: i };
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function scanAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  ATOM_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ATOM_RE.exec(text)) !== null) {
    const g = match.groups ?? {};
    const start = match.index;
    let end = start + match[0].length;
    let weekday: number | null = null;
    WEEKDAY_RE.lastIndex = end;
    const wd = WEEKDAY_RE.exec(text);
    const hasDay = g.fd !== undefined || g.nd !== undefined || g.rd !== undefined || g.smd !== undefined ||
      g.nmd !== undefined || g.nxd !== undefined || g.pd !== undefined || g.sd !== undefined || g.bd !== undefined;
    if (wd && hasDay) {
      end = wd.index + wd[0].length;
      const w = wd.groups?.wd;
      weekday = w !== undefined ? (WEEKDAY_INDEX[w] ?? null) : null;
      ATOM_RE.lastIndex = end;
    }
    const base = { start, end, weekday };
    if (g.fm !== undefined) {
      const y = g.wy !== undefined ? Number(g.wy) : eraYear(g.era!, g.ey!);
      if (g.fd !== undefined) atoms.push({ ...base, kind: 'full', y, m: Number(g.fm), d: Number(g.fd) });
      else atoms.push({ ...base, kind: 'yearMonth', y, m: Number(g.fm), fiscal: /^ {0,2}期/.test(text.slice(end, end + 3)) });
    } else if (g.ny !== undefined) {
      atoms.push({ ...base, kind: 'full', y: Number(g.ny), m: Number(g.nm), d: Number(g.nd) });
    } else if (g.ry !== undefined) {
      if (g.rd !== undefined) atoms.push({ ...base, kind: 'relYear', rel: g.ry, m: Number(g.rm), d: Number(g.rd) });
      else atoms.push({ ...base, kind: 'relYearMonth', rel: g.ry, m: Number(g.rm), fiscal: /^ {0,2}期/.test(text.slice(end, end + 3)) });
    } else if (g.smd !== undefined) {
      atoms.push({ ...base, kind: 'sameMonth', d: Number(g.smd) });
    } else if (g.nmd !== undefined) {
      atoms.push({ ...base, kind: 'nextMonth', d: Number(g.nmd) });
    } else if (g.nxd !== undefined) {
      atoms.push({ ...base, kind: 'nextDayOf', d: Number(g.nxd) });
    } else if (g.relw !== undefined) {
      atoms.push({ ...base, kind: 'word', rel: g.relw });
    } else if (g.pm !== undefined) {
      atoms.push({ ...base, kind: 'md', m: Number(g.pm), d: Number(g.pd) });
    } else if (g.sm !== undefined) {
      atoms.push({ ...base, kind: 'md', m: Number(g.sm), d: Number(g.sd) });
    } else if (g.bd !== undefined) {
      atoms.push({ ...base, kind: 'bare', d: Number(g.bd), timeAfter: TIME_AFTER_RE.test(text.slice(end, end + 6)) });
    }
  }
  return atoms;
}

/**
 * The date an atom denotes. `rangeStart` is set when the atom ends a range: a bare day
 * or month-day then continues from the range's start (10月30日~2日 is 11月2日).
 */
function resolveAtom(
  atom: Atom,
  last: Ymd | null,
  ctx: { y: number; m: number } | null,
  ref: Ymd | null,
  refLimit: number | null,
  rangeStart: Ymd | null,
): { ymd: Ymd; exact: boolean } | null {
  switch (atom.kind) {
    case 'full':
      return valid(atom.y!, atom.m!, atom.d!, true);
    case 'md': {
      const base = rangeStart ?? last ?? (ctx ? { y: ctx.y, m: ctx.m, d: 1 } : null);
      const y = inferYear(atom.m!, atom.d!, base, ref, refLimit, atom.weekday);
      if (y === null) return null;
      const r = valid(y, atom.m!, atom.d!, false);
      if (r && rangeStart && serial(r.ymd) < serial(rangeStart)) return valid(y + 1, atom.m!, atom.d!, false);
      return r;
    }
    case 'relYear': {
      const y = relativeYear(atom.rel!, ctx, last, ref);
      return y === null ? null : valid(y, atom.m!, atom.d!, false);
    }
    case 'sameMonth': {
      const b = last ?? (ctx ? { y: ctx.y, m: ctx.m, d: 1 } : null);
      return b ? valid(b.y, b.m, atom.d!, false) : null;
    }
    case 'nextMonth': {
      if (!last) return null;
      const n = addMonths(last, 1);
      return valid(n.y, n.m, atom.d!, false);
    }
    case 'nextDayOf': {
      // 翌N日: N is the day after some day of the previous date's month or the next one;
      // take the candidate closest to the day after the previous date.
      if (!last) return null;
      const target = serial(last) + 1;
      let best: { ymd: Ymd; exact: boolean } | null = null;
      for (const o of [last, addMonths(last, 1)]) {
        const r = valid(o.y, o.m, atom.d!, false);
        if (r && (!best || Math.abs(serial(r.ymd) - target) < Math.abs(serial(best.ymd) - target))) best = r;
      }
      return best;
    }
    case 'word': {
      if (atom.rel === '本日') return ref ? { ymd: ref, exact: false } : null;
      if (!last) return null;
      if (atom.rel === '同日') return { ymd: last, exact: false };
      return { ymd: fromSerial(serial(last) + (atom.rel === '翌日' ? 1 : -1)), exact: false };
    }
    case 'bare': {
      const b = rangeStart ?? last;
      if (!b) return null;
      if (rangeStart) {
        for (const o of [b, addMonths(b, 1)]) {
          const r = valid(o.y, o.m, atom.d!, false);
          if (r && serial(r.ymd) >= serial(rangeStart)) return r;
        }
        return null;
      }
      if (atom.weekday === null && !atom.timeAfter) return valid(b.y, b.m, atom.d!, false);
      // With a weekday or a time of day: this, the next or the previous month, the one
      // whose weekday fits, else the one closest to the previous date.
      const options = [b, addMonths(b, 1), addMonths(b, -1)]
        .map((o) => valid(o.y, o.m, atom.d!, false))
        .filter((r): r is { ymd: Ymd; exact: boolean } => r !== null);
      const fitting = atom.weekday === null ? options : options.filter((r) => weekdayOf(r.ymd) === atom.weekday);
      const pool = fitting.length > 0 ? fitting : options;
      let best: { ymd: Ymd; exact: boolean } | null = null;
      for (const r of pool) {
        if (!best || Math.abs(serial(r.ymd) - serial(b)) < Math.abs(serial(best.ymd) - serial(b))) best = r;
      }
      return best;
    }
    default:
      return null;
  }
}

function inferYear(m: number, d: number, base: Ymd | null, ref: Ymd | null, refLimit: number | null, weekday: number | null): number | null {
  let y: number;
  if (base) {
    y = base.y;
    if (m < base.m && base.m - m >= 6) {
      if (refLimit === null || serialOf(y + 1, m, d) <= refLimit) y += 1;
    } else if (m > base.m) {
      const tooLate = refLimit !== null && serialOf(y, m, d) > refLimit;
      if (tooLate || (refLimit === null && base.m <= 2 && m >= 11)) y -= 1;
    }
  } else if (ref && refLimit !== null) {
    y = ref.y;
    if (serialOf(y, m, d) > refLimit) y -= 1;
  } else {
    return null;
  }
  if (weekday !== null && isValidDate(y, m, d) && weekdayOf({ y, m, d }) !== weekday) {
    const fits = [y - 1, y + 1].filter((c) => isValidDate(c, m, d) && weekdayOf({ y: c, m, d }) === weekday);
    if (fits.length === 1) y = fits[0]!;
  }
  return y;
}

function relativeYear(rel: string, ctx: { y: number; m: number } | null, last: Ymd | null, ref: Ymd | null): number | null {
  const contextYear = ctx?.y ?? last?.y ?? null;
  switch (rel) {
    case '同年':
      return contextYear;
    case '翌年':
      return contextYear === null ? null : contextYear + 1;
    case '前年':
      return contextYear === null ? null : contextYear - 1;
    case '昨年':
      return ref ? ref.y - 1 : null;
    case '本年':
    case '今年':
      return ref ? ref.y : contextYear;
    default:
      return null;
  }
}

function eraYear(era: string, n: string): number {
  const k = n === '元' ? 1 : Number(n);
  if (era === '令和') return 2018 + k;
  if (era === '平成') return 1988 + k;
  return 1925 + k; // 昭和
}

function valid(y: number, m: number, d: number, exact: boolean): { ymd: Ymd; exact: boolean } | null {
  return isValidDate(y, m, d) ? { ymd: { y, m, d }, exact } : null;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function parseIso(s: string | null): Ymd | null {
  if (!s) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidDate(y, m, d) ? { y, m, d } : null;
}

function serialOf(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

function serial(x: Ymd): number {
  return serialOf(x.y, x.m, x.d);
}

function fromSerial(n: number): Ymd {
  const date = new Date(n * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function addMonths(x: Ymd, k: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + k;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: x.d };
}

function weekdayOf(x: Ymd): number {
  return new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay();
}

function iso(x: Ymd): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}
