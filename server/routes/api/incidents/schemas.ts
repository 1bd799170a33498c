import { z } from 'zod';
import { EvidenceItem, Fact, NodeRef } from '../../../schemas/evidence.ts';
import { IsoDate, NodeIdParam, PageParams, TextParam } from '../../../schemas/query-params.ts';

export const IncidentListQuery = z
  .object({
    accessVector: TextParam(100).optional().meta({ description: 'access-vector id or alias, e.g. `contractor-account`, `VPN`' }),
    actor: TextParam(100).optional().meta({ description: 'threat-actor id or alias, e.g. `qilin`, `キリン`, `Agenda`' }),
    malware: TextParam(100).optional().meta({ description: 'malware id or alias' }),
    lackedControl: TextParam(100).optional().meta({ description: 'control id or alias the victim lacked, e.g. `mfa`' }),
    remediation: TextParam(100).optional().meta({ description: 'control id or alias added afterwards, e.g. `edr`' }),
    org: TextParam(200).optional().meta({ description: 'organization id, name or alias: the victim or an impacted organization' }),
    from: IsoDate.optional().meta({ description: 'discovered (or first reported) on or after this date' }),
    to: IsoDate.optional().meta({ description: 'discovered (or first reported) on or before this date' }),
    ...PageParams,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type IncidentListQuery = z.infer<typeof IncidentListQuery>;

const IncidentCore = {
  id: z.string(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  discoveredAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  anchorDate: z.string().nullable(),
  reportCount: z.number().nullable(),
  contractorInvolved: z.boolean().nullable(),
};

const IncidentFacts = {
  victim: Fact.nullable(),
  actors: z.array(Fact),
  malware: z.array(Fact),
  accessVectors: z.array(Fact),
  techniques: z.array(Fact),
  lackedControls: z.array(Fact),
  remediations: z.array(Fact),
  impacted: z.array(Fact),
};

export const IncidentSummary = z.object({ ...IncidentCore, ...IncidentFacts }).meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.infer<typeof IncidentSummary>;

export const IncidentList = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  /** What each vocabulary/org filter resolved to (empty: the value names nothing, so nothing matches). */
  resolvedFilters: z.record(z.string(), z.array(z.string())),
  items: z.array(IncidentSummary),
});
export type IncidentList = z.infer<typeof IncidentList>;

export const TimelineEvent = z.object({
  id: z.string(),
  name: z.string().nullable(),
  date: z.string().nullable(),
  dateEnd: z.string().nullable(),
  kind: z.string().nullable(),
  evidence: z.array(EvidenceItem),
});

export const Breach = z.object({
  id: z.string(),
  name: z.string().nullable(),
  records: z.number().nullable(),
  status: z.string().nullable(),
  categories: z.array(z.string()),
  evidence: z.array(EvidenceItem),
});

export const SourceDocument = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    reportNumber: z.number().nullable(),
    publisher: z.string().nullable(),
    source: z.string().nullable(),
  })
  .meta({ id: 'SourceDocument' });
export type SourceDocument = z.infer<typeof SourceDocument>;

export const IncidentDetail = z
  .object({
    ...IncidentCore,
    ...IncidentFacts,
    timeline: z.array(TimelineEvent).meta({ description: 'dated events, oldest first' }),
    breach: Breach.nullable(),
    sources: z.array(SourceDocument).meta({ description: 'documents reporting the incident, oldest first' }),
  })
  .meta({ id: 'IncidentDetail' });
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const IncidentParams = z.object({ id: NodeIdParam });
export { NodeRef };
