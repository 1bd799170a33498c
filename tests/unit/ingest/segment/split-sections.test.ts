import { describe, expect, it } from 'vitest';
import type { Section } from '../../../../ingest/records.ts';
import { classifyHeading, splitSections } from '../../../../ingest/segment/split-sections.ts';

const headingsAndKinds = (sections: readonly Section[]) => sections.map((s) => [s.heading, s.kind]);

function expectContiguous(text: string, bodyStart: number, sections: readonly Section[]) {
  expect(sections[0]?.start).toBe(bodyStart);
  expect(sections.at(-1)?.end).toBe(text.length);
  for (let i = 1; i < sections.length; i++) expect(sections[i]!.start).toBe(sections[i - 1]!.end);
}

describe('splitSections', () => {
  it('splits at Markdown headings and classifies them; the lead is a summary', () => {
    const text = [
      '当社は不正アクセスを受けました。',
      '## 経緯',
      '3月1日に異常を検知しました。',
      '## 原因',
      '委託先のアカウントが悪用されました。',
      '## 流出した情報',
      '氏名、住所',
      '## 今後の対応',
      '対象の方にご連絡します。',
      '## 再発防止策',
      '多要素認証を導入します。',
      '## お問い合わせ先',
      '窓口までご連絡ください。',
    ].join('\n');
    const sections = splitSections(text, 0);
    expect(headingsAndKinds(sections)).toEqual([
      [null, 'summary'],
      ['経緯', 'timeline'],
      ['原因', 'cause'],
      ['流出した情報', 'impact'],
      ['今後の対応', 'response'],
      ['再発防止策', 'remediation'],
      ['お問い合わせ先', 'other'],
    ]);
    expectContiguous(text, 0, sections);
    expect(text.slice(sections[2]!.start, sections[2]!.end)).toBe('## 原因\n委託先のアカウントが悪用されました。\n');
  });

  it('starts at bodyStart and ignores what comes before it', () => {
    const text = '# 公表概要\n- お知らせ\n\n# 本文\n本文です。\n## 概要\n概要です。';
    const bodyStart = text.indexOf('本文です');
    const sections = splitSections(text, bodyStart);
    expect(headingsAndKinds(sections)).toEqual([
      [null, 'summary'],
      ['概要', 'summary'],
    ]);
    expectContiguous(text, bodyStart, sections);
  });

  it('recognises ■, 【…】 and short numbered lines as headings', () => {
    const text = ['■経緯', '検知しました。', '【原因】', '調査中です。', '1. 影響範囲', '一部の顧客です。', '(1) 対応状況', '停止しました。', '第2章 今後の対策', '強化します。'].join('\n');
    expect(headingsAndKinds(splitSections(text, 0))).toEqual([
      ['経緯', 'timeline'],
      ['【原因】', 'cause'],
      ['1. 影響範囲', 'impact'],
      ['(1) 対応状況', 'response'],
      ['第2章 今後の対策', 'remediation'],
    ]);
  });

  it('does not take a run of numbered lines, or a long numbered sentence, for headings', () => {
    const text = ['## 流出した可能性のある情報', '(1) 氏名', '(2) 住所', '(3) 電話番号', '1. 当社は直ちにサーバーをネットワークから切り離し、調査を開始しました。'].join('\n');
    expect(headingsAndKinds(splitSections(text, 0))).toEqual([['流出した可能性のある情報', 'impact']]);
  });

  it('lets a heading that names no kind inherit the kind it is nested under', () => {
    const text = ['## 3. 再発防止策', '(1) 多要素認証の導入', '全アカウントに適用します。', '(2) 監視体制', '24時間監視を行います。', '## 4. その他', '(1) 補足', '以上です。'].join('\n');
    expect(headingsAndKinds(splitSections(text, 0))).toEqual([
      ['3. 再発防止策', 'remediation'],
      ['(1) 多要素認証の導入', 'remediation'],
      ['(2) 監視体制', 'remediation'],
      ['4. その他', 'other'],
      ['(1) 補足', 'other'],
    ]);
  });

  it('covers an empty or heading-free body with one section', () => {
    expect(splitSections('本文のみです。', 0)).toEqual([{ heading: null, kind: 'summary', start: 0, end: 7 }]);
    expect(splitSections('見出し\n', 4)).toEqual([{ heading: null, kind: 'summary', start: 4, end: 4 }]);
  });

  it('gives blank lines before the first heading to that heading', () => {
    const text = '\n\n## 経緯\n検知しました。';
    expect(splitSections(text, 0)).toEqual([{ heading: '経緯', kind: 'timeline', start: 0, end: text.length }]);
  });
});

describe('classifyHeading', () => {
  it.each([
    ['再発防止に向けた取り組み', 'remediation'],
    ['安全性強化に向けた取り組み', 'remediation'],
    ['原因と対策', 'remediation'],
    ['発生原因', 'cause'],
    ['漏えいの経緯', 'timeline'],
    ['時系列', 'timeline'],
    ['被害状況', 'impact'],
    ['業績への影響', 'impact'],
    ['当社の対応', 'response'],
    ['事案の概要', 'summary'],
    ['お客様へのお願い', 'other'],
  ] as const)('%s → %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });
});
