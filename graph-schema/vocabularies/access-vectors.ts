import { defineVocabulary, type VocabularyId } from './vocabulary-entry.ts';

export const ACCESS_VECTORS = defineVocabulary([
  {
    id: 'contractor-account',
    name: 'Contractor account',
    nameJa: '委託先アカウント',
    aliases: ['業務委託先アカウント', '委託先の認証情報', 'third-party account', '外部業者のID'],
    patterns: ['委託先アカウント', '業務委託先のアカウント', '委託先のアカウント', '委託先の管理者アカウント', '業務委託先の管理者アカウント', '委託先の認証情報', '委託先のID', '保守業者のアカウント', '保守用アカウント', '委託先事業者のアカウント', '委託業者のアカウント', '取引先のアカウント', '委託先の従業員のアカウント', 'ベンダーのアカウント', '保守ベンダー'],
  },
  {
    id: 'vpn',
    name: 'VPN device',
    nameJa: 'VPN機器',
    aliases: ['VPN', 'SSL-VPN', 'リモートアクセス装置'],
    patterns: ['VPN', 'SSL-VPN', 'リモートアクセス機器', 'リモートアクセス装置', 'FortiGate', 'Fortinet'],
  },
  {
    id: 'rdp',
    name: 'Remote Desktop',
    nameJa: 'リモートデスクトップ',
    aliases: ['RDP'],
    patterns: ['RDP', 'リモートデスクトップ'],
  },
  {
    id: 'phishing',
    name: 'Phishing',
    nameJa: 'フィッシング',
    aliases: ['フィッシングメール', 'なりすましメール'],
    patterns: ['フィッシング', 'なりすましメール', '偽のログインページ', '偽サイト'],
  },
  {
    id: 'web-vulnerability',
    name: 'Web application vulnerability',
    nameJa: '脆弱性の悪用',
    aliases: ['脆弱性', 'SQLインジェクション', 'vulnerability'],
    patterns: ['脆弱性を悪用', '脆弱性を突', '脆弱性をつ', '脆弱性があり', '脆弱性から', '脆弱性が悪用', '脆弱性を利用', 'SQLインジェクション', 'クロスサイトスクリプティング', 'ゼロデイ', '脆弱性に起因'],
  },
  {
    id: 'misconfiguration',
    name: 'Misconfiguration',
    nameJa: '設定不備',
    aliases: ['設定ミス', 'アクセス権限の設定誤り'],
    patterns: ['設定不備', '設定ミス', '設定の不備', '設定に不備', '設定誤り', '設定を誤', '公開設定', '閲覧可能な状態'],
  },
  {
    id: 'stolen-credentials',
    name: 'Stolen or guessed credentials',
    nameJa: '認証情報の窃取',
    aliases: ['不正ログイン', 'パスワードリスト攻撃', 'credential stuffing'],
    patterns: ['不正ログイン', 'パスワードリスト攻撃', 'リスト型攻撃', 'ブルートフォース', '総当たり', '認証情報が窃取', '認証情報を窃取', 'ID・パスワードが', 'IDとパスワードが', 'アカウント情報が窃取', '認証情報を不正に取得', '不正に取得した認証情報', '認証情報の漏えい'],
  },
  {
    id: 'malware-email',
    name: 'Malicious email attachment',
    nameJa: 'マルウェア付きメール',
    aliases: ['不審なメール', '添付ファイル'],
    patterns: ['添付ファイルを開', '不審なメール', 'マルウェア付きメール', 'Emotet'],
  },
  {
    id: 'insider',
    name: 'Insider',
    nameJa: '内部不正',
    aliases: ['従業員による持ち出し', '元従業員'],
    patterns: ['内部不正', '持ち出し', '持ち出した', '元従業員', '不正に持ち出'],
  },
  {
    id: 'physical',
    name: 'Physical loss or theft',
    nameJa: '紛失・盗難',
    aliases: ['紛失', '盗難', '誤送付'],
    patterns: ['紛失', '盗難', '置き忘れ', '車上荒らし'],
  },
] as const);
export type AccessVectorId = VocabularyId<typeof ACCESS_VECTORS>;
