import { describe, expect, it } from 'vitest';
import { spanInSentence, splitHighlights } from '../../../web/src/text-highlight.ts';
import { sortTimeline, type TimelineEvent } from '../../../web/src/timeline-order.ts';

/** Pure: runs in node, no browser. */
describe('text-highlight', () => {
  const text = '攻撃者は、当社が業務委託先向けに発行していた管理者アカウントのIDとパスワードを入手し';

  it('cuts text into plain and marked pieces, merging overlaps and clamping to the text', () => {
    const pieces = splitHighlights(text, [
      { start: 8, end: 13 },
      { start: 10, end: 14 },
      { start: 25, end: 30 },
      { start: 40, end: 999 },
      { start: 5, end: 5 },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual([text.slice(8, 14), text.slice(25, 30), text.slice(40)]);
    expect(text.slice(8, 14)).toBe('業務委託先向');
    expect(splitHighlights('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('places an evidence span (document offsets) inside its sentence', () => {
    const sentence = '当該アカウントには、例外的にMFA(多要素認証)を適用していなかったことが確認されています。';
    expect(spanInSentence({ sentence, sentenceStart: 939, start: 953, end: 956 })).toEqual({ start: 14, end: 17 });
    expect(sentence.slice(14, 17)).toBe('MFA');
    expect(spanInSentence({ sentence, sentenceStart: 939, start: 900, end: 956 })).toBeNull();
    expect(spanInSentence({ sentence: null, sentenceStart: null, start: 1, end: 2 })).toBeNull();
  });

  it('orders a timeline oldest first, undated last, ties as given', () => {
    const event = (id: string, date: string | null, dateEnd: string | null = null): TimelineEvent => ({ id, name: id, date, dateEnd, kind: null, evidence: [] });
    const sorted = sortTimeline([event('c', '2025-12-02'), event('x', null), event('a', '2025-10-19'), event('b2', '2025-11-12', '2025-12-03'), event('b1', '2025-11-12'), event('a2', '2025-10-19')]);
    expect(sorted.map((e) => e.id)).toEqual(['a', 'a2', 'b2', 'b1', 'c', 'x']);
  });
});
