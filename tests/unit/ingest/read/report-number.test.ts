import { describe, expect, it } from 'vitest';
import { kanjiNumber, reportNumberFromTitle } from '../../../../ingest/read/report-number.ts';

describe('reportNumberFromTitle', () => {
  it.each([
    ['システム障害について(第13報)', 13],
    ['システム障害関連・第 13 報', 13],
    ['第十三報', 13],
    ['第二十一報', 21],
    ['【第三報:令和7年1月31日現在】', 3],
    ['【続報】お知らせ', null],
    ['最終報告', null],
  ])('%s → %s', (title, expected) => {
    expect(reportNumberFromTitle(title)).toBe(expected);
  });
});

describe('kanjiNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['百五', 105],
    ['一〇', 10],
    ['報', null],
  ])('%s → %s', (text, expected) => {
    expect(kanjiNumber(text)).toBe(expected);
  });
});
