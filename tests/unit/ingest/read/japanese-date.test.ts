import { describe, expect, it } from 'vitest';
import { findFirstDate, parseJapaneseDate } from '../../../../ingest/read/japanese-date.ts';

describe('findFirstDate', () => {
  it.each([
    ['本日2025年3月12日に公表', '2025-03-12'],
    ['令和7年3月12日', '2025-03-12'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['更新: 2025/3/12 10:00', '2025-03-12'],
    ['2025-03-12T10:00', '2025-03-12'],
    ['2025.3.12', '2025-03-12'],
    ['2025 年 10 月 19 日', '2025-10-19'],
  ])('finds %s', (text, iso) => {
    expect(findFirstDate(text)?.iso).toBe(iso);
  });

  it('skips impossible dates and partial ones', () => {
    expect(findFirstDate('2025年2月29日、2025年10月、2025年3月1日')).toEqual({ iso: '2025-03-01', start: 20, end: 29 });
    expect(findFirstDate('10月19日')).toBeNull();
    expect(findFirstDate('12025/3/12')).toBeNull();
  });
});

describe('parseJapaneseDate', () => {
  it('accepts a whole date with a weekday or 付, nothing else', () => {
    expect(parseJapaneseDate(' 2025年3月12日(水) ')).toBe('2025-03-12');
    expect(parseJapaneseDate('2025年3月12日付')).toBe('2025-03-12');
    expect(parseJapaneseDate('2025年3月12日に公表')).toBeNull();
    expect(parseJapaneseDate('公表日 2025年3月12日')).toBeNull();
  });
});
