import { KNOWN_ORGANIZATIONS, KNOWN_SERVICES } from '../../graph-schema/vocabularies/index.ts';
import type { OrganizationMention, Sentence } from '../records.ts';

/**
 * Known organizations and brands written without a legal form (ロフト, 無印良品, ASKUL),
 * which the pattern-based organization extractor cannot see.
 */
const NAMES: ReadonlyArray<{ surface: string; entity: 'organization' | 'service'; kind: OrganizationMention['kind'] }> = [
  ...KNOWN_ORGANIZATIONS.flatMap((org) => [org.canonical, ...org.aliases].map((surface) => ({ surface, entity: 'organization' as const, kind: org.kind }))),
  ...KNOWN_SERVICES.flatMap((service) => [service.name, ...service.aliases].map((surface) => ({ surface, entity: 'service' as const, kind: 'company' as const }))),
].sort((a, b) => b.surface.length - a.surface.length);

const MATCHER = new RegExp(
  [...new Set(NAMES.map((n) => n.surface))].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);
const BY_SURFACE = new Map(NAMES.map((n) => [n.surface, n]));

export function extractGazetteerMentions(sentences: readonly Sentence[]): OrganizationMention[] {
  const found: OrganizationMention[] = [];
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(MATCHER)) {
      const name = BY_SURFACE.get(match[0]);
      if (!name) continue;
      const after = sentence.text[match.index + match[0].length];
      // ASKUL inside "ASKUL LOGIST" is the longer name's job; Latin names need word edges.
      if (/^[A-Za-z]/.test(match[0]) && after !== undefined && /[A-Za-z0-9]/.test(after)) continue;
      found.push({
        name: name.surface,
        surface: match[0],
        kind: name.kind,
        entity: name.entity,
        start: sentence.start + match.index,
        end: sentence.start + match.index + match[0].length,
        sentenceIndex: sentence.index,
      });
    }
  }
  return found;
}
