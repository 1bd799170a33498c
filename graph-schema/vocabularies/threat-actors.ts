import { defineVocabulary, type VocabularyId } from './vocabulary-entry.ts';

export const THREAT_ACTORS = defineVocabulary([
  { id: 'qilin', name: 'Qilin', nameJa: 'キリン', aliases: ['Qilin', 'キリン', 'Agenda', 'アジェンダ'], patterns: ['Qilin', 'キリン', 'Agenda'] },
  { id: 'lockbit', name: 'LockBit', nameJa: 'ロックビット', aliases: ['LockBit', 'ロックビット'], patterns: ['LockBit', 'ロックビット'] },
  { id: 'akira', name: 'Akira', nameJa: 'アキラ', aliases: ['Akira', 'アキラ'], patterns: ['Akira'] },
  { id: 'blacksuit', name: 'BlackSuit', nameJa: 'ブラックスーツ', aliases: ['BlackSuit', 'Royal', 'ブラックスーツ'], patterns: ['BlackSuit', 'ブラックスーツ'] },
  { id: '8base', name: '8Base', nameJa: 'エイトベース', aliases: ['8Base', '8base'], patterns: ['8Base'] },
  { id: 'blackcat', name: 'BlackCat', nameJa: 'ブラックキャット', aliases: ['BlackCat', 'ALPHV'], patterns: ['BlackCat', 'ALPHV'] },
  { id: 'medusa', name: 'Medusa', nameJa: 'メデューサ', aliases: ['Medusa'], patterns: ['Medusa'] },
  { id: 'rhysida', name: 'Rhysida', nameJa: 'ライシダ', aliases: ['Rhysida'], patterns: ['Rhysida'] },
  { id: 'play', name: 'Play', nameJa: 'プレイ', aliases: ['Play', 'PlayCrypt'], patterns: ['PlayCrypt', 'Playランサムウェア'] },
  { id: 'nightspire', name: 'NightSpire', nameJa: 'ナイトスパイア', aliases: ['NightSpire'], patterns: ['NightSpire'] },
  { id: 'ransomhub', name: 'RansomHub', nameJa: 'ランサムハブ', aliases: ['RansomHub'], patterns: ['RansomHub'] },
  { id: 'kawa4096', name: 'Kawa4096', nameJa: 'Kawa4096', aliases: ['Kawa4096'], patterns: ['Kawa4096'] },
  { id: 'gunra', name: 'Gunra', nameJa: 'Gunra', aliases: ['Gunra'], patterns: ['Gunra'] },
  { id: 'mirrorface', name: 'MirrorFace', nameJa: 'ミラーフェイス', aliases: ['MirrorFace', 'Earth Kasha'], patterns: ['MirrorFace', 'Earth Kasha'] },
  { id: 'ransomhouse', name: 'RansomHouse', nameJa: 'ランサムハウス', aliases: ['RansomHouse', 'ランサムハウス'], patterns: ['RansomHouse', 'ランサムハウス'] },
] as const);
export type ThreatActorId = VocabularyId<typeof THREAT_ACTORS>;
