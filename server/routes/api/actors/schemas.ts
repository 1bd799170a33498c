import { z } from 'zod';
import { EvidenceItem, Fact, GraphEdge, GraphNode, NodeRef } from '../../../schemas/evidence.ts';
import { NodeIdParam } from '../../../schemas/query-params.ts';

export const ActorParams = z.object({ id: NodeIdParam.meta({ description: 'actor id or any alias: `qilin`, `Qilin`, `キリン`, `Agenda`', example: 'キリン' }) });

export const ActorVictim = z.object({
  incident: z.object({
    id: z.string(),
    name: z.string().nullable(),
    title: z.string().nullable(),
    discoveredAt: z.string().nullable(),
    anchorDate: z.string().nullable(),
  }),
  victim: NodeRef.nullable(),
  victimEvidence: z.array(EvidenceItem),
  /** Why the incident belongs to the actor: ATTRIBUTED_TO the actor, or INVOLVED its malware. */
  attribution: z.array(Fact),
  impacted: z.array(Fact),
});

export const DownstreamRoute = z.object({
  incidentId: z.string(),
  via: z.enum(['IMPACTED', 'SUPPLY_CHAIN']),
  nodes: z.array(z.string()).meta({ description: 'node keys from the incident to the downstream organization' }),
  edges: z.array(z.string()).meta({ description: 'ids of `edges`, one per hop' }),
});

export const Downstream = z.object({
  node: GraphNode,
  incidents: z.array(z.string()),
  routes: z.array(DownstreamRoute),
});

export const ActorVictims = z
  .object({
    actor: NodeRef.extend({ nameJa: z.string().nullable(), aliases: z.array(z.string()) }),
    victims: z.array(ActorVictim),
    downstream: z.array(Downstream).meta({
      description: 'organizations and services hit downstream: IMPACTED by the incidents, or reached from a victim through OUTSOURCES_TO / SUBSIDIARY_OF / OPERATES',
    }),
    edges: z.array(GraphEdge).meta({ description: 'every edge the routes use, with evidence' }),
  })
  .meta({ id: 'ActorVictims' });
export type ActorVictims = z.infer<typeof ActorVictims>;
