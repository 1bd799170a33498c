import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../../../config.ts';
import { ingestSources, type PendingSource } from '../../../../ingest/pipeline.ts';
import { decodeUpload } from '../../../../ingest/read/read-file.ts';
import { IngestDisabledError, InvalidRequestError, UnauthorizedError } from '../../../errors.ts';
import { ErrorBody, errorResponses } from '../../../schemas/error-body.ts';
import { apiKeyMatches } from './api-key.ts';
import { ApiKeyHeaders, IngestAccepted, IngestJsonBody, UploadName } from './schemas.ts';

const MAX_FILES = 100;

/** An upload as the pipeline reads it: key `upload/<name>`, decoded and size-checked by decodeUpload. */
export function uploadSource(name: string, bytes: Uint8Array, maxBytes: number): PendingSource {
  const source = `upload/${name}`;
  return { source, read: async () => decodeUpload(source, bytes, maxBytes) };
}

/**
 * POST /api/ingest, in its own context: the API-key hook and the multipart parser reach
 * nothing else. No key configured → 403 for everyone; missing or wrong key → 401.
 */
const ingest: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const expected = config.server.ingestApiKey;
  const maxBytes = config.ingest.maxBytes;

  app.addHook('onRequest', async (request) => {
    if (!expected) throw new IngestDisabledError();
    const presented = request.headers['x-api-key'];
    if (typeof presented !== 'string' || presented.length === 0) throw new UnauthorizedError('missing x-api-key header');
    if (!apiKeyMatches(presented, expected)) throw new UnauthorizedError('wrong API key');
  });

  await app.register(multipart, {
    // One byte over the limit is enough to know a file is too large; decodeUpload then says so.
    limits: { fileSize: maxBytes + 1, files: MAX_FILES, fields: 0, parts: MAX_FILES },
    throwFileSizeLimit: false,
  });

  app.post(
    '/',
    {
      bodyLimit: Math.max(4 * maxBytes, 1024 * 1024),
      schema: {
        tags: ['ingest'],
        summary: 'Ingest documents (multipart files, or JSON {documents:[{name, content | contentBase64}]}); needs x-api-key',
        description: 'Answers 202 with a job id at once; GET /api/jobs/{id} shows progress. Files are keyed `upload/<name>`; re-uploading unchanged bytes is a no-op.',
        security: [{ apiKey: [] }],
        headers: ApiKeyHeaders,
        body: IngestJsonBody.nullish(),
        response: { 202: IngestAccepted, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const sources: PendingSource[] = [];
      if (request.isMultipart()) {
        for await (const part of request.files()) {
          const name = UploadName.safeParse(part.filename);
          if (!name.success) throw new InvalidRequestError(`file name "${part.filename}" ${name.error.issues[0]?.message ?? 'is not accepted'}`);
          const bytes = await part.toBuffer();
          sources.push(uploadSource(name.data, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), maxBytes));
        }
      } else if (request.body) {
        for (const doc of request.body.documents) {
          const bytes = doc.content !== undefined ? Buffer.from(doc.content, 'utf8') : Buffer.from(doc.contentBase64 ?? '', 'base64');
          sources.push(uploadSource(doc.name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), maxBytes));
        }
      }
      if (sources.length === 0) throw new InvalidRequestError('no documents: send multipart files or JSON {"documents":[{"name","content"}]}');
      const names = new Set<string>();
      for (const s of sources) {
        if (names.has(s.source)) throw new InvalidRequestError(`"${s.source.slice('upload/'.length)}" is uploaded twice`);
        names.add(s.source);
      }
      const job = app.ingestJobs.enqueue('upload', sources.length, (deps, options) => ingestSources(sources, deps, options));
      request.log.info({ jobId: job.id, files: sources.length }, 'ingest job queued');
      return reply.status(202).send({ jobId: job.id, status: 'queued', total: sources.length, statusUrl: `/api/jobs/${job.id}` });
    },
  );
};

export default ingest;
