import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../../ingest/extract/dates.ts';
import type { DateMention } from '../../../../ingest/records.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const run = (text: string, referenceDate: string | null = null): DateMention[] => extractDates(sentencesOf(text), { referenceDate });
const dates = (text: string, referenceDate: string | null = null): string[] =>
  run(text, referenceDate).map((d) => (d.dateEnd ? `${d.date}..${d.dateEnd}` : d.date));

describe('extractDates: explicit dates', () => {
  it('reads 年月日 with and without a weekday', () => {
    const [d] = run('2025年10月19日(日)に攻撃を検知した。');
    expect(d).toMatchObject({ date: '2025-10-19', dateEnd: null, surface: '2025年10月19日(日)', precision: 'exact' });
    expect(dates('当社は2025年10月19日に公表した。')).toEqual(['2025-10-19']);
    expect(dates('2024年11月6日(水曜日)19時頃に確認。')).toEqual(['2024-11-06']);
  });

  it('tolerates spaces left inside dates', () => {
    expect(dates('2025 年 10 月 19 日、障害が発生した。')).toEqual(['2025-10-19']);
  });

  it('converts 令和 and 平成 years, including 元年 and a parenthesised western year', () => {
    expect(dates('令和7年10月22日に報告した。')).toEqual(['2025-10-22']);
    expect(dates('令和元年5月1日に設立。')).toEqual(['2019-05-01']);
    expect(dates('平成31年4月30日まで運用。')).toEqual(['2019-04-30']);
    const [d] = run('令和6年(2024年)12月30日、改ざんを確認した。');
    expect(d).toMatchObject({ date: '2024-12-30', surface: '令和6年(2024年)12月30日', precision: 'exact' });
  });

  it('reads slash, dot and hyphen dates', () => {
    expect(dates('2025/10/19 に発生。')).toEqual(['2025-10-19']);
    expect(dates('更新日 2025.10.19')).toEqual(['2025-10-19']);
    expect(dates('発生日: 2025-10-19')).toEqual(['2025-10-19']);
  });

  it('does not read URL paths, versions or long numbers as dates', () => {
    expect(dates('詳細は https://example.jp/2025/04/17_notice を参照。')).toEqual([]);
    expect(dates('バージョン v2025.10.19 と 1.2.3 を適用した。')).toEqual([]);
    expect(dates('受付番号 12025-10-19-7')).toEqual([]);
  });

  it('rejects impossible calendar dates', () => {
    expect(dates('2025年2月30日に発生。')).toEqual([]);
    expect(dates('2025年13月1日に発生。')).toEqual([]);
    expect(dates('2024年2月29日に発生。')).toEqual(['2024-02-29']);
    expect(dates('2025年2月29日に発生。')).toEqual([]);
  });

  it('ignores fiscal periods, quarters, month-only dates and times', () => {
    expect(dates('2025年5月期の決算と第3四半期の業績。')).toEqual([]);
    expect(dates('今期(2026年5月期)中に再構築する。')).toEqual([]);
    expect(dates('2025年10月下旬に判明した。')).toEqual([]);
    expect(dates('10時30分に復旧した。3日間停止し、14日以内に連絡する。')).toEqual([]);
  });
});

describe('extractDates: years from context', () => {
  it('takes the year of the previous date in the document', () => {
    const found = run('2025年10月19日に検知した。10月22日に不正アクセスが発生した。');
    expect(found.map((d) => [d.date, d.precision])).toEqual([
      ['2025-10-19', 'exact'],
      ['2025-10-22', 'inferred'],
    ]);
  });

  it('rolls over the year end after a late-December date', () => {
    expect(dates('2025年12月28日に発生した。1月5日に復旧した。')).toEqual(['2025-12-28', '2026-01-05']);
  });

  it('takes a date months after the reference date as the previous year', () => {
    expect(dates('12月25日に不審な通信を確認した。', '2025-01-10')).toEqual(['2024-12-25']);
    expect(dates('2月20日に再開予定です。', '2025-01-10')).toEqual(['2025-02-20']);
    expect(dates('10月19日に発生。', '2025-12-12')).toEqual(['2025-10-19']);
  });

  it('keeps a later month in the same year when the reference date allows it', () => {
    expect(dates('2024年4月1日から運用していた。12月5日に侵入された。', '2025-02-01')).toEqual(['2024-04-01', '2024-12-05']);
  });

  it('moves back a year when a January base is followed by a December date', () => {
    expect(dates('2025年1月10日に公表した。本件は12月25日に発生した。')).toEqual(['2025-01-10', '2024-12-25']);
    expect(dates('2025年1月10日に公表した。本件は12月25日に発生した。', '2025-01-10')).toEqual(['2025-01-10', '2024-12-25']);
  });

  it('uses a month-only date with a year as context without emitting it', () => {
    expect(dates('2024年12月中旬に発覚した。1月10日に公表した。')).toEqual(['2025-01-10']);
  });

  it('lets a weekday pick the year', () => {
    // 2025-02-20 is a Thursday; 2024-02-20 a Tuesday.
    expect(dates('2月20日(火)に発生した。', '2025-01-10')).toEqual(['2024-02-20']);
    expect(dates('3月20日(木)に発生した。', '2025-03-01')).toEqual(['2025-03-20']);
  });

  it('drops a yearless date with neither context nor reference date', () => {
    expect(dates('10月19日に発生した。')).toEqual([]);
  });
});

describe('extractDates: ranges', () => {
  it('accepts every range character and から', () => {
    for (const sep of ['～', '~', '〜', '-', 'から']) {
      expect(dates(`2025年11月12日${sep}12月3日 出荷トライアル。`)).toEqual(['2025-11-12..2025-12-03']);
    }
  });

  it('infers both ends of a yearless range', () => {
    const [d] = run('11月12日～12月3日 出荷トライアル。', '2025-12-12');
    expect(d).toMatchObject({ date: '2025-11-12', dateEnd: '2025-12-03', surface: '11月12日～12月3日', precision: 'inferred' });
  });

  it('reads a bare end day and 同年 in the end', () => {
    expect(dates('2025年10月19日~20日に実施。')).toEqual(['2025-10-19..2025-10-20']);
    const [d] = run('2025年6月1日から同年6月30日まで募集した。');
    expect(d).toMatchObject({ date: '2025-06-01', dateEnd: '2025-06-30', surface: '2025年6月1日から同年6月30日', precision: 'exact' });
  });

  it('crosses month and year ends', () => {
    expect(dates('2025年10月30日～2日の間。')).toEqual(['2025-10-30..2025-11-02']);
    expect(dates('2024年12月20日～1月5日の期間。')).toEqual(['2024-12-20..2025-01-05']);
  });

  it('allows weekdays and times between the ends', () => {
    expect(dates('令和7年2月22日(土)午後3時50分から令和7年2月27日(木)午後10時30分の間。')).toEqual(['2025-02-22..2025-02-27']);
    expect(dates('2024年11月21日深夜より22日午前にかけて発生。')).toEqual(['2024-11-21..2024-11-22']);
  });

  it('keeps a range within one day as one mention without an end', () => {
    const found = run('2025年5月3日12時00分～5月3日15時まで停止。');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date: '2025-05-03', dateEnd: null });
  });

  it('does not join dates that are not a range', () => {
    expect(dates('2025年10月19日より調査を開始し、10月22日に公表。')).toEqual(['2025-10-19', '2025-10-22']);
  });
});

describe('extractDates: relative dates', () => {
  it('reads 同日, 翌日 and 前日 from the previous date', () => {
    const found = run('2025年10月19日に検知した。同日、システムを停止した。翌日、調査を依頼した。');
    expect(found.map((d) => [d.surface, d.date, d.precision])).toEqual([
      ['2025年10月19日', '2025-10-19', 'exact'],
      ['同日', '2025-10-19', 'inferred'],
      ['翌日', '2025-10-20', 'inferred'],
    ]);
    expect(dates('2025年3月1日に判明。その前日に侵入された。')).toEqual(['2025-03-01', '2025-02-28']);
  });

  it('reads 翌日 across a month and year end', () => {
    expect(dates('2025年12月31日に発生。翌日に復旧。')).toEqual(['2025-12-31', '2026-01-01']);
  });

  it('reads 同月N日, 翌月N日, 翌N日 and 同年M月N日', () => {
    expect(dates('2024年12月17日に発生し、同月22日に解消した。')).toEqual(['2024-12-17', '2024-12-22']);
    expect(dates('2024年12月17日に発生し、翌月10日に公表した。')).toEqual(['2024-12-17', '2025-01-10']);
    expect(dates('10月19日午前に検知。翌20日に依頼した。', '2025-12-12')).toEqual(['2025-10-19', '2025-10-20']);
    expect(dates('2024年5月に侵入された。同年6月10日に発覚した。')).toEqual(['2024-06-10']);
  });

  it('needs an earlier date for 同日 and a reference date for 本日', () => {
    expect(dates('同日中に対応した。')).toEqual([]);
    expect(dates('本日時点で被害は確認されていない。')).toEqual([]);
    expect(dates('本日、確報を提出した。', '2025-12-12')).toEqual(['2025-12-12']);
  });

  it('does not read 同日程 as a date', () => {
    expect(dates('2025年1月5日に発生。同日程で実施した。')).toEqual(['2025-01-05']);
  });

  it('reads bare days in a list after a date, and bare days with a weekday', () => {
    expect(dates('2025年10月21日、27日、30日の3回にわたり送信された。')).toEqual(['2025-10-21', '2025-10-27', '2025-10-30']);
    expect(dates('2025年1月13日(月)に改ざんされ、14日(火)に判明した。')).toEqual(['2025-01-13', '2025-01-14']);
  });

  it('ignores a bare day without a weekday or list', () => {
    expect(dates('2025年1月13日に改ざんされ、その後14日に判明した。')).toEqual(['2025-01-13']);
  });

  it('reads M/D only before a weekday', () => {
    expect(dates('集配中止: 4/27(日)、5/4(日)', '2025-04-23')).toEqual(['2025-04-27', '2025-05-04']);
    expect(dates('比率は 4/27 です。', '2025-04-23')).toEqual([]);
  });
});

describe('extractDates: records', () => {
  it('gives exact offsets, sentence indexes, and sorts by start', () => {
    const text = '概要。\n2025年10月19日に検知した。同日に遮断し、10月22日に公表した。';
    const sentences = sentencesOf(text);
    const found = extractDates([...sentences].reverse(), { referenceDate: null });
    expect(found.map((d) => d.surface)).toEqual(['2025年10月19日', '同日', '10月22日']);
    for (const d of found) {
      expect(text.slice(d.start, d.end)).toBe(d.surface);
      const s = sentences[d.sentenceIndex]!;
      expect(d.start).toBeGreaterThanOrEqual(s.start);
      expect(d.end).toBeLessThanOrEqual(s.end);
    }
    expect(found.map((d) => d.start)).toEqual([...found.map((d) => d.start)].sort((a, b) => a - b));
  });

  it('accepts a reference date with a time part and ignores a malformed one', () => {
    expect(dates('12月25日に確認。', '2025-01-10T09:00:00+09:00')).toEqual(['2024-12-25']);
    expect(dates('12月25日に確認。', 'not a date')).toEqual([]);
  });
});

describe('extractDates: more relative days', () => {
  it('reads 翌N日 as the candidate nearest the day after the previous date', () => {
    expect(dates('2025年10月8日公開。声明は7日夜に公開され、同社は翌8日にコメントした。')).toEqual(['2025-10-08', '2025-10-07', '2025-10-08']);
    expect(dates('2025年10月31日に発生。翌1日に復旧。')).toEqual(['2025-10-31', '2025-11-01']);
    expect(dates('2023年6月5日深夜から翌6日にかけて停止した。')).toEqual(['2023-06-05..2023-06-06']);
  });

  it('reads a bare day followed by a time of day, but not a duration', () => {
    expect(dates('2025年10月19日に発生。21日午前に復旧した。')).toEqual(['2025-10-19', '2025-10-21']);
    expect(dates('2025年10月19日に発生。1日24時間体制で監視する。')).toEqual(['2025-10-19']);
  });
});
