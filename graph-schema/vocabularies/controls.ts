import { defineVocabulary, type VocabularyId } from './vocabulary-entry.ts';

export const CONTROLS = defineVocabulary([
  { id: 'mfa', name: 'Multi-factor authentication', nameJa: '多要素認証', aliases: ['MFA', '二要素認証', '2FA', '二段階認証'], patterns: ['多要素認証', 'MFA', '二要素認証', '2要素認証', '二段階認証', '2段階認証', 'ワンタイムパスワード'] },
  { id: 'edr', name: 'Endpoint detection and response', nameJa: 'EDR', aliases: ['EDR', 'エンドポイント検知', 'XDR'], patterns: ['EDR', 'XDR', 'エンドポイント検知', 'エンドポイントセキュリティ'] },
  { id: 'monitoring', name: 'Security monitoring / SOC', nameJa: '監視体制', aliases: ['SOC', '24時間監視', 'セキュリティ監視'], patterns: ['SOC', '監視体制', '24時間監視', '24時間365日', 'セキュリティ監視', '監視サービス', '監視を強化', '不審な通信の監視', '常時監視'] },
  { id: 'backup', name: 'Backups', nameJa: 'バックアップ', aliases: ['オフラインバックアップ', 'イミュータブルバックアップ'], patterns: ['バックアップ'] },
  { id: 'patching', name: 'Patching / vulnerability management', nameJa: '脆弱性対策', aliases: ['パッチ適用', 'アップデート'], patterns: ['パッチ', 'セキュリティ更新', '脆弱性診断', '脆弱性対策', '最新のバージョンに更新', 'アップデートを実施', 'ファームウェアの更新'] },
  { id: 'segmentation', name: 'Network segmentation', nameJa: 'ネットワーク分離', aliases: ['セグメンテーション'], patterns: ['ネットワーク分離', 'セグメント', 'ネットワークの分離', 'ネットワークを分離'] },
  { id: 'access-control', name: 'Access control / privileged accounts', nameJa: 'アクセス制御', aliases: ['権限管理', '特権ID管理'], patterns: ['アクセス制御', 'アクセス権限', '権限管理', '特権ID', '特権アカウント', 'アカウント管理', 'パスワードの変更', 'パスワード変更', 'IPアドレス制限', 'アクセス制限'] },
  { id: 'logging', name: 'Logging', nameJa: 'ログ管理', aliases: ['ログ保全', 'アクセスログ'], patterns: ['ログの保存', 'ログ管理', 'ログの取得', 'ログを保存', 'ログ保全', 'ログの監視'] },
  { id: 'encryption', name: 'Encryption of data', nameJa: 'データの暗号化', aliases: ['暗号化'], patterns: ['暗号化して保存', 'データの暗号化', 'パスワードを設定', '暗号化を徹底'] },
  { id: 'training', name: 'Security training', nameJa: 'セキュリティ教育', aliases: ['従業員教育', '研修'], patterns: ['教育', '研修', '訓練', '注意喚起を徹底'] },
  { id: 'zero-trust', name: 'Zero trust architecture', nameJa: 'ゼロトラスト', aliases: ['ゼロトラスト'], patterns: ['ゼロトラスト'] },
  { id: 'bcp', name: 'Business continuity / recovery planning', nameJa: '事業継続計画', aliases: ['BCP', 'RTO', '復旧計画'], patterns: ['BCP', '事業継続計画', '事業継続', 'RTO', '復旧計画'] },
] as const);
export type ControlId = VocabularyId<typeof CONTROLS>;
