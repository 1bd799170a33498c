import { defineVocabulary, type VocabularyId } from './vocabulary-entry.ts';

export const AGENCIES = defineVocabulary([
  { id: 'ppc', name: 'Personal Information Protection Commission', nameJa: '個人情報保護委員会', aliases: ['個情委', 'PPC'], patterns: ['個人情報保護委員会'] },
  { id: 'npa', name: 'National Police Agency', nameJa: '警察庁', aliases: ['警察'], patterns: ['警察庁', '警察', '警視庁', '県警'] },
  { id: 'jpcert', name: 'JPCERT/CC', nameJa: 'JPCERTコーディネーションセンター', aliases: ['JPCERT/CC', 'JPCERT'], patterns: ['JPCERT'] },
  { id: 'ipa', name: 'Information-technology Promotion Agency', nameJa: '情報処理推進機構', aliases: ['IPA'], patterns: ['情報処理推進機構', 'IPA'] },
  { id: 'nisc', name: 'National center of Incident readiness and Strategy for Cybersecurity', nameJa: '内閣サイバーセキュリティセンター', aliases: ['NISC'], patterns: ['内閣サイバーセキュリティセンター', 'NISC'] },
  { id: 'mhlw', name: 'Ministry of Health, Labour and Welfare', nameJa: '厚生労働省', aliases: ['厚労省'], patterns: ['厚生労働省'] },
  { id: 'meti', name: 'Ministry of Economy, Trade and Industry', nameJa: '経済産業省', aliases: ['経産省'], patterns: ['経済産業省'] },
] as const);
export type AgencyId = VocabularyId<typeof AGENCIES>;
