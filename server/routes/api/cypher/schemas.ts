import { z } from 'zod';

export const CypherRequest = z.object({
  query: z.string().trim().min(1, 'must not be empty').max(20_000).meta({ example: 'MATCH (a:ThreatActor) RETURN a.id, a.name LIMIT 5' }),
  params: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'parameter names are identifiers'), z.json())
    .default({})
    .meta({ description: 'query parameters ($name), JSON values' }),
  limit: z.coerce.number().int().min(1).max(1000).default(1000).meta({ description: 'most rows returned (1..1000)' }),
});
export type CypherRequest = z.infer<typeof CypherRequest>;

export const CypherResult = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.array(z.unknown())),
    rowCount: z.number().int(),
    truncated: z.boolean().meta({ description: 'true when the query had more rows than `limit`' }),
    queryType: z.literal('r'),
    elapsedMs: z.number(),
  })
  .meta({ id: 'CypherResult' });
export type CypherResult = z.infer<typeof CypherResult>;
