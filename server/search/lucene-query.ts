/**
 * Lucene query strings built from user text. Neo4j's full-text procedures parse their query
 * with Lucene's classic QueryParser, so user input must never reach it unescaped: `*:*`
 * would match everything, an unbalanced `"` or `(` is a syntax error, and a bare `AND`,
 * `OR` or `NOT` is an operator. Every term built here is escaped and joined by spaces, which
 * the parser reads as OR (BM25 then ranks chunks that match more terms first).
 */

import type { Token } from '../../ingest/records.ts';
import { isContent } from '../../ingest/tokenize/search-tokens.ts';

/** Characters the classic QueryParser treats as syntax (`&&`/`||` are covered by & and |). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Words the parser reads as operators when they stand alone in upper case. */
const OPERATOR_WORD = /^(AND|OR|NOT|TO)$/;
/** Something worth searching for: a letter or a digit. */
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** Escapes one term so that the QueryParser reads it literally. */
export function escapeLucene(term: string): string {
  const escaped = term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
  // Operators are case-sensitive; the analyzers lower-case terms anyway.
  return OPERATOR_WORD.test(escaped) ? escaped.toLowerCase() : escaped;
}

/** The query's whitespace-separated pieces that carry content, escaped. */
function escapedPieces(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (!HAS_CONTENT.test(part)) continue;
    const escaped = escapeLucene(part);
    if (!out.includes(escaped)) out.push(escaped);
  }
  return out;
}

/**
 * A query for the CJK-bigram index (`chunk_text_cjk`), from the (normalised) user text:
 * each whitespace-separated piece is escaped and analysed by the index's own analyzer,
 * which turns it into overlapping bigrams, OR-ed. null when nothing searchable is left.
 */
export function cjkTextQuery(text: string): string | null {
  const out = escapedPieces(text.split(/\s+/));
  return out.length === 0 ? null : out.join(' ');
}

/**
 * A query for the whitespace-analysed token index (`chunk_tokens_ws`), from the query's
 * kuromoji base forms (queryTokens): each form one escaped term, OR-ed.
 */
export function tokensQuery(tokens: readonly string[]): string | null {
  const out = escapedPieces(tokens.flatMap((t) => t.split(/\s+/)));
  return out.length === 0 ? null : out.join(' ');
}

const HIRAGANA_ONLY = /^[\p{sc=Hiragana}ー]+$/u;

/**
 * The query's content words as they are spelled in the text, for the CJK-bigram index:
 * adjacent content tokens (nouns, verb and adjective stems) stay together as one piece, so a
 * compound keeps its inner bigrams, while particles and auxiliaries split pieces apart and
 * are dropped. Pieces written in hiragana alone (つながり, される) or of one character are
 * left out: their bigrams (なが, され) occur everywhere and only add noise to BM25.
 * 「膨大な量の通信を浴びせられてサイトがつながりにくくなった」 → 膨大 通信 浴びせ サイト.
 */
export function contentPieces(tokens: readonly Token[]): string[] {
  const found: string[] = [];
  let current = '';
  let end = -1;
  const flush = () => {
    if ([...current].length >= 2 && !HIRAGANA_ONLY.test(current) && !found.includes(current)) found.push(current);
    current = '';
  };
  for (const token of tokens) {
    if (!isContent(token)) {
      flush();
      continue;
    }
    if (token.start !== end) flush();
    current += token.surface;
    end = token.end;
  }
  flush();
  return found;
}

/**
 * A query for the CJK-bigram index from the query's content pieces (see contentPieces), or
 * from the whole text when it has none. null when nothing searchable is left.
 */
export function cjkContentQuery(tokens: readonly Token[], text: string): string | null {
  const out = escapedPieces(contentPieces(tokens));
  return out.length === 0 ? cjkTextQuery(text) : out.join(' ');
}
