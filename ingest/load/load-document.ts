import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ids, type NodeId } from '../../graph-schema/ids.ts';
import { OPEN_CLASS_LABELS } from '../../graph-schema/labels.ts';
import { FACT_RELS, Rel } from '../../graph-schema/relationships.ts';
import type { AnalyzedDocument } from '../analyze-document.ts';
import { chunkAt } from '../embed/chunk-sentences.ts';
import { bucket, chunkRows, documentRow, evidenceRow } from './graph-rows.ts';
import * as q from './write-queries.ts';
import { PIPELINE_VERSION } from '../pipeline-version.ts';

/** Reports of one victim this many days apart are still the same incident. */
export const INCIDENT_WINDOW_DAYS = 60;

export interface LoadResult {
  readonly docId: string;
  readonly replaced: boolean;
  readonly incidentId: string | null;
}

/** `sha256:pipelineVersion` of every already-loaded document among `docIds`, to skip unchanged files. */
export async function loadedVersions(driver: Driver, database: string | undefined, docIds: readonly string[]): Promise<Map<string, string>> {
  const result = await driver.executeQuery(q.READ_DOCUMENT_HASHES, { ids: docIds }, { database, routing: 'READ' });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('version') as string]));
}

export const versionOf = (sha256: string) => `${sha256}:${PIPELINE_VERSION}`;

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

/** What WRITE_DOCUMENT takes: a document's rows and the incidents to refresh. */
type WriteParameters = ReturnType<typeof writeParameters> & { incidents: string[] };

/**
 * Compiles the two statements a document write runs, in parallel, by running them on
 * nothing in transactions that are rolled back. Parameters have the types real writes
 * pass, since Neo4j caches a plan per statement and parameter types; the write's keys are
 * checked against writeParameters' at compile time, so the two cannot drift apart.
 */
export async function prepareDocumentStatements(driver: Driver, database: string | undefined): Promise<void> {
  const noWrite: { [K in keyof WriteParameters]: unknown } = {
    doc: { id: '' },
    chunks: [q.SENTINEL],
    entities: bucket(OPEN_CLASS_LABELS, [], () => ''),
    mentions: [q.SENTINEL],
    incident: [q.SENTINEL],
    incidentFacts: [q.SENTINEL],
    events: [q.SENTINEL],
    breaches: [q.SENTINEL],
    entityFacts: [q.SENTINEL],
    earlierRefs: [''],
    incidents: [''],
  };
  const nothing = {
    [q.READ_DOCUMENT_STATE]: { docId: '', refs: [''], victimId: '', date: '', windowDays: INCIDENT_WINDOW_DAYS },
    [q.WRITE_DOCUMENT]: noWrite,
  };
  await Promise.all(
    Object.entries(nothing).map(async ([statement, parameters]) => {
      const session = driver.session({ database });
      const tx = session.beginTransaction();
      try {
        await tx.run(statement, parameters);
      } finally {
        await tx.rollback();
        await session.close();
      }
    }),
  );
}

async function writeDocument(tx: ManagedTransaction, doc: AnalyzedDocument, embeddings: ReadonlyArray<ArrayLike<number>> | null): Promise<LoadResult> {
  const docId = doc.id;
  const incident = doc.facts.incident;
  const state = (
    await tx.run(q.READ_DOCUMENT_STATE, {
      docId,
      refs: ['', ...doc.parsed.earlierReports.map((r) => r.ref)],
      victimId: incident?.victim.id ?? '',
      date: incident?.discoveredAt ?? doc.parsed.publishedAt ?? '',
      windowDays: INCIDENT_WINDOW_DAYS,
    })
  ).records[0]!;
  const replaced = state.get('exists') === true;
  const oldIncidents = state.get('incidents') as string[];
  const oldEntities = state.get('entities') as string[];
  if (replaced) {
    await tx.run(q.DELETE_DOCUMENT_CHUNKS, { docId });
    for (const rel of [...FACT_RELS, Rel.REPORTS]) await tx.run(q.deleteFactsOf(rel), { docId });
    await tx.run(q.DELETE_PRECEDED_BY, { docId });
  }
  // One Incident per real incident: a 第N報 joins the incident of the report it links to;
  // otherwise a report of the same victim within the window joins that one.
  const incidentId: NodeId | null = incident
    ? ((state.get('linkedIncident') as NodeId | null) ??
      (state.get('nearIncident') as NodeId | null) ??
      ids.incident(incident.victim.id, incident.discoveredAt ?? doc.parsed.publishedAt ?? docId))
    : null;
  const touched = [...new Set([...oldIncidents, ...(incidentId ? [incidentId] : [])])];
  const parameters: WriteParameters = { ...writeParameters(doc, incidentId, embeddings), incidents: ['', ...touched] };
  await tx.run(q.WRITE_DOCUMENT, parameters);
  if (replaced) {
    await tx.run(q.DELETE_ORPHANS, { incidents: oldIncidents });
    await tx.run(q.DELETE_ORPHAN_EVENTS, { incidents: oldIncidents });
    await tx.run(q.DELETE_ORPHAN_ENTITIES, { entities: oldEntities });
  }
  return { docId, replaced, incidentId };
}

function writeParameters(doc: AnalyzedDocument, incidentId: string | null, embeddings: ReadonlyArray<ArrayLike<number>> | null) {
  const docId = doc.id;
  const facts = doc.facts;
  const inc = facts.incident;
  const withIncident = <T>(rows: T[]) => (incidentId ? rows.map((row) => ({ ...row, incidentId })) : []);
  const padded = <T>(rows: readonly T[]) => [q.SENTINEL, ...rows];
  return {
    doc: documentRow(doc),
    chunks: padded(chunkRows(doc, embeddings)),
    entities: bucket(OPEN_CLASS_LABELS, facts.entities.filter((e) => (OPEN_CLASS_LABELS as readonly string[]).includes(e.label)), (e) => e.label),
    mentions: padded(
      facts.mentions.map((m) => ({
        label: m.label,
        chunkId: ids.chunk(docId, chunkAt(doc.chunks, m.start)?.ord ?? 0),
        entityId: m.entityId,
        start: m.start,
        end: m.end,
        docId,
        extractor: m.extractor,
        confidence: m.confidence,
        resolution: m.resolution,
      })),
    ),
    incident: padded(
      inc && incidentId
        ? [
            {
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
          ]
        : [],
    ),
    incidentFacts: padded(
      withIncident(facts.incidentFacts.map((f) => ({ ...evidenceRow(doc, f.evidence), rel: f.rel, targetLabel: f.targetLabel, targetId: f.targetId }))),
    ),
    events: padded(withIncident(
      facts.events.map((e) => ({ ...evidenceRow(doc, e.evidence), id: ids.event(incidentId ?? '', e.date, e.kind), name: e.name, date: e.date, dateEnd: e.dateEnd, kind: e.kind })),
    )),
    breaches: padded(withIncident(
      facts.breach && inc
        ? [{ ...evidenceRow(doc, facts.breach.evidence), id: ids.dataBreach(incidentId ?? ''), name: `${inc.victim.name} 情報流出`, categories: facts.breach.categories, records: facts.breach.records, status: facts.breach.status }]
        : [],
    )),
    entityFacts: padded(
      facts.entityFacts.map((f) => ({ ...evidenceRow(doc, f.evidence), rel: f.rel, fromLabel: f.fromLabel, fromId: f.fromId, toLabel: f.toLabel, toId: f.toId })),
    ),
    earlierRefs: ['', ...doc.parsed.earlierReports.map((r) => r.ref)],
  };
}
