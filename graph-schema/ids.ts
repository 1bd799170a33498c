import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Stable ids. Vocabulary nodes use their vocabulary id; everything else derives its id
 * from what identifies it in the world (a document's path, an organization's canonical
 * name), so re-ingesting produces the same ids and MERGE never duplicates.
 */
export const NodeId = z.string().min(1).max(200).brand<'NodeId'>();
export type NodeId = z.infer<typeof NodeId>;

function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

const asId = (value: string): NodeId => value as NodeId;

export const ids = {
  document: (sourceKey: string): NodeId => asId(`doc:${shortHash(sourceKey)}`),
  chunk: (documentId: string, ord: number): NodeId => asId(`${documentId}#c${ord}`),
  organization: (canonicalName: string): NodeId => asId(`org:${canonicalName}`),
  service: (canonicalName: string): NodeId => asId(`svc:${canonicalName}`),
  system: (canonicalName: string): NodeId => asId(`sys:${canonicalName}`),
  person: (name: string): NodeId => asId(`person:${name}`),
  incident: (victimId: string, startKey: string): NodeId => asId(`inc:${shortHash(`${victimId}|${startKey}`, 12)}`),
  event: (incidentId: string, date: string, kind: string): NodeId => asId(`evt:${shortHash(`${incidentId}|${date}|${kind}`, 12)}`),
  dataBreach: (incidentId: string): NodeId => asId(`breach:${incidentId}`),
  vocabulary: (id: string): NodeId => asId(id),
} as const;
