import { z } from 'zod';
import { ENTITY_LABELS, Label } from '../../../../graph-schema/labels.ts';
import { GraphEdge, GraphNode } from '../../../schemas/evidence.ts';
import { NodeIdParam, TextParam } from '../../../schemas/query-params.ts';

export const EntityLabel = z.enum(ENTITY_LABELS).meta({ description: 'an entity label' });
export type EntityLabel = z.infer<typeof EntityLabel>;

/** Labels a neighbourhood may contain: entities, events, breaches, and documents when asked for. */
export const NEIGHBOR_LABELS = [...ENTITY_LABELS, Label.Event, Label.DataBreach, Label.Document] as const;
export const NeighborLabel = z.enum(NEIGHBOR_LABELS);
export type NeighborLabel = z.infer<typeof NeighborLabel>;

export const EntitySearchQuery = z.object({
  q: TextParam(200).meta({ description: 'part of a name or alias', example: 'アスクル' }),
  type: EntityLabel.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type EntitySearchQuery = z.infer<typeof EntitySearchQuery>;

export const EntityMatch = z
  .object({
    id: z.string(),
    label: z.string(),
    name: z.string().nullable(),
    aliases: z.array(z.string()),
    matched: z.enum(['exact', 'prefix', 'contains', 'fulltext']),
    score: z.number(),
  })
  .meta({ id: 'EntityMatch' });
export type EntityMatch = z.infer<typeof EntityMatch>;

export const EntitySearchResult = z.object({ query: z.string(), items: z.array(EntityMatch) });
export type EntitySearchResult = z.infer<typeof EntitySearchResult>;

export const EntityParams = z.object({ id: NodeIdParam });

export const RelationshipCount = z.object({
  type: z.string(),
  direction: z.enum(['out', 'in']),
  count: z.number().int(),
});

export const EntityDetail = z
  .object({
    id: z.string(),
    label: z.string(),
    name: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    relationships: z.array(RelationshipCount),
  })
  .meta({ id: 'EntityDetail' });
export type EntityDetail = z.infer<typeof EntityDetail>;

/** `types=Organization,ThreatActor` → checked list of labels. */
export const LabelList = z
  .string()
  .trim()
  .max(500)
  .transform((value) => value.split(',').map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(NeighborLabel).min(1, 'name at least one label').max(NEIGHBOR_LABELS.length));

export const NeighborsQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  types: LabelList.optional().meta({ description: 'comma-separated labels the neighbours may have; Document adds the reporting documents' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ description: 'most nodes returned (1..500)' }),
});
export type NeighborsQuery = z.infer<typeof NeighborsQuery>;

export const Subgraph = z
  .object({
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: z.boolean(),
  })
  .meta({ id: 'Subgraph' });
export type Subgraph = z.infer<typeof Subgraph>;

export const Neighbors = Subgraph.extend({ center: GraphNode, depth: z.number().int() });
export type Neighbors = z.infer<typeof Neighbors>;
