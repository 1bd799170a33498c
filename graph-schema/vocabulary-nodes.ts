import { Label } from './labels.ts';
import type { VocabularyNode } from './nodes.ts';
import { ACCESS_VECTORS, AGENCIES, CONTROLS, MALWARE, TECHNIQUES, THREAT_ACTORS } from './vocabularies/index.ts';
import type { VocabularyEntry } from './vocabularies/vocabulary-entry.ts';

export const VOCABULARIES: ReadonlyArray<{ label: Label; entries: readonly VocabularyEntry[] }> = [
  { label: Label.AccessVector, entries: ACCESS_VECTORS },
  { label: Label.Control, entries: CONTROLS },
  { label: Label.Technique, entries: TECHNIQUES },
  { label: Label.ThreatActor, entries: THREAT_ACTORS },
  { label: Label.Malware, entries: MALWARE },
  { label: Label.Agency, entries: AGENCIES },
];

export function vocabularyNode(entry: VocabularyEntry): VocabularyNode & { aliasText: string } {
  const aliases = [...new Set([entry.name, entry.nameJa, ...entry.aliases])];
  return {
    id: entry.id,
    name: entry.name,
    nameJa: entry.nameJa,
    aliases,
    aliasText: aliases.join(' '),
    attackId: entry.attackId ?? null,
    description: entry.description ?? null,
  };
}
