import { describe, expect, it } from 'vitest';
import { applyDomainLayer, buildDomainLexicon, type RawToken } from '../../../../ingest/tokenize/domain-lexicon.ts';

/** Raw tokens laid end to end over `text` (pieces separated by '|'). */
function raw(pieces: string): { text: string; tokens: RawToken[] } {
  const tokens: RawToken[] = [];
  let at = 0;
  for (const surface of pieces.split('|')) {
    const latin = /^[A-Za-z0-9]+$/.test(surface);
    tokens.push({ surface, base: surface, pos: latin || /\p{L}/u.test(surface) ? '名詞' : '記号', posDetail: '一般', reading: '', start: at, end: at + surface.length, known: !latin });
    at += surface.length;
  }
  return { text: pieces.replace(/\|/g, ''), tokens };
}

describe('buildDomainLexicon', () => {
  const lexicon = buildDomainLexicon();

  it('takes compounds from the vocabularies and the domain list', () => {
    for (const term of ['委託先アカウント', 'ssl-vpn', 'qilin', 'キリン', '個人情報保護委員会', '多要素認証', '業務委託先', 'earth kasha']) {
      expect(lexicon.terms.has(term), term).toBe(true);
    }
  });

  it('leaves phrases with particles to the extractors', () => {
    for (const phrase of ['脆弱性を悪用', '委託先のアカウント', '暗号化され']) expect(lexicon.terms.has(phrase), phrase).toBe(false);
  });

  it('marks groups, malware and agencies as proper nouns, generic terms as general', () => {
    expect(lexicon.terms.get('lockbit')?.posDetail).toBe('固有名詞');
    expect(lexicon.terms.get('警察庁')?.posDetail).toBe('固有名詞');
    expect(lexicon.terms.get('ランサムウェア')?.posDetail).toBe('一般');
  });
});

describe('applyDomainLayer', () => {
  const lexicon = buildDomainLexicon(['委託先', '業務委託先', '不正アクセス']);

  it('joins the longest run of tokens that spells a term', () => {
    const { text, tokens } = raw('業務|委託|先|の|不正|アクセス');
    const out = applyDomainLayer(tokens, text, 0, lexicon);
    expect(out.map((t) => t.surface)).toEqual(['業務委託先', 'の', '不正アクセス']);
    expect(out[0]).toMatchObject({ base: '業務委託先', pos: '名詞', posDetail: '一般', start: 0, end: 5 });
    expect(out[0]?.parts).toEqual(expect.arrayContaining(['業務', '委託', '委託先']));
  });

  it('does not join tokens with a gap between them', () => {
    const { tokens } = raw('委託|先');
    const gapped = [tokens[0]!, { ...tokens[1]!, start: 3, end: 4 }];
    expect(applyDomainLayer(gapped, '委託 先', 0, lexicon).map((t) => t.surface)).toEqual(['委託', '先']);
  });

  it('joins Latin runs but not numbers or dates', () => {
    const { text, tokens } = raw('SSL|-|VPN|と|2025|/|3|/|12|と|v|2|.|1');
    expect(applyDomainLayer(tokens, text, 0, lexicon).map((t) => t.surface)).toEqual(['SSL-VPN', 'と', '2025', '/', '3', '/', '12', 'と', 'v2.1']);
  });

  it('respects the offset of the text in its document', () => {
    const { text, tokens } = raw('業務|委託|先');
    const shifted = tokens.map((t) => ({ ...t, start: t.start + 100, end: t.end + 100 }));
    expect(applyDomainLayer(shifted, text, 100, lexicon)[0]).toMatchObject({ surface: '業務委託先', start: 100, end: 105 });
  });
});
