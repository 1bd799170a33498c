import { describe, expect, it } from 'vitest';
import { highlightSpans, highlightTerms, mergeSpans } from '../../../../server/search/highlight.ts';

const marked = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('highlightTerms', () => {
  it('takes tokens of two or more characters and the kanji bigrams inside longer ones', () => {
    const terms = highlightTerms(['業務委託先', 'vpn', '侵入', '社']);
    expect(terms).toEqual(expect.arrayContaining(['業務委託先', '業務', '務委', '委託', '託先', 'vpn', '侵入']));
    expect(terms).not.toContain('社');
  });

  it('leaves out hiragana-only terms and kana bigrams', () => {
    const terms = highlightTerms(['される', '盗まれる', 'サイバー攻撃']);
    expect(terms).not.toContain('される');
    expect(terms).not.toContain('れる');
    expect(terms).not.toContain('盗ま');
    expect(terms).not.toContain('サイ');
    expect(terms).toEqual(expect.arrayContaining(['盗まれる', 'サイバー攻撃', '攻撃']));
  });

  it('is longest first', () => {
    const terms = highlightTerms(['委託先アカウント']);
    expect(terms[0]).toBe('委託先アカウント');
  });
});

describe('highlightSpans', () => {
  it('marks every occurrence, as offsets within the text', () => {
    const text = '委託先のアカウントが不正利用され、別の委託先からも侵入された。';
    const spans = highlightSpans(text, ['委託先', '侵入']);
    expect(marked(text, spans)).toEqual(['委託先', '委託先', '侵入']);
  });

  it('merges overlapping and touching matches into one span', () => {
    const text = '業務委託先の管理者アカウント';
    const spans = highlightSpans(text, highlightTerms(['委託先アカウント', '業務委託', '管理者', 'アカウント']));
    // 業務委託 and 託先 (a bigram of 委託先アカウント) overlap: one span; 管理者 and アカウント touch.
    expect(marked(text, spans)).toEqual(['業務委託先', '管理者アカウント']);
  });

  it('matches Latin letters case-insensitively', () => {
    const text = 'SSL-VPN機器とVpnの脆弱性';
    expect(marked(text, highlightSpans(text, ['vpn']))).toEqual(['VPN', 'Vpn']);
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(highlightSpans('a.b', ['.'])).toEqual([{ start: 1, end: 2 }]);
    expect(highlightSpans('abc', ['.*'])).toEqual([]);
  });

  it('returns nothing for no terms', () => {
    expect(highlightSpans('本文', [])).toEqual([]);
  });
});

describe('mergeSpans', () => {
  it('sorts and merges', () => {
    expect(mergeSpans([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 4 }])).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 7 },
    ]);
  });
});
