import { z } from 'zod';
import { Label } from './labels.ts';

const base = {
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
};
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DocumentNode = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1),
  /** The source's last path segment: later reports link to a document by it (indexed). */
  sourceName: z.string().min(1),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: isoDate.nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['disclosure', 'article']),
  encoding: z.string(),
  text: z.string(),
  reportNumber: z.number().int().positive().nullable(),
});
export type DocumentNode = z.infer<typeof DocumentNode>;

/** Document.sourceName of a source key; the write statements compute the same from a link. */
export const sourceNameOf = (source: string) => source.slice(source.lastIndexOf('/') + 1);

export const ChunkNode = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  ord: z.number().int().nonnegative(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** kuromoji surface/base forms joined by spaces, for the whitespace full-text index. */
  tokens: z.string(),
});
export type ChunkNode = z.infer<typeof ChunkNode>;

export const OrganizationKind = z.enum(['company', 'government', 'school', 'hospital', 'vendor', 'association', 'other']);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const OrganizationNode = z.object({ ...base, kind: OrganizationKind });
export type OrganizationNode = z.infer<typeof OrganizationNode>;

export const IncidentNode = z.object({
  ...base,
  title: z.string(),
  victim: z.string().min(1),
  discoveredAt: isoDate.nullable(),
  startedAt: isoDate.nullable(),
  summary: z.string(),
});
export type IncidentNode = z.infer<typeof IncidentNode>;

export const EventNode = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  date: isoDate,
  dateEnd: isoDate.nullable(),
  kind: z.string().min(1),
});
export type EventNode = z.infer<typeof EventNode>;

export const DataBreachNode = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  records: z.number().int().nonnegative().nullable(),
  categories: z.array(z.string()),
});
export type DataBreachNode = z.infer<typeof DataBreachNode>;

export const PersonNode = z.object({ ...base, role: z.string().nullable() });
export type PersonNode = z.infer<typeof PersonNode>;

export const NamedNode = z.object(base);
export type NamedNode = z.infer<typeof NamedNode>;

export const VocabularyNode = z.object({
  ...base,
  nameJa: z.string(),
  attackId: z.string().nullable(),
  description: z.string().nullable(),
});
export type VocabularyNode = z.infer<typeof VocabularyNode>;

/** The property schema of each label, used to check rows just before they are written. */
export const NODE_SCHEMAS = {
  [Label.Document]: DocumentNode,
  [Label.Chunk]: ChunkNode,
  [Label.Incident]: IncidentNode,
  [Label.Organization]: OrganizationNode,
  [Label.ThreatActor]: VocabularyNode,
  [Label.Malware]: VocabularyNode,
  [Label.AccessVector]: VocabularyNode,
  [Label.Technique]: VocabularyNode,
  [Label.Control]: VocabularyNode,
  [Label.Agency]: VocabularyNode,
  [Label.System]: NamedNode,
  [Label.Service]: NamedNode,
  [Label.Person]: PersonNode,
  [Label.Event]: EventNode,
  [Label.DataBreach]: DataBreachNode,
} as const satisfies Record<Label, z.ZodType>;
