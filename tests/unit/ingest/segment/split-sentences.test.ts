import { describe, expect, it } from 'vitest';
import type { Section } from '../../../../ingest/records.ts';
import { splitSentences } from '../../../../ingest/segment/split-sentences.ts';

const whole = (text: string, kind: Section['kind'] = 'other'): Section[] => [{ heading: null, kind, start: 0, end: text.length }];
const texts = (text: string, sections = whole(text)) => splitSentences(text, sections).map((s) => s.text);

describe('splitSentences', () => {
  it('splits after 。 ! ? and at newlines', () => {
    expect(texts('攻撃を受けました。原因は?調査中です!\n詳細は後日\nお知らせします。')).toEqual([
      '攻撃を受けました。',
      '原因は?',
      '調査中です!',
      '詳細は後日',
      'お知らせします。',
    ]);
  });

  it('keeps quotations and parentheses whole', () => {
    expect(texts('同社は「流出は確認されていない。調査を続ける。」と述べた。次に(詳細は別紙。)を参照。')).toEqual([
      '同社は「流出は確認されていない。調査を続ける。」と述べた。',
      '次に(詳細は別紙。)を参照。',
    ]);
  });

  it('keeps exact offsets, trims whitespace and list or heading markers', () => {
    const text = '## 流出した情報\n - 氏名、住所\n* 電話番号\n\n  本件は以上です。  ';
    const sentences = splitSentences(text, whole(text, 'impact'));
    expect(sentences.map((s) => s.text)).toEqual(['流出した情報', '氏名、住所', '電話番号', '本件は以上です。']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it('drops sentences with no letters or digits', () => {
    expect(texts('以上\n---\n。。\n|---|')).toEqual(['以上']);
  });

  it('does not split URLs, decimals, domain names or Yahoo!-style names', () => {
    expect(texts('詳細は https://example.jp/a?b=1&c=2 をご覧ください。倍率は1.5倍でBooking.comとYahoo!ニュースが報じた。')).toEqual([
      '詳細は https://example.jp/a?b=1&c=2 をご覧ください。',
      '倍率は1.5倍でBooking.comとYahoo!ニュースが報じた。',
    ]);
  });

  it('splits at a Japanese full stop written as "." and takes trailing terminators along', () => {
    expect(texts('検知しました.次に本当ですか?!はい。')).toEqual(['検知しました.', '次に本当ですか?!', 'はい。']);
  });

  it('never splits across sections and carries each section index and kind', () => {
    const text = '冒頭です。\n## 原因\n委託先のアカウントが悪用されました。';
    const sections: Section[] = [
      { heading: null, kind: 'summary', start: 0, end: 6 },
      { heading: '原因', kind: 'cause', start: 6, end: text.length },
    ];
    expect(splitSentences(text, sections).map((s) => [s.text, s.sectionIndex, s.sectionKind])).toEqual([
      ['冒頭です。', 0, 'summary'],
      ['原因', 1, 'cause'],
      ['委託先のアカウントが悪用されました。', 1, 'cause'],
    ]);
  });

  it('does not let an unclosed bracket hold a whole line together', () => {
    const long = 'あ'.repeat(320);
    expect(texts(`(注${long}。次の文。`)).toEqual([`(注${long}。`, '次の文。']);
  });
});
