/** Every node label of the graph. Query text is built only from these constants. */
export const Label = {
  Document: 'Document',
  Chunk: 'Chunk',
  Incident: 'Incident',
  Organization: 'Organization',
  ThreatActor: 'ThreatActor',
  Malware: 'Malware',
  AccessVector: 'AccessVector',
  Technique: 'Technique',
  Control: 'Control',
  System: 'System',
  Service: 'Service',
  Person: 'Person',
  Agency: 'Agency',
  Event: 'Event',
  DataBreach: 'DataBreach',
} as const;
export type Label = (typeof Label)[keyof typeof Label];
export const ALL_LABELS = Object.values(Label) as readonly Label[];

/** Labels an analyst sees as "entities" (not documents, chunks, events or breaches). */
export const ENTITY_LABELS = [
  Label.Incident,
  Label.Organization,
  Label.ThreatActor,
  Label.Malware,
  Label.AccessVector,
  Label.Technique,
  Label.Control,
  Label.System,
  Label.Service,
  Label.Person,
  Label.Agency,
] as const satisfies readonly Label[];
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** Vocabulary-backed labels: their nodes come from migration, ids are stable. */
export const VOCABULARY_LABELS = [
  Label.AccessVector,
  Label.Control,
  Label.Technique,
  Label.ThreatActor,
  Label.Malware,
  Label.Agency,
] as const satisfies readonly Label[];
