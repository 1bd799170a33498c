/** Every relationship type of the graph. */
export const Rel = {
  HAS_CHUNK: 'HAS_CHUNK',
  MENTIONS: 'MENTIONS',
  REPORTS: 'REPORTS',
  VICTIM: 'VICTIM',
  ATTRIBUTED_TO: 'ATTRIBUTED_TO',
  INVOLVED: 'INVOLVED',
  INITIAL_ACCESS_VIA: 'INITIAL_ACCESS_VIA',
  USED_TECHNIQUE: 'USED_TECHNIQUE',
  LACKED_CONTROL: 'LACKED_CONTROL',
  REMEDIATED_WITH: 'REMEDIATED_WITH',
  IMPACTED: 'IMPACTED',
  HAS_EVENT: 'HAS_EVENT',
  RESULTED_IN: 'RESULTED_IN',
  USES: 'USES',
  SUBSIDIARY_OF: 'SUBSIDIARY_OF',
  OUTSOURCES_TO: 'OUTSOURCES_TO',
  OPERATES: 'OPERATES',
  PRECEDED_BY: 'PRECEDED_BY',
} as const;
export type Rel = (typeof Rel)[keyof typeof Rel];
export const ALL_RELS = Object.values(Rel) as readonly Rel[];

/** Relationships that state a fact extracted from text; each carries evidence. */
export const FACT_RELS = [
  Rel.VICTIM,
  Rel.ATTRIBUTED_TO,
  Rel.INVOLVED,
  Rel.INITIAL_ACCESS_VIA,
  Rel.USED_TECHNIQUE,
  Rel.LACKED_CONTROL,
  Rel.REMEDIATED_WITH,
  Rel.IMPACTED,
  Rel.HAS_EVENT,
  Rel.RESULTED_IN,
  Rel.USES,
  Rel.SUBSIDIARY_OF,
  Rel.OUTSOURCES_TO,
  Rel.OPERATES,
] as const satisfies readonly Rel[];
export type FactRel = (typeof FACT_RELS)[number];
