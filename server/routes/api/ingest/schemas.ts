import { z } from 'zod';
import { hasControlCharacters } from '../../../schemas/query-params.ts';

/** A file name for an upload: no folders, no control characters; the extension decides the format. */
export const UploadName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((name) => !/[\\/]/.test(name) && !hasControlCharacters(name) && !name.startsWith('.'), 'must be a plain file name (no folders, not starting with a dot)')
  .meta({ example: 'askul-2025-10-report-01.md' });

export const UploadDocument = z
  .object({
    name: UploadName,
    content: z.string().max(50_000_000).optional().meta({ description: 'the text (UTF-8)' }),
    contentBase64: z
      .string()
      .max(70_000_000)
      .regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'must be base64')
      .optional()
      .meta({ description: 'the raw bytes (for Shift_JIS / EUC-JP files)' }),
  })
  .refine((d) => (d.content === undefined) !== (d.contentBase64 === undefined), { message: 'give exactly one of content and contentBase64' });

export const IngestJsonBody = z.object({ documents: z.array(UploadDocument).min(1).max(100) });
export type IngestJsonBody = z.infer<typeof IngestJsonBody>;

export const IngestAccepted = z
  .object({
    jobId: z.string(),
    status: z.literal('queued'),
    total: z.number().int(),
    statusUrl: z.string(),
  })
  .meta({ id: 'IngestAccepted' });

export const ApiKeyHeaders = z.object({
  'x-api-key': z.string().max(500).optional().meta({ description: 'must equal INGEST_API_KEY' }),
});
