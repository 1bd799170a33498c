import type { PersonMention, Sentence } from '../records.ts';

/**
 * People named with a role, favouring precision over recall:
 * - role then name: 代表取締役社長 吉岡晃, 代表取締役社長 CEO 吉岡 晃, (社長:田村 泰朗、…),
 *   代表取締役社長兼CEO:安渕 聖司, 学長 山田太郎, 社長の吉岡晃氏 (の needs 氏/様/さん);
 * - name then role: 吉岡晃社長, 山田太郎学長 (not for 市長/知事, where a place precedes);
 * - name with 氏 and no role: 吉岡晃氏 (role null).
 * Names are 2–6 kanji with at most one space between family and given name (removed in
 * `name`), or katakana names joined by ・ (マリウス・ポペスク). The span covers the name only.
 */

const ROLE_TOKENS = [
  '最高情報セキュリティ責任者', '最高情報責任者', '最高経営責任者', '代表取締役副社長', '代表取締役社長', '代表取締役会長',
  '代表執行役社長', '社長執行役員', '代表取締役', '取締役社長', '取締役会長', '専務取締役', '常務取締役', '代表執行役',
  '専務執行役員', '常務執行役員', '執行役員', '事務局長', 'センター長', '副理事長', '代表理事', '取締役', '執行役',
  '副社長', '副会長', '理事長', '副学長', '副校長', '病院長', '副院長', '副市長', '副知事', '教育長', '本部長', '支店長',
  '准教授', '組合長', '担当者', '社長', '会長', '理事', '学長', '総長', '校長', '園長', '院長', '市長', '町長', '村長',
  '区長', '知事', '所長', '局長', '部長', '課長', '室長', '店長', '教授', '講師', '頭取', 'CISO', 'CEO', 'COO',
  'CFO', 'CIO', 'CTO', 'CSO',
].sort((a, b) => b.length - a.length);

const ROLE_TOKEN = `(?:${ROLE_TOKENS.join('|')})`;
const ROLE = `${ROLE_TOKEN}(?:(?: ?兼 ?| ?・ ?| )?${ROLE_TOKEN}){0,3}`;
/** A kanji that can be part of a name (not an honorific). */
const HAN = '(?:(?![氏様殿])[\\p{Script=Han}々])';
const HAN_NAME = `${HAN}{1,4} ${HAN}{1,4}|${HAN}{2,6}`;
const KATA_NAME = '[\\p{Script=Katakana}ー]{2,}(?:・[\\p{Script=Katakana}ー]{2,}){1,2}';
const HONORIFIC = '(?:氏|様|さん|殿)';
const BOUNDARY = `(?=[、,)。/」』\\]]| ?\\(|は|が|より|から|の|に|へ|も|と|を|で|:| |$)`;

/** Role, optional separator (space, colon, or の), name. */
const ROLE_FIRST_RE = new RegExp(
  `(?<role>${ROLE})(?<sep> ?: ?| ?の ?| )?(?:(?<han>${HAN_NAME})|(?<kata>${KATA_NAME}))(?<hon>${HONORIFIC})?${BOUNDARY}`,
  'gu',
);

/** Name directly followed by a role (吉岡晃社長). */
const NAME_FIRST_RE = new RegExp(
  `(?<![\\p{Script=Han}々])(?<han>${HAN}{2,5}|${HAN}{1,3} ${HAN}{1,3}) ?(?<role>社長|会長|学長|総長|理事長|院長|病院長|校長|園長|教授|准教授|頭取)(?<hon>${HONORIFIC})?(?=[^\\p{Script=Han}]|$)`,
  'gu',
);

/** Name with 氏 and no role (吉岡晃氏, ジョン・スミス氏). */
const HONORIFIC_ONLY_RE = new RegExp(
  `(?<![\\p{Script=Han}々\\p{Script=Katakana}ー・])(?:(?<han>${HAN}{2,5}|${HAN}{1,3} ${HAN}{1,3})|(?<kata>${KATA_NAME}))氏(?![\\p{Script=Han}])`,
  'gu',
);

/** Words that follow a role but are not names. */
const NOT_NAMES = new Set([
  '交代', '交替', '就任', '退任', '辞任', '人事', '直轄', '直属', '会見', '談話', '声明', '名義', '以下', '自ら', '自身',
  '本人', '一同', '以上', '各位', '不在', '報酬', '職務', '兼務', '候補', '指示', '判断', '承認', '決裁', '権限', '挨拶',
  '署名', '直下', '経験', '経験者', '在任', '任期', '主導', '陣頭', '名代', '代行', '代理', '補佐', '秘書', '特命', '執行',
  '宛先', '通達', '通知', '指名', '選任', '解任', '会議', '会社', '以外', '相当', '全員', '全社', '同席', '出席', '参加',
  '直筆', '自筆', '名前', '氏名', '室', '印', '宛', '職', '級', '等', '及び', '含む', '当社', '同社', '弊社', '本学',
  '同大', '同院', '当院', '本院', '同校', '本校', '当校', '同市', '本市', '当市', '同氏', '両氏', '各氏', '前任', '新任',
  '後任', '歴代', '現任', '担当', '代表', '責任者', '管理者', '関係者', '方針', '指揮', '命令', '決定', '了承', '許可',
  '報告', '発表', '説明', '回答', '謝罪', '公表', '対応', '確認', '判明', '連絡', '監督', '管理', '統括', '直々', '専用',
  '宛て', '名刺', '室長', '自宅', '個人', '当時', '同日', '本日', '今回', '今後', '現在', '以前', '昨年', '本年', '今年',
  '社内', '社外', '業務', '事務', '会計', '経理', '総務', '人事部', '営業', '広報', '技術', '開発', '情報', '病院', '大学',
]);
/** Last characters that end organization or role words, not names. */
const NON_NAME_LAST = /[社学院市町村県省庁局部課会所団校園店行庫協的性化等者員官長様方室課係班科]$/u;
/** First characters of 2-character words that are not names (同社, 当院, 前任 …). */
const NON_NAME_FIRST_SHORT = /^[同当本弊各前元新現旧副両全総故歴次後]/u;

export function extractPeople(sentences: readonly Sentence[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const sentence of sentences) {
    const found: PersonMention[] = [];
    const text = sentence.text;
    const add = (name: string, role: string | null, localStart: number, localEnd: number): void => {
      found.push({ name, role, start: sentence.start + localStart, end: sentence.start + localEnd, sentenceIndex: sentence.index });
    };

    ROLE_FIRST_RE.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = ROLE_FIRST_RE.exec(text)) !== null) {
      const g = match.groups!;
      const sep = g.sep ?? '';
      const raw = g.han ?? g.kata ?? '';
      const hon = g.hon;
      if (sep.includes('の') && hon === undefined) continue;
      if (g.han !== undefined && !plausibleHanName(raw)) continue;
      if (sep === '' && hon === undefined) {
        // Role glued to the name: only with a clear end (代表取締役石田 浩、以下 …).
        const next = text[match.index + match[0].length];
        if (next !== undefined && !/[、,)(]/u.test(next) && !/^ ?\(/u.test(text.slice(match.index + match[0].length))) continue;
      }
      const nameStart = match.index + match[0].length - (hon?.length ?? 0) - raw.length;
      add(normalizeName(raw), g.role!.replace(/ /g, ''), nameStart, nameStart + raw.length);
    }

    NAME_FIRST_RE.lastIndex = 0;
    while ((match = NAME_FIRST_RE.exec(text)) !== null) {
      const g = match.groups!;
      const raw = g.han!;
      if (!plausibleHanName(raw)) continue;
      // 〇〇大学長 / 〇〇大総長: the university, not a person.
      if (/^(?:学長|総長)$/u.test(g.role!) && /大$/u.test(raw)) continue;
      add(normalizeName(raw), g.role!, match.index, match.index + raw.length);
    }

    HONORIFIC_ONLY_RE.lastIndex = 0;
    while ((match = HONORIFIC_ONLY_RE.exec(text)) !== null) {
      const g = match.groups!;
      const raw = g.han ?? g.kata ?? '';
      if (g.han !== undefined && !plausibleHanName(raw)) continue;
      add(normalizeName(raw), null, match.index, match.index + raw.length);
    }

    out.push(...dedupe(found));
  }
  return out.sort((a, b) => a.start - b.start);
}

function normalizeName(raw: string): string {
  return raw.replace(/ /g, '');
}

function plausibleHanName(raw: string): boolean {
  const name = normalizeName(raw);
  const length = [...name].length;
  if (length < 2 || length > 6) return false;
  if (NOT_NAMES.has(name)) return false;
  if (NON_NAME_LAST.test(name)) return false;
  if (length === 2 && NON_NAME_FIRST_SHORT.test(name)) return false;
  // A role word inside the "name": 代表取締役, 執行役員 …
  if (/取締|代表|役員|執行|理事|責任|担当/u.test(name)) return false;
  return true;
}

/** One mention per span: prefer the one with a role. */
function dedupe(found: readonly PersonMention[]): PersonMention[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end || (a.role === null ? 1 : 0) - (b.role === null ? 1 : 0));
  const kept: PersonMention[] = [];
  for (const p of sorted) {
    const i = kept.findIndex((k) => p.start < k.end && p.end > k.start);
    if (i < 0) {
      kept.push(p);
      continue;
    }
    const k = kept[i]!;
    if (k.role === null && p.role !== null) kept[i] = p;
  }
  return kept;
}
