/** Words that tell what a sentence is about. Shared by the relation rules. */

/** The sentence is about a security incident at all. */
export const INCIDENT_CUE = /(ランサム|不正アクセス|サイバー攻撃|攻撃|漏えい|漏洩|流出|誤送信|誤送付|紛失|盗難|感染|被害|障害|侵入|窃取|不正ログイン|なりすまし|改ざん|不審|設定ミス|設定不備|設定誤り)/;

/** Something got in, or was used to get in. */
export const INTRUSION_CUE = /(侵入|不正アクセス|経由|悪用|突[いかき]|利用され|窃取|不正ログイン|ログインされ|感染|入手|侵害|不正に使用|不正利用|起因|原因|踏み台|乗っ取|攻撃を受け)/;

/** Third parties that work for the victim. */
export const CONTRACTOR_CUE = /(委託先|業務委託|再委託|委託業者|委託事業者|委託して|委託する|委託してい|保守業者|保守ベンダー|運用委託|外部委託|協力会社|取引先のアカウント|ベンダー|受注(して|し)?いた(事業者|業者|会社)|契約関係にある|利用している[^。]{0,40}(提供|運営)[^。]{0,20}サービス|(提供|運営)する[^。]{0,30}サービスが[^。]{0,20}(攻撃|不正アクセス))/;

export const ACCOUNT_CUE = /(アカウント|ID|認証情報|パスワード|資格情報|管理者権限)/;

/** Someone else was hit downstream. */
export const IMPACT_CUE = /(影響|停止|波及|被害|障害|休止|利用できな|遅延|受付を中止|出荷できな|見合わせ)/;

/** Data left the victim, or may have. */
export const LEAK_CUE = /(流出|漏えい|漏洩|窃取|持ち出|閲覧された|閲覧可能|外部に送信|外部へ送信|公開され|リークサイト|誤送信|誤送付|紛失|盗難)/;

/** A sentence that says data did leak (not a heading that asks whether it did). */
export const LEAK_ASSERTED = /(流出し|漏えいし|漏洩し|窃取さ|窃取し|公開され|閲覧され|閲覧できる状態|閲覧可能な状態|持ち出され|持ち出し|(流出|漏えい|漏洩)(を|が)確認|外部に送信|外部へ送信|誤送信|誤送付|紛失し|盗難|掲載され|主張)/;

/** The leak is claimed or possible, not confirmed. */
export const LEAK_HEDGED = /(可能性|おそれ|恐れ|主張|声明|疑い|とみられ|と見られ)/;

/** What is counted is records or people, not money or machines. */
export const RECORD_CUE = /(情報|データ|件|名|人|顧客|会員|利用者|アドレス|氏名|ファイル|お客様|取引先|従業員|患者|学生|生徒)/;

export const REMEDIATION_VERB = /(導入|実施|強化|変更|設定|適用|追加|見直し|徹底|整備|構築|刷新|再構築|監視|教育|研修|訓練|更新|無効化|廃止|遮断|多層化)/;

export const DATA_CATEGORIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/氏名|名前/, '氏名'],
  [/住所/, '住所'],
  [/電話番号/, '電話番号'],
  [/メールアドレス/, 'メールアドレス'],
  [/生年月日/, '生年月日'],
  [/クレジットカード|カード番号/, 'クレジットカード情報'],
  [/口座/, '口座情報'],
  [/パスワード/, 'パスワード'],
  [/マイナンバー/, 'マイナンバー'],
  [/病名|診療|カルテ|医療情報/, '医療情報'],
  [/成績|学籍/, '学籍情報'],
];
