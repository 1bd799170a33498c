import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, tokenize, type JapaneseTokenizer } from '../../../../ingest/tokenize/kuromoji-tokenizer.ts';
import { cjkContentQuery, cjkTextQuery, contentPieces, escapeLucene, tokensQuery } from '../../../../server/search/lucene-query.ts';

describe('escapeLucene', () => {
  it('escapes every character the classic QueryParser treats as syntax', () => {
    expect(escapeLucene('*:*')).toBe('\\*\\:\\*');
    expect(escapeLucene('"')).toBe('\\"');
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^i~j?k\\l/m')).toBe('a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^i\\~j\\?k\\\\l\\/m');
  });

  it('turns a bare operator word into a plain term', () => {
    expect(escapeLucene('AND')).toBe('and');
    expect(escapeLucene('OR')).toBe('or');
    expect(escapeLucene('NOT')).toBe('not');
    expect(escapeLucene('ANDROID')).toBe('ANDROID');
  });

  it('leaves Japanese text alone', () => {
    expect(escapeLucene('業務委託先のアカウント')).toBe('業務委託先のアカウント');
  });
});

describe('cjkTextQuery', () => {
  it('escapes each whitespace-separated piece and ORs them', () => {
    expect(cjkTextQuery('SSL-VPN 経由の侵入')).toBe('SSL\\-VPN 経由の侵入');
  });

  it('drops pieces without letters or digits, and repeats', () => {
    expect(cjkTextQuery('" * ランサム ランサム ?')).toBe('ランサム');
  });

  it('returns null when nothing searchable is left', () => {
    expect(cjkTextQuery('  "  *:* ')).toBeNull();
    expect(cjkTextQuery('id:*')).toBe('id\\:\\*');
    expect(cjkTextQuery(' " ( ) ')).toBeNull();
    expect(cjkTextQuery('')).toBeNull();
  });

  it('never yields an operator the parser would read', () => {
    expect(cjkTextQuery('AND OR')).toBe('and or');
  });
});

describe('tokensQuery', () => {
  it('ORs escaped base forms', () => {
    expect(tokensQuery(['委託先', 'アカウント', 'ssl-vpn'])).toBe('委託先 アカウント ssl\\-vpn');
  });

  it('returns null for no tokens', () => {
    expect(tokensQuery([])).toBeNull();
    expect(tokensQuery(['?'])).toBeNull();
  });
});

describe('contentPieces and cjkContentQuery', () => {
  let tokenizer: JapaneseTokenizer;
  beforeAll(async () => {
    tokenizer = await loadTokenizer();
  }, 60_000);
  const pieces = (text: string) => contentPieces(tokenize(tokenizer, text));

  it('keeps content words as spelled, splitting at particles and auxiliaries', () => {
    expect(pieces('膨大な量の通信を浴びせられてサイトがつながりにくくなった')).toEqual(['膨大', '通信', '浴びせ', 'サイト']);
  });

  it('keeps adjacent content tokens together, so a compound keeps its inner bigrams', () => {
    expect(pieces('外部業者のIDで侵入された会社')).toEqual(['外部業者', 'ID', '侵入', '会社']);
    expect(pieces('業務委託先のアカウント')).toEqual(['業務委託先', 'アカウント']);
  });

  it('drops one-character and hiragana-only pieces', () => {
    expect(pieces('量がすくない')).toEqual([]);
    expect(pieces('量が多い')).toEqual(['多い']);
  });

  it('falls back to the whole text when there are no content words, and escapes', () => {
    expect(cjkContentQuery(tokenize(tokenizer, 'つながりにくい'), 'つながりにくい')).toBe('つながりにくい');
    expect(cjkContentQuery(tokenize(tokenizer, 'SSL-VPN機器'), 'SSL-VPN機器')).toContain('\\-');
    expect(cjkContentQuery([], ' " ')).toBeNull();
  });
});
