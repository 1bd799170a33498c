import { Label } from '../../graph-schema/labels.ts';
import { Rel } from '../../graph-schema/relationships.ts';
import type { ExportNode, GraphExport, StixBundle } from '../routes/api/export/schemas.ts';
import type { EvidenceItem, GraphEdge } from '../schemas/evidence.ts';
import { uuidV5 } from './uuid-v5.ts';

/**
 * STIX 2.1 from a graph export. Ids are UUIDv5 of the graph's stable ids, so the same graph
 * always gives the same bundle. Mapping:
 * - Organization, Agency → identity (organization); Service, System → identity (system); Person → identity (individual)
 * - ThreatActor → threat-actor; Malware → malware (family); Technique, AccessVector → attack-pattern
 *   (with a mitre-attack external reference when the vocabulary has an ATT&CK id); Control → course-of-action
 * - Incident → incident; each Document → report whose object_refs are what it gives evidence for
 * - fact relationships → relationship objects (targets, attributed-to, uses, impacts, …), plus
 *   threat-actor targets identity and threat-actor uses attack-pattern derived through an incident.
 * Evidence goes into `description` (the first sentence) and `x_kg_evidence`.
 */

/** Namespace of this project's STIX ids (UUIDv5 of the URL namespace and the project name). */
export const STIX_NAMESPACE = uuidV5('https://github.com/jp-incident-graph/stix', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');

type StixObject = Record<string, unknown> & { type: string; id: string };

const SDO_TYPES: Partial<Record<string, string>> = {
  [Label.Organization]: 'identity',
  [Label.Agency]: 'identity',
  [Label.Service]: 'identity',
  [Label.System]: 'identity',
  [Label.Person]: 'identity',
  [Label.ThreatActor]: 'threat-actor',
  [Label.Malware]: 'malware',
  [Label.Technique]: 'attack-pattern',
  [Label.AccessVector]: 'attack-pattern',
  [Label.Control]: 'course-of-action',
  [Label.Incident]: 'incident',
};

const RELATIONSHIP_TYPES: Partial<Record<string, string>> = {
  [Rel.VICTIM]: 'targets',
  [Rel.ATTRIBUTED_TO]: 'attributed-to',
  [Rel.INVOLVED]: 'uses',
  [Rel.INITIAL_ACCESS_VIA]: 'uses',
  [Rel.USED_TECHNIQUE]: 'uses',
  [Rel.LACKED_CONTROL]: 'lacked-control',
  [Rel.REMEDIATED_WITH]: 'remediated-with',
  [Rel.IMPACTED]: 'impacts',
  [Rel.USES]: 'uses',
  [Rel.SUBSIDIARY_OF]: 'subsidiary-of',
  [Rel.OUTSOURCES_TO]: 'outsources-to',
  [Rel.OPERATES]: 'operates',
};

const EPOCH = '1970-01-01T00:00:00.000Z';
const timestamp = (date: string | null | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : null);
export const stixId = (type: string, key: string) => `${type}--${uuidV5(`${type}:${key}`, STIX_NAMESPACE)}`;

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
const nonEmpty = <T>(list: T[]) => (list.length > 0 ? list : undefined);
/** Drops undefined values: STIX forbids empty lists and nulls. */
const compact = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as StixObject;

function attackReference(attackId: string) {
  const [technique, sub] = attackId.split('.');
  return {
    source_name: 'mitre-attack',
    external_id: attackId,
    url: `https://attack.mitre.org/techniques/${technique}/${sub ? `${sub}/` : ''}`,
  };
}

function sdoFor(node: ExportNode, created: string): StixObject | null {
  const type = SDO_TYPES[node.label];
  if (!type) return null;
  const p = node.properties;
  const name = str(p.name) ?? node.name ?? node.id;
  const aliases = (Array.isArray(p.aliases) ? (p.aliases as unknown[]) : []).filter((a): a is string => typeof a === 'string' && a !== name);
  const common = { type, spec_version: '2.1', id: stixId(type, node.key), created, modified: created, x_kg_id: node.id };
  switch (node.label) {
    case Label.Organization:
    case Label.Agency:
      return compact({ ...common, name, identity_class: 'organization', description: str(p.kind) ? `kind: ${p.kind}` : undefined });
    case Label.Service:
    case Label.System:
      return compact({ ...common, name, identity_class: 'system' });
    case Label.Person:
      return compact({ ...common, name, identity_class: 'individual', roles: str(p.role) ? [p.role] : undefined });
    case Label.ThreatActor:
      return compact({ ...common, name, aliases: nonEmpty(aliases), description: str(p.description) });
    case Label.Malware:
      return compact({ ...common, name, is_family: true, aliases: nonEmpty(aliases), description: str(p.description) });
    case Label.Technique:
    case Label.AccessVector:
      return compact({
        ...common,
        name,
        aliases: nonEmpty(aliases),
        description: str(p.description) ?? str(p.nameJa),
        external_references: str(p.attackId) ? [attackReference(p.attackId as string)] : undefined,
      });
    case Label.Control:
      return compact({ ...common, name, description: str(p.description) ?? str(p.nameJa) });
    case Label.Incident:
      return compact({ ...common, name: str(p.title) ?? name, description: str(p.summary) });
    default:
      return null;
  }
}

function evidenceProperty(evidence: readonly EvidenceItem[]) {
  return nonEmpty(
    evidence.map((e) =>
      compact({ doc_id: e.docId, title: e.title ?? undefined, sentence: e.sentence ?? undefined, start: e.start ?? undefined, end: e.end ?? undefined, confidence: e.confidence ?? undefined }),
    ),
  );
}

export function toStixBundle(data: GraphExport): StixBundle {
  const docDates = new Map(data.documents.map((d) => [d.id, timestamp(d.publishedAt)]));
  const allDates = [...docDates.values()].filter((d): d is string => d !== null).sort();
  const fallback = allDates[0] ?? EPOCH;
  const earliest = (evidence: readonly EvidenceItem[]) =>
    evidence.map((e) => timestamp(e.publishedAt) ?? docDates.get(e.docId) ?? null).filter((d): d is string => d !== null).sort()[0];

  const edgesByNode = new Map<string, GraphEdge[]>();
  for (const edge of data.edges) {
    for (const key of [edge.sourceKey, edge.targetKey]) edgesByNode.set(key, [...(edgesByNode.get(key) ?? []), edge]);
  }
  const createdOf = (key: string) => earliest((edgesByNode.get(key) ?? []).flatMap((e) => e.evidence)) ?? fallback;

  const sdos = new Map<string, StixObject>();
  for (const node of data.nodes) {
    const sdo = sdoFor(node, createdOf(node.key));
    if (sdo) sdos.set(node.key, sdo);
  }

  const relationships = new Map<string, StixObject>();
  /** Which STIX objects each document gives evidence for. */
  const refsByDoc = new Map<string, Set<string>>();
  const cite = (evidence: readonly EvidenceItem[], ...ids: string[]) => {
    for (const e of evidence) {
      const refs = refsByDoc.get(e.docId) ?? new Set<string>();
      ids.forEach((id) => refs.add(id));
      refsByDoc.set(e.docId, refs);
    }
  };
  const addRelationship = (type: string, source: StixObject, target: StixObject, evidence: readonly EvidenceItem[], note?: string) => {
    const key = `${source.id}|${type}|${target.id}`;
    const existing = relationships.get(key);
    if (existing) {
      const merged = [...((existing.x_kg_evidence as unknown[]) ?? []), ...(evidenceProperty([...evidence]) ?? [])];
      existing.x_kg_evidence = merged.length > 0 ? merged : undefined;
      cite(evidence, existing.id);
      return;
    }
    const created = earliest(evidence) ?? fallback;
    const first = evidence.find((e) => e.sentence)?.sentence ?? undefined;
    const rel = compact({
      type: 'relationship',
      spec_version: '2.1',
      id: stixId('relationship', key),
      created,
      modified: created,
      relationship_type: type,
      source_ref: source.id,
      target_ref: target.id,
      description: [note, first].filter(Boolean).join(' — ') || undefined,
      x_kg_evidence: evidenceProperty([...evidence]),
    });
    relationships.set(key, rel);
    cite(evidence, rel.id, source.id, target.id);
  };

  for (const edge of data.edges) {
    const type = RELATIONSHIP_TYPES[edge.type];
    const source = sdos.get(edge.sourceKey);
    const target = sdos.get(edge.targetKey);
    if (type && source && target) addRelationship(type, source, target, edge.evidence);
  }

  // Through an incident: its actors target its victims and use its techniques and malware.
  const outgoing = (incidentKey: string, rel: string) => data.edges.filter((e) => e.sourceKey === incidentKey && e.type === rel);
  for (const node of data.nodes) {
    if (node.label !== Label.Incident) continue;
    const incidentName = node.name ?? node.id;
    for (const attribution of outgoing(node.key, Rel.ATTRIBUTED_TO)) {
      const actor = sdos.get(attribution.targetKey);
      if (!actor) continue;
      for (const victim of outgoing(node.key, Rel.VICTIM)) {
        const identity = sdos.get(victim.targetKey);
        if (identity) addRelationship('targets', actor, identity, [...attribution.evidence, ...victim.evidence], `via incident ${incidentName}`);
      }
      for (const rel of [Rel.USED_TECHNIQUE, Rel.INITIAL_ACCESS_VIA, Rel.INVOLVED] as const) {
        for (const used of outgoing(node.key, rel)) {
          const target = sdos.get(used.targetKey);
          if (target && target.id !== actor.id) addRelationship('uses', actor, target, [...attribution.evidence, ...used.evidence], `via incident ${incidentName}`);
        }
      }
    }
  }

  const reports: StixObject[] = [];
  for (const doc of data.documents) {
    const refs = new Set(refsByDoc.get(doc.id) ?? []);
    for (const incidentId of doc.incidents) {
      const incident = sdos.get(`${Label.Incident}:${incidentId}`);
      if (incident) refs.add(incident.id);
    }
    if (refs.size === 0) continue;
    const published = timestamp(doc.publishedAt) ?? fallback;
    reports.push(
      compact({
        type: 'report',
        spec_version: '2.1',
        id: stixId('report', doc.id),
        created: published,
        modified: published,
        name: doc.title ?? doc.source ?? doc.id,
        published,
        report_types: ['threat-report'],
        object_refs: [...refs].sort(),
        external_references: doc.url ? [{ source_name: doc.publisher ?? 'source', url: doc.url }] : undefined,
        x_kg_id: doc.id,
        x_kg_source: doc.source ?? undefined,
      }),
    );
  }

  const objects = [...sdos.values(), ...relationships.values(), ...reports].sort((a, b) => a.id.localeCompare(b.id));
  const bundleId = `bundle--${uuidV5(objects.map((o) => o.id).join(','), STIX_NAMESPACE)}`;
  return objects.length > 0 ? { type: 'bundle', id: bundleId, objects } : { type: 'bundle', id: bundleId };
}
