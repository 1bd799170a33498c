/**
 * Normalises Japanese source text so that every later stage sees one spelling of the same
 * thing: NFKC (full-width digits and Latin letters become half-width, ① becomes 1, half-width
 * katakana become full-width, （） become ()), abbreviated legal forms spelled out, one line
 * ending, no zero-width characters, single spaces, and one range character.
 *
 * The canonical range character is '～' (U+FF5E FULLWIDTH TILDE). NFKC turns it into ASCII
 * '~', so it is restored after NFKC; '〜' (U+301C WAVE DASH), '∼' (U+223C) and '⁓' (U+2053)
 * map to it too. An ASCII '~' inside a URL is left alone (`https://host/~user`).
 *
 * `normalizeText(normalizeText(x)) === normalizeText(x)` for every input.
 */
export function normalizeText(text: string): string {
  let out = text
    // Circled legal forms whose NFKC result, (資)/(名), is too ambiguous to expand afterwards.
    .replace(/㈾/g, '合資会社')
    .replace(/㈴/g, '合名会社')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(/[\f\v]/g, '\n')
    .replace(CONTROL, '');

  out = out
    .replace(/[ \t]+/g, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(LEGAL_FORM, (match, abbreviation: string) => LEGAL_FORMS[abbreviation] ?? match)
    .replace(URL_OR_WAVE, (match) => (match.length === 1 ? RANGE : match))
    // PDF-extracted text puts spaces inside dates and counts ("2025 年 10 月 19 日", "第 13 報").
    .replace(/(\d) (?=[年月日時分秒件名人円台社校個回報万億千%])/g, '$1')
    .replace(/([年月第]|令和|平成|昭和) (?=\d|元年)/g, '$1');
  return out;
}

/** The one range character ('10月1日～10月3日') that normalised text uses. */
export const RANGE = '～';

const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;
/** C0/C1 controls other than tab and newline. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** `(株)` after NFKC: ㈱, (株) and （株） all arrive here as `(株)`. */
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  株: '株式会社',
  有: '有限会社',
  一社: '一般社団法人',
  一財: '一般財団法人',
  公社: '公益社団法人',
  公財: '公益財団法人',
};
const LEGAL_FORM = /\( ?(株|有|一社|一財|公社|公財) ?\)/g;

/** A URL (kept as is) or one wave-dash-like character (becomes RANGE). */
const URL_OR_WAVE = /https?:\/\/[\x21-\x7E]+|[~〜∼⁓]/g;
