import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../../errors.ts';
import { errorResponses } from '../../../schemas/error-body.ts';

export const JobParams = z.object({ id: z.uuid().meta({ description: 'the jobId POST /api/ingest answered' }) });

export const Job = z
  .object({
    id: z.string(),
    kind: z.enum(['upload', 'seeds']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    total: z.number().int(),
    done: z.number().int(),
    loaded: z.number().int(),
    replaced: z.number().int(),
    unchanged: z.number().int(),
    failed: z.array(z.object({ source: z.string(), reason: z.string(), detail: z.string() })),
    warnings: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: 'IngestJob' });

const jobs: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Progress of an ingest job: queued | running | done | failed, with counts and per-file failures',
        params: JobParams,
        response: { 200: Job, ...errorResponses },
      },
    },
    async (request) => {
      const job = app.ingestJobs.get(request.params.id);
      if (!job) throw new NotFoundError(`no ingest job "${request.params.id}" (jobs are kept in memory until the server restarts)`);
      return job;
    },
  );
};

export default jobs;
