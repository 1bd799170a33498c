import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { Neo4jError } from 'neo4j-driver';
import { analyzeDocument, type AnalysisStage, type AnalyzedDocument } from './analyze-document.ts';
import type { ChunkOptions } from './embed/chunk-sentences.ts';
import type { Embedder } from './embed/embedder.ts';
import { awaitSearchableWrites, loadDocument, loadedVersions, versionOf } from './load/load-document.ts';
import type { ProgressSink } from './progress.ts';
import { listSources, readSource } from './read/read-file.ts';
import type { ReadResult } from './records.ts';
import type { JapaneseTokenizer } from './tokenize/kuromoji-tokenizer.ts';
import { ids } from '../graph-schema/ids.ts';

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

export type IngestStage = AnalysisStage | 'read' | 'embed' | 'load';

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
    stageMs: { read: 0, parse: 0, segment: 0, tokenize: 0, extract: 0, relate: 0, chunk: 0, embed: 0, load: 0 },
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

const isConnectionLoss = (error: unknown) =>
  error instanceof Neo4jError &&
  (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired' || /connect|ECONNREFUSED|closed/i.test(error.message));

/**
 * Ingests sources (files, or uploads in the server). Analysis of the next document
 * overlaps the Neo4j writes of earlier ones; at most `writeConcurrency` + 1 documents are
 * in memory.
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
  // The first write goes alone: Neo4j parses and plans a statement for every session that
  // runs it before it is cached, and on a cold JVM that is ~1 s of CPU each, 8 times over.
  let statementsCached = false;
  const inFlight = new Map<Promise<void>, string>();
  let lost: unknown = null;
  const waitUntil = async (ready: () => boolean) => {
    while (!ready() && lost === null) await Promise.race(inFlight.keys());
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

      const key = analyzed.facts.incident?.victim.id ?? analyzed.id;
      await waitUntil(() => inFlight.size < (statementsCached ? concurrency : 1) && ![...inFlight.values()].includes(key));
      const write: Promise<void> = timed('load', () => loadDocument(deps.driver, deps.database, analyzed, embeddings))
        .then(
          (result) => {
            report.loaded += 1;
            if (result.replaced) report.replaced += 1;
            known.set(analyzed.id, versionOf(analyzed.parsed.sha256));
            finishOne(source.source);
          },
          (error: unknown) => {
            if (isConnectionLoss(error)) {
              lost ??= error;
              return;
            }
            report.failed.push({ source: source.source, reason: 'load-failed', detail: (error as Error).message.split('\n')[0] ?? '' });
            finishOne(source.source);
          },
        )
        .finally(() => {
          statementsCached = true;
          inFlight.delete(write);
        });
      inFlight.set(write, key);
    }
    await Promise.all(inFlight.keys());
    if (lost !== null) throw lost;
    if (report.loaded > 0) await timed('load', () => awaitSearchableWrites(deps.driver, deps.database));
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
