import { z } from 'zod';
import { GraphEdge, GraphNode } from '../../../schemas/evidence.ts';
import { NodeIdParam } from '../../../schemas/query-params.ts';

export const PathsQuery = z
  .object({
    from: NodeIdParam,
    to: NodeIdParam,
    maxHops: z.coerce.number().int().min(1).max(6).default(4),
    limit: z.coerce.number().int().min(1).max(50).default(10).meta({ description: 'most distinct paths returned' }),
  })
  .refine((q) => q.from !== q.to, { message: '`from` and `to` must name different entities', path: ['to'] });
export type PathsQuery = z.infer<typeof PathsQuery>;

export const PathSteps = z.object({
  nodes: z.array(z.string()).meta({ description: 'node keys from `from` to `to`' }),
  edges: z.array(z.string()).meta({ description: 'edge ids, one per hop' }),
});

export const Paths = z
  .object({
    from: GraphNode,
    to: GraphNode,
    hops: z.number().int().nullable().meta({ description: 'length of the shortest paths; null when none within maxHops' }),
    paths: z.array(PathSteps),
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: z.boolean(),
  })
  .meta({ id: 'Paths' });
export type Paths = z.infer<typeof Paths>;
