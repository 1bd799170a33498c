import { ACCESS_VECTORS, AGENCIES, CONTROLS, MALWARE, TECHNIQUES, THREAT_ACTORS } from '../../graph-schema/vocabularies/index.ts';
import type { Token } from '../records.ts';

/**
 * IPADIC splits the compounds this domain is written in (委託/先, 多/要素/認証, 個人/情報)
 * and knows none of its product and group names, and kuromoji.js has no user dictionary.
 * This layer repairs kuromoji's output instead:
 *
 * 1. runs of Latin letters and digits joined by - _ . / @ & + become one token
 *    (SSL-VPN, JPCERT/CC, Kawa4096, 8Base, info@example.jp);
 * 2. consecutive tokens whose surfaces spell a lexicon term (compared case-insensitively
 *    for Latin letters) become one token, longest match first: 名詞, posDetail '固有名詞'
 *    for group, malware and agency names and '一般' otherwise, base = the term as the
 *    lexicon spells it.
 *
 * The lexicon is the vocabularies' Japanese names, patterns and aliases (graph-schema/vocabularies) that are
 * compounds rather than phrases — no hiragana, so "脆弱性を悪用" is left to the extractors —
 * plus DOMAIN_COMPOUNDS below.
 */
export interface DomainLexicon {
  /** Lower-cased term → the term as spelled in the lexicon, and its posDetail. */
  readonly terms: ReadonlyMap<string, LexiconTerm>;
  /** Every lower-cased prefix of every term, for the longest-match scan. */
  readonly prefixes: ReadonlySet<string>;
}

export interface LexiconTerm {
  readonly term: string;
  readonly posDetail: '固有名詞' | '一般';
}

/** Domain compounds kuromoji splits or does not know, beyond the vocabularies. */
export const DOMAIN_COMPOUNDS: readonly string[] = [
  // actors, parties and access
  '委託先', '業務委託先', '再委託先', '再々委託先', '委託元', '委託事業者', '委託業者', '業務委託', '外部委託',
  '保守業者', '保守ベンダー', '取引先', '子会社', '親会社', 'グループ会社', '攻撃者', '攻撃グループ', '第三者',
  '管理者アカウント', '特権アカウント', '管理者権限', 'アカウント情報', '認証情報', 'ログイン情報',
  'ID・パスワード', 'パスワード', 'リモートアクセス', 'リモートデスクトップ', 'クラウドサービス',
  // attacks and damage
  'ランサムウェア', 'ランサムウェア攻撃', 'ランサムウェア感染', 'サイバー攻撃', 'サプライチェーン攻撃',
  '標的型攻撃', '標的型メール', '不正アクセス', '不正ログイン', '不正利用', '不正送金', 'なりすまし',
  'なりすましメール', 'フィッシングメール', 'フィッシングサイト', 'サポート詐欺', '迷惑メール', 'スパムメール',
  'マルウェア', 'マルウェア感染', 'ウイルス感染', 'ボットネット', 'ゼロデイ', 'ゼロデイ脆弱性', '脆弱性',
  '侵入経路', '感染経路', '横展開', '暗号化', '身代金', 'リークサイト', 'ダークウェブ', '二重恐喝', '二重脅迫',
  '犯行声明', '情報漏えい', '情報漏洩', '情報流出', '個人情報漏えい', '個人情報漏洩', '二次被害', 'システム障害',
  // data
  '個人情報', '顧客情報', '従業員情報', 'クレジットカード情報', 'カード情報', 'セキュリティコード',
  'メールアドレス', '電話番号', '生年月日', '銀行口座', '口座番号',
  // systems
  '基幹システム', '業務システム', '倉庫管理システム', '物流システム', '受注システム', '会計システム',
  'ファイルサーバー', 'ファイルサーバ', 'メールサーバー', 'メールサーバ', 'Webサーバー', 'Webサーバ',
  'Active Directory', 'ドメインコントローラー', 'ドメインコントローラ', 'ファイアウォール', 'ネットワーク機器',
  // controls and response
  '多要素認証', '二要素認証', '二段階認証', 'ワンタイムパスワード', 'セキュリティソフト', 'ウイルス対策ソフト',
  'セキュリティパッチ', 'セキュリティ監視', 'バックアップデータ', 'オフラインバックアップ', 'ゼロトラスト',
  'フォレンジック調査', 'デジタルフォレンジック', '外部専門家', '外部専門機関', '対策本部', '再発防止策',
  '再発防止', '個人情報保護法', '個人情報保護委員会', '警察庁', '警視庁',
];

/** Latin-script product names treated as proper nouns (patterns of the 'vpn' vector). */
const PROPER_LATIN = new Set(['fortigate', 'fortinet']);

/** Builds the lexicon: vocabulary patterns and aliases that are compounds, plus `extra`. */
export function buildDomainLexicon(extra: readonly string[] = DOMAIN_COMPOUNDS): DomainLexicon {
  const terms = new Map<string, LexiconTerm>();
  const add = (raw: string, posDetail: LexiconTerm['posDetail']) => {
    const term = raw.normalize('NFKC').trim();
    if (term.length < 2 || !isCompound(term)) return;
    const key = term.toLowerCase();
    const known = terms.get(key);
    // A proper-noun reading wins over a general one; otherwise the first spelling stays.
    if (!known || (known.posDetail === '一般' && posDetail === '固有名詞')) terms.set(key, { term: known?.term ?? term, posDetail });
  };
  for (const term of extra) add(term, '一般');
  for (const vocabulary of [ACCESS_VECTORS, CONTROLS, TECHNIQUES]) {
    for (const entry of vocabulary) {
      for (const term of [entry.nameJa, ...entry.patterns, ...entry.aliases]) add(term, PROPER_LATIN.has(term.toLowerCase()) ? '固有名詞' : '一般');
    }
  }
  for (const vocabulary of [THREAT_ACTORS, MALWARE, AGENCIES]) {
    for (const entry of vocabulary) {
      // Generic families ('ransomware', 'web-shell', 'infostealer') are not names.
      const proper = !GENERIC_MALWARE.has(entry.id);
      for (const term of [entry.nameJa, ...entry.patterns, ...entry.aliases]) add(term, proper ? '固有名詞' : '一般');
    }
  }
  const prefixes = new Set<string>();
  for (const key of terms.keys()) for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
  return { terms, prefixes };
}

const GENERIC_MALWARE = new Set(['ransomware', 'web-shell', 'infostealer']);

/**
 * Whether a vocabulary string is a compound (one word of the index) rather than a phrase for
 * the extractors: no hiragana outside a known whole word like なりすまし, no sentence punctuation.
 */
function isCompound(term: string): boolean {
  if (/[、。,!?()「」]/.test(term)) return false;
  const withoutWords = term.replace(/なりすまし/g, '');
  return !/[\u3040-\u309f]/.test(withoutWords);
}

/** A token before the domain layer: kuromoji's analysis with exact offsets. */
export interface RawToken extends Token {
  /** Whether IPADIC knows the word (kuromoji's word_type KNOWN); false for unknown and joined tokens. */
  readonly known: boolean;
}

/** Applies the Latin-run and lexicon merges to tokens in text order (offsets exact). */
export function applyDomainLayer(tokens: readonly RawToken[], text: string, offset: number, lexicon: DomainLexicon): Token[] {
  return mergeLexiconTerms(mergeLatinRuns(tokens, text, offset), text, offset, lexicon).map(toToken);
}

const LATIN_WORD = /^[A-Za-z0-9]+$/;
const LATIN_JOINER = /^[-_./@&+]$/;
const HAS_LETTER = /[A-Za-z]/;

function mergeLatinRuns(tokens: readonly RawToken[], text: string, offset: number): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!LATIN_WORD.test(first.surface)) {
      out.push(first);
      continue;
    }
    // Extend over word (joiner word)* while the tokens touch.
    let last = i;
    for (let j = i + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.start !== tokens[j - 1]!.end) break;
      if (LATIN_WORD.test(t.surface)) last = j;
      else if (LATIN_JOINER.test(t.surface) && tokens[j + 1] && tokens[j + 1]!.start === t.end && LATIN_WORD.test(tokens[j + 1]!.surface)) continue;
      else break;
    }
    const surface = text.slice(first.start - offset, tokens[last]!.end - offset);
    if (last === i || !HAS_LETTER.test(surface)) {
      for (let k = i; k <= last; k++) out.push(tokens[k]!);
    } else {
      out.push(merged(tokens.slice(i, last + 1), surface, surface, '一般'));
    }
    i = last;
  }
  return out;
}

function mergeLexiconTerms(tokens: readonly RawToken[], text: string, offset: number, lexicon: DomainLexicon): RawToken[] {
  const out: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let match: { end: number; term: LexiconTerm } | null = null;
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (j > i && t.start !== tokens[j - 1]!.end) break;
      key += t.surface.toLowerCase();
      if (!lexicon.prefixes.has(key)) break;
      const term = lexicon.terms.get(key);
      if (term) match = { end: j, term };
    }
    if (!match) {
      out.push(tokens[i]!);
      continue;
    }
    const pieces = tokens.slice(i, match.end + 1);
    const single = pieces.length === 1 ? pieces[0]! : null;
    if (single && single.known && single.pos === '名詞' && single.base === match.term.term) {
      out.push(single); // IPADIC already knows the word as a noun
    } else {
      const surface = text.slice(tokens[i]!.start - offset, tokens[match.end]!.end - offset);
      out.push(merged(pieces, surface, match.term.term, match.term.posDetail, lexicon));
    }
    i = match.end;
  }
  return out;
}

function merged(pieces: readonly RawToken[], surface: string, base: string, posDetail: string, lexicon?: DomainLexicon): RawToken {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const readings = pieces.map((p) => p.reading);
  const parts = componentsOf(pieces, base, lexicon);
  return {
    surface,
    base,
    pos: '名詞',
    posDetail,
    reading: readings.every((r) => r !== '') ? readings.join('') : '',
    start: first.start,
    end: last.end,
    known: false,
    ...(parts.length > 0 ? { parts } : {}),
  };
}

/**
 * What a merged token is made of, for the full-text index: the base forms of its content
 * pieces (nouns, verbs, adjectives; not prefixes, suffixes or symbols) and the lexicon terms
 * spelled by a shorter run of its pieces (ランサム+ウェア+攻撃 → ランサムウェア).
 */
function componentsOf(pieces: readonly RawToken[], whole: string, lexicon?: DomainLexicon): string[] {
  const parts = new Set<string>();
  for (const p of pieces) {
    if ((p.pos === '名詞' && !NON_CONTENT_NOUN.has(p.posDetail)) || p.pos === '動詞' || p.pos === '形容詞') parts.add(p.base);
    for (const part of p.parts ?? []) parts.add(part);
  }
  if (lexicon) {
    for (let a = 0; a < pieces.length; a++) {
      let key = '';
      for (let b = a; b < pieces.length; b++) {
        key += pieces[b]!.surface.toLowerCase();
        if (!lexicon.prefixes.has(key)) break;
        if (a === 0 && b === pieces.length - 1) continue; // the whole token
        const term = lexicon.terms.get(key);
        if (term) parts.add(term.term);
      }
    }
  }
  parts.delete(whole);
  return [...parts].filter((p) => /[\p{L}\p{N}]/u.test(p));
}

const NON_CONTENT_NOUN = new Set(['接尾', '非自立', '代名詞', '数']);

function toToken(t: RawToken): Token {
  const { known: _known, ...token } = t;
  return token;
}
