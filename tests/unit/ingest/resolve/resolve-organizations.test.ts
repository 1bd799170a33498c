import { describe, expect, it } from 'vitest';
import { resolveOrganization, resolveService } from '../../../../ingest/resolve/resolve-organizations.ts';

describe('resolveOrganization', () => {
  it('アスクル = アスクル株式会社 = ASKUL', () => {
    const ids = ['アスクル', 'アスクル株式会社', 'ASKUL'].map((n) => resolveOrganization(n).id);
    expect(new Set(ids).size).toBe(1);
    expect(resolveOrganization('ASKUL').name).toBe('アスクル株式会社');
    expect(resolveOrganization('ASKUL').rule).toBe('gazetteer');
  });

  it('アサヒグループ = アサヒグループホールディングス', () => {
    expect(resolveOrganization('アサヒグループ').id).toBe(resolveOrganization('アサヒグループホールディングス株式会社').id);
  });

  it('merges by legal form only, and explains it', () => {
    const a = resolveOrganization('株式会社サンプル商事');
    const b = resolveOrganization('サンプル商事');
    expect(a.id).toBe(b.id);
    expect(a.rule).toBe('legal-form');
  });

  it('keeps apart companies that merely share a word', () => {
    expect(resolveOrganization('アサヒ飲料株式会社').id).not.toBe(resolveOrganization('アサヒグループホールディングス株式会社').id);
    expect(resolveOrganization('株式会社ロフトワーク').id).not.toBe(resolveOrganization('株式会社ロフト').id);
    expect(resolveOrganization('アスクル物流サービス株式会社').id).not.toBe(resolveOrganization('アスクル株式会社').id);
  });
});

describe('resolveService', () => {
  it('maps a brand to the company that runs it', () => {
    const muji = resolveService('無印良品');
    expect(muji?.owner.name).toBe('株式会社良品計画');
    expect(muji?.owner.rule).toBe('brand-owner');
    expect(resolveService('LOHACO')?.owner.id).toBe(resolveOrganization('アスクル').id);
  });

  it('returns null for an unknown name', () => {
    expect(resolveService('どこかのサービス')).toBeNull();
  });
});

describe('local governments', () => {
  it('「愛知県豊田市」 and 「豊田市」 are one city, and the rule says so', () => {
    const withPrefecture = resolveOrganization('愛知県豊田市', 'government');
    expect(withPrefecture.id).toBe(resolveOrganization('豊田市', 'government').id);
    expect(withPrefecture.rule).toBe('prefecture-municipality');
  });

  it('a prefecture alone stays a prefecture', () => {
    expect(resolveOrganization('愛知県', 'government').name).toBe('愛知県');
  });
});
