import { ids } from '../../graph-schema/ids.ts';
import { DocumentNode, sourceNameOf } from '../../graph-schema/nodes.ts';
import type { AnalyzedDocument } from '../analyze-document.ts';
import { chunkAt } from '../embed/chunk-sentences.ts';
import { SENTINEL } from './write-queries.ts';
import { PIPELINE_VERSION } from '../pipeline-version.ts';
import type { EvidenceDraft } from '../extract/relations.ts';

/**
 * Evidence as stored on a relationship: the sentence itself travels with the fact. A fact
 * read from the header (sentenceIndex -1, e.g. the publisher bullet) quotes its own span.
 */
export function evidenceRow(doc: AnalyzedDocument, evidence: EvidenceDraft) {
  const sentence = doc.sentences[evidence.sentenceIndex];
  const chunk = chunkAt(doc.chunks, evidence.start);
  return {
    docId: doc.id,
    chunkId: chunk ? ids.chunk(doc.id, chunk.ord) : null,
    sentence: sentence?.text ?? doc.parsed.text.slice(evidence.start, evidence.end),
    sentenceStart: sentence?.start ?? evidence.start,
    start: evidence.start,
    end: evidence.end,
    extractor: evidence.extractor,
    confidence: evidence.confidence,
  };
}

/** The Document node's properties, checked against its graph-schema before writing. */
export function documentRow(doc: AnalyzedDocument) {
  const p = doc.parsed;
  return {
    ...DocumentNode.parse({
    id: doc.id,
    name: p.title,
    title: p.title,
    source: p.source,
    sourceName: sourceNameOf(p.source),
    url: p.url,
    publisher: p.publisher,
    publishedAt: p.publishedAt,
    sha256: p.sha256,
    format: p.format,
    encoding: p.encoding,
    text: p.text,
    reportNumber: p.reportNumber,
    }),
    pipelineVersion: PIPELINE_VERSION,
  };
}

export function chunkRows(doc: AnalyzedDocument, embeddings: ReadonlyArray<ArrayLike<number>> | null) {
  return doc.chunks.map((chunk, i) => ({
    id: ids.chunk(doc.id, chunk.ord),
    docId: doc.id,
    ord: chunk.ord,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    tokens: doc.chunkTokens[i] ?? '',
    embedding: embeddings?.[i] ? Array.from(embeddings[i]!) : null,
  }));
}

/** Rows bucketed under every known key, each list led by the SENTINEL, for a statement of constant text. */
export function bucket<T>(keys: readonly string[], rows: readonly T[], key: (row: T) => string): Record<string, T[]> {
  const buckets: Record<string, T[]> = Object.fromEntries(keys.map((k) => [k, [SENTINEL as unknown as T]]));
  for (const row of rows) {
    const list = buckets[key(row)];
    if (!list) throw new Error(`no write statement for "${key(row)}": add it to ingest/load/write-queries.ts`);
    list.push(row);
  }
  return buckets;
}
