import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ids, type NodeId } from '../../graph-schema/ids.ts';
import type { Label } from '../../graph-schema/labels.ts';
import { FACT_RELS, Rel, type FactRel } from '../../graph-schema/relationships.ts';
import type { AnalyzedDocument } from '../analyze-document.ts';
import { chunkAt } from '../embed/chunk-sentences.ts';
import { chunkRows, documentRow, evidenceRow, groupBy } from './graph-rows.ts';
import * as q from './write-queries.ts';

/** Reports of one victim this many days apart are still the same incident. */
export const INCIDENT_WINDOW_DAYS = 60;

export interface LoadResult {
  readonly docId: string;
  readonly replaced: boolean;
  readonly incidentId: string | null;
}

/** sha256 of every already-loaded document among `docIds`, to skip unchanged files. */
export async function loadedHashes(driver: Driver, database: string | undefined, docIds: readonly string[]): Promise<Map<string, string>> {
  const result = await driver.executeQuery(q.READ_DOCUMENT_HASHES, { ids: docIds }, { database, routing: 'READ' });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('sha256') as string]));
}

/**
 * Writes one document and all its facts in one transaction: a crash leaves either the
 * whole document or none of it, and re-running MERGEs onto the same ids. A changed
 * document first removes its own facts (found by docId), never anyone else's.
 */
export async function loadDocument(
  driver: Driver,
  database: string | undefined,
  doc: AnalyzedDocument,
  embeddings: ReadonlyArray<ArrayLike<number>> | null,
): Promise<LoadResult> {
  const session = driver.session({ database });
  try {
    return await session.executeWrite((tx) => writeDocument(tx, doc, embeddings));
  } finally {
    await session.close();
  }
}

async function writeDocument(tx: ManagedTransaction, doc: AnalyzedDocument, embeddings: ReadonlyArray<ArrayLike<number>> | null): Promise<LoadResult> {
  const docId = doc.id;
  const previous = await tx.run(q.READ_DOCUMENT_DEPENDENTS, { docId });
  const replaced = previous.records[0]?.get('exists') === true;
  const oldIncidents = replaced ? (previous.records[0]!.get('incidents') as string[]) : [];
  const oldEntities = replaced ? (previous.records[0]!.get('entities') as string[]) : [];
  if (replaced) {
    await Promise.all([
      tx.run(q.DELETE_DOCUMENT_CHUNKS, { docId }),
      ...[...FACT_RELS, Rel.REPORTS].map((rel) => tx.run(q.deleteFactsOf(rel), { docId })),
      tx.run(q.DELETE_PRECEDED_BY, { docId }),
    ]);
  }

  const facts = doc.facts;
  const incidentId = facts.incident ? await resolveIncidentId(tx, doc) : null;
  const pending: Array<Promise<unknown>> = [];
  const run = (query: string, params: Record<string, unknown>) => pending.push(tx.run(query, params));

  // Statements are sent without waiting for each other (Bolt pipelines them) and run in order.
  run(q.MERGE_DOCUMENT, { doc: documentRow(doc) });
  run(q.MERGE_CHUNKS, { docId, rows: chunkRows(doc, embeddings) });
  for (const [label, rows] of groupBy(facts.entities, (e) => e.label)) {
    run(q.mergeEntities(label), { rows: rows.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, props: e.props })) });
  }
  for (const [label, rows] of groupBy(facts.mentions, (m) => m.label)) {
    run(q.mergeMentions(label), {
      rows: rows.map((m) => {
        const chunk = chunkAt(doc.chunks, m.start);
        return { chunkId: ids.chunk(docId, chunk?.ord ?? 0), entityId: m.entityId, start: m.start, end: m.end, docId, extractor: m.extractor, confidence: m.confidence, resolution: m.resolution };
      }),
    });
  }
  if (facts.incident && incidentId) {
    const inc = facts.incident;
    run(q.MERGE_INCIDENT, {
      docId,
      incident: {
        id: incidentId,
        name: `${inc.victim.name} ${inc.discoveredAt ?? doc.parsed.publishedAt ?? ''}`.trim(),
        title: inc.title,
        summary: inc.summary,
        victimId: inc.victim.id,
        discoveredAt: inc.discoveredAt,
        startedAt: inc.startedAt,
        contractorInvolved: inc.contractorInvolved,
        publishedAt: doc.parsed.publishedAt,
        victimEvidence: evidenceRow(doc, inc.evidence),
      },
    });
    for (const [key, rows] of groupBy(facts.incidentFacts, (f) => `${f.rel}|${f.targetLabel}`)) {
      const [rel, target] = key.split('|') as [FactRel, Label];
      run(q.mergeIncidentFacts(rel, target), { incidentId, rows: rows.map((f) => ({ ...evidenceRow(doc, f.evidence), targetId: f.targetId })) });
    }
    if (facts.events.length > 0) {
      run(q.MERGE_EVENTS, {
        incidentId,
        rows: facts.events.map((e) => ({ ...evidenceRow(doc, e.evidence), id: ids.event(incidentId, e.date, e.kind), name: e.name, date: e.date, dateEnd: e.dateEnd, kind: e.kind })),
      });
    }
    if (facts.breach) {
      const b = facts.breach;
      run(q.MERGE_BREACH, {
        incidentId,
        rows: [{ ...evidenceRow(doc, b.evidence), id: ids.dataBreach(incidentId), name: `${inc.victim.name} 情報流出`, categories: b.categories, records: b.records, status: b.status }],
      });
    }
  }
  for (const [key, rows] of groupBy(facts.entityFacts, (f) => `${f.rel}|${f.fromLabel}|${f.toLabel}`)) {
    const [rel, from, to] = key.split('|') as [FactRel, Label, Label];
    run(q.mergeEntityFacts(rel, from, to), { rows: rows.map((f) => ({ ...evidenceRow(doc, f.evidence), fromId: f.fromId, toId: f.toId })) });
  }
  const refs = doc.parsed.earlierReports.map((r) => r.ref);
  if (refs.length > 0) run(q.MERGE_PRECEDED_BY, { docId, refs });
  await Promise.all(pending);

  const touched = [...new Set([...oldIncidents, ...(incidentId ? [incidentId] : [])])];
  if (replaced) {
    await tx.run(q.DELETE_ORPHANS, { incidents: oldIncidents });
    await tx.run(q.DELETE_ORPHAN_EVENTS, { incidents: oldIncidents });
    await tx.run(q.DELETE_ORPHAN_ENTITIES, { entities: oldEntities });
  }
  await tx.run(q.REFRESH_INCIDENTS, { incidents: touched });
  return { docId, replaced, incidentId };
}

/**
 * One Incident per real incident: a 第N報 joins the incident of the report it links to;
 * otherwise a report of the same victim discovered within the window joins that one.
 */
async function resolveIncidentId(tx: ManagedTransaction, doc: AnalyzedDocument): Promise<NodeId> {
  const incident = doc.facts.incident!;
  const refs = doc.parsed.earlierReports.map((r) => r.ref);
  if (refs.length > 0) {
    const linked = await tx.run(q.FIND_INCIDENT_BY_EARLIER_REPORTS, { refs });
    const id = linked.records[0]?.get('id') as string | undefined;
    if (id) return id as NodeId;
  }
  const date = incident.discoveredAt ?? doc.parsed.publishedAt;
  if (date) {
    const near = await tx.run(q.FIND_INCIDENT_BY_VICTIM_AND_DATE, { victimId: incident.victim.id, date, windowDays: INCIDENT_WINDOW_DAYS });
    const id = near.records[0]?.get('id') as string | undefined;
    if (id) return id as NodeId;
  }
  return ids.incident(incident.victim.id, date ?? doc.id);
}
