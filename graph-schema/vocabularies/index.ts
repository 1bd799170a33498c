export { ACCESS_VECTORS, type AccessVectorId } from './access-vectors.ts';
export { CONTROLS, type ControlId } from './controls.ts';
export { TECHNIQUES, type TechniqueId } from './techniques.ts';
export { THREAT_ACTORS, type ThreatActorId } from './threat-actors.ts';
export { MALWARE, type MalwareId } from './malware.ts';
export { AGENCIES, type AgencyId } from './agencies.ts';
export { VocabularyEntry, defineVocabulary } from './vocabulary-entry.ts';
export { KNOWN_ORGANIZATIONS, KNOWN_SERVICES, type KnownOrganization, type KnownService } from './known-organizations.ts';
