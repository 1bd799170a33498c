import { describe, expect, it } from 'vitest';
import { RANGE, normalizeText } from '../../../../ingest/normalize/normalize-text.ts';

describe('normalizeText', () => {
  it('turns full-width digits and Latin letters into half-width (NFKC)', () => {
    expect(normalizeText('２０２５年にＭＦＡとＥＤＲを導入')).toBe('2025年にMFAとEDRを導入');
  });

  it('turns circled numbers into digits and half-width katakana into full-width', () => {
    expect(normalizeText('①氏名 ②住所')).toBe('1氏名 2住所');
    expect(normalizeText('ｼｽﾃﾑ障害')).toBe('システム障害');
  });

  it.each([
    ['㈱サンプル', '株式会社サンプル'],
    ['サンプル(株)', 'サンプル株式会社'],
    ['（株）サンプル', '株式会社サンプル'],
    ['( 株 )サンプル', '株式会社サンプル'],
    ['㈲見本商店', '有限会社見本商店'],
    ['(有)見本商店', '有限会社見本商店'],
    ['(一社)見本協会', '一般社団法人見本協会'],
    ['（公財）見本財団', '公益財団法人見本財団'],
    ['㈾見本', '合資会社見本'],
  ])('spells out the legal form in %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('unifies line endings', () => {
    expect(normalizeText('一行目\r\n二行目\r三行目\u2028四行目')).toBe('一行目\n二行目\n三行目\n四行目');
  });

  it('removes zero-width characters and the byte order mark', () => {
    expect(normalizeText('\uFEFF不正\u200Bアク\u200Dセス\u2060')).toBe('不正アクセス');
  });

  it('collapses runs of spaces, keeps newlines and trims each line', () => {
    expect(normalizeText('  当社は\u3000\u3000調査を   進めて\tおります。  \n\n  以上  ')).toBe('当社は 調査を 進めて おります。\n\n以上');
  });

  it(`maps every wave dash used in ranges to ${RANGE}`, () => {
    for (const dash of ['〜', '～', '~', '∼']) expect(normalizeText(`10月1日${dash}10月3日`)).toBe('10月1日～10月3日');
  });

  it('leaves a tilde inside a URL alone', () => {
    expect(normalizeText('詳細は https://example.jp/~info/ をご覧ください')).toBe('詳細は https://example.jp/~info/ をご覧ください');
  });

  it('closes up spaces inside dates and report numbers', () => {
    expect(normalizeText('2025 年 10 月 19 日（日）')).toBe('2025年10月19日(日)');
    expect(normalizeText('令和 7 年 3 月 12 日、第 13 報')).toBe('令和7年3月12日、第13報');
    expect(normalizeText('約 74 万件、15 名')).toBe('約 74万件、15名');
  });

  it('is idempotent', () => {
    const samples = [
      '２０２５ 年 １０ 月 １９ 日　㈱サンプル（株）〜 https://example.jp/a～b  ①\r\n\u200B ｼｽﾃﾑ',
      '(  株  )見本　～　(有)\t\t第 　13 報',
      '10月1日～10月3日 https://example.jp/~a~b～c 令和 元年',
      '…‥ ℃ ㎡ ㍻ ＜重要＞ ［参考］ ｢引用｣',
      ' \n \n\n',
      '',
    ];
    for (const sample of samples) {
      const once = normalizeText(sample);
      expect(normalizeText(once), JSON.stringify(sample)).toBe(once);
    }
  });
});
