import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../ingest/read/detect-format.ts';
import type { DecodedSource } from '../../../../ingest/records.ts';

const source = (text: string, name = 'sample/report.md', extension: DecodedSource['extension'] = '.md'): DecodedSource => ({
  ok: true,
  source: name,
  extension,
  encoding: 'utf-8',
  sha256: 'f'.repeat(64),
  text,
});

const archiveLink = (tail: string) =>
  `https://github.com/piyokango/SecurityIncidentArchive/blob/main/${tail.split('/').map(encodeURIComponent).join('/')}`;

const DISCLOSURE = [
  '# 公表概要',
  '- 不正アクセスによる情報流出に関するお知らせ（システム障害関連・第 13 報）',
  '- 2025年3月12日',
  '- 見本株式会社',
  '- https://www.example.jp/news/0312.html',
  `- 第12報：${archiveLink('2025/03/03_見本株式会社.md')}`,
  '- 第11報：2025/02/20_見本株式会社.md',
  '',
  '# 本文',
  '当社は、不正アクセスを受けたことを確認しました。',
  '',
  '## 経緯',
  '２０２５年３月１日、異常を検知しました。',
].join('\n');

describe('parseDocument: disclosures', () => {
  it('reads the 公表概要 header', () => {
    const doc = parseDocument(source(DISCLOSURE));
    expect(doc).toMatchObject({
      source: 'sample/report.md',
      format: 'disclosure',
      title: '不正アクセスによる情報流出に関するお知らせ(システム障害関連・第13報)',
      publishedAt: '2025-03-12',
      publisher: '見本株式会社',
      url: 'https://www.example.jp/news/0312.html',
      reportNumber: 13,
      earlierReports: [
        { reportNumber: 12, ref: '2025/03/03_見本株式会社.md' },
        { reportNumber: 11, ref: '2025/02/20_見本株式会社.md' },
      ],
    });
  });

  it('normalises the text and points bodyStart at the line after # 本文', () => {
    const doc = parseDocument(source(DISCLOSURE));
    expect(doc.text).toContain('2025年3月1日、異常を検知しました。');
    expect(doc.text.slice(doc.bodyStart)).toMatch(/^当社は、不正アクセスを受けた/);
  });

  it.each([
    ['第十三報', 13],
    ['第二報', 2],
    ['第⼆報', 2], // KANGXI RADICAL TWO, as some PDFs spell it
    ['（第２報）', 2],
    ['【続報】', null],
    ['最終報', null],
  ])('reads the report number of a title with %s', (label, expected) => {
    const text = `# 公表概要\n- システム障害について${label}\n- 2025年3月12日\n- 見本株式会社\n\n# 本文\n本文です。`;
    expect(parseDocument(source(text)).reportNumber).toBe(expected);
  });

  it.each([
    ['令和7年3月12日', '2025-03-12'],
    ['令和元年5月1日', '2019-05-01'],
    ['2025/3/12', '2025-03-12'],
    ['2025 年 3 月 12 日', '2025-03-12'],
    ['2025年3月12日（水）', '2025-03-12'],
    ['2025年2月30日', null],
    ['日付記載なし', null],
  ])('reads the date bullet %s', (date, expected) => {
    const text = `# 公表概要\n- お知らせ\n- ${date}\n- 見本株式会社\n\n# 本文\n本文です。`;
    const doc = parseDocument(source(text));
    expect(doc.publishedAt).toBe(expected);
    expect(doc.publisher).toBe('見本株式会社');
  });

  it('falls back to the archive path date when the date bullet is unreadable', () => {
    const text = `# 公表概要\n- お知らせ\n- 2025年1が月31日\n- 見本株式会社\n\n# 本文\n本文です。`;
    expect(parseDocument(source(text, '2025/01/31_見本株式会社.md')).publishedAt).toBe('2025-01-31');
    expect(parseDocument(source(text, '2025/01/XX_見本株式会社.md')).publishedAt).toBeNull();
  });

  it('recognises bullets by content, so a swapped date and publisher still read right', () => {
    const text = `# 公表概要\n- ランサムウェア感染に関するご報告\n- 見本株式会社\n- 2025年8月27日\n- https://example.jp/a.pdf\n\n# 本文\n本文です。`;
    expect(parseDocument(source(text))).toMatchObject({ title: 'ランサムウェア感染に関するご報告', publisher: '見本株式会社', publishedAt: '2025-08-27', url: 'https://example.jp/a.pdf' });
  });

  it('does not take a title starting with a year for the date', () => {
    const text = `# 公表概要\n- 2025年度の会員情報の漏えいについて\n- 2025年9月1日\n- 見本協会\n\n# 本文\n本文です。`;
    expect(parseDocument(source(text))).toMatchObject({ title: '2025年度の会員情報の漏えいについて', publishedAt: '2025-09-01', publisher: '見本協会' });
  });

  it('accepts the header variants found in the archive', () => {
    for (const heading of ['# 公表概要 ', '# 公表以外用', '#', '# 公表概要（続報）']) {
      const text = `${heading}\n-見本財団のお知らせ\n- 2025年4月21日\n-一般財団法人見本財団\n  \n#  本文\n本文です。`;
      const doc = parseDocument(source(text));
      expect(doc, heading).toMatchObject({ format: 'disclosure', title: '見本財団のお知らせ', publisher: '一般財団法人見本財団' });
      expect(doc.text.slice(doc.bodyStart)).toBe('本文です。');
    }
  });

  it('skips a leading HTML comment and keeps relative report paths as written', () => {
    const text = `<!-- sample -->\n# 公表概要\n- お知らせ（第2報）\n- 2025年10月3日\n- 見本株式会社\n- 第1報：seeds/sample-report-01.md\n\n# 本文\n本文です。`;
    expect(parseDocument(source(text))).toMatchObject({
      format: 'disclosure',
      reportNumber: 2,
      earlierReports: [{ reportNumber: 1, ref: 'seeds/sample-report-01.md' }],
    });
  });

  it('ignores a dangling 第1報： and reads 関連 links with the URL on the next line', () => {
    const text = [
      '# 公表概要',
      '- お知らせ',
      '- 2025年1月21日',
      '- 見本株式会社',
      '- https://example.jp/a.pdf',
      '- 第1報：',
      '- 関連 見本ホールディングス(親会社)',
      'https://example.jp/parent.pdf',
      '',
      '# 本文',
      '本文です。',
    ].join('\n');
    expect(parseDocument(source(text)).earlierReports).toEqual([{ reportNumber: null, ref: 'https://example.jp/parent.pdf' }]);
  });
});

describe('parseDocument: articles', () => {
  it('takes the first line as title and a date from the first lines', () => {
    const text = '# 見本社にランサムウェア攻撃\n２０２５年１０月８日　編集部\n\n見本社は8日、攻撃を受けたと発表した。';
    const doc = parseDocument(source(text, 'news.txt', '.txt'));
    expect(doc).toMatchObject({ format: 'article', title: '見本社にランサムウェア攻撃', publishedAt: '2025-10-08', publisher: null, url: null, earlierReports: [], reportNumber: null });
    expect(doc.text.slice(doc.bodyStart)).toMatch(/^2025年10月8日 編集部/);
  });

  it('finds no date beyond the first five non-empty lines', () => {
    const text = ['見出し', '一', '二', '三', '四', '2025年1月1日に発生した。'].join('\n');
    expect(parseDocument(source(text, 'a.txt', '.txt')).publishedAt).toBeNull();
  });

  it('converts HTML first and takes the <h1> as the title', () => {
    const html = '<html><head><title>お知らせ | 見本</title></head><body><h1>不正アクセスについて</h1><p>2025年5月1日</p><p>当社は…</p></body></html>';
    const doc = parseDocument(source(html, 'page.html', '.html'));
    expect(doc).toMatchObject({ format: 'article', title: '不正アクセスについて', publishedAt: '2025-05-01' });
    expect(doc.text).toBe('# 不正アクセスについて\n2025年5月1日\n当社は...');
  });

  it('uses the HTML <title> when the page has no heading', () => {
    const doc = parseDocument(source('<title>お知らせ | 見本</title><p>本文です。</p>', 'page.html', '.html'));
    expect(doc).toMatchObject({ title: 'お知らせ | 見本', bodyStart: 0 });
  });
});
