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

/** Labels a chunk can mention; every fact's target is one of them. */
export const MENTIONABLE_LABELS = [
  Label.Organization, Label.Service, Label.System, Label.Person, Label.Agency,
  Label.ThreatActor, Label.Malware, Label.AccessVector, Label.Technique, Label.Control,
] as const satisfies readonly Label[];

/** Mentionable labels whose nodes documents create (the others come from the vocabularies). */
export const OPEN_CLASS_LABELS = [Label.Organization, Label.Service, Label.System, Label.Person] as const satisfies readonly Label[];

/**
 * A second label on every node of MENTIONABLE_LABELS, with an index on `id`: one statement
 * finds a mention's or a fact's target of any label by id (its own label filters the few
 * vocabulary ids two labels share, e.g. `qilin`), instead of one subquery per label. It is
 * not a type: a node's type is its primary label (`primaryLabel`), and it has no
 * uniqueness constraint of its own.
 */
export const MENTIONABLE = 'Mentionable';

/** Cypher for a node's type: its label other than MENTIONABLE. */
export const primaryLabel = (node: string) => `[l IN labels(${node}) WHERE l <> '${MENTIONABLE}'][0]`;
