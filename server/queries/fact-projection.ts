import { ENTITY_LABELS, Label, primaryLabel } from '../../graph-schema/labels.ts';
import { FACT_RELS } from '../../graph-schema/relationships.ts';
import type { EvidenceItem, GraphEdge, GraphNode, NodeRef } from '../schemas/evidence.ts';

/**
 * Cypher fragments shared by the query modules. Every fact relationship carries its own
 * evidence properties; one fact stated by three documents is three parallel relationships,
 * which answers fold into one fact with three evidence items.
 */

/** Map projection of one fact relationship's evidence, with its document's title and date. */
export const evidenceOf = (r: string) =>
  `${r} {.docId, .chunkId, .sentence, .sentenceStart, .start, .end, .extractor, .confidence, ` +
  `document: COLLECT { MATCH (d:${Label.Document} {id: ${r}.docId}) RETURN d {.title, .publishedAt} }[0]}`;

/** Map projection of a node as the API names it. */
export const nodeRefOf = (n: string) => `${n} {.id, .name, label: ${primaryLabel(n)}}`;

/** Labels that can be reached through fact relationships (everything but Document and Chunk). */
export const GRAPH_LABELS = [...ENTITY_LABELS, Label.Event, Label.DataBreach] as const;

/** `(n:A OR n:B …)` built from graph-schema constants (labels cannot be parameters). */
export const hasAnyLabel = (n: string, labels: readonly string[]) => `(${labels.map((l) => `${n}:${l}`).join(' OR ')})`;

/** Relationship-type alternation for patterns, e.g. `VICTIM|ATTRIBUTED_TO|…`. */
export const relAlternation = (rels: readonly string[]) => rels.join('|');
export const FACT_REL_PATTERN = relAlternation(FACT_RELS);

/**
 * A union subquery that finds a node by its stable id with an index seek on each label
 * (a label-less `{id: $x}` lookup would scan every node).
 */
export const nodeByIdUnion = (param: string, labels: readonly string[], as = 'n') =>
  `CALL () { ${labels.map((l) => `MATCH (${as}:${l} {id: $${param}}) RETURN ${as}`).join(' UNION ')} }`;

interface RawEvidence {
  docId?: string | null;
  chunkId?: string | null;
  sentence?: string | null;
  sentenceStart?: number | null;
  start?: number | null;
  end?: number | null;
  extractor?: string | null;
  confidence?: number | null;
  document?: { title?: string | null; publishedAt?: string | null } | null;
}

/** Evidence rows → API evidence, most confident first, then oldest document first. */
export function toEvidence(raw: unknown): EvidenceItem[] {
  const rows = Array.isArray(raw) ? (raw as RawEvidence[]) : [];
  return rows
    .filter((e) => typeof e?.docId === 'string')
    .map((e) => ({
      docId: e.docId as string,
      title: e.document?.title ?? null,
      publishedAt: e.document?.publishedAt ?? null,
      chunkId: e.chunkId ?? null,
      sentence: e.sentence ?? null,
      sentenceStart: numberOrNull(e.sentenceStart),
      start: numberOrNull(e.start),
      end: numberOrNull(e.end),
      extractor: e.extractor ?? null,
      confidence: numberOrNull(e.confidence),
    }))
    .sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0) || (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.docId.localeCompare(b.docId));
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function toNodeRef(raw: unknown): NodeRef {
  const node = (raw ?? {}) as { id?: unknown; name?: unknown; label?: unknown };
  return {
    id: String(node.id ?? ''),
    label: String(node.label ?? ''),
    name: typeof node.name === 'string' ? node.name : null,
  };
}

/** The unique key of a node in a graph answer. */
export const nodeKey = (node: { label: string; id: string }) => `${node.label}:${node.id}`;

export function toGraphNode(raw: unknown): GraphNode {
  const ref = toNodeRef(raw);
  return { ...ref, key: nodeKey(ref) };
}

/** A deterministic edge id: parallel relationships of one type between two nodes share it. */
export const edgeId = (sourceKey: string, type: string, targetKey: string) => `${sourceKey}|${type}|${targetKey}`;

type Ends = { id: string; label: string };

export function toEdge(source: Ends, type: string, target: Ends, evidence: unknown): GraphEdge {
  const sourceKey = nodeKey(source);
  const targetKey = nodeKey(target);
  return { id: edgeId(sourceKey, type, targetKey), type, source: source.id, target: target.id, sourceKey, targetKey, evidence: toEvidence(evidence) };
}
