import { createRequire } from 'node:module';
import path from 'node:path';
import kuromoji from 'kuromoji';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';
import type { Token } from '../records.ts';
import { useLinearLatticeBuilder } from './lattice-builder.ts';
import { applyDomainLayer, buildDomainLexicon, type DomainLexicon, type RawToken } from './domain-lexicon.ts';

/** kuromoji with its bundled IPADIC, plus the domain lexicon its output is repaired with. */
export interface JapaneseTokenizer {
  readonly kuromoji: Tokenizer<IpadicFeatures>;
  readonly lexicon: DomainLexicon;
}

let loading: Promise<JapaneseTokenizer> | null = null;

/**
 * Loads kuromoji's bundled IPADIC dictionary, once per process (about half a second and
 * ~100 MB); later calls share the same tokenizer. A failed load is retried on the next call.
 */
export function loadTokenizer(): Promise<JapaneseTokenizer> {
  loading ??= buildTokenizer().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** The folder holding kuromoji's IPADIC files (`<package>/dict`). */
export function kuromojiDictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
}

function buildTokenizer(): Promise<JapaneseTokenizer> {
  const dicPath = kuromojiDictionaryPath();
  return new Promise((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((error, tokenizer) => {
      if (error) reject(new Error(`could not load the kuromoji dictionary from ${dicPath}: ${error.message}`, { cause: error }));
      else {
        useLinearLatticeBuilder(tokenizer);
        resolve({ kuromoji: tokenizer, lexicon: buildDomainLexicon() });
      }
    });
  });
}

/**
 * Tokenizes normalised text. `offset` is where `text` starts in the document, so tokens'
 * start/end index the document (`doc.slice(t.start, t.end) === t.surface`). URLs are single
 * tokens; whitespace is dropped; kuromoji's splits of domain compounds and Latin names are
 * joined again (see domain-lexicon.ts).
 */
export function tokenize(tokenizer: JapaneseTokenizer, text: string, offset = 0): Token[] {
  const raw: RawToken[] = [];
  let from = 0;
  URL_PATTERN.lastIndex = 0;
  for (let m = URL_PATTERN.exec(text); m; m = URL_PATTERN.exec(text)) {
    const url = trimUrl(m[0]);
    analyze(tokenizer, text, from, m.index, offset, raw);
    raw.push({ surface: url, base: url, pos: '名詞', posDetail: '一般', reading: '', start: offset + m.index, end: offset + m.index + url.length, known: false });
    from = m.index + url.length;
    URL_PATTERN.lastIndex = from;
  }
  analyze(tokenizer, text, from, text.length, offset, raw);
  return applyDomainLayer(raw, text, offset, tokenizer.lexicon).filter((t) => !WHITESPACE.test(t.surface));
}

const URL_PATTERN = /https?:\/\/[\x21-\x7E]+/g;
const WHITESPACE = /^\s+$/;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

function trimUrl(url: string): string {
  let out = url;
  while (/[.,;:!?'"\]]$/.test(out) || (out.endsWith(')') && !out.includes('('))) out = out.slice(0, -1);
  return out;
}

/**
 * ASCII punctuation (NFKC output) back to the full-width forms IPADIC knows, one UTF-16 unit
 * for one, so offsets are unchanged: '(' is then 記号,括弧開 rather than an unknown noun.
 */
const FULL_WIDTH: Readonly<Record<string, string>> = { '(': '（', ')': '）', '!': '！', '?': '？', ':': '：', ';': '；', '[': '［', ']': '］' };
const ASCII_PUNCTUATION = /[()!?:;[\]]/g;

function analyze(tokenizer: JapaneseTokenizer, text: string, from: number, to: number, offset: number, out: RawToken[]): void {
  if (to <= from) return;
  const segment = text.slice(from, to);
  const input = segment.replace(ASCII_PUNCTUATION, (ch) => FULL_WIDTH[ch] ?? ch);
  let cursor = 0;
  for (const k of tokenizer.kuromoji.tokenize(input)) {
    const form = k.surface_form;
    let at = input.startsWith(form, cursor) ? cursor : input.indexOf(form, cursor);
    if (at < 0) at = cursor; // never seen: kuromoji's surfaces tile its input
    cursor = at + form.length;
    const surface = segment.slice(at, cursor);
    const symbol = !HAS_CONTENT.test(surface);
    out.push({
      surface,
      base: k.basic_form === '*' || k.basic_form === form ? surface : k.basic_form,
      // kuromoji calls ASCII symbols it does not know nouns ('@' 名詞,サ変接続).
      pos: symbol && k.pos === '名詞' ? '記号' : k.pos,
      posDetail: symbol && k.pos === '名詞' ? '一般' : k.pos_detail_1,
      reading: k.reading && k.reading !== '*' ? k.reading : '',
      start: offset + from + at,
      end: offset + from + cursor,
      known: k.word_type === 'KNOWN',
    });
  }
}
