import { normalizeText } from '../normalize/normalize-text.ts';
import type { Token } from '../records.ts';
import { tokenize, type JapaneseTokenizer } from './kuromoji-tokenizer.ts';

/**
 * The text a whitespace-analysed full-text index stores for a span: the base forms of its
 * content tokens (nouns, verbs, adjectives, and the 形容動詞 stems IPADIC files under nouns),
 * space-joined, Latin letters lower-cased. Particles, auxiliaries, symbols, suffixes and
 * light verbs (する, ある, いる …) are dropped. A joined compound is stored with its parts too
 * (業務委託先 → 業務委託先 業務 委託 委託先), so a query for a part finds it.
 */
export function searchTokens(tokens: readonly Token[]): string {
  const out: string[] = [];
  for (const token of tokens) {
    if (!isContent(token)) continue;
    out.push(indexForm(token.base));
    for (const part of token.parts ?? []) out.push(indexForm(part));
  }
  return out.join(' ');
}

/**
 * A search query processed exactly like indexed text (normalised, tokenized, searchTokens),
 * each form once, in query order: "委託先アカウントの侵入" → 委託先アカウント, 委託先, アカウント,
 * 侵入 … A compound's parts are included, so an OR query still matches text that spells the
 * words apart ("委託先のアカウント"), while text with the compound matches more of them.
 */
export function queryTokens(tokenizer: JapaneseTokenizer, query: string): string[] {
  const forms = searchTokens(tokenize(tokenizer, normalizeText(query)));
  return forms === '' ? [] : [...new Set(forms.split(' '))];
}

/** Whether a token carries meaning worth indexing. */
export function isContent(token: Token): boolean {
  if (!HAS_CONTENT.test(token.surface)) return false;
  switch (token.pos) {
    case '名詞':
      return !SKIPPED_NOUNS.has(token.posDetail);
    case '動詞':
    case '形容詞':
      return token.posDetail === '自立' && !LIGHT_VERBS.has(token.base);
    default:
      return false;
  }
}

/** Lower-cased Latin letters; a space inside a term (Active Directory) becomes '_'. */
function indexForm(base: string): string {
  return base.toLowerCase().replace(/\s+/g, '_');
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;
const SKIPPED_NOUNS = new Set(['非自立', '代名詞', '接尾', '特殊']);
const LIGHT_VERBS = new Set(['する', 'ある', 'いる', 'なる', 'おる', 'いたす', 'できる', 'れる', 'られる', 'せる', 'させる', 'くる', 'いく', 'もらう', 'いただく', 'くださる', 'ござる', 'よい', 'ない']);
