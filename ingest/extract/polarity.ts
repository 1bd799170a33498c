import type { Polarity, SectionKind } from '../records.ts';

/**
 * Whether the predicate that governs a mention asserts, denies, plans or hedges it.
 * Japanese puts the predicate after its arguments, so we read the clause that follows
 * the mention (skipping list continuations such as 「MFAやEDRを」) up to a clause break.
 */
const NEGATED =
  /(ていなかった|ていない|ておらず|ておりません|ていません|なかった|ありません|ありませんでした|されず|せず|ない状態|未導入|未実施|未適用|未設定|未対応|不十分|不備|欠如|無効|行われていな|対象外|なされていな|できていな|ではなく|ではありません|ではない(?!か)|とは別|無関係|関係はな|関与を否定)/;
const PLANNED =
  /(予定|まいります|参ります|いたします|致します|します|図ります|努めます|検討|徹底|強化|導入を進め|実施を進め|順次|今後|再発防止|を講じ|を行う|を進める|する方針|計画)/;
const UNCERTAIN = /(可能性|おそれ|恐れ|疑い|かもしれ|と見られ|とみられ|推測|否定できない|ではないか|との見方|とされ|と報じ|臆測|憶測)/;
const CLAUSE_BREAK = /(。|ため|ので(?!は)|ところ|が、|けれど|ものの|結果|により|によって)/;

const LIST_CONTINUATION = /^(、|・|や|と|及び|および|並びに|,|\/|または|又は)$/;

export interface PolarityInput {
  /** The sentence text. */
  readonly text: string;
  /** Offset of the mention's end inside the sentence. */
  readonly mentionEnd: number;
  /** Offsets (inside the sentence) of other mentions that may continue a list. */
  readonly followingMentionSpans?: ReadonlyArray<readonly [number, number]>;
  readonly sectionKind: SectionKind;
}

export function clauseAfter(input: PolarityInput): string {
  let cursor = input.mentionEnd;
  const spans = [...(input.followingMentionSpans ?? [])].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of spans) {
    if (start < cursor) continue;
    const gap = input.text.slice(cursor, start);
    if (gap.length <= 4 && LIST_CONTINUATION.test(gap.replace(/[()（）]/g, '').trim() || '、')) cursor = end;
    else break;
  }
  const rest = input.text.slice(cursor, cursor + 40);
  const brk = rest.search(CLAUSE_BREAK);
  return brk >= 0 ? rest.slice(0, brk + (rest[brk] === '。' ? 0 : Math.min(4, rest.length - brk))) : rest;
}

export function polarityOf(input: PolarityInput): Polarity {
  const clause = clauseAfter(input);
  if (NEGATED.test(clause)) return 'negated';
  if (UNCERTAIN.test(clause)) return 'uncertain';
  if (input.sectionKind === 'remediation' || PLANNED.test(clause)) return 'planned';
  return 'affirmed';
}

/** Whole-sentence negation, for facts such as 「流出は確認されていない」. */
export function sentenceDenies(text: string): boolean {
  return /(確認されて(い|お)りません|確認されていない|確認されておらず|確認されていません|事実は(ない|ありません|ございません)|被害は(ない|ありません)|(流出|漏えい|漏洩)(は|の事実は)(ない|なかった|ありません)|認められておりません|認められていない|ございません)/.test(
    text,
  );
}
