import { ALL_LABELS, Label } from '../../graph-schema/labels.ts';
import { ALL_RELS } from '../../graph-schema/relationships.ts';
import type { Stats } from '../routes/api/stats/schemas.ts';
import { readTransaction, type Graph } from './read-transaction.ts';

/** One count per label and per type; each is answered from Neo4j's count store. */
export const COUNT_LABELS = ALL_LABELS.map((l) => `MATCH (n:${l}) RETURN '${l}' AS key, count(n) AS count`).join('\nUNION ALL\n');
export const COUNT_RELS = ALL_RELS.map((t) => `MATCH ()-[r:${t}]->() RETURN '${t}' AS key, count(r) AS count`).join('\nUNION ALL\n');

export async function graphStats(graph: Graph): Promise<Stats> {
  return readTransaction(graph, async (tx) => {
    const toRecord = (records: { get(key: string): unknown }[]) => Object.fromEntries(records.map((r) => [r.get('key') as string, r.get('count') as number]));
    const labels = toRecord((await tx.run(COUNT_LABELS)).records);
    const relationships = toRecord((await tx.run(COUNT_RELS)).records);
    return { documents: labels[Label.Document] ?? 0, incidents: labels[Label.Incident] ?? 0, labels, relationships };
  });
}
