import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';

/** Japanese names of node labels, for the legend, filters and details. */
export const LABEL_JA: Readonly<Record<Label, string>> = {
  [Label.Incident]: '事案',
  [Label.Organization]: '組織',
  [Label.ThreatActor]: '攻撃グループ',
  [Label.Malware]: 'マルウェア',
  [Label.AccessVector]: '侵入経路',
  [Label.Technique]: '攻撃手法',
  [Label.Control]: 'セキュリティ対策',
  [Label.System]: 'システム',
  [Label.Service]: 'サービス',
  [Label.Person]: '人物',
  [Label.Agency]: '機関',
  [Label.Event]: '出来事',
  [Label.DataBreach]: '情報流出',
  [Label.Document]: '文書',
  [Label.Chunk]: '文書の断片',
};

/** Japanese names of relationship types (edge labels, filters, evidence headings). */
export const REL_JA: Readonly<Record<Rel, string>> = {
  [Rel.HAS_CHUNK]: '断片',
  [Rel.MENTIONS]: '言及',
  [Rel.REPORTS]: '報告',
  [Rel.VICTIM]: '被害組織',
  [Rel.ATTRIBUTED_TO]: '攻撃者',
  [Rel.INVOLVED]: '使用マルウェア',
  [Rel.INITIAL_ACCESS_VIA]: '侵入経路',
  [Rel.USED_TECHNIQUE]: '攻撃手法',
  [Rel.LACKED_CONTROL]: '不備のあった対策',
  [Rel.REMEDIATED_WITH]: '再発防止策',
  [Rel.IMPACTED]: '影響',
  [Rel.HAS_EVENT]: '出来事',
  [Rel.RESULTED_IN]: '結果',
  [Rel.USES]: '使用',
  [Rel.SUBSIDIARY_OF]: '子会社',
  [Rel.OUTSOURCES_TO]: '委託',
  [Rel.OPERATES]: '運営',
  [Rel.PRECEDED_BY]: '前報',
};

/** Timeline event kinds as the extractor names them. */
const EVENT_KIND_JA: Readonly<Record<string, string>> = {
  detected: '検知・確認',
  outage: '停止・障害',
  claim: '犯行声明',
  leak: '情報公開・流出',
  recovery: '復旧',
  report: '報告・届出',
  intrusion: '侵入',
  disclosure: '公表',
  other: 'その他',
};

/** Data-breach status as the loader writes it. */
const BREACH_STATUS_JA: Readonly<Record<string, string>> = {
  confirmed: '流出を確認',
  possible: '流出の可能性',
};

export function breachStatusJa(status: string | null): string | null {
  if (!status) return null;
  return BREACH_STATUS_JA[status] ?? status;
}

export function labelJa(label: string): string {
  return (LABEL_JA as Readonly<Record<string, string>>)[label] ?? label;
}

export function relJa(type: string): string {
  return (REL_JA as Readonly<Record<string, string>>)[type] ?? type;
}

export function eventKindJa(kind: string | null): string {
  if (!kind) return 'その他';
  return EVENT_KIND_JA[kind] ?? kind;
}

/** Messages for failures that happen before the API can answer. */
export const CLIENT_ERROR_JA = {
  network: 'サーバーに接続できませんでした。',
  badResponse: 'サーバーの応答を読み取れませんでした。',
} as const;
