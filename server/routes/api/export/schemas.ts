import { z } from 'zod';
import { GraphEdge, GraphNode } from '../../../schemas/evidence.ts';
import { NodeIdParam } from '../../../schemas/query-params.ts';
import { SourceDocument } from '../incidents/schemas.ts';

export const ExportQuery = z
  .object({
    format: z.enum(['json', 'stix']).default('json'),
    incident: NodeIdParam.optional().meta({ description: 'export one incident and its facts' }),
    entity: NodeIdParam.optional().meta({ description: "export an entity's neighbourhood" }),
    depth: z.coerce.number().int().min(1).max(3).default(1).meta({ description: 'hops around `entity` (1..3)' }),
  })
  .refine((q) => !(q.incident && q.entity), { message: 'give `incident` or `entity`, not both', path: ['entity'] });
export type ExportQuery = z.infer<typeof ExportQuery>;

export const ExportNode = GraphNode.extend({ properties: z.record(z.string(), z.unknown()) });
export type ExportNode = z.infer<typeof ExportNode>;

export const ExportDocument = SourceDocument.extend({ incidents: z.array(z.string()).meta({ description: 'ids of incidents the document reports' }) });
export type ExportDocument = z.infer<typeof ExportDocument>;

export const GraphExport = z
  .object({
    scope: z.object({ kind: z.enum(['graph', 'incident', 'entity']), id: z.string().nullable(), depth: z.number().int().nullable() }),
    nodes: z.array(ExportNode),
    edges: z.array(GraphEdge),
    documents: z.array(ExportDocument),
    truncated: z.boolean(),
  })
  .meta({ id: 'GraphExport' });
export type GraphExport = z.infer<typeof GraphExport>;

/** A STIX 2.1 bundle; its objects are validated against the OASIS schemas in the tests. */
export const StixBundle = z
  .object({
    type: z.literal('bundle'),
    id: z.string().regex(/^bundle--[0-9a-f-]{36}$/),
    objects: z.array(z.record(z.string(), z.unknown())).optional(),
  })
  .meta({ id: 'StixBundle' });
export type StixBundle = z.infer<typeof StixBundle>;
