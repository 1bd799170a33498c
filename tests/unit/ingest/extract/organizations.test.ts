import { describe, expect, it } from 'vitest';
import {
  BRANDS,
  coreName,
  extractOrganizations,
  legalFormStripped,
  normalizeOrganizationName,
} from '../../../../ingest/extract/organizations.ts';
import type { OrganizationMention } from '../../../../ingest/records.ts';
import { sentencesOf } from '../../../support/sentences.ts';

const run = (text: string): OrganizationMention[] => extractOrganizations(sentencesOf(text));
const names = (text: string): string[] => run(text).map((o) => o.name);
const surfaces = (text: string): string[] => run(text).map((o) => o.surface);
const kinds = (text: string): string[] => run(text).map((o) => `${o.name}:${o.kind}`);

describe('extractOrganizations: company name boundaries', () => {
  it('stops a prefix-form name at particles', () => {
    expect(names('当社は株式会社サンプルの子会社である。')).toEqual(['株式会社サンプル']);
    for (const particle of ['は', 'が', 'を', 'に', 'の', 'で', 'と', 'や', 'へ', 'も', 'から', 'より']) {
      expect(names(`株式会社サンプル${particle}連絡した。`)).toEqual(['株式会社サンプル']);
    }
  });

  it('stops a suffix-form name at particles, punctuation, brackets and spaces', () => {
    expect(names('アスクル株式会社は発表した。')).toEqual(['アスクル株式会社']);
    expect(names('委託先であるサンプル株式会社から報告を受けた。')).toEqual(['サンプル株式会社']);
    expect(names('「サンプル株式会社」')).toEqual(['サンプル株式会社']);
    expect(names('なお、サンプル株式会社(以下「同社」)')).toEqual(['サンプル株式会社']);
    expect(names('報告 サンプル株式会社')).toEqual(['サンプル株式会社']);
  });

  it('strips leading descriptors and dates from a suffix-form name', () => {
    expect(names('委託先サンプル株式会社に確認した。')).toEqual(['サンプル株式会社']);
    expect(names('大手通販会社サンプル株式会社は')).toEqual(['サンプル株式会社']);
    expect(names('当社子会社サンプル物流株式会社において')).toEqual(['サンプル物流株式会社']);
    expect(names('10月19日サンプル株式会社が公表。')).toEqual(['サンプル株式会社']);
    expect(names('2.サンプル株式会社への委託')).toEqual(['サンプル株式会社']);
  });

  it('strips trailing roles and places from a prefix-form name', () => {
    expect(names('株式会社サンプル社長の山田氏')).toEqual(['株式会社サンプル']);
    expect(names('株式会社サンプル本社に')).toEqual(['株式会社サンプル']);
    expect(names('株式会社サンプル担当者より')).toEqual(['株式会社サンプル']);
  });

  it('keeps spaces only between Latin words and removes them in the name', () => {
    const [o] = run('物流はASKUL LOGIST株式会社に委託している。');
    expect(o).toMatchObject({ surface: 'ASKUL LOGIST株式会社', name: 'ASKULLOGIST株式会社', kind: 'company', entity: 'organization' });
    expect(surfaces('委託先 B-by-C 株式会社が')).toEqual(['B-by-C 株式会社']);
    expect(surfaces('株式会社 サンプル商事は')).toEqual(['株式会社 サンプル商事']);
    expect(names('株式会社 サンプル商事は')).toEqual(['株式会社サンプル商事']);
  });

  it('reads hiragana-initial names after a boundary or after a known start', () => {
    expect(names('あいおいサンプル損害保険株式会社(社長:山田)は')).toEqual(['あいおいサンプル損害保険株式会社']);
    expect(names('サンプルグループのあいおいサンプル損害保険株式会社')).toEqual(['サンプルグループ', 'あいおいサンプル損害保険株式会社']);
    expect(names('株式会社みずほサンプル銀行は')).toEqual(['株式会社みずほサンプル銀行']);
    expect(names('これによりサンプル株式会社に')).toEqual(['サンプル株式会社']);
  });

  it('keeps okurigana inside a prefix-form name', () => {
    expect(names('株式会社見直し本舗において')).toEqual(['株式会社見直し本舗']);
  });

  it('separates two organizations joined by ・', () => {
    expect(names('株式会社サンプル・株式会社サンプル共済会')).toEqual(['株式会社サンプル', '株式会社サンプル共済会']);
  });

  it('reads other legal forms as prefix or suffix', () => {
    expect(kinds('有限会社サンプル写真館に委託')).toEqual(['有限会社サンプル写真館:company']);
    expect(kinds('サンプル合同会社が運営')).toEqual(['サンプル合同会社:company']);
    expect(kinds('日本サンプル生命保険相互会社は')).toEqual(['日本サンプル生命保険相互会社:company']);
    expect(kinds('一般社団法人サンプル協会は')).toEqual(['一般社団法人サンプル協会:association']);
    expect(kinds('公益財団法人サンプル財団が')).toEqual(['公益財団法人サンプル財団:association']);
    expect(kinds('社会福祉法人光道園は')).toEqual(['社会福祉法人光道園:other']);
    expect(kinds('学校法人サンプル学園は')).toEqual(['学校法人サンプル学園:school']);
    expect(kinds('医療法人社団サンプル会は')).toEqual(['医療法人社団サンプル会:hospital']);
    expect(kinds('国立大学法人山形大学は')).toEqual(['国立大学法人山形大学:school']);
    expect(kinds('独立行政法人情報処理推進機構は')).toEqual(['独立行政法人情報処理推進機構:government']);
  });

  it('expands (株) if the text still has it', () => {
    expect(names('(株)サンプルに依頼')).toEqual(['株式会社サンプル']);
  });
});

describe('extractOrganizations: generic words', () => {
  it('rejects generic words alone', () => {
    for (const word of ['当社', '弊社', '同社', '子会社', '関連会社', 'グループ会社', '委託先', '取引先', '各社', '他社']) {
      expect(names(`${word}は対応を進めている。`)).toEqual([]);
    }
  });

  it('does not take a descriptor before 株式会社 as a name', () => {
    expect(names('制作会社株式会社サンプルに委託した。')).toEqual(['株式会社サンプル']);
    expect(names('同社株式会社は')).toEqual([]);
  });

  it('rejects threat groups, generic groups and enumerations', () => {
    expect(names('Qilinグループが犯行声明を出した。')).toEqual([]);
    expect(names('攻撃グループとハッカーグループ。')).toEqual([]);
    expect(names('医院・クリニックや大学・大学院。')).toEqual([]);
    expect(names('市内の小学校と県立高校、当院。')).toEqual([]);
  });
});

describe('extractOrganizations: groups, schools, hospitals and agencies', () => {
  it('reads ホールディングス and グループ names, keeping them in the name', () => {
    expect(kinds('サンプルグループホールディングス株式会社は')).toEqual(['サンプルグループホールディングス株式会社:company']);
    expect(kinds('サンプルホールディングスの子会社')).toEqual(['サンプルホールディングス:company']);
    expect(kinds('サンプルグループへの攻撃')).toEqual(['サンプルグループ:company']);
  });

  it('reads universities, schools and hospitals', () => {
    expect(kinds('中京大学の研究者データベース')).toEqual(['中京大学:school']);
    expect(kinds('慶應義塾大学病院は')).toEqual(['慶應義塾大学病院:hospital']);
    expect(kinds('東海大学医学部付属病院で')).toEqual(['東海大学医学部付属病院:hospital']);
    expect(kinds('東九州龍谷高等学校のホームページ')).toEqual(['東九州龍谷高等学校:school']);
    expect(kinds('鴻巣市立下忍小学校に')).toEqual(['鴻巣市立下忍小学校:school']);
    expect(kinds('宇都宮セントラルクリニックは')).toEqual(['宇都宮セントラルクリニック:hospital']);
    expect(kinds('北部医療センターに')).toEqual(['北部医療センター:hospital']);
  });

  it('reads ministries, agencies and committees', () => {
    expect(kinds('個人情報保護委員会へ報告した。')).toEqual(['個人情報保護委員会:government']);
    expect(kinds('経済産業省と総務省、警察庁に相談した。')).toEqual(['経済産業省:government', '総務省:government', '警察庁:government']);
    expect(kinds('JPCERT/CCに連絡した。')).toEqual(['JPCERT/CC:government']);
    expect(kinds('手順を省略した。')).toEqual([]);
    expect(kinds('所轄官庁と監督官庁に報告した。')).toEqual([]);
    expect(kinds('被害報告個人情報保護委員会')).toEqual(['個人情報保護委員会:government']);
  });
});

describe('extractOrganizations: local governments', () => {
  it('reads offices, boards and police of a municipality or prefecture', () => {
    expect(kinds('香取市役所に届け出た。')).toEqual(['香取市役所:government']);
    expect(kinds('草加市教育委員会によると')).toEqual(['草加市教育委員会:government']);
    expect(kinds('兵庫県警察に相談した。')).toEqual(['兵庫県警察:government']);
    expect(kinds('広島県警察本部に相談した。')).toEqual(['広島県警察本部:government']);
    expect(kinds('中津警察署に連絡した。')).toEqual(['中津警察署:government']);
  });

  it('reads a prefecture or municipality acting as a subject', () => {
    expect(kinds('広島県は調査を進めている。')).toEqual(['広島県:government']);
    expect(kinds('浦添市は、外部に委託した。')).toEqual(['浦添市:government']);
    expect(kinds('兵庫県赤穂市が公表した。')).toEqual(['兵庫県赤穂市:government']);
  });

  it('does not read addresses or places as organizations', () => {
    expect(names('サンプル株式会社(本社:愛知県刈谷市)の委託先。')).toEqual(['サンプル株式会社']);
    expect(names('愛知県の県営住宅に住む方。')).toEqual([]);
    expect(names('都市が発展し、同市は対応した。')).toEqual([]);
    expect(names('東京都港区に所在する。')).toEqual([]);
  });

  it('reads a publisher line that is only the name', () => {
    expect(kinds('- 徳島県')).toEqual(['徳島県:government']);
  });
});

describe('extractOrganizations: brands and re-mentions', () => {
  it('marks known brands as services', () => {
    const found = run('ASKUL、LOHACO、ソロエルアリーナ、無印良品、ニコニコ動画が停止した。');
    expect(found.map((o) => [o.surface, o.entity])).toEqual([
      ['ASKUL', 'service'],
      ['LOHACO', 'service'],
      ['ソロエルアリーナ', 'service'],
      ['無印良品', 'service'],
      ['ニコニコ動画', 'service'],
    ]);
  });

  it('does not take ASKUL in ASKUL LOGIST for the service', () => {
    expect(run('ASKUL LOGISTに委託した。').filter((o) => o.entity === 'service')).toEqual([]);
  });

  it('finds later bare mentions of a company named with its legal form', () => {
    const found = run('サンプル物流株式会社は本日公表した。サンプル物流は調査中である。');
    expect(found.map((o) => [o.surface, o.name])).toEqual([
      ['サンプル物流株式会社', 'サンプル物流株式会社'],
      ['サンプル物流', 'サンプル物流株式会社'],
    ]);
  });

  it('does not find a bare name inside a longer word', () => {
    expect(surfaces('サンプル株式会社。サンプルデータを削除。')).toEqual(['サンプル株式会社']);
  });

  it('reads Latin and katakana names with 社 without the 社', () => {
    expect(run('IIJ社から報告を受けた。').map((o) => [o.surface, o.name])).toEqual([['IIJ社', 'IIJ']]);
    expect(names('Booking.com社のシステム')).toEqual(['Booking.com']);
    expect(names('損害保険サンプル社と同社、ベンダー社')).toEqual([]);
  });

  it('exports BRANDS, brand to owning company', () => {
    expect(BRANDS.get('無印良品')).toBe('株式会社良品計画');
    expect(BRANDS.get('LOHACO')).toBe('アスクル株式会社');
    expect(BRANDS.get('ASKUL')).toBe('アスクル株式会社');
    expect(BRANDS.get('ソロエルアリーナ')).toBe('アスクル株式会社');
    expect(BRANDS.get('ニコニコ動画')).toBe('株式会社ドワンゴ');
  });
});

describe('organization name forms', () => {
  it('coreName removes legal forms and spaces but keeps ホールディングス and グループ', () => {
    expect(coreName('アスクル株式会社')).toBe('アスクル');
    expect(coreName('株式会社ロフト')).toBe('ロフト');
    expect(coreName('アスクル 株式会社')).toBe('アスクル');
    expect(coreName('(株)ロフト')).toBe('ロフト');
    expect(coreName('一般社団法人日本サンプル協会')).toBe('日本サンプル協会');
    expect(coreName('アサヒグループホールディングス株式会社')).toBe('アサヒグループホールディングス');
    expect(coreName('コクヨグループ')).toBe('コクヨグループ');
    expect(coreName('株式会社')).toBe('株式会社');
    expect(legalFormStripped('有限会社サンプル')).toBe('サンプル');
  });

  it('normalizeOrganizationName keeps the legal form and removes spacing', () => {
    expect(normalizeOrganizationName('ASKUL LOGIST 株式会社')).toBe('ASKULLOGIST株式会社');
    expect(normalizeOrganizationName('㈱サンプル')).toBe('株式会社サンプル');
  });
});

describe('extractOrganizations: records', () => {
  it('gives exact offsets, sentence indexes, and sorts by start', () => {
    const text = 'お知らせ\n当社はサンプル株式会社の子会社です。株式会社テストと中京大学に連絡しました。';
    const found = run(text);
    expect(found.map((o) => o.surface)).toEqual(['サンプル株式会社', '株式会社テスト', '中京大学']);
    for (const o of found) expect(text.slice(o.start, o.end)).toBe(o.surface);
    expect(found.map((o) => o.sentenceIndex)).toEqual([1, 2, 2]);
  });
});
