import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Embedder } from '../../ingest/embed/embedder.ts';
import type { ChunkOptions } from '../../ingest/embed/chunk-sentences.ts';
import type { IngestDeps, IngestOptions, IngestProblem, IngestReport } from '../../ingest/pipeline.ts';
import type { JapaneseTokenizer } from '../../ingest/tokenize/kuromoji-tokenizer.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJob {
  readonly id: string;
  readonly kind: 'upload' | 'seeds';
  status: JobStatus;
  readonly createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  done: number;
  loaded: number;
  replaced: number;
  unchanged: number;
  failed: IngestProblem[];
  warnings: number;
  /** Why the whole job failed (Neo4j went away, the tokenizer would not load …). */
  error: string | null;
}

/** What a job does, given the shared dependencies: usually ingestSources or ingestPaths. */
export type IngestWork = (deps: IngestDeps, options: IngestOptions) => Promise<IngestReport>;

export interface IngestJobQueueOptions {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly embedder: Embedder | null;
  readonly loadTokenizer: () => Promise<JapaneseTokenizer>;
  readonly maxBytes: number;
  readonly chunking: ChunkOptions;
  readonly root: string;
  /** Finished jobs kept for GET /api/jobs/:id. */
  readonly keep?: number;
  readonly log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/**
 * Ingest jobs, run one at a time in this process. Each job's progress is visible while it
 * runs; the tokenizer is loaded on first use and shared (a failed load is retried next time).
 */
export class IngestJobQueue {
  readonly #jobs = new Map<string, IngestJob>();
  readonly #options: IngestJobQueueOptions;
  readonly #abort = new AbortController();
  #tail: Promise<void> = Promise.resolve();
  #tokenizer: Promise<JapaneseTokenizer> | null = null;

  constructor(options: IngestJobQueueOptions) {
    this.#options = options;
  }

  get(id: string): IngestJob | undefined {
    return this.#jobs.get(id);
  }

  /** Queues work; returns the job at once (status `queued`). */
  enqueue(kind: IngestJob['kind'], total: number, work: IngestWork): IngestJob {
    const job: IngestJob = {
      id: randomUUID(),
      kind,
      status: 'queued',
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      total,
      done: 0,
      loaded: 0,
      replaced: 0,
      unchanged: 0,
      failed: [],
      warnings: 0,
      error: null,
    };
    this.#jobs.set(job.id, job);
    this.#forgetOld();
    const run = this.#tail.then(() => this.#run(job, work));
    this.#tail = run.catch(() => undefined);
    return job;
  }

  /** Resolves when every queued job has finished. */
  async idle(): Promise<void> {
    await this.#tail;
  }

  /** Stops after the document in progress; queued jobs end as failed. */
  async close(): Promise<void> {
    this.#abort.abort();
    await this.#tail;
  }

  async #run(job: IngestJob, work: IngestWork): Promise<void> {
    if (this.#abort.signal.aborted) {
      Object.assign(job, { status: 'failed', error: 'the server shut down before the job started', finishedAt: new Date().toISOString() });
      return;
    }
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const log = this.#options.log;
    try {
      const tokenizer = await this.#loadTokenizer();
      const report = await work(
        { driver: this.#options.driver, database: this.#options.database, tokenizer, embedder: this.#options.embedder },
        {
          maxBytes: this.#options.maxBytes,
          chunking: this.#options.chunking,
          root: this.#options.root,
          signal: this.#abort.signal,
          progress: {
            update: (done, total) => {
              job.done = done;
              job.total = total;
            },
            finish: () => undefined,
          },
        },
      );
      applyReport(job, report);
      job.status = 'done';
      log?.info({ jobId: job.id, kind: job.kind, total: job.total, loaded: job.loaded, unchanged: job.unchanged, failed: job.failed.length }, 'ingest job done');
    } catch (error) {
      const report = (error as { report?: IngestReport }).report;
      if (report) applyReport(job, report);
      job.status = 'failed';
      job.error = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 500) ?? 'unknown error';
      log?.error({ jobId: job.id, err: error }, 'ingest job failed');
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  #loadTokenizer(): Promise<JapaneseTokenizer> {
    if (!this.#tokenizer) {
      this.#tokenizer = this.#options.loadTokenizer().catch((error: unknown) => {
        this.#tokenizer = null;
        throw error;
      });
    }
    return this.#tokenizer;
  }

  #forgetOld(): void {
    const keep = this.#options.keep ?? 200;
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size <= keep) break;
      if (job.status === 'done' || job.status === 'failed') this.#jobs.delete(id);
    }
  }
}

function applyReport(job: IngestJob, report: IngestReport): void {
  job.total = report.total;
  job.loaded = report.loaded;
  job.replaced = report.replaced;
  job.unchanged = report.unchanged;
  job.failed = [...report.failed];
  job.warnings = report.warnings.length;
  job.done = report.loaded + report.unchanged + report.failed.length;
}
