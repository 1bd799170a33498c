import { z } from 'zod';

/** Where a fact was read: the document, its sentence and the span (offsets into Document.text). */
export const EvidenceItem = z
  .object({
    docId: z.string(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    chunkId: z.string().nullable(),
    sentence: z.string().nullable(),
    sentenceStart: z.number().int().nullable(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    extractor: z.string().nullable(),
    confidence: z.number().nullable(),
  })
  .meta({ id: 'Evidence' });
export type EvidenceItem = z.infer<typeof EvidenceItem>;

/** A node as the API names it: stable id, its label and display name. */
export const NodeRef = z
  .object({
    id: z.string(),
    label: z.string(),
    name: z.string().nullable(),
  })
  .meta({ id: 'NodeRef' });
export type NodeRef = z.infer<typeof NodeRef>;

/** One fact (all parallel relationships of one type to one target), with every document that states it. */
export const Fact = z
  .object({
    type: z.string(),
    target: NodeRef.extend({
      nameJa: z.string().nullable().optional(),
      attackId: z.string().nullable().optional(),
    }),
    evidence: z.array(EvidenceItem),
  })
  .meta({ id: 'Fact' });
export type Fact = z.infer<typeof Fact>;

/** An edge of a graph answer: parallel fact relationships folded into one, with their evidence. */
export const GraphEdge = z
  .object({
    id: z.string().meta({ description: '`sourceKey|type|targetKey`, stable' }),
    type: z.string(),
    source: z.string().meta({ description: 'id of the source node' }),
    target: z.string().meta({ description: 'id of the target node' }),
    sourceKey: z.string().meta({ description: 'key of the source node (unique in the answer)' }),
    targetKey: z.string().meta({ description: 'key of the target node (unique in the answer)' }),
    evidence: z.array(EvidenceItem),
  })
  .meta({ id: 'GraphEdge' });
export type GraphEdge = z.infer<typeof GraphEdge>;

/**
 * A node of a graph answer. `id` is the stable id; `key` (`Label:id`) is unique, because
 * vocabulary ids repeat across labels (`qilin` is a ThreatActor and a Malware).
 */
export const GraphNode = NodeRef.extend({ key: z.string() }).meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNode>;
