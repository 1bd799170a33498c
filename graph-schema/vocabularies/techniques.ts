import { defineVocabulary, type VocabularyId } from './vocabulary-entry.ts';

export const TECHNIQUES = defineVocabulary([
  { id: 'data-encrypted-for-impact', name: 'Data encrypted for impact', nameJa: 'データの暗号化(ランサムウェア)', attackId: 'T1486', aliases: ['ransomware encryption'], patterns: ['暗号化され', '暗号化さ', 'ファイルが暗号化', 'データが暗号化', 'データの暗号化'] },
  { id: 'valid-accounts', name: 'Valid accounts', nameJa: '正規アカウントの悪用', attackId: 'T1078', aliases: ['正規アカウント'], patterns: ['正規のアカウント', 'アカウントを不正利用', 'アカウントが不正利用', 'アカウントを悪用', 'アカウントが悪用', '認証情報を不正利用', '認証情報が不正利用', 'アカウントの不正利用'] },
  { id: 'inhibit-system-recovery', name: 'Inhibit system recovery', nameJa: 'バックアップの削除・暗号化', attackId: 'T1490', aliases: ['backup deletion'], patterns: ['バックアップデータも暗号化', 'バックアップも暗号化', 'バックアップファイルも暗号化', 'バックアップが暗号化', 'バックアップを削除', 'バックアップが削除', 'バックアップも被害', 'バックアップデータが暗号化', 'バックアップデータの暗号化'] },
  { id: 'disable-security-tools', name: 'Impair defenses: disable or modify tools', nameJa: 'セキュリティ製品の無効化', attackId: 'T1562.001', aliases: ['EDR disabled'], patterns: ['無効化', 'EDRを停止', 'セキュリティソフトを停止', 'セキュリティ製品を停止'] },
  { id: 'lateral-movement', name: 'Lateral movement', nameJa: '横展開', attackId: 'T1021', aliases: ['ラテラルムーブメント'], patterns: ['横展開', 'ラテラルムーブメント', '横移動', '侵害範囲を拡大', '他のサーバーへ'] },
  { id: 'exfiltration', name: 'Exfiltration', nameJa: 'データの窃取', attackId: 'T1041', aliases: ['持ち出し', '窃取'], patterns: ['窃取', '外部に送信', '外部へ送信', '持ち出され', '抜き取られ'] },
  { id: 'double-extortion', name: 'Double extortion / leak site', nameJa: '二重恐喝', attackId: 'T1657', aliases: ['リークサイト', '二重脅迫'], patterns: ['リークサイト', '二重恐喝', '二重脅迫', 'ダークウェブ上', 'ダークウェブに', '犯行声明', '身代金'] },
  { id: 'exploit-public-facing', name: 'Exploit public-facing application', nameJa: '公開サーバの脆弱性悪用', attackId: 'T1190', aliases: ['公開アプリケーションの悪用'], patterns: ['脆弱性を悪用', '脆弱性を突', '脆弱性が悪用', 'SQLインジェクション'] },
  { id: 'phishing', name: 'Phishing', nameJa: 'フィッシング', attackId: 'T1566', aliases: ['フィッシング'], patterns: ['フィッシング', 'なりすましメール'] },
  { id: 'web-skimming', name: 'Web skimming / payment page tampering', nameJa: '決済画面の改ざん', attackId: 'T1185', aliases: ['クレジットカード情報の窃取'], patterns: ['改ざん', '決済画面', 'ペイメントアプリケーション'] },
  { id: 'ddos', name: 'Denial of service', nameJa: 'DDoS攻撃', attackId: 'T1498', aliases: ['DDoS', 'DoS'], patterns: ['DDoS', 'DoS攻撃', 'サービス妨害'] },
] as const);
export type TechniqueId = VocabularyId<typeof TECHNIQUES>;
