import { describe, expect, it } from 'vitest';
import { polarityOf, sentenceDenies } from '../../../../ingest/extract/polarity.ts';
import type { SectionKind } from '../../../../ingest/records.ts';

function polarityAfter(text: string, term: string, sectionKind: SectionKind = 'other', others: string[] = []) {
  const at = text.indexOf(term);
  const spans = others.map((o) => {
    const i = text.indexOf(o);
    return [i, i + o.length] as const;
  });
  return polarityOf({ text, mentionEnd: at + term.length, followingMentionSpans: spans, sectionKind });
}

describe('polarityOf', () => {
  it('「MFAを適用していなかった」 is negated (a lacked control)', () => {
    expect(polarityAfter('委託先の管理者アカウントにMFAを適用していなかった。', 'MFA')).toBe('negated');
  });

  it('reads past a list to the shared predicate: 「MFAやEDRを導入していなかった」', () => {
    expect(polarityAfter('MFAやEDRを導入していなかったため、侵入を許した。', 'MFA', 'other', ['EDR'])).toBe('negated');
  });

  it('「EDRが未導入」 is negated', () => {
    expect(polarityAfter('一部のサーバーではEDRが未導入であった。', 'EDR')).toBe('negated');
  });

  it('「多要素認証を徹底します」 is planned', () => {
    expect(polarityAfter('今後はすべての管理者アカウントに多要素認証を徹底します。', '多要素認証')).toBe('planned');
  });

  it('a control named in a 再発防止策 section is planned even in the past tense', () => {
    expect(polarityAfter('EDRを全サーバーに導入しました。', 'EDR', 'remediation')).toBe('planned');
  });

  it('a plain statement of fact is affirmed', () => {
    expect(polarityAfter('EDRが不審な挙動を検知した。', 'EDR')).toBe('affirmed');
  });

  it('hedged statements are uncertain', () => {
    expect(polarityAfter('VPN機器の脆弱性が悪用された可能性がある。', 'VPN機器')).toBe('uncertain');
  });

  it('negation in a later clause does not reach back over a clause break', () => {
    expect(polarityAfter('MFAを導入していたため、被害は確認されていない。', 'MFA')).toBe('affirmed');
  });
});

describe('sentenceDenies', () => {
  it('「流出は確認されていない」 denies a breach', () => {
    expect(sentenceDenies('現時点で個人情報の外部への流出は確認されていない。')).toBe(true);
    expect(sentenceDenies('個人情報の流出は現時点で確認されておりません。')).toBe(true);
  });

  it('a stated leak is not denied', () => {
    expect(sentenceDenies('約74万件の情報が外部に流出したことを確認しました。')).toBe(false);
  });
});

describe('polarityOf on attribution', () => {
  it('「Qilin(キリン)が関与しているのではないか」 is speculation, not a fact', () => {
    const text = '犯行声明を出したQilin(キリン)が関与しているのではないかと推測する記事もあった。';
    expect(polarityOf({ text, mentionEnd: text.indexOf('Qilin') + 5, sectionKind: 'other' })).toBe('uncertain');
  });

  it('「声明を出したのはQilinではなく」 is a denial', () => {
    const text = 'しかし今回声明を出したのはQilinではなく、別のグループだった。';
    expect(polarityOf({ text, mentionEnd: text.indexOf('Qilin') + 5, sectionKind: 'other' })).toBe('negated');
  });
});
