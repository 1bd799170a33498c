/**
 * The API's response types, taken from the server's zod schemas (type-only imports: nothing
 * of the server reaches the bundle), so a schema change that breaks the browser is a
 * compile error in `npm run web:build`.
 */
export type { ActorVictims } from '../../server/routes/api/actors/schemas.ts';
export type { EntityDetail, EntityMatch, EntitySearchResult, Neighbors, NeighborLabel } from '../../server/routes/api/entities/schemas.ts';
export type { GraphExport } from '../../server/routes/api/export/schemas.ts';
export type { IncidentDetail, IncidentList, IncidentSummary, SourceDocument } from '../../server/routes/api/incidents/schemas.ts';
export type { Paths } from '../../server/routes/api/paths/schemas.ts';
export type { SearchHit, SearchMode, SearchPassage, SearchResponse } from '../../server/routes/api/search/schemas.ts';
export type { Stats } from '../../server/routes/api/stats/schemas.ts';
export type { ErrorBody } from '../../server/schemas/error-body.ts';
export type { EvidenceItem, Fact, GraphEdge, GraphNode, NodeRef } from '../../server/schemas/evidence.ts';
