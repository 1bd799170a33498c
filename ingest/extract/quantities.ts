import type { QuantityMention, Sentence } from '../records.ts';

/**
 * Counts and money amounts in NFKC-normalised Japanese text: 約74万件, 1万5,000件, 2,700件,
 * 3,574名, 約1,200人, 4,811億円, 74万2,000件, 最大で約10万件, 計13件, 10.4万人, 約2億2,000万円,
 * 三千件. Units are normalised (名様 → 名, 万円 / 億円 → 円 with the value scaled).
 *
 * Not counts: ordinals (第13報, 第三社), vague amounts (数千件, 数十万人), words that only
 * start with a unit character (名称, 社員, 通知, 台帳, 円滑), and numbers glued to other
 * numbers (phone numbers, dates, versions).
 */

const UNIT_RE_SOURCE = '件|名|人|社|円|台|通|世帯|店舗|校|団体|アカウント';

/** After these, the unit character starts a different word (名称, 社員, 通知 …). */
const WORD_AFTER_UNIT: Readonly<Record<string, RegExp>> = {
  件: /^(?:名|数)/u,
  名: /^(?:称|義|簿|刺|誉|字|乗|物|所|鑑|産|門|店|古屋|前(?!後))/u,
  人: /^(?:物|材|称|間|気|権|工|口|事|身|為|的|件|格|生|選|形|種|道|質)/u,
  社: /^(?:会|員|内|外|長|名|屋|用|団|債|製|寺|宅|是|風|歌|印|旗|章|史|報|説|告|交|殿|務)/u,
  円: /^(?:滑|高|安|形|満|盤|周|柱|錐|環|卓)/u,
  台: /^(?:帳|湾|風|所|頭|本|詞|紙|座|車|地|場)/u,
  通: /^(?:り|知|信|報|常|販|過|院|算|称|用|所|帳|話|貨|勤|訳|行|達|路|関|商|学|年|期|じ|す|し|る|っ)/u,
  校: /^(?:舎|長|正|内|則|閲|了|庭|門|区|医)/u,
};

const KANJI_DIGITS = '〇一二三四五六七八九十百千';
const NUMBER_PART = `(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?: ?[十百千](?![${KANJI_DIGITS}]))?|[${KANJI_DIGITS}]+`;
const QUANTITY_RE = new RegExp(
  `(?<num>(?:(?:${NUMBER_PART}) ?[兆億万] ?){1,3}(?:${NUMBER_PART})?|(?:${NUMBER_PART})) ?(?<unit>${UNIT_RE_SOURCE})(?<tail>様|分)?`,
  'gu',
);

const APPROX_PREFIX_RE = /(?:約|およそ|凡そ|概ね|おおよそ|推定|推計|最大で?(?: ?約)?|少なくとも|延べ約|計約|合計約) ?$/u;
const PLAIN_PREFIX_RE = /(?:計|合計|総計|総数|全|延べ) ?$/u;
const APPROX_SUFFIX_RE = /^ ?(?:以上|超|強|弱|余り?|程度|前後|ほど|あまり|近く|未満|以下)/u;

const MULTIPLIER: Readonly<Record<string, number>> = { 万: 1e4, 億: 1e8, 兆: 1e12 };
const KANJI_DIGIT_VALUE: Readonly<Record<string, number>> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const KANJI_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

const HAN_RE = /\p{Script=Han}/u;
const ALLOWED_HAN_BEFORE = new Set(['約', '計', '全', '総', '数', '第', '何', '延', '各']);

export function extractQuantities(sentences: readonly Sentence[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    QUANTITY_RE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = QUANTITY_RE.exec(text)) !== null) {
      const numText = match.groups!.num!;
      const unitRaw = match.groups!.unit!;
      const tail = match.groups!.tail;
      const start = match.index;
      const unitEnd = start + match[0].length - (tail?.length ?? 0);
      const before = text.slice(Math.max(0, start - 8), start);
      const prevChar = text[start - 1];
      const nextText = text.slice(unitEnd, unitEnd + 4);
      if (!acceptable(numText, unitRaw, prevChar, before, nextText, tail)) continue;
      const value = parseNumber(numText);
      if (value === null) continue;

      let surfaceStart = start;
      let approximate = false;
      const approx = APPROX_PREFIX_RE.exec(before);
      if (approx) {
        approximate = true;
        surfaceStart = start - approx[0].length;
      } else {
        const plain = PLAIN_PREFIX_RE.exec(before);
        if (plain) surfaceStart = start - plain[0].length;
      }
      let surfaceEnd = unitEnd + (tail === '様' ? 1 : 0);
      const suffix = APPROX_SUFFIX_RE.exec(text.slice(surfaceEnd, surfaceEnd + 4));
      if (suffix) {
        approximate = true;
        surfaceEnd += suffix[0].length;
      }

      const money = unitRaw === '円';
      out.push({
        kind: money ? 'money' : 'count',
        value,
        unit: unitRaw,
        approximate,
        surface: text.slice(surfaceStart, surfaceEnd),
        start: sentence.start + surfaceStart,
        end: sentence.start + surfaceEnd,
        sentenceIndex: sentence.index,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function acceptable(
  numText: string,
  unit: string,
  prevChar: string | undefined,
  before: string,
  nextText: string,
  tail: string | undefined,
): boolean {
  if (prevChar !== undefined) {
    // Glued to another number: phone numbers, dates (2025/10/19), decimals, versions.
    if (/[\d.,/\-:~〜～]/u.test(prevChar)) return false;
    // Ordinals and vague amounts: 第13報, 第三社, 数千件, 何百人.
    if (prevChar === '第' || prevChar === '数' || prevChar === '何' || prevChar === '幾') return false;
    // A kanji numeral inside a word: 統一名称, 同一人物, 唯一, 万一.
    if (/^[〇一二三四五六七八九十百千]/u.test(numText) && HAN_RE.test(prevChar) && !ALLOWED_HAN_BEFORE.has(prevChar)) return false;
  }
  if (/第 ?$/u.test(before)) return false;
  // "14 百万円" split by a space: the kanji part alone is not the amount.
  if (/^[〇一二三四五六七八九十百千]/u.test(numText) && /\d ?$/u.test(before)) return false;
  if (/(?:令和|平成|昭和)$/u.test(before)) return false;
  const afterUnit = tail === '分' || tail === '様' ? '' : nextText;
  const wordAfter = WORD_AFTER_UNIT[unit];
  if (wordAfter && wordAfter.test(afterUnit)) return false;
  // 一人ずつ, 一人ひとり, 一人一人: distributive, not a count.
  if (numText === '一' && (/^(?:ずつ|ひとり|一人|ごと|当たり|あたり|暮|でも|も)/u.test(afterUnit) || prevChar === 'お' || prevChar === 'ご')) return false;
  return true;
}

/** Parse 74万2,000 / 4,811億 / 10.4万 / 三千五百 / 2億2,000万 into a number; null if malformed. */
export function parseNumber(text: string): number | null {
  // Spaces are allowed only next to 万 / 億 / 兆 and before 十 / 百 / 千 (約 13 万 2,000, 14 百万).
  const compact = text.replace(/ (?=[兆億万十百千])|(?<=[兆億万]) /gu, '');
  if (compact.includes(' ')) return null;
  let total = 0;
  let pending: number | null = null;
  let lastMultiplier = Infinity;
  const parts = compact.match(/(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[十百千]?|[〇一二三四五六七八九十百千]+|[兆億万]/gu);
  if (!parts || parts.join('') !== compact) return null;
  for (const part of parts) {
    const multiplier = MULTIPLIER[part];
    if (multiplier !== undefined) {
      if (multiplier >= lastMultiplier) return null;
      lastMultiplier = multiplier;
      total += (pending ?? 1) * multiplier;
      pending = null;
      continue;
    }
    if (pending !== null) return null;
    const value = /\d/.test(part) ? arabicValue(part) : parseKanjiSmall(part);
    if (value === null || !Number.isFinite(value)) return null;
    pending = value;
  }
  total += pending ?? 0;
  return Math.round(total);
}

/** 2,700 → 2700; 14百 → 1400 (as in 14百万円); 3千 → 3000. */
function arabicValue(part: string): number {
  const small = KANJI_SMALL_UNIT[part[part.length - 1] ?? ''];
  const digits = small === undefined ? part : part.slice(0, -1);
  return Number(digits.replace(/,/g, '')) * (small ?? 1);
}

/** 三千五百 → 3500, 十 → 10, 二十一 → 21; below 万 only. */
function parseKanjiSmall(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    const d = KANJI_DIGIT_VALUE[ch];
    if (d !== undefined) {
      if (digit !== null) return null; // positional (二〇二五) is not a count
      digit = d;
      continue;
    }
    const unit = KANJI_SMALL_UNIT[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    lastUnit = unit;
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}
