import { ids, type NodeId } from '../graph-schema/ids.ts';
import { chunkSentences, type ChunkDraft, type ChunkOptions } from './embed/chunk-sentences.ts';
import { extractDates } from './extract/dates.ts';
import { extractGazetteerMentions } from './extract/gazetteer-mentions.ts';
import { extractOrganizations } from './extract/organizations.ts';
import { extractPeople } from './extract/people.ts';
import { extractQuantities } from './extract/quantities.ts';
import { extractRelations, type DocumentFacts } from './extract/relations.ts';
import { extractVocabularyMentions } from './extract/vocabulary-mentions.ts';
import { parseDocument } from './read/detect-format.ts';
import type { DecodedSource, ParsedDocument, Sentence } from './records.ts';
import { splitSections } from './segment/split-sections.ts';
import { splitSentences } from './segment/split-sentences.ts';
import { tokenize, type JapaneseTokenizer } from './tokenize/kuromoji-tokenizer.ts';
import { searchTokens } from './tokenize/search-tokens.ts';

/** Everything the pipeline learns about one document before it touches Neo4j. */
export interface AnalyzedDocument {
  readonly id: NodeId;
  readonly parsed: ParsedDocument;
  readonly sentences: readonly Sentence[];
  readonly chunks: readonly ChunkDraft[];
  /** Space-joined kuromoji base forms per chunk, for the whitespace full-text index. */
  readonly chunkTokens: readonly string[];
  readonly facts: DocumentFacts;
  readonly timings: Readonly<Record<AnalysisStage, number>>;
}

export type AnalysisStage = 'parse' | 'segment' | 'tokenize' | 'extract' | 'relate' | 'chunk';

/** Text in, facts out: no I/O, so it is tested and benchmarked on its own. */
export function analyzeDocument(source: DecodedSource, tokenizer: JapaneseTokenizer, chunking: ChunkOptions): AnalyzedDocument {
  const timings: Record<AnalysisStage, number> = { parse: 0, segment: 0, tokenize: 0, extract: 0, relate: 0, chunk: 0 };
  const timed = <T>(stage: AnalysisStage, work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      timings[stage] += performance.now() - t0;
    }
  };

  const parsed = timed('parse', () => parseDocument(source));
  const sentences = timed('segment', () => splitSentences(parsed.text, splitSections(parsed.text, parsed.bodyStart)));
  const sentenceTokens = timed('tokenize', () => sentences.map((s) => searchTokens(tokenize(tokenizer, s.text, s.start))));
  const facts = timed('extract', () => ({
    vocabulary: extractVocabularyMentions(sentences),
    organizations: [...extractOrganizations(sentences), ...extractGazetteerMentions(sentences)],
    people: extractPeople(sentences),
    dates: extractDates(sentences, { referenceDate: parsed.publishedAt }),
    quantities: extractQuantities(sentences),
  }));
  const related = timed('relate', () => extractRelations({ document: parsed, sentences, ...facts }));
  const chunks = timed('chunk', () => chunkSentences(parsed.text, sentences, chunking));
  const chunkTokens = chunks.map((c) => c.sentenceIndexes.map((i) => sentenceTokens[i] ?? '').join(' '));
  return { id: ids.document(parsed.source), parsed, sentences, chunks, chunkTokens, facts: related, timings };
}
