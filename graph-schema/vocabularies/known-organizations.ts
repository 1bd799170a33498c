import type { OrganizationKind } from '../nodes.ts';

/**
 * Organizations whose names vary across sources. The resolver maps every alias to the
 * canonical name (rule "gazetteer"); brands map to the company that owns them (rule
 * "brand-owner"). Relations between them are facts with public sources, loaded as edges.
 */
export interface KnownOrganization {
  readonly canonical: string;
  readonly kind: OrganizationKind;
  readonly aliases: readonly string[];
}

export const KNOWN_ORGANIZATIONS: readonly KnownOrganization[] = [
  { canonical: 'アスクル株式会社', kind: 'company', aliases: ['アスクル', 'ASKUL', 'アスクル社'] },
  { canonical: 'ASKUL LOGIST株式会社', kind: 'company', aliases: ['ASKUL LOGIST', 'アスクルロジスト', 'アスクルロジスト株式会社', 'ASKUL LOGIST社'] },
  { canonical: 'アサヒグループホールディングス株式会社', kind: 'company', aliases: ['アサヒグループホールディングス', 'アサヒグループ', 'アサヒGHD'] },
  { canonical: '株式会社良品計画', kind: 'company', aliases: ['良品計画'] },
  { canonical: '株式会社ロフト', kind: 'company', aliases: ['ロフト'] },
  { canonical: '株式会社そごう・西武', kind: 'company', aliases: ['そごう・西武', 'そごう西武'] },
  { canonical: '株式会社KADOKAWA', kind: 'company', aliases: ['KADOKAWA', 'カドカワ', 'KADOKAWAグループ'] },
  { canonical: '株式会社ドワンゴ', kind: 'company', aliases: ['ドワンゴ'] },
  { canonical: '株式会社関通', kind: 'company', aliases: ['関通'] },
  { canonical: 'コクヨ株式会社', kind: 'company', aliases: ['コクヨ'] },
];

/** Brands and services, with the company that runs them. */
export interface KnownService {
  readonly name: string;
  readonly owner: string;
  readonly aliases: readonly string[];
}

export const KNOWN_SERVICES: readonly KnownService[] = [
  { name: 'ASKUL', owner: 'アスクル株式会社', aliases: ['ASKUL', 'アスクル(法人向け)'] },
  { name: 'LOHACO', owner: 'アスクル株式会社', aliases: ['LOHACO', 'ロハコ'] },
  { name: 'ソロエルアリーナ', owner: 'アスクル株式会社', aliases: ['ソロエルアリーナ', 'SOLOEL ARENA'] },
  { name: '無印良品', owner: '株式会社良品計画', aliases: ['無印良品', 'MUJI', '無印良品ネットストア'] },
  { name: 'ニコニコ動画', owner: '株式会社ドワンゴ', aliases: ['ニコニコ動画', 'ニコニコ', 'ニコ動'] },
];
