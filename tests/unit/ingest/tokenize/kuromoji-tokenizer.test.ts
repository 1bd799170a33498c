import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../ingest/normalize/normalize-text.ts';
import type { Token } from '../../../../ingest/records.ts';
import { loadTokenizer, tokenize, type JapaneseTokenizer } from '../../../../ingest/tokenize/kuromoji-tokenizer.ts';

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
}, 60_000);

const surfaces = (tokens: readonly Token[]) => tokens.map((t) => t.surface);
const tokenOf = (tokens: readonly Token[], surface: string) => tokens.find((t) => t.surface === surface);

function expectExactOffsets(text: string, tokens: readonly Token[], offset = 0) {
  for (const t of tokens) expect(text.slice(t.start - offset, t.end - offset)).toBe(t.surface);
  for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
}

describe('loadTokenizer', () => {
  it('loads the dictionary once and shares it', async () => {
    expect(await loadTokenizer()).toBe(tokenizer);
  });
});

describe('tokenize (real IPADIC)', () => {
  it('maps kuromoji tokens to records with base forms, POS and readings', () => {
    const tokens = tokenize(tokenizer, 'サーバーが攻撃を受けた。');
    expect(surfaces(tokens)).toEqual(['サーバー', 'が', '攻撃', 'を', '受け', 'た', '。']);
    expect(tokenOf(tokens, '受け')).toMatchObject({ base: '受ける', pos: '動詞', posDetail: '自立', reading: 'ウケ', start: 8, end: 10 });
    expect(tokenOf(tokens, '攻撃')).toMatchObject({ pos: '名詞', reading: 'コウゲキ' });
  });

  it('keeps 委託先 and 業務委託先 as one token each', () => {
    const tokens = tokenize(tokenizer, '委託先のアカウントと業務委託先の端末');
    expect(surfaces(tokens)).toEqual(['委託先', 'の', 'アカウント', 'と', '業務委託先', 'の', '端末']);
    expect(tokenOf(tokens, '業務委託先')).toMatchObject({ base: '業務委託先', pos: '名詞', posDetail: '一般' });
  });

  it('joins a vocabulary name such as VPN機器 and keeps its parts for the index', () => {
    const tokens = tokenize(tokenizer, 'VPN機器の脆弱性');
    expect(surfaces(tokens)).toEqual(['VPN機器', 'の', '脆弱性']);
    expect(tokenOf(tokens, 'VPN機器')?.parts).toEqual(expect.arrayContaining(['VPN', '機器']));
  });

  it('keeps 多要素認証 and 二要素認証 as one token each', () => {
    const tokens = tokenize(tokenizer, '多要素認証を導入し、二要素認証も検討する');
    expect(surfaces(tokens)).toContain('多要素認証');
    expect(surfaces(tokens)).toContain('二要素認証');
    expect(tokenOf(tokens, '多要素認証')?.parts).toEqual(expect.arrayContaining(['要素', '認証']));
  });

  it('keeps VPN, MFA, EDR, Qilin and ランサムウェア as single tokens', () => {
    const text = 'VPNからQilinのランサムウェアが侵入し、MFAもEDRもなかった';
    const tokens = tokenize(tokenizer, text);
    for (const word of ['VPN', 'Qilin', 'ランサムウェア', 'MFA', 'EDR']) expect(surfaces(tokens), word).toContain(word);
    expect(tokenOf(tokens, 'Qilin')).toMatchObject({ pos: '名詞', posDetail: '固有名詞', base: 'Qilin' });
    expectExactOffsets(text, tokens);
  });

  it('joins Latin runs: SSL-VPN, FortiGate, JPCERT/CC, Kawa4096, an e-mail address', () => {
    const text = 'SSL-VPNとFortiGate、JPCERT/CCへ報告。Kawa4096はinfo@example.co.jpに連絡';
    const tokens = tokenize(tokenizer, text);
    for (const word of ['SSL-VPN', 'FortiGate', 'JPCERT/CC', 'Kawa4096', 'info@example.co.jp']) expect(surfaces(tokens), word).toContain(word);
    expect(tokenOf(tokens, 'FortiGate')).toMatchObject({ posDetail: '固有名詞' });
    expectExactOffsets(text, tokens);
  });

  it('keeps domain compounds whole: サプライチェーン攻撃, 不正アクセス, 個人情報保護委員会', () => {
    const tokens = tokenize(tokenizer, 'サプライチェーン攻撃による不正アクセスを個人情報保護委員会へ報告した');
    for (const word of ['サプライチェーン攻撃', '不正アクセス', '個人情報保護委員会']) expect(surfaces(tokens), word).toContain(word);
    expect(tokenOf(tokens, '個人情報保護委員会')).toMatchObject({ posDetail: '固有名詞' });
  });

  it('matches Latin lexicon terms case-insensitively and gives the lexicon spelling as base', () => {
    expect(tokenOf(tokenize(tokenizer, 'qilinとlockbit'), 'qilin')).toMatchObject({ base: 'Qilin', posDetail: '固有名詞' });
  });

  it('gives offsets into the document when called with an offset', () => {
    const doc = normalizeText('＃ 本文\n当社は（見本社）のＶＰＮ経由で不正アクセスを受けました。詳細は https://example.jp/a?b=1 をご覧ください。');
    const start = doc.indexOf('当社');
    const sentence = doc.slice(start);
    const tokens = tokenize(tokenizer, sentence, start);
    expectExactOffsets(doc, tokens);
    expect(surfaces(tokens)).toContain('https://example.jp/a?b=1');
    expect(tokenOf(tokens, '(')).toMatchObject({ pos: '記号', posDetail: '括弧開' });
  });

  it('drops whitespace and never loses a character', () => {
    const text = '  攻撃 を\n受けた  。 ';
    const tokens = tokenize(tokenizer, text);
    expect(tokens.map((t) => t.surface).join('')).toBe(text.replace(/\s/g, ''));
    expectExactOffsets(text, tokens);
  });

  it('returns no tokens for empty text', () => {
    expect(tokenize(tokenizer, '')).toEqual([]);
  });
});
