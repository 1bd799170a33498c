import { ids, type NodeId } from '../../graph-schema/ids.ts';
import { KNOWN_ORGANIZATIONS, KNOWN_SERVICES } from '../../graph-schema/vocabularies/index.ts';
import type { OrganizationKind } from '../records.ts';
import { coreName } from '../extract/organizations.ts';

export type ResolutionRule = 'gazetteer' | 'brand-owner' | 'legal-form' | 'prefecture-municipality' | 'exact';

const MUNICIPALITY_WITH_PREFECTURE = /^(?:北海道|東京都|(?:京都|大阪)府|[\p{Script=Han}]{2,3}県)(?<city>[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ヶケ々]{1,8}[市区町村])$/u;

export interface ResolvedOrganization {
  readonly id: NodeId;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly rule: ResolutionRule;
  readonly surface: string;
}

export interface ResolvedService {
  readonly id: NodeId;
  readonly name: string;
  readonly owner: ResolvedOrganization;
  readonly surface: string;
}

const KNOWN_BY_CORE = new Map<string, (typeof KNOWN_ORGANIZATIONS)[number]>();
for (const org of KNOWN_ORGANIZATIONS) {
  for (const name of [org.canonical, ...org.aliases]) KNOWN_BY_CORE.set(normalizeKey(coreName(name)), org);
}
const SERVICE_BY_ALIAS = new Map<string, (typeof KNOWN_SERVICES)[number]>();
for (const service of KNOWN_SERVICES) {
  for (const name of [service.name, ...service.aliases]) SERVICE_BY_ALIAS.set(normalizeKey(name), service);
}

function normalizeKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '').toLowerCase();
}

/**
 * One canonical organization per real entity. Ids come from the core name (legal form
 * removed), so 「アスクル」 and 「アスクル株式会社」 meet; the gazetteer adds names that do
 * not share a core (ASKUL, アサヒグループ). Names that merely share a word stay apart,
 * because only whole core names are compared.
 */
export function resolveOrganization(surface: string, kind: OrganizationKind = 'company'): ResolvedOrganization {
  // 「愛知県豊田市」 and 「豊田市」 are one city: a prefecture before a municipality is dropped.
  const municipality = MUNICIPALITY_WITH_PREFECTURE.exec(surface)?.groups?.['city'];
  if (municipality) {
    return { id: ids.organization(municipality), name: municipality, kind: 'government', rule: 'prefecture-municipality', surface };
  }
  const core = normalizeKey(coreName(surface));
  const known = KNOWN_BY_CORE.get(core);
  if (known) {
    const rule: ResolutionRule = known.canonical === surface ? 'exact' : 'gazetteer';
    return { id: ids.organization(coreName(known.canonical)), name: known.canonical, kind: known.kind, rule, surface };
  }
  const rule: ResolutionRule = core === normalizeKey(surface) ? 'exact' : 'legal-form';
  return { id: ids.organization(coreName(surface).replace(/[\s\u3000]/g, '')), name: surface, kind, rule, surface };
}

/** A brand or service, with the organization that runs it; null when unknown. */
export function resolveService(surface: string): ResolvedService | null {
  const service = SERVICE_BY_ALIAS.get(normalizeKey(surface));
  if (!service) return null;
  const owner = resolveOrganization(service.owner);
  return { id: ids.service(service.name), name: service.name, owner: { ...owner, rule: 'brand-owner' }, surface };
}

export function isKnownServiceName(surface: string): boolean {
  return SERVICE_BY_ALIAS.has(normalizeKey(surface));
}

/** Aliases the gazetteer knows for a canonical organization name (for typeahead). */
export function knownAliases(canonical: string): readonly string[] {
  return KNOWN_ORGANIZATIONS.find((org) => org.canonical === canonical)?.aliases ?? [];
}
