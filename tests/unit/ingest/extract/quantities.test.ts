import { describe, expect, it } from 'vitest';
import { extractQuantities, parseNumber } from '../../../../ingest/extract/quantities.ts';
import type { QuantityMention } from '../../../../ingest/records.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const run = (text: string): QuantityMention[] => extractQuantities(sentencesOf(text));
const one = (text: string) => {
  const found = run(text);
  expect(found).toHaveLength(1);
  const q = found[0]!;
  return { value: q.value, unit: q.unit, approximate: q.approximate, kind: q.kind, surface: q.surface };
};

describe('extractQuantities: counts', () => {
  it('reads 万 with and without approximation', () => {
    expect(one('約74万件の情報が流出した。')).toEqual({ value: 740000, unit: '件', approximate: true, kind: 'count', surface: '約74万件' });
    expect(one('取引先の情報 1万5,000件。')).toMatchObject({ value: 15000, unit: '件', approximate: false });
    expect(one('合計 74万2,000件')).toMatchObject({ value: 742000, approximate: false });
    expect(one('会員 10.4万人')).toMatchObject({ value: 104000, unit: '人' });
  });

  it('reads comma-grouped numbers and the common units', () => {
    expect(one('役員・社員 2,700件')).toMatchObject({ value: 2700, unit: '件' });
    expect(one('従業員数 3,574名(連結)')).toMatchObject({ value: 3574, unit: '名' });
    expect(one('約1,200人が利用')).toMatchObject({ value: 1200, unit: '人', approximate: true });
    expect(one('取引先 12社に連絡')).toMatchObject({ value: 12, unit: '社' });
    expect(one('サーバー 2台が暗号化')).toMatchObject({ value: 2, unit: '台' });
    expect(one('迷惑メール約140万通を送信')).toMatchObject({ value: 1400000, unit: '通', approximate: true });
    expect(one('対象は 15校')).toMatchObject({ value: 15, unit: '校' });
  });

  it('tolerates spaces inside numbers and before units', () => {
    expect(one('お客様情報の一部 約 13 万 2,000 件')).toMatchObject({ value: 132000, approximate: true, surface: '約 13 万 2,000 件' });
    expect(one('カード情報(2,270 件)')).toMatchObject({ value: 2270 });
  });

  it('marks upper bounds and hedges as approximate and keeps them in the surface', () => {
    expect(one('最大で約10万件が閲覧された可能性')).toMatchObject({ value: 100000, approximate: true, surface: '最大で約10万件' });
    expect(one('最大73,684件')).toMatchObject({ value: 73684, approximate: true });
    expect(one('1,000件以上の不正ログイン')).toMatchObject({ value: 1000, approximate: true, surface: '1,000件以上' });
    expect(one('およそ300名')).toMatchObject({ value: 300, approximate: true });
  });

  it('keeps 計 in the surface without marking it approximate', () => {
    expect(one('計13件の問い合わせ')).toMatchObject({ value: 13, approximate: false, surface: '計13件' });
    expect(one('合計3件')).toMatchObject({ value: 3, approximate: false });
  });

  it('normalises 名様 and …分 to the bare unit', () => {
    expect(one('お客様 120名様')).toMatchObject({ value: 120, unit: '名', surface: '120名様' });
    expect(one('約6,400名分の情報')).toMatchObject({ value: 6400, unit: '名', surface: '約6,400名' });
    expect(one('約26万人分')).toMatchObject({ value: 260000, unit: '人' });
  });

  it('reads kanji numerals', () => {
    expect(one('三千件の記録')).toMatchObject({ value: 3000, unit: '件' });
    expect(one('二十一名が対象')).toMatchObject({ value: 21 });
    expect(one('百二十三人')).toMatchObject({ value: 123 });
    expect(one('約三十万件')).toMatchObject({ value: 300000, approximate: true });
    expect(one('パソコン一台に侵入')).toMatchObject({ value: 1, unit: '台' });
  });
});

describe('extractQuantities: money', () => {
  it('scales 万円 and 億円 to yen', () => {
    expect(one('売上高 4,811億円')).toEqual({ value: 481100000000, unit: '円', approximate: false, kind: 'money', surface: '4,811億円' });
    expect(one('平均約2億2,000万円の被害')).toMatchObject({ value: 220000000, kind: 'money', approximate: true });
    expect(one('500万円を計上')).toMatchObject({ value: 5000000, unit: '円' });
    expect(one('約 14 百万円')).toMatchObject({ value: 14000000, unit: '円' });
    expect(one('3千万円')).toMatchObject({ value: 30000000 });
  });
});

describe('extractQuantities: not counts', () => {
  it('ignores ordinals, years, dates, times, phone numbers and percentages', () => {
    expect(run('第13報を公表した。')).toEqual([]);
    expect(run('第三社に委託した。')).toEqual([]);
    expect(run('2025年10月19日に発生した。24時間365日の監視。')).toEqual([]);
    expect(run('電話 0120-345-987 または 03-6731-7884')).toEqual([]);
    expect(run('被害は前年比1.4倍、55%がVPN経由。')).toEqual([]);
  });

  it('ignores vague amounts', () => {
    expect(run('数千件の不正ログイン、数十万人規模、何百人もの利用者。')).toEqual([]);
  });

  it('ignores unit characters that start other words', () => {
    expect(run('統一名称を用いる。同一人物である。1名称。')).toEqual([]);
    expect(run('3社員が対応。2通知を送付。1台帳。10通りの方法。5円滑に。')).toEqual([]);
    expect(run('一人ずつ確認し、お一人様にご案内。関東一円で発生。')).toEqual([]);
  });

  it('does not split glued numbers', () => {
    expect(run('コード 2,7件')).toEqual([]);
    expect(run('番号 10-20件')).toEqual([]);
  });
});

describe('extractQuantities: records', () => {
  it('gives exact offsets and sentence indexes', () => {
    const text = '流出件数について。\n事業所向け 約59万件、個人向け 約13万2,000件。';
    const found = run(text);
    expect(found.map((q) => q.value)).toEqual([590000, 132000]);
    for (const q of found) {
      expect(text.slice(q.start, q.end)).toBe(q.surface);
      expect(q.sentenceIndex).toBe(1);
    }
  });
});

describe('parseNumber', () => {
  it('combines 万, 億 and 兆 groups', () => {
    expect(parseNumber('74万2,000')).toBe(742000);
    expect(parseNumber('1兆2億')).toBe(1000200000000);
    expect(parseNumber('三千五百')).toBe(3500);
    expect(parseNumber('十')).toBe(10);
  });

  it('rejects malformed numbers', () => {
    expect(parseNumber('万億')).toBeNull();
    expect(parseNumber('二〇二五')).toBeNull();
    expect(parseNumber('12 34')).toBeNull();
  });
});
