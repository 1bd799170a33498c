import { z } from 'zod';

export const Stats = z
  .object({
    documents: z.number().int(),
    incidents: z.number().int(),
    labels: z.record(z.string(), z.number().int()).meta({ description: 'node count per label' }),
    relationships: z.record(z.string(), z.number().int()).meta({ description: 'relationship count per type' }),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof Stats>;
