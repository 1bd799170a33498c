import fs from 'node:fs';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../../config.ts';
import { normalizeText } from '../../../../ingest/normalize/normalize-text.ts';
import { prefixMatches } from '../../../../ingest/tokenize/lattice-builder.ts';
import { kuromojiDictionaryPath, loadTokenizer } from '../../../../ingest/tokenize/kuromoji-tokenizer.ts';

/** kuromoji exactly as shipped, with its own (quadratic) lattice builder. */
function stockTokenizer(): Promise<Tokenizer<IpadicFeatures>> {
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath: kuromojiDictionaryPath() }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer)));
  });
}

let stock: Tokenizer<IpadicFeatures>;
let linear: Tokenizer<IpadicFeatures>;
beforeAll(async () => {
  [stock, linear] = await Promise.all([stockTokenizer(), loadTokenizer().then((t) => t.kuromoji)]);
}, 60_000);

const SAMPLES = [
  'アスクル株式会社は2025年10月19日、ランサムウェアによる攻撃を受けたと発表した。',
  '委託先の管理者アカウントに多要素認証が設定されておらず、VPN経由で侵入された可能性がある',
  // Long runs of one character class are grouped into a single unknown word.
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン'.repeat(3),
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  // Characters outside the BMP (surrogate pairs), alone and inside words.
  '𠮷野家の𠮷と🍣🍣🍣、そして😀。',
  '𠮷',
  '',
  '　 \t改行\nを含む\r\n文と 半角 スペース',
  '①②③ ㈱テスト (株)サンプル ＡＢＣ１２３ ｶﾀｶﾅ',
  'https://example.com/path?q=1&x=２ の URL',
];

describe('linear lattice builder', () => {
  it('tokenizes exactly like kuromoji on edge cases', () => {
    for (const text of SAMPLES) expect(linear.tokenize(text), text).toEqual(stock.tokenize(text));
  });

  it('tokenizes exactly like kuromoji on every sample article in seeds/', () => {
    const dir = path.join(PROJECT_ROOT, 'seeds');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const text = normalizeText(fs.readFileSync(path.join(dir, file), 'utf8'));
      expect(linear.tokenize(text), file).toEqual(stock.tokenize(text));
    }
  });

  it('finds the same dictionary words from a position as the trie\'s own common-prefix search', () => {
    type Trie = Parameters<typeof prefixMatches>[0] & { commonPrefixSearch(key: string): Array<{ k: string; v: number }> };
    const trie = (linear as unknown as { viterbi_builder: { trie: Trie } }).viterbi_builder.trie;
    const text = 'xx東京特許許可局の情報セキュリティ対策';
    for (let from = 0; from < text.length; from++) {
      const expected = trie.commonPrefixSearch(text.slice(from)).map((r): [number, number] => [r.v, r.k.length]);
      expect(prefixMatches(trie, text, from), text.slice(from)).toEqual(expected);
    }
    expect(prefixMatches(trie, text, 2).map(([, length]) => length)).toContain(2); // 東京
  });
});
