import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../../../ingest/read/html-to-text.ts';

describe('htmlToText', () => {
  it('keeps blocks as lines, headings as Markdown headings and list items as bullets', () => {
    const html = `<!DOCTYPE html><html><head><title>不正アクセスについて | 見本株式会社</title>
      <style>p { color: red }</style><script>var a = "<p>x</p>";</script></head>
      <body><nav><a href="/">ホーム</a></nav>
      <h1>不正アクセスについて</h1><p>当社サーバーが
      不正アクセスを受けました。<br>調査中です。</p>
      <h2>流出した情報</h2><ul><li>氏名</li><li>メールアドレス</li></ul>
      <table><tr><th>件数</th><td>120件</td></tr></table></body></html>`;
    expect(htmlToText(html)).toEqual({
      title: '不正アクセスについて | 見本株式会社',
      text: '# 不正アクセスについて\n当社サーバーが 不正アクセスを受けました。\n調査中です。\n## 流出した情報\n- 氏名\n- メールアドレス\n件数 120件',
    });
  });

  it('decodes character references and drops comments', () => {
    expect(htmlToText('<p>A&amp;B &lt;重要&gt; &#x3042;&#12356; &copy;<!-- note --></p>').text).toBe('A&B <重要> あい ©');
  });

  it('returns a null title when the page has none', () => {
    expect(htmlToText('<p>本文</p>')).toEqual({ text: '本文', title: null });
  });

  it('tolerates a quoted > in attributes and stray < in text', () => {
    expect(htmlToText('<p data-x="a>b">1 < 2</p>').text).toBe('1 < 2');
  });
});

describe('decodeEntities', () => {
  it('leaves unknown references as written and replaces invalid code points', () => {
    expect(decodeEntities('&unknown; &#0; &nbsp;')).toBe('&unknown; \uFFFD \u00A0');
  });
});
