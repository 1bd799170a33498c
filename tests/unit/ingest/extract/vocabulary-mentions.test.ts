import { describe, expect, it } from 'vitest';
import { extractVocabularyMentions } from '../../../../ingest/extract/vocabulary-mentions.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const keys = (text: string, kind?: string) =>
  extractVocabularyMentions(sentencesOf(text))
    .filter((m) => kind === undefined || m.kind === kind)
    .map((m) => `${m.kind}:${m.key}`);

describe('extractVocabularyMentions', () => {
  it('finds Qilin by its Latin, Japanese and alternative names', () => {
    expect(keys('Qilinが犯行声明を出した。', 'threat-actor')).toEqual(['threat-actor:qilin']);
    expect(keys('キリンと呼ばれるグループ。', 'threat-actor')).toEqual(['threat-actor:qilin']);
    expect(keys('別名Agendaとしても知られる。', 'threat-actor')).toEqual(['threat-actor:qilin']);
  });

  it('does not take the brewer キリンホールディングス for the group', () => {
    expect(keys('キリンホールディングスは本件と無関係である。', 'threat-actor')).toEqual([]);
  });

  it('matches Latin acronyms only as whole words', () => {
    expect(keys('SOCKSプロキシを経由した。', 'control')).toEqual([]);
    expect(keys('SOCによる24時間監視を導入する。', 'control')).toContain('control:monitoring');
  });

  it('prefers the longest term at a position and keeps offsets exact', () => {
    const text = '業務委託先の管理者アカウントが不正利用された。';
    const mentions = extractVocabularyMentions(sentencesOf(text)).filter((m) => m.kind === 'access-vector');
    expect(mentions.map((m) => m.key)).toEqual(['contractor-account']);
    expect(text.slice(mentions[0]!.start, mentions[0]!.end)).toBe('業務委託先の管理者アカウント');
  });

  it('finds controls in Japanese and English forms', () => {
    expect(keys('多要素認証とEDRとオフラインバックアップ', 'control')).toEqual(['control:mfa', 'control:edr', 'control:backup']);
  });
});
