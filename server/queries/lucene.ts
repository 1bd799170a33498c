/**
 * Lucene query syntax, for full-text index queries built from user input. Every special
 * character is escaped, so `*:*`, quotes, `OR`/`AND`/`NOT` and brackets are searched as
 * text and never change the query's meaning.
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const OPERATORS = /\b(AND|OR|NOT|TO)\b/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(OPERATORS, (word) => word.toLowerCase());
}

/**
 * A query for a full-text index from free text: each whitespace-separated term escaped,
 * terms OR-ed (Lucene's default). Empty when nothing searchable is left.
 */
export function luceneTerms(text: string, maxTerms = 32): string {
  return text
    .split(/[\s\u3000]+/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .slice(0, maxTerms)
    .map(escapeLucene)
    .join(' ');
}
