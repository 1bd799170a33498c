import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { analyzeDocument, type AnalysisStage, type AnalyzedDocument } from './analyze-document.ts';
import type { ChunkOptions } from './embed/chunk-sentences.ts';
import type { Embedder } from './embed/embedder.ts';
import { loadDocument, loadedVersions, prepareDocumentStatements, versionOf } from './load/load-document.ts';
import type { ProgressSink } from './progress.ts';
import { listSources, readSource } from './read/read-file.ts';
import type { ReadResult } from './records.ts';
import type { JapaneseTokenizer } from './tokenize/kuromoji-tokenizer.ts';
import { ids } from '../graph-schema/ids.ts';
import { awaitSearchIndexes, publishSearchFields } from '../graph-schema/search-fields.ts';

export interface IngestDeps {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly tokenizer: JapaneseTokenizer;
  /** null: chunks are stored without embeddings (search falls back to full-text). */
  readonly embedder: Embedder | null;
}

export interface IngestOptions {
  readonly maxBytes: number;
  readonly chunking: ChunkOptions;
  /** Sources are keyed relative to this folder when inside it, else by absolute path. */
  readonly root: string;
  readonly progress?: ProgressSink;
  readonly signal?: AbortSignal;
  /**
   * Documents written at once (default 8: measured best on 2 cores, see BENCHMARKS.md). Each is still its own transaction; Neo4j
   * group-commits concurrent transactions under one fsync, which is most of a write's cost.
   */
  readonly writeConcurrency?: number;
}

export type IngestStage = AnalysisStage | 'read' | 'embed' | 'load' | 'publish';

/**
 * Search fields are published (graph-schema/search-fields.ts) after every this many loaded
 * documents and at the end: a long ingest becomes searchable as it goes, and Lucene still
 * flushes once per batch rather than once per document.
 */
const PUBLISH_EVERY_DOCUMENTS = 200;

export interface IngestProblem {
  readonly source: string;
  readonly reason: string;
  readonly detail: string;
}

export interface IngestReport {
  total: number;
  loaded: number;
  replaced: number;
  unchanged: number;
  failed: IngestProblem[];
  warnings: IngestProblem[];
  chars: number;
  chunks: number;
  embedded: number;
  durationMs: number;
  stageMs: Record<IngestStage, number>;
}

/** Neo4j went away mid-run: what was loaded stays, and re-running continues from there. */
export class IngestInterruptedError extends Error {
  override name = 'IngestInterruptedError';
  constructor(
    message: string,
    readonly report: IngestReport,
  ) {
    super(message);
  }
}

export function emptyReport(): IngestReport {
  return {
    total: 0,
    loaded: 0,
    replaced: 0,
    unchanged: 0,
    failed: [],
    warnings: [],
    chars: 0,
    chunks: 0,
    embedded: 0,
    durationMs: 0,
    stageMs: { read: 0, parse: 0, segment: 0, tokenize: 0, extract: 0, relate: 0, chunk: 0, embed: 0, load: 0, publish: 0 },
  };
}

/** The key a file is known by: stable across runs and routes (a folder or the file itself). */
export function sourceKey(filePath: string, root: string): string {
  const absolute = path.resolve(filePath);
  const relative = path.relative(root, absolute);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative).split(path.sep).join('/');
}

/** A source to ingest: its key is known before it is read, so unchanged files are skipped cheaply. */
export interface PendingSource {
  readonly source: string;
  read(): Promise<ReadResult>;
}

/** Ingests files and folders (recursively). One bad file never stops the run. */
export async function ingestPaths(paths: readonly string[], deps: IngestDeps, options: IngestOptions): Promise<IngestReport> {
  const files = await listSources([...paths]);
  const pending = files.map((file): PendingSource => {
    const source = sourceKey(file, options.root);
    return { source, read: async () => ({ ...(await readSource(file, { root: options.root, maxBytes: options.maxBytes })), source }) };
  });
  return ingestSources(pending, deps, options);
}

/** In-flight keys of the tasks that are not document writes; at most one of each runs. */
const PUBLISH_KEY = '(publish)';
const PREPARE_KEY = '(prepare)';

/** Analysed documents that may wait for a write slot (memory stays well under 100 MB). */
const ANALYSIS_LOOKAHEAD = 96;

interface QueuedWrite {
  readonly analyzed: AnalyzedDocument;
  readonly embeddings: ReadonlyArray<ArrayLike<number>> | null;
  readonly source: string;
  /** Writes with the same key (the victim) never overlap. */
  readonly key: string;
}

const isConnectionLoss = (error: unknown) =>
  error instanceof Neo4jError &&
  (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || /connect|ECONNREFUSED|closed/i.test(error.message));

/**
 * Ingests sources (files, or uploads in the server). Analysis of later documents overlaps
 * the Neo4j writes of earlier ones; at most `writeConcurrency` + ANALYSIS_LOOKAHEAD
 * documents are in memory.
 */
export async function ingestSources(sources: readonly PendingSource[], deps: IngestDeps, options: IngestOptions): Promise<IngestReport> {
  const report = emptyReport();
  report.total = sources.length;
  const started = performance.now();
  const timed = async <T>(stage: IngestStage, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      report.stageMs[stage] += performance.now() - t0;
    }
  };
  let done = 0;
  const finishOne = (label: string) => {
    done += 1;
    options.progress?.update(done, report.total, label);
  };

  const known = new Map<string, string>();
  const idsToCheck = sources.map((s) => ids.document(s.source));
  for (let i = 0; i < idsToCheck.length; i += 1000) {
    const batch = await timed('load', () => loadedVersions(deps.driver, deps.database, idsToCheck.slice(i, i + 1000)));
    for (const [id, sha] of batch) known.set(id, sha);
  }

  // Writes in flight, each with its victim: two reports of one victim are never written at
  // once, so incident resolution always sees the other; unrelated documents overlap.
  const concurrency = Math.max(1, options.writeConcurrency ?? 8);
  const inFlight = new Map<Promise<void>, string>();
  // Analysed documents waiting for a write slot, in order. Analysis runs ahead of the
  // writes, so it overlaps Neo4j compiling the statements at the start and slow writes.
  const waiting: QueuedWrite[] = [];
  let statementsPrepared: 'no' | 'preparing' | 'yes' = 'no';
  let publishedAt = 0;
  let lost: unknown = null;

  const track = (task: Promise<void>, key: string) => {
    const tracked: Promise<void> = task.finally(() => {
      inFlight.delete(tracked);
      startWrites();
    });
    inFlight.set(tracked, key);
  };
  const failed = (source: string, reason: string) => (error: unknown) => {
    if (isConnectionLoss(error)) lost ??= error;
    else report.warnings.push({ source, reason, detail: (error as Error).message.split('\n')[0] ?? '' });
  };
  const write = ({ analyzed, embeddings, source }: QueuedWrite) =>
    timed('load', () => loadDocument(deps.driver, deps.database, analyzed, embeddings)).then(
      (result) => {
        report.loaded += 1;
        if (result.replaced) report.replaced += 1;
        known.set(analyzed.id, versionOf(analyzed.parsed.sha256));
        finishOne(source);
      },
      (error: unknown) => {
        if (isConnectionLoss(error)) {
          lost ??= error;
          return;
        }
        report.failed.push({ source, reason: 'load-failed', detail: (error as Error).message.split('\n')[0] ?? '' });
        finishOne(source);
      },
    );
  /** Fills free slots: a search-field publish when one is due, then waiting documents in order. */
  function startWrites() {
    if (statementsPrepared !== 'yes' || lost !== null) return;
    const busy = new Set(inFlight.values());
    if (report.loaded - publishedAt >= PUBLISH_EVERY_DOCUMENTS && !busy.has(PUBLISH_KEY) && inFlight.size < concurrency) {
      publishedAt = report.loaded;
      track(timed('publish', () => publishSearchFields(deps.driver, deps.database)).then(() => undefined, failed('(search fields)', 'publish-failed')), PUBLISH_KEY);
    }
    for (let i = 0; i < waiting.length && inFlight.size < concurrency; ) {
      const next = waiting[i]!;
      if (busy.has(next.key)) {
        i += 1; // its victim is being written; later documents of that victim wait behind it
        continue;
      }
      waiting.splice(i, 1);
      busy.add(next.key);
      track(write(next), next.key);
    }
  }
  /**
   * Neo4j compiles a statement once per session that runs it before its plan is cached,
   * ~3 s of CPU each on a cold JVM: the two statements are compiled once, in parallel,
   * while the first documents are analysed, and writes start after that.
   */
  const prepareOnce = () => {
    if (statementsPrepared !== 'no') return;
    statementsPrepared = 'preparing';
    track(
      timed('load', () => prepareDocumentStatements(deps.driver, deps.database)).then(
        () => undefined,
        failed('(statements)', 'prepare-failed'), // the writes compile them themselves then
      ).finally(() => {
        statementsPrepared = 'yes';
      }),
      PREPARE_KEY,
    );
  };
  const waitUntil = async (ready: () => boolean) => {
    while (!ready() && lost === null && inFlight.size > 0) await Promise.race(inFlight.keys());
    if (lost !== null) throw lost;
  };

  try {
    for (const pending of sources) {
      if (options.signal?.aborted) break;
      if (lost !== null) throw lost;
      const source = await timed('read', () => pending.read());
      if (!source.ok) {
        report.failed.push({ source: source.source, reason: source.reason, detail: source.detail });
        finishOne(source.source);
        continue;
      }
      if (known.get(ids.document(source.source)) === versionOf(source.sha256)) {
        report.unchanged += 1;
        finishOne(source.source);
        continue;
      }
      prepareOnce();
      let analyzed: AnalyzedDocument;
      try {
        analyzed = analyzeDocument(source, deps.tokenizer, options.chunking);
      } catch (error) {
        report.failed.push({ source: source.source, reason: 'analysis-failed', detail: (error as Error).message });
        finishOne(source.source);
        continue;
      }
      for (const [stage, ms] of Object.entries(analyzed.timings)) report.stageMs[stage as AnalysisStage] += ms;
      for (const warning of analyzed.facts.warnings) report.warnings.push({ source: source.source, reason: 'extraction', detail: warning });
      report.chars += analyzed.parsed.text.length;
      report.chunks += analyzed.chunks.length;

      const embeddings = deps.embedder ? await timed('embed', () => deps.embedder!.embedPassages(analyzed.chunks.map((c) => c.text))) : null;
      if (embeddings) report.embedded += embeddings.length;

      waiting.push({ analyzed, embeddings, source: source.source, key: analyzed.facts.incident?.victim.id ?? analyzed.id });
      startWrites();
      await waitUntil(() => waiting.length < ANALYSIS_LOOKAHEAD);
    }
    await waitUntil(() => waiting.length === 0 && inFlight.size === 0);
    if (lost !== null) throw lost;
    // Always, even when nothing was loaded now: a killed earlier run may have left fields unpublished.
    await timed('publish', async () => {
      await publishSearchFields(deps.driver, deps.database);
      await awaitSearchIndexes(deps.driver, deps.database);
    });
  } catch (error) {
    await Promise.all(inFlight.keys());
    throw interrupted(error, report, started);
  } finally {
    options.progress?.finish();
  }
  report.durationMs = performance.now() - started;
  return report;
}

function interrupted(error: unknown, report: IngestReport, started: number): Error {
  if (!isConnectionLoss(error)) return error as Error;
  report.durationMs = performance.now() - started;
  const cause = (error as Error).message.split('\n')[0];
  return new IngestInterruptedError(
    `Neo4j became unavailable after ${report.loaded} of ${report.total} documents (${cause}); nothing half-written remains — start Neo4j and re-run the same command to continue`,
    report,
  );
}
