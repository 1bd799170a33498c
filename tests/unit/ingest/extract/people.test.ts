import { describe, expect, it } from 'vitest';
import { extractPeople } from '../../../../ingest/extract/people.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const people = (text: string): Array<[string, string | null]> => extractPeople(sentencesOf(text)).map((p) => [p.name, p.role]);

describe('extractPeople: role before the name', () => {
  it('reads a role, a space and a name', () => {
    expect(people('代表取締役社長 吉岡晃より')).toEqual([['吉岡晃', '代表取締役社長']]);
    expect(people('学長 山田太郎')).toEqual([['山田太郎', '学長']]);
    expect(people('鴨川市長 佐藤一郎')).toEqual([['佐藤一郎', '市長']]);
  });

  it('joins compound roles and removes the space inside a name', () => {
    expect(people('代表取締役社長 CEO 吉岡 晃')).toEqual([['吉岡晃', '代表取締役社長CEO']]);
    expect(people('代表取締役社長兼CEO:安田 太郎、以下「当社」')).toEqual([['安田太郎', '代表取締役社長兼CEO']]);
    expect(people('(代表取締役 社長執行役員 谷口 康夫、以下「同社」)')).toEqual([['谷口康夫', '代表取締役社長執行役員']]);
    expect(people('取締役兼代表執行役社長 谷川 邦夫、以下')).toEqual([['谷川邦夫', '取締役兼代表執行役社長']]);
  });

  it('reads a role with a colon inside brackets', () => {
    expect(people('サンプル生命保険株式会社(社長:田中 太郎、以下「当社」)は')).toEqual([['田中太郎', '社長']]);
    expect(people('サンプル銀行(頭取:佐々木 一郎)は')).toEqual([['佐々木一郎', '頭取']]);
  });

  it('reads a role glued to the name only before a clear end', () => {
    expect(people('株式会社サンプル(代表取締役石田 浩、以下「同社」)')).toEqual([['石田浩', '代表取締役']]);
    expect(people('社長交代を発表した。')).toEqual([]);
    expect(people('社長室が対応した。')).toEqual([]);
  });

  it('reads 社長の…氏 only with an honorific', () => {
    expect(people('社長の吉岡晃氏は記者会見で述べた。')).toEqual([['吉岡晃', '社長']]);
    expect(people('社長の判断で停止した。')).toEqual([]);
  });

  it('reads katakana names joined by ・', () => {
    expect(people('(代表取締役社長:マリウス・ポペスク、本社:東京都)')).toEqual([['マリウス・ポペスク', '代表取締役社長']]);
  });
});

describe('extractPeople: name before the role', () => {
  it('reads 吉岡晃社長 and 山田太郎学長', () => {
    expect(people('吉岡晃社長は会見で謝罪した。')).toEqual([['吉岡晃', '社長']]);
    expect(people('会見には山田太郎学長が出席した。')).toEqual([['山田太郎', '学長']]);
  });

  it('does not take organizations or generic words before a role for names', () => {
    expect(people('同社社長は会見した。')).toEqual([]);
    expect(people('当社社長が謝罪した。')).toEqual([]);
    expect(people('親会社社長が説明した。')).toEqual([]);
    expect(people('サンプル大学長 としての声明')).toEqual([]);
    expect(people('総務部長が確認した。')).toEqual([]);
    expect(people('前社長と新社長。')).toEqual([]);
  });
});

describe('extractPeople: honorific without a role', () => {
  it('reads …氏 with a null role', () => {
    expect(people('調査は山本一郎氏が担当した。')).toEqual([['山本一郎', null]]);
    expect(people('氏名と住所が流出した。同氏は不在。')).toEqual([]);
  });
});

describe('extractPeople: names', () => {
  it('keeps names of 2 to 6 kanji', () => {
    expect(people('社長 一 から')).toEqual([]);
    expect(people('社長 長谷川 晃一郎、以下')).toEqual([['長谷川晃一郎', '社長']]);
  });

  it('gives exact offsets covering the name', () => {
    const text = 'お知らせ。\n代表取締役社長 吉岡 晃より。';
    const [p] = extractPeople(sentencesOf(text));
    expect(text.slice(p!.start, p!.end)).toBe('吉岡 晃');
    expect(p!.sentenceIndex).toBe(1);
  });
});
