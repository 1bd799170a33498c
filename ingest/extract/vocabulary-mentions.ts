import {
  ACCESS_VECTORS,
  AGENCIES,
  CONTROLS,
  MALWARE,
  TECHNIQUES,
  THREAT_ACTORS,
  type VocabularyEntry,
} from '../../graph-schema/vocabularies/index.ts';
import type { Mention, MentionKind, Sentence } from '../records.ts';

interface CompiledPattern {
  readonly kind: MentionKind;
  readonly id: string;
  readonly pattern: string;
}

const VOCABULARY_KINDS: ReadonlyArray<{ kind: MentionKind; entries: readonly VocabularyEntry[] }> = [
  { kind: 'threat-actor', entries: THREAT_ACTORS },
  { kind: 'malware', entries: MALWARE },
  { kind: 'access-vector', entries: ACCESS_VECTORS },
  { kind: 'technique', entries: TECHNIQUES },
  { kind: 'control', entries: CONTROLS },
  { kind: 'agency', entries: AGENCIES },
];

/**
 * Latin terms match only as whole words (so "SOC" is not found in "SOCKS"), and a few
 * Japanese names have a well-known homonym that must not match: キリン is also a brewer.
 */
const FOLLOWERS_THAT_CANCEL: Record<string, RegExp> = {
  キリン: /^(ホールディングス|ビール|ビバレッジ|堂|シティ|グループ|株式会社|HD)/,
  Agenda: /^[ \t]*[a-z]/,
  Play: /^[a-z]/i,
  警察: /^(庁)/,
};

const isLatinWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_]/.test(ch);

function compile(): { patterns: CompiledPattern[]; matcher: RegExp } {
  const patterns: CompiledPattern[] = [];
  for (const { kind, entries } of VOCABULARY_KINDS) {
    for (const entry of entries) {
      for (const pattern of entry.patterns) patterns.push({ kind, id: entry.id, pattern });
    }
  }
  // Longest first, so 多要素認証 wins over a shorter overlapping term at the same place.
  const alternatives = [...new Set(patterns.map((p) => p.pattern))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { patterns, matcher: new RegExp(alternatives.join('|'), 'giu') };
}

const COMPILED = compile();
const BY_SURFACE = new Map<string, CompiledPattern[]>();
for (const p of COMPILED.patterns) {
  const key = p.pattern.toLowerCase();
  BY_SURFACE.set(key, [...(BY_SURFACE.get(key) ?? []), p]);
}

/** Mentions of vocabulary terms (actors, malware, access vectors, techniques, controls, agencies). */
export function extractVocabularyMentions(sentences: readonly Sentence[]): Mention[] {
  const mentions: Mention[] = [];
  for (const sentence of sentences) {
    COMPILED.matcher.lastIndex = 0;
    for (const match of sentence.text.matchAll(COMPILED.matcher)) {
      const surface = match[0];
      const at = match.index;
      const before = sentence.text[at - 1];
      const after = sentence.text[at + surface.length];
      const latin = /^[A-Za-z0-9]/.test(surface);
      if (latin && (isLatinWordChar(before) || isLatinWordChar(after))) continue;
      const cancel = FOLLOWERS_THAT_CANCEL[surface];
      if (cancel?.test(sentence.text.slice(at + surface.length))) continue;
      for (const p of BY_SURFACE.get(surface.toLowerCase()) ?? []) {
        mentions.push({
          kind: p.kind,
          key: p.id,
          surface,
          start: sentence.start + at,
          end: sentence.start + at + surface.length,
          sentenceIndex: sentence.index,
          extractor: 'vocabulary',
          // Short Latin acronyms are ambiguous more often than Japanese phrases.
          confidence: latin && surface.length <= 3 ? 0.8 : 0.9,
        });
      }
    }
  }
  return mentions;
}
