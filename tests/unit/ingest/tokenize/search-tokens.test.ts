import { beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, tokenize, type JapaneseTokenizer } from '../../../../ingest/tokenize/kuromoji-tokenizer.ts';
import { queryTokens, searchTokens } from '../../../../ingest/tokenize/search-tokens.ts';

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
}, 60_000);

describe('searchTokens', () => {
  it('keeps base forms of content words and drops particles, auxiliaries, symbols and light verbs', () => {
    expect(searchTokens(tokenize(tokenizer, 'サーバーが攻撃を受けました。'))).toBe('サーバー 攻撃 受ける');
    expect(searchTokens(tokenize(tokenizer, '調査をしています'))).toBe('調査');
  });

  it('indexes a joined compound together with its parts, Latin letters lower-cased', () => {
    const forms = searchTokens(tokenize(tokenizer, '業務委託先のVPNから侵入')).split(' ');
    expect(forms).toEqual(expect.arrayContaining(['業務委託先', '委託先', '業務', '委託', 'vpn', '侵入']));
  });
});

describe('queryTokens', () => {
  it('processes a query like indexed text, each form once', () => {
    const forms = queryTokens(tokenizer, 'Ｑｉｌｉｎに関連する被害組織は？');
    expect(forms).toEqual(['qilin', '関連', '被害', '組織']);
  });

  it('finds the compound and its parts in a query', () => {
    expect(queryTokens(tokenizer, '委託先アカウントが侵入経路')).toEqual(expect.arrayContaining(['委託先アカウント', '委託先', 'アカウント', '侵入経路']));
  });

  it('returns nothing for a query of particles and symbols', () => {
    expect(queryTokens(tokenizer, 'の、は？')).toEqual([]);
  });
});
