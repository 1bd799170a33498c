/**
 * Filters as a Cypher predicate over a candidate chunk's Document `d`. The text is assembled
 * only from the constant fragments below (labels from graph-schema); every user value is a
 * parameter. A result passes when any of its documents passes.
 */
import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { EntityLabel } from '../../graph-schema/labels.ts';

export interface ResolvedFilters {
  readonly types?: readonly EntityLabel[] | undefined;
  /** Organization ids the org filter resolved to (never empty: no match means no results). */
  readonly orgIds?: readonly string[] | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** Chunks of the document mention an entity with one of $types (or it reports an incident). */
const TYPES = `(EXISTS { MATCH (d)-[:${Rel.HAS_CHUNK}]->(:${Label.Chunk})-[:${Rel.MENTIONS}]->(n) WHERE any(l IN labels(n) WHERE l IN $types) }
  OR ($reportsIncident AND EXISTS { MATCH (d)-[:${Rel.REPORTS}]->(:${Label.Incident}) }))`;

/** The organization is the victim of an incident the document reports, or a chunk mentions it. */
const ORG = `(EXISTS { MATCH (d)-[:${Rel.REPORTS}]->(:${Label.Incident})-[:${Rel.VICTIM}]->(o:${Label.Organization}) WHERE o.id IN $orgIds }
  OR EXISTS { MATCH (d)-[:${Rel.HAS_CHUNK}]->(:${Label.Chunk})-[:${Rel.MENTIONS}]->(o:${Label.Organization}) WHERE o.id IN $orgIds })`;

/** `to` is a prefix (YYYY, YYYY-MM, YYYY-MM-DD): a date is within it when its prefix is not later. */
const inRange = (value: string) =>
  `(${value} IS NOT NULL AND ($from IS NULL OR ${value} >= $from) AND ($to IS NULL OR substring(${value}, 0, size($to)) <= $to))`;
const DATES = `(${inRange('d.publishedAt')}
  OR EXISTS { MATCH (d)-[:${Rel.REPORTS}]->(i:${Label.Incident}) WHERE ${inRange('i.discoveredAt')} })`;

/** The predicate (without WHERE; 'true' when there are no filters) and its parameters. */
export function filterPredicate(filters: ResolvedFilters): { predicate: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filters.types && filters.types.length > 0) {
    parts.push(TYPES);
    params.types = [...filters.types];
    params.reportsIncident = filters.types.includes(Label.Incident);
  }
  if (filters.orgIds) {
    parts.push(ORG);
    params.orgIds = [...filters.orgIds];
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    parts.push(DATES);
    params.from = filters.from ?? null;
    params.to = filters.to ?? null;
  }
  return { predicate: parts.length === 0 ? 'true' : parts.join('\n  AND '), params };
}

/** Whether any filter narrows the candidates (then more candidates are fetched). */
export function hasFilters(filters: ResolvedFilters): boolean {
  return filterPredicate(filters).predicate !== 'true';
}
