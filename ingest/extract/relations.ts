import { Label } from '../../graph-schema/labels.ts';
import { Rel, type FactRel } from '../../graph-schema/relationships.ts';
import { ids, type NodeId } from '../../graph-schema/ids.ts';
import type {
  DateMention,
  Mention,
  OrganizationMention,
  ParsedDocument,
  PersonMention,
  QuantityMention,
  Sentence,
} from '../records.ts';
import { resolveOrganization, resolveService, type ResolvedOrganization } from '../resolve/resolve-organizations.ts';
import {
  ACCOUNT_CUE,
  CONTRACTOR_CUE,
  DATA_CATEGORIES,
  IMPACT_CUE,
  INCIDENT_CUE,
  INTRUSION_CUE,
  LEAK_ASSERTED,
  LEAK_CUE,
  LEAK_HEDGED,
  RECORD_CUE,
  REMEDIATION_VERB,
} from './cue-words.ts';
import { polarityOf, sentenceDenies } from './polarity.ts';
import { MALWARE } from '../../graph-schema/vocabularies/index.ts';

export interface EvidenceDraft {
  readonly sentenceIndex: number;
  readonly start: number;
  readonly end: number;
  readonly extractor: string;
  readonly confidence: number;
}

export interface EntityDraft {
  readonly label: Label;
  readonly id: NodeId;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly props: Readonly<Record<string, string | null>>;
}

export interface MentionDraft extends EvidenceDraft {
  readonly label: Label;
  readonly entityId: NodeId;
  /** How the surface was resolved to the entity (explains merges). */
  readonly resolution: string;
}

export interface IncidentFactDraft {
  readonly rel: FactRel;
  readonly targetLabel: Label;
  readonly targetId: NodeId;
  readonly evidence: EvidenceDraft;
}

export interface EntityFactDraft {
  readonly rel: FactRel;
  readonly fromLabel: Label;
  readonly fromId: NodeId;
  readonly toLabel: Label;
  readonly toId: NodeId;
  readonly evidence: EvidenceDraft;
}

export interface EventDraft {
  readonly date: string;
  readonly dateEnd: string | null;
  readonly kind: EventKind;
  readonly name: string;
  readonly evidence: EvidenceDraft;
}

export interface BreachDraft {
  readonly records: number | null;
  readonly categories: readonly string[];
  readonly status: 'confirmed' | 'possible';
  readonly evidence: EvidenceDraft;
}

export interface IncidentDraft {
  readonly victim: ResolvedOrganization;
  readonly title: string;
  readonly discoveredAt: string | null;
  readonly startedAt: string | null;
  readonly summary: string;
  readonly contractorInvolved: boolean;
  readonly evidence: EvidenceDraft;
}

export interface DocumentFacts {
  readonly entities: readonly EntityDraft[];
  readonly mentions: readonly MentionDraft[];
  readonly incident: IncidentDraft | null;
  readonly incidentFacts: readonly IncidentFactDraft[];
  readonly entityFacts: readonly EntityFactDraft[];
  readonly events: readonly EventDraft[];
  readonly breach: BreachDraft | null;
  readonly warnings: readonly string[];
}

export interface RelationInput {
  readonly document: ParsedDocument;
  readonly sentences: readonly Sentence[];
  readonly vocabulary: readonly Mention[];
  readonly organizations: readonly OrganizationMention[];
  readonly people: readonly PersonMention[];
  readonly dates: readonly DateMention[];
  readonly quantities: readonly QuantityMention[];
}

export type EventKind = 'detected' | 'intrusion' | 'outage' | 'leak' | 'claim' | 'recovery' | 'disclosure' | 'report' | 'other';

const EVENT_KINDS: ReadonlyArray<readonly [EventKind, RegExp]> = [
  ['intrusion', /(侵入|不正アクセスを受け|不正ログイン|感染した)/],
  ['detected', /(検知|発覚|判明|確認し|確認され|気づ|認識|表面化|異常)/],
  ['claim', /(犯行声明|リークサイト|ダークウェブ)/],
  ['outage', /(停止|障害|休止|中断|見合わせ)/],
  ['leak', /(流出|漏えい|漏洩|窃取|公開され)/],
  ['recovery', /(再開|復旧|回復)/],
  ['report', /(個人情報保護委員会|警察|報告|届出|相談)/],
  ['disclosure', /(公表|お知らせ|発表|第\d+報)/],
];

const VOCAB_LABEL: Record<Mention['kind'], Label> = {
  organization: Label.Organization,
  service: Label.Service,
  system: Label.System,
  person: Label.Person,
  agency: Label.Agency,
  'threat-actor': Label.ThreatActor,
  malware: Label.Malware,
  'access-vector': Label.AccessVector,
  technique: Label.Technique,
  control: Label.Control,
};

const MALWARE_IDS = new Set<string>(MALWARE.map((m) => m.id));

function evidenceOf(span: { start: number; end: number; sentenceIndex: number }, extractor: string, confidence: number): EvidenceDraft {
  return { sentenceIndex: span.sentenceIndex, start: span.start, end: span.end, extractor, confidence };
}

function addDays(iso: string, days: number): number {
  return Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
}

/**
 * Builds the facts of one document from its mentions: who the victim is, how they were
 * entered, what they lacked and will add, who else was hit, when, and what leaked.
 * Pure: the same input always gives the same facts.
 */
export function extractRelations(input: RelationInput): DocumentFacts {
  const { document, sentences } = input;
  const sentenceAt = (index: number): Sentence => sentences[index]!;
  const entities = new Map<string, EntityDraft>();
  const mentions: MentionDraft[] = [];
  const incidentFacts: IncidentFactDraft[] = [];
  const entityFacts: EntityFactDraft[] = [];
  const warnings: string[] = [];

  const addEntity = (entity: EntityDraft) => {
    const key = `${entity.label}|${entity.id}`;
    const existing = entities.get(key);
    if (!existing) entities.set(key, entity);
    else if (!existing.aliases.includes(entity.name)) {
      entities.set(key, { ...existing, aliases: [...new Set([...existing.aliases, ...entity.aliases])] });
    }
  };

  // Vocabulary terms.
  for (const m of input.vocabulary) {
    const label = VOCAB_LABEL[m.kind];
    mentions.push({ ...evidenceOf(m, m.extractor, m.confidence), label, entityId: ids.vocabulary(m.key), resolution: `vocabulary:${m.surface}` });
  }

  // Organizations and services, resolved to canonical ids.
  const orgMentions: Array<{ org: ResolvedOrganization; mention: OrganizationMention }> = [];
  const serviceMentions: Array<{ id: NodeId; owner: ResolvedOrganization; mention: OrganizationMention }> = [];
  for (const m of dedupeSpans(input.organizations)) {
    const service = m.entity === 'service' ? resolveService(m.name) : null;
    if (service) {
      addEntity({ label: Label.Service, id: service.id, name: service.name, aliases: [m.surface], props: {} });
      addEntity({ label: Label.Organization, id: service.owner.id, name: service.owner.name, aliases: [service.owner.name], props: { kind: service.owner.kind } });
      mentions.push({ ...evidenceOf(m, 'gazetteer', 0.9), label: Label.Service, entityId: service.id, resolution: 'brand' });
      serviceMentions.push({ id: service.id, owner: service.owner, mention: m });
      entityFacts.push({
        rel: Rel.OPERATES,
        fromLabel: Label.Organization,
        fromId: service.owner.id,
        toLabel: Label.Service,
        toId: service.id,
        evidence: evidenceOf(m, 'brand-owner', 0.7),
      });
      continue;
    }
    const org = resolveOrganization(m.name, m.kind);
    addEntity({ label: Label.Organization, id: org.id, name: org.name, aliases: [m.surface], props: { kind: org.kind } });
    mentions.push({ ...evidenceOf(m, 'organization', 0.85), label: Label.Organization, entityId: org.id, resolution: org.rule });
    orgMentions.push({ org, mention: m });
  }

  for (const p of input.people) {
    const id = ids.person(p.name);
    addEntity({ label: Label.Person, id, name: p.name, aliases: [], props: { role: p.role } });
    mentions.push({ ...evidenceOf(p, 'people', 0.8), label: Label.Person, entityId: id, resolution: 'exact' });
  }

  const hasIncident = sentences.some((s) => INCIDENT_CUE.test(s.text)) || INCIDENT_CUE.test(document.title);
  const victim = hasIncident ? chooseVictim(document, orgMentions, serviceMentions, sentences) : null;
  if (hasIncident && !victim) warnings.push('no victim organization found; no incident recorded');
  if (victim) addEntity({ label: Label.Organization, id: victim.org.id, name: victim.org.name, aliases: [victim.org.surface], props: { kind: victim.org.kind } });

  const spansBySentence = new Map<number, Array<readonly [number, number]>>();
  for (const m of input.vocabulary) {
    const s = sentenceAt(m.sentenceIndex);
    spansBySentence.set(m.sentenceIndex, [...(spansBySentence.get(m.sentenceIndex) ?? []), [m.start - s.start, m.end - s.start] as const]);
  }
  const polarity = (m: Mention) => {
    const s = sentenceAt(m.sentenceIndex);
    return polarityOf({
      text: s.text,
      mentionEnd: m.end - s.start,
      followingMentionSpans: spansBySentence.get(m.sentenceIndex),
      sectionKind: s.sectionKind,
    });
  };

  const clausePolarity = (m: Mention) => {
    const s = sentenceAt(m.sentenceIndex);
    return polarityOf({ text: s.text, mentionEnd: m.end - s.start, followingMentionSpans: spansBySentence.get(m.sentenceIndex), sectionKind: 'other' });
  };

  const fact = (rel: FactRel, targetLabel: Label, targetId: string, evidence: EvidenceDraft) =>
    incidentFacts.push({ rel, targetLabel, targetId: ids.vocabulary(targetId), evidence });

  let contractorInvolved = false;
  let ransomwareStated = false;
  if (victim) {
    for (const m of input.vocabulary) {
      const s = sentenceAt(m.sentenceIndex);
      const p = polarity(m);
      const remediationContext = s.sectionKind === 'remediation' || p === 'planned';
      switch (m.kind) {
        case 'threat-actor':
          // Speculation (「…ではないか」) and denial are reported, not facts.
          if (p === 'affirmed' || p === 'planned') fact(Rel.ATTRIBUTED_TO, Label.ThreatActor, m.key, evidenceOf(m, 'threat-actor', 0.9));
          break;
        case 'malware':
          if (m.key !== 'ransomware' && p === 'uncertain') break;
          if (p === 'negated' || (remediationContext && m.key === 'ransomware' && !INTRUSION_CUE.test(s.text) && !/(攻撃を受け|感染|被害)/.test(s.text))) break;
          if (m.key === 'ransomware' && p !== 'uncertain') ransomwareStated = true;
          fact(Rel.INVOLVED, Label.Malware, m.key, evidenceOf(m, 'malware', p === 'uncertain' ? 0.4 : 0.85));
          break;
        case 'access-vector': {
          // 「原因及び再発防止策」 sections state the cause too, so the clause decides, not the section.
          const own = clausePolarity(m);
          if (own === 'planned' || own === 'negated') break;
          // A loss or theft is its own way in; everything else needs words of intrusion.
          if (m.key !== 'physical' && !INTRUSION_CUE.test(s.text) && s.sectionKind !== 'cause') break;
          fact(Rel.INITIAL_ACCESS_VIA, Label.AccessVector, m.key, evidenceOf(m, 'access-vector', own === 'uncertain' ? 0.5 : 0.75));
          break;
        }
        case 'technique': {
          const own = clausePolarity(m);
          if (own === 'planned' || own === 'negated') break;
          fact(Rel.USED_TECHNIQUE, Label.Technique, m.key, evidenceOf(m, 'technique', own === 'uncertain' ? 0.5 : 0.75));
          break;
        }
        case 'control':
          if (p === 'negated') fact(Rel.LACKED_CONTROL, Label.Control, m.key, evidenceOf(m, 'control-polarity', 0.8));
          else if (p === 'planned' || (s.sectionKind === 'remediation' && REMEDIATION_VERB.test(s.text)))
            fact(Rel.REMEDIATED_WITH, Label.Control, m.key, evidenceOf(m, 'control-polarity', 0.75));
          break;
        default:
          break;
      }
    }

    // 「業務委託先の管理者アカウントが不正利用」: contractor + account + intrusion in one sentence.
    for (const s of sentences) {
      const contractor = CONTRACTOR_CUE.exec(s.text);
      if (!contractor || s.sectionKind === 'remediation') continue;
      if (!INCIDENT_CUE.test(s.text) && !INTRUSION_CUE.test(s.text)) continue;
      contractorInvolved = true;
      const evidence = evidenceOf({ start: s.start + contractor.index, end: s.start + contractor.index + contractor[0].length, sentenceIndex: s.index }, 'contractor-account', 0.8);
      if (ACCOUNT_CUE.test(s.text) && INTRUSION_CUE.test(s.text)) fact(Rel.INITIAL_ACCESS_VIA, Label.AccessVector, 'contractor-account', evidence);
    }

    // Threat actors named with ransomware: the group uses its own encryptor.
    for (const actorFact of incidentFacts.filter((f) => f.rel === Rel.ATTRIBUTED_TO)) {
      if (!ransomwareStated || !MALWARE_IDS.has(actorFact.targetId)) continue;
      fact(Rel.INVOLVED, Label.Malware, actorFact.targetId, { ...actorFact.evidence, extractor: 'actor-malware', confidence: 0.7 });
      entityFacts.push({
        rel: Rel.USES,
        fromLabel: Label.ThreatActor,
        fromId: actorFact.targetId,
        toLabel: Label.Malware,
        toId: actorFact.targetId,
        evidence: { ...actorFact.evidence, extractor: 'actor-malware', confidence: 0.7 },
      });
    }

    addOrganizationRelations(victim.org, orgMentions, serviceMentions, sentences, incidentFacts, entityFacts);
  }

  const events = victim ? buildEvents(input.dates, sentences) : [];
  const breach = victim ? buildBreach(input.quantities, sentences, document.format) : null;
  const lowerBound = document.publishedAt ? addDays(document.publishedAt, -730) : -Infinity;
  const upperBound = document.publishedAt ? addDays(document.publishedAt, 1) : Infinity;
  // A disclosure tells its own incident, often going back in time (「12日に判明…10日から」),
  // so its earliest date wins; an article opens with the news, and earlier dates further
  // down are usually background (other, past incidents), so reading order wins there.
  const inReadingOrder = events
    .filter((e) => ['detected', 'intrusion', 'outage', 'leak', 'other'].includes(e.kind))
    .filter((e) => INCIDENT_CUE.test(sentenceAt(e.evidence.sentenceIndex).text) || INCIDENT_CUE.test(sentences[e.evidence.sentenceIndex + 1]?.text ?? ''))
    .map((e) => e.date)
    .filter((d) => Date.parse(`${d}T00:00:00Z`) >= lowerBound && Date.parse(`${d}T00:00:00Z`) <= upperBound);
  const incidentDates = document.format === 'disclosure' ? [...inReadingOrder].sort() : inReadingOrder;
  const intrusionDates = events.filter((e) => e.kind === 'intrusion').map((e) => e.date).sort();

  const incident: IncidentDraft | null = victim
    ? {
        victim: victim.org,
        title: document.title,
        discoveredAt: incidentDates[0] ?? null,
        startedAt: intrusionDates[0] ?? null,
        summary: (sentences.find((s) => s.start >= document.bodyStart && INCIDENT_CUE.test(s.text))?.text ?? document.title).slice(0, 300),
        contractorInvolved: contractorInvolved || incidentFacts.some((f) => f.targetId === 'contractor-account'),
        evidence: victim.evidence,
      }
    : null;

  return {
    entities: [...entities.values()],
    mentions,
    incident,
    incidentFacts: dedupeFacts(incidentFacts),
    entityFacts: dedupeEntityFacts(entityFacts),
    events,
    breach,
    warnings,
  };
}

function dedupeSpans(mentions: readonly OrganizationMention[]): OrganizationMention[] {
  // Prefer the longest mention where two overlap (ASKUL LOGIST over ASKUL).
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: OrganizationMention[] = [];
  for (const m of sorted) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Co-published notices name the parent first (「株式会社A、株式会社B」); brackets add a site or brand. */
function firstPublisher(publisher: string): string {
  return publisher.split(/[、,]/)[0]!.replace(/\s*[(（].*$/, '').trim() || publisher;
}

function chooseVictim(
  document: ParsedDocument,
  orgs: ReadonlyArray<{ org: ResolvedOrganization; mention: OrganizationMention }>,
  services: ReadonlyArray<{ owner: ResolvedOrganization; mention: OrganizationMention }>,
  sentences: readonly Sentence[],
): { org: ResolvedOrganization; evidence: EvidenceDraft } | null {
  if (document.publisher) {
    const org = resolveOrganization(firstPublisher(document.publisher));
    // Evidence: the body's first mention of the victim when there is one, else the header line.
    const names = [org.surface, org.name, ...orgs.filter((o) => o.org.id === org.id).map((o) => o.mention.surface)];
    const inBody = orgs.find((o) => o.org.id === org.id && o.mention.start >= document.bodyStart);
    if (inBody) return { org, evidence: evidenceOf(inBody.mention, 'publisher', 0.9) };
    const at = Math.max(0, ...names.map((n) => document.text.indexOf(n)).filter((i) => i >= 0).slice(0, 1));
    const length = names.find((n) => document.text.startsWith(n, at))?.length ?? document.publisher.length;
    return { org, evidence: { sentenceIndex: -1, start: at, end: at + length, extractor: 'publisher', confidence: 0.9 } };
  }
  // Articles: the organization named in the title, else the most mentioned one in incident sentences.
  const candidates = [
    ...orgs.map((o) => ({ org: o.org, mention: o.mention })),
    ...services.map((s) => ({ org: s.owner, mention: s.mention })),
  ].filter((c) => c.org.kind !== 'government' || /(市|町|村|県|区)/.test(c.org.name));
  if (candidates.length === 0) return null;
  const inTitle = candidates.filter((c) => c.mention.start < document.bodyStart).sort((a, b) => a.mention.start - b.mention.start)[0];
  const counts = new Map<string, { n: number; first: (typeof candidates)[number] }>();
  for (const c of candidates) {
    const s = sentences[c.mention.sentenceIndex];
    if (!s || !INCIDENT_CUE.test(s.text)) continue;
    const entry = counts.get(c.org.id) ?? { n: 0, first: c };
    entry.n += 1;
    counts.set(c.org.id, entry);
  }
  const best = inTitle ?? [...counts.values()].sort((a, b) => b.n - a.n || a.first.mention.start - b.first.mention.start)[0]?.first;
  if (!best) return null;
  return { org: best.org, evidence: evidenceOf(best.mention, inTitle ? 'title-organization' : 'most-mentioned-organization', inTitle ? 0.8 : 0.6) };
}

function addOrganizationRelations(
  victim: ResolvedOrganization,
  orgs: ReadonlyArray<{ org: ResolvedOrganization; mention: OrganizationMention }>,
  services: ReadonlyArray<{ id: NodeId; owner: ResolvedOrganization; mention: OrganizationMention }>,
  sentences: readonly Sentence[],
  incidentFacts: IncidentFactDraft[],
  entityFacts: EntityFactDraft[],
): void {
  for (const s of sentences) {
    const here = orgs.filter((o) => o.mention.sentenceIndex === s.index);
    const hereServices = services.filter((o) => o.mention.sentenceIndex === s.index);
    const impactSentence = IMPACT_CUE.test(s.text) && s.sectionKind !== 'remediation';
    if (impactSentence) {
      for (const o of here) {
        if (o.org.id === victim.id || o.org.kind === 'government') continue;
        incidentFacts.push({ rel: Rel.IMPACTED, targetLabel: Label.Organization, targetId: o.org.id, evidence: evidenceOf(o.mention, 'impact-cue', 0.65) });
      }
      for (const svc of hereServices) {
        incidentFacts.push({ rel: Rel.IMPACTED, targetLabel: Label.Service, targetId: svc.id, evidence: evidenceOf(svc.mention, 'impact-cue', 0.7) });
        if (svc.owner.id !== victim.id) {
          incidentFacts.push({ rel: Rel.IMPACTED, targetLabel: Label.Organization, targetId: svc.owner.id, evidence: evidenceOf(svc.mention, 'brand-owner', 0.65) });
        }
      }
    }
    // 「BはAの子会社」「Aの物流子会社B」「Aの子会社であるB」
    if (/子会社/.test(s.text) && here.length >= 2) {
      const at = s.start + s.text.indexOf('子会社');
      const before = here.filter((o) => o.mention.end <= at);
      const after = here.filter((o) => o.mention.start >= at);
      const parent = before.at(-1);
      const childFirst = /は[^、。]*の[^、。]{0,6}子会社/.test(s.text);
      const child = childFirst ? before[0] : after[0];
      if (parent && child && parent.org.id !== child.org.id) {
        entityFacts.push({ rel: Rel.SUBSIDIARY_OF, fromLabel: Label.Organization, fromId: child.org.id, toLabel: Label.Organization, toId: parent.org.id, evidence: evidenceOf(child.mention, 'subsidiary-pattern', 0.7) });
      }
    }
    // 「AはBに物流業務を委託」: the contractor stands just before に…委託; the client is the
    // sentence's topic (「無印良品は」 → the brand's owner), else the victim. 「委託した実績はありません」 is no link.
    const outsourcing = /(委託|委ね)/.exec(s.text);
    if (outsourcing) {
      const at = s.start + outsourcing.index;
      const denied = polarityOf({ text: s.text, mentionEnd: outsourcing.index + outsourcing[0].length, sectionKind: 'other' }) === 'negated';
      const contractor = here.filter((o) => o.mention.end <= at).at(-1);
      const parties = [
        ...here.map((o) => ({ org: o.org, mention: o.mention })),
        ...hereServices.map((svc) => ({ org: svc.owner, mention: svc.mention })),
      ].sort((a, b) => a.mention.start - b.mention.start);
      const topic = parties.find((p) => p.mention.end <= (contractor?.mention.start ?? at) && /^[」』)]?(は|では|も)/.test(s.text.slice(p.mention.end - s.start)));
      const client = topic?.org ?? victim;
      if (!denied && contractor && contractor.org.id !== client.id && at - contractor.mention.end <= 15) {
        entityFacts.push({ rel: Rel.OUTSOURCES_TO, fromLabel: Label.Organization, fromId: client.id, toLabel: Label.Organization, toId: contractor.org.id, evidence: evidenceOf(contractor.mention, 'outsourcing-pattern', 0.65) });
      }
    }
  }
}

function buildEvents(dates: readonly DateMention[], sentences: readonly Sentence[]): EventDraft[] {
  const events: EventDraft[] = [];
  for (const d of dates) {
    const s = sentences[d.sentenceIndex];
    if (!s) continue;
    // A date often opens the story (「異常が表面化したのは9月12日だった。」) and the next
    // sentence says what happened, so the event reads both.
    const next = sentences[d.sentenceIndex + 1];
    const context = next && next.sectionIndex === s.sectionIndex ? `${s.text}${next.text}` : s.text;
    const kind = EVENT_KINDS.find(([, cue]) => cue.test(s.text))?.[0] ?? EVENT_KINDS.find(([, cue]) => cue.test(context))?.[0] ?? 'other';
    if (kind === 'other' && !INCIDENT_CUE.test(context)) continue;
    events.push({
      date: d.date,
      dateEnd: d.dateEnd,
      kind,
      name: s.text.length > 120 ? `${s.text.slice(0, 117)}…` : s.text,
      evidence: evidenceOf(d, 'dates', d.precision === 'exact' ? 0.9 : 0.7),
    });
  }
  return events;
}

function buildBreach(quantities: readonly QuantityMention[], sentences: readonly Sentence[], format: ParsedDocument['format']): BreachDraft | null {
  const asserting = sentences.filter((s) => LEAK_ASSERTED.test(s.text) && !sentenceDenies(s.text) && s.sectionKind !== 'remediation');
  if (asserting.length === 0) return null;
  const categories = new Set<string>();
  for (const s of asserting) for (const [cue, name] of DATA_CATEGORIES) if (cue.test(s.text)) categories.add(name);
  // Counts are often listed under a heading (「流出した情報」 / 「件数：約30万名」), so a
  // section that talks about the leak qualifies its list lines too.
  const leakSections = new Set(sentences.filter((s) => LEAK_CUE.test(s.text) && !sentenceDenies(s.text)).map((s) => s.sectionIndex));
  let best: { q: QuantityMention; confirmed: boolean } | null = null;
  for (const q of quantities) {
    if (q.kind !== 'count' || !['件', '名', '人'].includes(q.unit)) continue;
    const s = sentences[q.sentenceIndex];
    if (!s || sentenceDenies(s.text) || s.sectionKind === 'remediation') continue;
    // An article's counts are often context (「法人顧客IDは約569万件」), so there the count's
    // own sentence must speak of the leak; a disclosure's counts are about its own incident.
    if (format === 'article' && !LEAK_CUE.test(s.text)) continue;
    const aboutLeak = LEAK_CUE.test(s.text) || /(対象|影響|可能性|不正アクセス|該当|件数|人数|人分)/.test(s.text);
    if (!aboutLeak && !(leakSections.has(s.sectionIndex) && (RECORD_CUE.test(s.text) || s.sectionKind === 'impact'))) continue;
    const confirmed = LEAK_ASSERTED.test(s.text) && !LEAK_HEDGED.test(s.text);
    if (!best || q.value > best.q.value) best = { q, confirmed };
  }
  // 「流出は確認されていません」 elsewhere in the text: records are exposed (lost, mis-sent), not known to have leaked.
  const leakDenied = sentences.some((s) => LEAK_CUE.test(s.text) && sentenceDenies(s.text));
  const anyConfirmed = !leakDenied && asserting.some((s) => !LEAK_HEDGED.test(s.text));
  if (best) {
    return {
      records: best.q.value,
      categories: [...categories],
      status: (best.confirmed && !leakDenied) || anyConfirmed ? 'confirmed' : 'possible',
      evidence: evidenceOf(best.q, 'quantities', best.q.approximate ? 0.75 : 0.85),
    };
  }
  const s = asserting.find((x) => !LEAK_HEDGED.test(x.text)) ?? asserting[0]!;
  return {
    records: null,
    categories: [...categories],
    status: leakDenied || LEAK_HEDGED.test(s.text) ? 'possible' : 'confirmed',
    evidence: { sentenceIndex: s.index, start: s.start, end: s.end, extractor: 'leak-cue', confidence: 0.6 },
  };
}

function dedupeFacts(facts: readonly IncidentFactDraft[]): IncidentFactDraft[] {
  const best = new Map<string, IncidentFactDraft>();
  for (const f of facts) {
    const key = `${f.rel}|${f.targetLabel}|${f.targetId}`;
    const current = best.get(key);
    if (!current || f.evidence.confidence > current.evidence.confidence) best.set(key, f);
  }
  return [...best.values()];
}

function dedupeEntityFacts(facts: readonly EntityFactDraft[]): EntityFactDraft[] {
  const best = new Map<string, EntityFactDraft>();
  for (const f of facts) {
    const key = `${f.rel}|${f.fromId}|${f.toId}`;
    const current = best.get(key);
    if (!current || f.evidence.confidence > current.evidence.confidence) best.set(key, f);
  }
  return [...best.values()];
}
