import { KNOWN_SERVICES, MALWARE, THREAT_ACTORS } from '../../graph-schema/vocabularies/index.ts';
import type { OrganizationKind, OrganizationMention, Sentence } from '../records.ts';

/**
 * Organization names in NFKC-normalised Japanese text, found by their legal forms and
 * organization-type suffixes, with careful name boundaries:
 *
 * - companies: アスクル株式会社, 株式会社ロフト, 有限会社…, 合同会社…, 相互会社, …ホールディングス,
 *   …グループ, …銀行 / 信用金庫, Latin or katakana names with 社 (IIJ社 → IIJ);
 * - juridical persons by prefix: 一般社団法人 / 公益財団法人 / 社会福祉法人 / 学校法人 / 医療法人 /
 *   国立大学法人 / 独立行政法人 / 特定非営利活動法人 …;
 * - schools (…大学, …高等学校, …小学校 …), hospitals (…病院, …医療センター, …クリニック),
 *   ministries and agencies (…省, …庁, …委員会, 情報処理推進機構, JPCERT/CC), associations
 *   (…協会, …機構, …公社, …組合);
 * - local governments when used as an organization: 〇〇市役所, 〇〇市教育委員会, 〇〇県警察,
 *   or a prefecture / municipality acting as a subject (広島県は…, 浦添市が…);
 * - brands and services from the gazetteer (ASKUL, LOHACO, 無印良品 …) as entity 'service';
 * - later bare mentions of a company already named with its legal form (アスクル株式会社 …
 *   アスクルは …).
 *
 * A name stops at particles, punctuation, brackets and spaces (a space is kept only between
 * Latin words: ASKUL LOGIST); leading descriptors (当社, 委託先, 子会社, 大手通販会社 …) and
 * trailing roles (社長, 本社, 担当者 …) are removed; generic words alone are rejected.
 */

// ---------------------------------------------------------------------------------------------
// Name normalisation, used by the resolver too.

/** Legal forms removed by {@link coreName}; ホールディングス and グループ are part of a name. */
const LEGAL_FORMS = [
  '地方独立行政法人',
  '特定非営利活動法人',
  '国立研究開発法人',
  '社会保険労務士法人',
  '独立行政法人',
  '国立大学法人',
  '公立大学法人',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '社会福祉法人',
  '社会医療法人',
  '医療法人社団',
  '医療法人財団',
  '司法書士法人',
  '行政書士法人',
  '税理士法人',
  '弁護士法人',
  '監査法人',
  '宗教法人',
  '学校法人',
  '医療法人',
  'NPO法人',
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '相互会社',
] as const;

const LEGAL_FORM_RE = new RegExp(LEGAL_FORMS.join('|'), 'gu');

/**
 * The name as normalised for resolution: ㈱ / (株) / (有) expanded, spacing removed, legal form
 * kept. 「アスクル 株式会社」 → 「アスクル株式会社」.
 */
export function normalizeOrganizationName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\((?:株)\)/gu, '株式会社')
    .replace(/\((?:有)\)/gu, '有限会社')
    .replace(/[\s\u3000]+/gu, '')
    .trim();
}

/**
 * The name without legal forms (株式会社, 有限会社, 一般社団法人 …) and spaces, so that
 * アスクル, アスクル株式会社 and 「アスクル 株式会社」 meet. ホールディングス and グループ are
 * kept: a holding company is a different entity from its operating company.
 */
export function coreName(name: string): string {
  const stripped = normalizeOrganizationName(name).replace(LEGAL_FORM_RE, '');
  return stripped.length > 0 ? stripped : normalizeOrganizationName(name);
}

/** Alias of {@link coreName}: the name with its legal form stripped. */
export const legalFormStripped = coreName;

/** Brand or service → the company that owns it (from the gazetteer in graph-schema). */
export const BRANDS: ReadonlyMap<string, string> = new Map(
  KNOWN_SERVICES.flatMap((service) => [service.name, ...service.aliases].map((alias) => [alias, service.owner] as const)),
);

// ---------------------------------------------------------------------------------------------
// Character classes.

const HAN_RE = /[\p{Script=Han}々〆]/u;
const KATA_RE = /[\p{Script=Katakana}ー]/u;
const HIRA_RE = /\p{Script=Hiragana}/u;
const LATIN_RE = /[A-Za-z0-9]/;

function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  return HAN_RE.test(c) || KATA_RE.test(c) || LATIN_RE.test(c) || c === '・' || c === '&' || c === '.' || c === '-' || c === "'";
}

function isLatin(c: string | undefined): boolean {
  return c !== undefined && LATIN_RE.test(c);
}

/** Okurigana that may sit inside a name between kanji (保険見直し本舗, 引越し). */
const OKURIGANA = new Set(['し', 'り', 'き', 'け', 'ち', 'み', 'ぎ']);

function isOkurigana(text: string, k: number): boolean {
  const c = text[k];
  if (c === undefined || !OKURIGANA.has(c)) return false;
  return HAN_RE.test(text[k - 1] ?? '') && (HAN_RE.test(text[k + 1] ?? '') || KATA_RE.test(text[k + 1] ?? ''));
}

/** Hiragana-initial names found even right after a particle (…グループのあいおいニッセイ…). */
const KANA_NAME_STARTS = [
  'あいおい', 'みずほ', 'ゆうちょ', 'かんぽ', 'あおぞら', 'きらぼし', 'はるやま', 'りそな', 'めぶき', 'ほくほく',
  'はなさく', 'すかいらーく', 'しまむら', 'ひろしま', 'おかやま', 'ちゅうぎん', 'いよぎん', 'とうほう', 'ふくおか',
];

/** Single characters that are particles or start function words. */
const PARTICLE_CHARS = new Set(['は', 'が', 'を', 'に', 'の', 'で', 'と', 'へ', 'も', 'や']);
const HIRAGANA_STOPWORDS = new Set([
  'また', 'なお', 'さらに', 'および', 'ならびに', 'しかし', 'ただし', 'そして', 'その', 'この', 'あの', 'これ', 'それ',
  'ため', 'よう', 'こと', 'もの', 'ところ', 'まず', 'すでに', 'ほか', 'など', 'かつ', 'または', 'あるいは', 'いずれ',
  'こちら', 'すべて', 'おり', 'あり', 'より', 'から', 'まで', 'ついて', 'おいて', 'よる', 'よって', 'かかる', 'わたる',
]);

// ---------------------------------------------------------------------------------------------
// Generic words.

/** Leading descriptors removed from a name found by walking back from its suffix. */
const LEADING_DESCRIPTORS = [
  '持分法適用会社', '連結子会社', '完全子会社', '業務委託先', '再委託先', 'グループ会社', '関連会社', '関係会社',
  '子会社', '親会社', '孫会社', '委託先', '委託元', '取引先', '提携先', '運営会社', '管理会社', '委託会社',
  '販売会社', '開発会社', '保守会社', '提供元', '開発元', '販売元', '製造元', '運営元', '発行元', '当社', '弊社',
  '同社', '本社', '貴社', '御社', '各社', '他社', '当該', '前記', '上記', '下記', '本件', '大手', '傘下', '老舗',
  '国内', '海外', '当法人', '本法人', '同法人', '当グループ', '本学', '当学', '本校', '当校', '当院', '本院',
  '同院', '当行', '当庫', '当組合', '当会', '本会', '当機構', '当協会', '当財団', '当学園', '本学園', '同', '元',
].sort((a, b) => b.length - a.length);

/** Trailing words removed from a name found by walking forward from its legal-form prefix. */
const TRAILING_DESCRIPTORS = [
  '代表取締役社長', '代表取締役', '取締役社長', '代表者', '取締役', '社長', '会長', '代表', '本社', '本店', '支社',
  '支店', '営業所', '事業所', '事業部', '工場', '担当者', '担当', '従業員', '社員', '職員', '各位', '御中', '様',
  '殿', '製', '経由', '提供', '運営', '管理', '委託', '業務', '内', '等', '宛', '主催', '所属', '顧客', '会員',
  '利用者', '関係者', '側', '傘下', '子会社', '親会社', '調べ', '発表', '公表', '報告', '調査', '対応', '製品',
  '商品', '社内', '名義', '以下', '同社', '当社', '及', '並', '宛て', '発行', '作成', '開発', '販売', '運用',
  '相談窓口', '窓口', 'お客様相談室', '相談室', 'コールセンター', 'カスタマーセンター', 'サポートセンター',
].sort((a, b) => b.length - a.length);

/** Names that are only generic words. */
const GENERIC_CORES = new Set([
  '当社', '弊社', '同社', '本社', '貴社', '御社', '子会社', '親会社', '関連会社', '関係会社', 'グループ会社',
  '連結子会社', '委託先', '業務委託先', '再委託先', '取引先', 'お取引先', '提携先', '各社', '他社', '同', '当',
  '本', '各', '該', '当該', '前記', '上記', '下記', '一部', '全', '大手', '外部', '第三者', '専門', '事業', '運営',
  '管理', '保守', '販売', '開発', '製造', '物流', '通販', '保険', '証券', '生命保険', '損害保険', '国内', '海外',
  '外資', '企業', '法人', '団体', '会社', '国立', '私立', '公立', '県立', '市立', '町立', '村立', '区立', '都立',
  '府立', '道立', '総合', '大学', '附属', '付属', '動物', '精神科', '一般', '地域', '協力', '連携', '近隣',
  '受診', '紹介', '全国', '他', '各種', '関係', '関連', '所管', '監督', '関係省', '中央', '地方', '行政', '政府',
  '主要', '複数', '特定', '一部の', '専門学校', '高校', '研究', '医療', '教育', '県', '市', '町', '村', '区',
  '都', '府', '国', '本学', '当院', '本院', '当学', '攻撃', '犯罪', '攻撃者', 'ハッカー', 'ランサムウェア',
  'サイバー犯罪', '犯行', '脅威', '国家', '支援', '同一', '作業', 'ワーキング', 'ユーザー', 'プロジェクト',
  '対策', '専門家', '出版', '金融', '地方銀行', '都市銀行', 'ネット', 'ベンダー', 'メーカー', 'パートナー',
  'システム', 'セキュリティ', 'クラウド', 'サーバー', 'ホスティング', 'IT', 'EC', 'SNS', 'ドメイン',
  '調査', '委託', '信用', '生活協同', '協同', '労働', '実行', '執行', '審査', '選考', '第三', '運営委員',
  '当法人', '本法人', '同法人', '当グループ', '出身', '所轄', '管轄', '最寄', '地元', '生命', '損保', '旧', '新',
  '管内', '域内', '県内', '市内', '町内', '村内', '区内', '校内', '学内', '院内', '都内', '府内', '道内',
  '農業協同', '健康保険', '内部調査', '情報セキュリティ', '共済', '振込', '振込先', '指定', '取引', '引落', '受取', '送金',
  'ネット', 'メイン', '地方', '都市', '民間', '外資系',
]);

const ACTOR_NAMES = new Set(
  [...THREAT_ACTORS, ...MALWARE].flatMap((e) => [e.name, e.nameJa, ...e.aliases].map((n) => n.toLowerCase())),
);

// ---------------------------------------------------------------------------------------------
// Markers.

type MarkerRole = 'legal' | 'prefix' | 'suffix';

interface MarkerInfo {
  readonly role: MarkerRole;
  readonly kind: OrganizationKind;
  /** Minimum core length (characters before the suffix). */
  readonly minCore: number;
}

const PREFIX_KIND: ReadonlyArray<readonly [string, OrganizationKind]> = [
  ['地方独立行政法人', 'government'],
  ['特定非営利活動法人', 'association'],
  ['国立研究開発法人', 'government'],
  ['社会保険労務士法人', 'company'],
  ['独立行政法人', 'government'],
  ['国立大学法人', 'school'],
  ['公立大学法人', 'school'],
  ['一般社団法人', 'association'],
  ['一般財団法人', 'association'],
  ['公益社団法人', 'association'],
  ['公益財団法人', 'association'],
  ['社会福祉法人', 'other'],
  ['社会医療法人', 'hospital'],
  ['医療法人社団', 'hospital'],
  ['医療法人財団', 'hospital'],
  ['司法書士法人', 'company'],
  ['行政書士法人', 'company'],
  ['税理士法人', 'company'],
  ['弁護士法人', 'company'],
  ['監査法人', 'company'],
  ['宗教法人', 'other'],
  ['学校法人', 'school'],
  ['医療法人', 'hospital'],
  ['NPO法人', 'association'],
];

const SUFFIX_KIND: ReadonlyArray<readonly [string, OrganizationKind, number]> = [
  ['ホールディングス', 'company', 2],
  ['グループ', 'company', 2],
  ['信用金庫', 'company', 2],
  ['信用組合', 'company', 2],
  ['銀行', 'company', 2],
  ['大学医学部附属病院', 'hospital', 2],
  ['大学附属病院', 'hospital', 2],
  ['大学病院', 'hospital', 2],
  ['附属病院', 'hospital', 2],
  ['医療センター', 'hospital', 2],
  ['クリニック', 'hospital', 2],
  ['診療所', 'hospital', 2],
  ['病院', 'hospital', 2],
  ['医院', 'hospital', 2],
  ['高等専門学校', 'school', 2],
  ['中等教育学校', 'school', 2],
  ['高等学校', 'school', 2],
  ['専門学校', 'school', 2],
  ['中学校', 'school', 2],
  ['小学校', 'school', 2],
  ['義務教育学校', 'school', 2],
  ['特別支援学校', 'school', 2],
  ['大学', 'school', 2],
  ['高校', 'school', 2],
  ['幼稚園', 'school', 2],
  ['保育園', 'school', 2],
  ['こども園', 'school', 2],
  ['教育委員会', 'government', 2],
  ['委員会', 'other', 2],
  ['警察本部', 'government', 2],
  ['警察署', 'government', 2],
  ['市役所', 'government', 1],
  ['区役所', 'government', 1],
  ['町役場', 'government', 1],
  ['村役場', 'government', 1],
  ['省', 'government', 2],
  ['庁', 'government', 2],
  ['商工会議所', 'association', 2],
  ['協会', 'association', 2],
  ['機構', 'association', 3],
  ['財団', 'association', 2],
  ['公社', 'association', 2],
  ['組合', 'association', 2],
  ['企業団', 'association', 2],
  ['事業団', 'association', 2],
  ['連合会', 'association', 2],
  ['研究所', 'other', 2],
];

const COMPANY_FORMS = ['株式会社', '有限会社', '合同会社', '合資会社', '合名会社', '相互会社'];

const MARKERS = new Map<string, MarkerInfo>();
for (const form of COMPANY_FORMS) MARKERS.set(form, { role: 'legal', kind: 'company', minCore: 1 });
MARKERS.set('(株)', { role: 'legal', kind: 'company', minCore: 1 });
MARKERS.set('(有)', { role: 'legal', kind: 'company', minCore: 1 });
for (const [form, kind] of PREFIX_KIND) MARKERS.set(form, { role: 'prefix', kind, minCore: 1 });
for (const [form, kind, minCore] of SUFFIX_KIND) MARKERS.set(form, { role: 'suffix', kind, minCore });

const MARKER_RE = new RegExp(
  [...MARKERS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[()]/g, '\\$&'))
    .join('|'),
  'gu',
);

/** A suffix marker directly followed by one of these is part of a longer name. */
const CONTINUES_NAME_RE = /^ ?(?:株式会社|有限会社|合同会社|ホールディングス|グループ|\(株\)|病院|附属|医学部|歯学部|大学院)/u;
/** Words after a suffix that show it was not a name's end (大学生, 省略, 銀行口座 is fine). */
const SUFFIX_NOT_END: Readonly<Record<string, RegExp>> = {
  大学: /^(?:生|入試|受験)/u,
  省: /^(?:略|く|き|け|こ|い|エネ|力|令)/u,
  庁: /^(?:舎内)/u,
  高校: /^(?:生)/u,
  グループ: /^(?:内|会社|企業|全体|各社|ウェア|化|分け|ページ|ID|メール|チャット|名)/u,
  組合: /^(?:せ|わ|員)/u,
  委員会: /^(?:等)/u,
};

/** Agencies and well-known government bodies, also found without a suffix rule. */
const KNOWN_AGENCIES: ReadonlyArray<readonly [string, OrganizationKind]> = [
  ['JPCERTコーディネーションセンター', 'government'],
  ['内閣サイバーセキュリティセンター', 'government'],
  ['国家サイバー統括室', 'government'],
  ['JPCERT/CC', 'government'],
  ['NISC', 'government'],
];
const KNOWN_AGENCY_RE = new RegExp(KNOWN_AGENCIES.map(([n]) => n.replace(/[/]/g, '\\/')).join('|'), 'gu');
const GOVERNMENT_COMMITTEES_RE = /(?:教育|個人情報保護|公正取引|選挙管理|人事|公安|規制|監査|農業)委員会$/u;

// Local governments.
const PREFECTURES = [
  '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県', '埼玉県',
  '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県',
  '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県',
  '広島県', '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県',
  '宮崎県', '鹿児島県', '沖縄県',
];
const KANA_MUNICIPALITIES = [
  'さいたま市', 'つくば市', 'つくばみらい市', 'いわき市', 'ひたちなか市', 'たつの市', 'みよし市', 'あま市',
  'かすみがうら市', 'いちき串木野市', 'みやま市', 'うきは市', 'さくら市', 'あきる野市', 'むつ市', 'にかほ市',
  'かほく市', 'みどり市', 'いすみ市', '南あわじ市', 'あわら市', 'えびの市', 'うるま市', '南さつま市', '南アルプス市',
];
const GOV_SUFFIX = '市役所|区役所|町役場|村役場|役所|役場|庁|教育委員会|選挙管理委員会|議会|警察本部|警察署|警察|警(?![備告戒])|消防本部|消防局|水道局|上下水道局|交通局|公式';
const MUNICIPALITY = `(?:${KANA_MUNICIPALITIES.join('|')}|[\\p{Script=Han}ヶケ々]{1,5}?[市区町村])`;
const PREFECTURE_RE = new RegExp(`(?<pref>${PREFECTURES.join('|')})(?<muni>${MUNICIPALITY})?(?<suffix>${GOV_SUFFIX})?`, 'gu');
const MUNICIPALITY_RE = new RegExp(
  // Hiragana-initial names outside the list (みどり野市) only where no word runs into them.
  `(?<![\\p{Script=Han}ヶケ々\\p{Script=Katakana}])(?<muni>${KANA_MUNICIPALITIES.join('|')}|[\\p{Script=Han}ヶケ々]{2,5}[市区町村]|(?<![\\p{L}])\\p{Script=Hiragana}{2,4}[\\p{Script=Han}ヶケ々]{1,3}[市町村])(?<suffix>${GOV_SUFFIX})?`,
  'gu',
);
const GOV_USE_AFTER_RE = /^(?:は|が|では|から|より|として|とし|に対し|も|へ|と(?:連携|協力|共同)|において|における|内部|職員|公式|ホームページ|HP|ウェブサイト)/u;
/** For a municipality without a prefecture: only as the subject or partner of an action. */
const GOV_SUBJECT_AFTER_RE = /^(?:は|が|では|から|より|として|に対し|と(?:連携|協力|共同)|において|における)/u;
const GENERIC_MUNICIPALITY = new Set([
  '都市', '同市', '当市', '本市', '各市', '全市', '政令市', '中核市', '市区町村', '同区', '特別区', '地区', '学区',
  '当区', '各区', '町村', '同町', '当町', '本町', '各町', '同村', '当村', '各村', '漁村', '農村', '山村', '選挙区',
  '行政区', '区市町村', '市町村', '市区', '都市部', '城下町', '門前町', '商店街', '下町', '他市', '近隣市', '隣町',
  '自治区', '管区', '地域区', '県市', '府市', '住宅区', '区域区', '当該市', '当該区', '当該町', '一部地区', '全区',
  '対象地区', '周辺地区', '該当地区', '港区内',
]);

// ---------------------------------------------------------------------------------------------

interface Candidate {
  readonly name: string;
  readonly surfaceStart: number; // within the sentence
  readonly surfaceEnd: number;
  readonly kind: OrganizationKind;
  readonly entity: 'organization' | 'service';
  /** For bare re-mentions: the core, to look for elsewhere in the document. */
  readonly core: string | null;
}

export function extractOrganizations(sentences: readonly Sentence[]): OrganizationMention[] {
  const perSentence = new Map<number, Candidate[]>();
  const cores = new Map<string, { name: string; kind: OrganizationKind }>();
  for (const sentence of sentences) {
    const found: Candidate[] = [];
    findByMarkers(sentence.text, found);
    findKnownAgencies(sentence.text, found);
    findLocalGovernments(sentence.text, found);
    findLatinOrKatakanaSha(sentence.text, found);
    findBrands(sentence.text, found);
    perSentence.set(sentence.index, found);
    for (const c of found) {
      if (c.core !== null && !cores.has(c.core)) cores.set(c.core, { name: c.name, kind: c.kind });
    }
  }
  // Bare re-mentions of companies named with a legal form elsewhere in the document.
  const bareRe = buildBareMatcher([...cores.keys()]);
  const out: OrganizationMention[] = [];
  for (const sentence of sentences) {
    const found = perSentence.get(sentence.index) ?? [];
    if (bareRe) findBareMentions(sentence.text, bareRe, cores, found);
    for (const c of dedupe(found)) {
      out.push({
        name: c.name,
        surface: sentence.text.slice(c.surfaceStart, c.surfaceEnd),
        kind: c.kind,
        start: sentence.start + c.surfaceStart,
        end: sentence.start + c.surfaceEnd,
        sentenceIndex: sentence.index,
        entity: c.entity,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function findByMarkers(text: string, found: Candidate[]): void {
  MARKER_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MARKER_RE.exec(text)) !== null) {
    const marker = match[0];
    const info = MARKERS.get(marker);
    if (!info) continue;
    const p = match.index;
    const q = p + marker.length;
    const after = text.slice(q, q + 12);
    if (info.role === 'legal') {
      const back = walkBack(text, p, true);
      if (back !== null) {
        pushName(found, text, back.start, q, back.core, info.kind, true);
        continue;
      }
      const forward = walkForward(text, q);
      if (forward !== null) pushName(found, text, p, forward.end, forward.core, info.kind, true);
      continue;
    }
    if (info.role === 'prefix') {
      const forward = walkForward(text, q);
      if (forward !== null) pushName(found, text, p, forward.end, forward.core, info.kind, false);
      continue;
    }
    // Suffix markers.
    if (CONTINUES_NAME_RE.test(after)) continue;
    const notEnd = SUFFIX_NOT_END[marker];
    if (notEnd && notEnd.test(after)) continue;
    const walked = walkBack(text, p, false);
    const back = walked === null ? null : cutToAnchor(walked);
    if (back === null || [...back.core].length < info.minCore) continue;
    if (!acceptSuffixCore(back.core, marker)) continue;
    let kind = info.kind;
    if (marker === '委員会' && GOVERNMENT_COMMITTEES_RE.test(back.core + marker)) kind = 'government';
    if (marker === '機構' && /情報処理推進機構$/u.test(back.core + marker)) kind = 'government';
    if ((marker === '省' || marker === '庁') && !HAN_RE.test(back.core[back.core.length - 1] ?? '')) continue;
    pushName(found, text, back.start, q, back.core, kind, false);
  }
}

/** Names that start an organization name: text before them is not part of it (実施福岡県警察本部). */
const ANCHOR_RE = new RegExp(`${PREFECTURES.join('|')}|内閣府|個人情報保護`, 'u');

function cutToAnchor(back: { start: number; core: string }): { start: number; core: string } {
  const m = ANCHOR_RE.exec(back.core);
  if (!m || m.index === 0) return back;
  return { start: back.start + m.index, core: back.core.slice(m.index) };
}

function acceptSuffixCore(core: string, marker: string): boolean {
  if (GENERIC_CORES.has(core)) return false;
  const first = core[0] ?? '';
  if ([...core].length <= 2 && '同当本各該貴弊他前後上下'.includes(first)) return false;
  if (marker === 'グループ' || marker === 'ホールディングス') {
    if (ACTOR_NAMES.has(core.toLowerCase())) return false;
    if (/(?:攻撃|犯罪|ハッカー|ランサム|ウェア|集団|組織|勢力|当社|弊社|同社)$/u.test(core)) return false;
  }
  // A bare local-government prefix ("県教育委員会", "市立病院"): which one is unknown.
  if (/^[県市町村区都府国道]/u.test(core) && [...core].length <= 4) return false;
  // "守谷市立小学校", "管内小中学校", "所轄官庁": which one is unknown.
  if (/(?:[市町村区県都府道国私公]立|内|官|外|系|等|各|全|他)$/u.test(core)) return false;
  if (/^(?:各|当|弊|貴|医学部|歯学部|薬学部|学部|附属|付属)/u.test(core)) return false;
  if (/[〇○●×＊*]/u.test(core)) return false;
  if (marker === '委員会' && /(?:調査|検証|対策|再発防止|セキュリティ|第三者|実行|運営|選考|審査|倫理)$/u.test(core)) return false;
  // An enumeration: "医院・クリニック", "クレジットカード・銀行", "大学・大学院・中学校".
  if (core.endsWith('・')) return false;
  if (core.includes('・') && !['グループ', 'ホールディングス', '協会', '機構', '財団', '組合', '連合会', '研究所'].includes(marker)) return false;
  return true;
}

function pushName(
  found: Candidate[],
  text: string,
  start: number,
  end: number,
  core: string,
  kind: OrganizationKind,
  isCompanyForm: boolean,
): void {
  const name = normalizeOrganizationName(text.slice(start, end));
  const normalizedCore = normalizeOrganizationName(core);
  if (normalizedCore.length === 0 || GENERIC_CORES.has(normalizedCore)) return;
  // Only distinctive company names are looked for again without their legal form.
  const bareCore = isCompanyForm && isDistinctiveCore(normalizedCore) ? normalizedCore : null;
  found.push({ name, surfaceStart: start, surfaceEnd: end, kind, entity: 'organization', core: bareCore });
}

function isDistinctiveCore(core: string): boolean {
  const chars = [...core];
  if (/^[A-Za-z0-9.&\-']+$/.test(core)) return chars.length >= 3;
  if (chars.every((c) => HAN_RE.test(c))) return chars.length >= 2;
  return chars.length >= 3;
}

/**
 * Walk back from a suffix at `p` over name characters; null when no name precedes it.
 * `allowLatinSpace`: "B-by-C 株式会社" keeps the space before the legal form.
 */
function walkBack(text: string, p: number, allowLatinSpace: boolean): { start: number; core: string } | null {
  let i = p;
  if (allowLatinSpace && text[i - 1] === ' ' && isLatin(text[i - 2])) i -= 1;
  const limit = Math.max(0, p - 40);
  for (let round = 0; round < 2; round++) {
    while (i > limit) {
      const c = text[i - 1];
      if (isNameChar(c)) {
        i -= 1;
        continue;
      }
      if (c === ' ' && isLatin(text[i - 2]) && isLatin(text[i])) {
        i -= 1;
        continue;
      }
      break;
    }
    // A hiragana-initial name (あいおいニッセイ同和損害保険): a known one after any particle,
    // and then on over a preceding name (三井住友海上あいおい生命); another one only right
    // after a boundary.
    if (i <= limit || !HIRA_RE.test(text[i - 1] ?? '') || i >= p) break;
    let j = i;
    while (j > 0 && HIRA_RE.test(text[j - 1] ?? '') && i - j < 8) j -= 1;
    const run = text.slice(j, i);
    const known = KANA_NAME_STARTS.find((k) => run.endsWith(k));
    const boundaryBefore = j === 0 || !(HIRA_RE.test(text[j - 1] ?? '') || isNameChar(text[j - 1]));
    if (known) {
      i -= known.length;
      if (known.length === run.length && isNameChar(text[i - 1])) continue;
    } else if (boundaryBefore && run.length >= 2 && ![...run].some((ch) => PARTICLE_CHARS.has(ch)) && !HIRAGANA_STOPWORDS.has(run)) {
      i = j;
    }
    break;
  }
  let start = i;
  let core = text.slice(start, p).replace(/ +$/u, '');
  // "株式会社オンテック・株式会社…": the name before the separator belongs to the first form.
  if (core.endsWith('・')) return null;
  // Cut after a date or time glued to the name (10月19日アスクル).
  const dateCut = /^.*\d ?(?:年度?|月|日|時|分)/u.exec(core);
  if (dateCut) {
    start += dateCut[0].length;
    core = core.slice(dateCut[0].length);
  }
  // Cut after another legal form (株式会社A・B株式会社) and list numbers (2.個人情報保護委員会).
  const innerForm = /^.*(?:株式会社|有限会社|合同会社|法人)[ ・]?/u.exec(core);
  if (innerForm && innerForm[0].length < core.length) {
    start += innerForm[0].length;
    core = core.slice(innerForm[0].length);
  }
  const listNumber = /^\d{1,3}[.)]?(?=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}])/u.exec(core);
  if (listNumber) {
    start += listNumber[0].length;
    core = core.slice(listNumber[0].length);
  }
  // A descriptor right before the legal form (卒業アルバム制作会社株式会社X): no name here.
  if (/(?:会社|業者|法人)$/u.test(core)) return null;
  // Cut after a descriptor ending in 会社/法人 (大手通販会社アスクル).
  const companyWord = core.lastIndexOf('会社');
  if (companyWord >= 0 && companyWord + 2 < core.length) {
    start += companyWord + 2;
    core = core.slice(companyWord + 2);
  }
  // Strip leading symbols and descriptors (当社, 委託先 …), repeatedly.
  for (let changed = true; changed; ) {
    changed = false;
    const sym = /^[・&.\-' ]+/u.exec(core);
    if (sym) {
      start += sym[0].length;
      core = core.slice(sym[0].length);
      changed = true;
    }
    for (const d of LEADING_DESCRIPTORS) {
      if (core.startsWith(d) && core.length > d.length) {
        const rest = core.slice(d.length);
        // Keep 同/元/米 when they start a real name; strip only before another script.
        if (d.length === 1 && HAN_RE.test(rest[0] ?? '')) continue;
        start += d.length;
        core = rest;
        changed = true;
        break;
      }
    }
  }
  if (core.length === 0 || !/[\p{L}\p{N}]/u.test(core)) return null;
  if (GENERIC_CORES.has(core)) return null;
  return { start, core };
}

/** Walk forward from the end `q` of a legal-form prefix over the name; null when none follows. */
function walkForward(text: string, q: number): { end: number; core: string } | null {
  let j = q;
  if (text[j] === ' ' && (isNameChar(text[j + 1]) || HIRA_RE.test(text[j + 1] ?? ''))) j += 1;
  const nameStart = j;
  // A hiragana-initial name (株式会社ふくや, 株式会社あきんどスシロー).
  if (HIRA_RE.test(text[j] ?? '') && !PARTICLE_CHARS.has(text[j] ?? '')) {
    let k = j;
    while (k < text.length && HIRA_RE.test(text[k] ?? '') && (k === j || !PARTICLE_CHARS.has(text[k] ?? ''))) k += 1;
    const run = text.slice(j, k);
    if (run.length >= 2 && !HIRAGANA_STOPWORDS.has(run)) j = k;
  }
  const limit = Math.min(text.length, q + 40);
  while (j < limit) {
    const c = text[j];
    if (isNameChar(c)) {
      j += 1;
      continue;
    }
    if (c === ' ' && isLatin(text[j - 1]) && isLatin(text[j + 1])) {
      j += 1;
      continue;
    }
    if (isOkurigana(text, j)) {
      j += 1;
      continue;
    }
    break;
  }
  let core = text.slice(nameStart, j);
  // Another organization follows (株式会社A・株式会社B): stop before it.
  const nextForm = /[・ ]?(?:株式会社|有限会社|合同会社|\(株\))/u.exec(core);
  if (nextForm) core = core.slice(0, nextForm.index);
  // Trailing symbols and descriptors (社長, 本社, 担当者 …), repeatedly.
  for (let changed = true; changed; ) {
    changed = false;
    const sym = /[・&.\-' ]+$/u.exec(core);
    if (sym) {
      core = core.slice(0, core.length - sym[0].length);
      changed = true;
    }
    for (const d of TRAILING_DESCRIPTORS) {
      if (core.endsWith(d) && core.length > d.length) {
        core = core.slice(0, core.length - d.length);
        changed = true;
        break;
      }
    }
  }
  // A date glued after the name.
  const dateTail = /\d+ ?[年月日].*$/u.exec(core);
  if (dateTail && dateTail.index > 0) core = core.slice(0, dateTail.index);
  if (core.length === 0 || GENERIC_CORES.has(core)) return null;
  return { end: nameStart + core.length, core };
}

function findKnownAgencies(text: string, found: Candidate[]): void {
  KNOWN_AGENCY_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = KNOWN_AGENCY_RE.exec(text)) !== null) {
    const kind = KNOWN_AGENCIES.find(([n]) => n === match![0])?.[1] ?? 'government';
    const after = text[match.index + match[0].length];
    if (/^[A-Za-z]/.test(match[0]) && after !== undefined && /[A-Za-z0-9]/.test(after)) continue;
    found.push({ name: match[0], surfaceStart: match.index, surfaceEnd: match.index + match[0].length, kind, entity: 'organization', core: null });
  }
}

function findLocalGovernments(text: string, found: Candidate[]): void {
  PREFECTURE_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PREFECTURE_RE.exec(text)) !== null) {
    const g = match.groups ?? {};
    const start = match.index;
    let end = start + match[0].length;
    if (g.muni !== undefined && GENERIC_MUNICIPALITY.has(g.muni)) continue;
    let suffix = g.suffix;
    if (suffix === '公式') {
      end -= suffix.length;
      suffix = undefined;
    }
    if (suffix === undefined && !usedAsOrganization(text, start, end)) continue;
    if (isAddress(text, start)) continue;
    found.push({ name: normalizeOrganizationName(text.slice(start, end)), surfaceStart: start, surfaceEnd: end, kind: 'government', entity: 'organization', core: null });
  }
  MUNICIPALITY_RE.lastIndex = 0;
  while ((match = MUNICIPALITY_RE.exec(text)) !== null) {
    const g = match.groups ?? {};
    const muni = g.muni ?? '';
    const start = match.index;
    let end = start + match[0].length;
    if (GENERIC_MUNICIPALITY.has(muni) || /^[同当本各全他該]/u.test(muni)) continue;
    let suffix = g.suffix;
    if (suffix === '公式') {
      end -= suffix.length;
      suffix = undefined;
    }
    if (suffix === undefined && !usedAsOrganization(text, start, end, true)) continue;
    if (isAddress(text, start)) continue;
    found.push({ name: normalizeOrganizationName(text.slice(start, end)), surfaceStart: start, surfaceEnd: end, kind: 'government', entity: 'organization', core: null });
  }
}

function usedAsOrganization(text: string, start: number, end: number, strict = false): boolean {
  const after = text.slice(end, end + 8);
  if ((strict ? GOV_SUBJECT_AFTER_RE : GOV_USE_AFTER_RE).test(after)) return true;
  // The whole line is the name: the publisher line of a disclosure.
  return /^[\s\-・*●■]*$/u.test(text.slice(0, start)) && /^[\s。]*$/u.test(text.slice(end));
}

function isAddress(text: string, start: number): boolean {
  return /(?:本社|所在地|住所|本店|拠点|本部|事務所)\s*[:：]?\s*$/u.test(text.slice(Math.max(0, start - 8), start));
}

const SHA_RE = /(?<![\p{Script=Katakana}\p{Script=Han}ーA-Za-z0-9.&-])(?<name>[A-Za-z][A-Za-z0-9.&-]*(?: [A-Za-z][A-Za-z0-9.&-]*){0,3}|[\p{Script=Katakana}ー][\p{Script=Katakana}ー・]{1,20})社(?![\p{Script=Han}])/gu;

/** Latin or katakana names followed by 社: IIJ社, Booking.com社, シーナ社 → IIJ, Booking.com, シーナ. */
function findLatinOrKatakanaSha(text: string, found: Candidate[]): void {
  SHA_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SHA_RE.exec(text)) !== null) {
    const name = match.groups!.name!;
    if (GENERIC_CORES.has(name) || ACTOR_NAMES.has(name.toLowerCase())) continue;
    if (/^(?:[A-Z]|[\p{Script=Katakana}ー]{1,2})$/u.test(name)) continue;
    if (/(?:ベンダー|メーカー|パートナー|グループ|システム|サービス|セキュリティ|クラウド|サーバー?|ホスティング|カード|ソフト)$/u.test(name)) continue;
    found.push({ name: normalizeOrganizationName(name), surfaceStart: match.index, surfaceEnd: match.index + match[0].length, kind: 'company', entity: 'organization', core: null });
  }
}

const BRAND_ENTRIES = [...BRANDS.keys()].sort((a, b) => b.length - a.length);
const BRAND_RE = new RegExp(BRAND_ENTRIES.map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');

function findBrands(text: string, found: Candidate[]): void {
  BRAND_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BRAND_RE.exec(text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text[start - 1];
    const after = text[end];
    if (/^[A-Za-z]/.test(match[0]) && ((after !== undefined && /[A-Za-z0-9]/.test(after)) || (before !== undefined && /[A-Za-z0-9]/.test(before)))) continue;
    if (/^[A-Za-z]/.test(match[0]) && /^ [A-Z]/.test(text.slice(end, end + 2))) continue; // ASKUL LOGIST
    if (KATA_RE.test(match[0][0] ?? '') && (KATA_RE.test(before ?? '') || KATA_RE.test(after ?? ''))) continue;
    found.push({ name: match[0], surfaceStart: start, surfaceEnd: end, kind: 'company', entity: 'service', core: null });
  }
}

function buildBareMatcher(cores: readonly string[]): RegExp | null {
  if (cores.length === 0) return null;
  const sorted = [...cores].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
}

function findBareMentions(text: string, re: RegExp, cores: ReadonlyMap<string, { name: string; kind: OrganizationKind }>, found: Candidate[]): void {
  re.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    const core = match[0];
    const entry = cores.get(core);
    if (!entry) continue;
    const start = match.index;
    const end = start + core.length;
    if (found.some((f) => start < f.surfaceEnd && end > f.surfaceStart)) continue;
    const before = text[start - 1];
    const after = text[end];
    if (!bareBoundary(core[0] ?? '', before) || !bareBoundary(core[core.length - 1] ?? '', after)) continue;
    found.push({ name: entry.name, surfaceStart: start, surfaceEnd: end, kind: entry.kind, entity: 'organization', core: null });
  }
}

/** A bare name must not continue a word of the same script on either side. */
function bareBoundary(edge: string, neighbour: string | undefined): boolean {
  if (neighbour === undefined) return true;
  if (isLatin(edge)) return !isLatin(neighbour);
  if (KATA_RE.test(edge)) return !KATA_RE.test(neighbour);
  if (HAN_RE.test(edge)) return !HAN_RE.test(neighbour);
  return true;
}

/** Keep the longest of overlapping candidates, then the earliest. */
function dedupe(found: readonly Candidate[]): Candidate[] {
  const sorted = [...found].sort((a, b) => a.surfaceStart - b.surfaceStart || b.surfaceEnd - b.surfaceStart - (a.surfaceEnd - a.surfaceStart));
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const overlapping = kept.findIndex((k) => c.surfaceStart < k.surfaceEnd && c.surfaceEnd > k.surfaceStart);
    if (overlapping < 0) {
      kept.push(c);
      continue;
    }
    const k = kept[overlapping]!;
    if (c.surfaceEnd - c.surfaceStart > k.surfaceEnd - k.surfaceStart) kept[overlapping] = c;
  }
  return kept.sort((a, b) => a.surfaceStart - b.surfaceStart);
}
