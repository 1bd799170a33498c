import { expect } from 'vitest';
import type { EvidenceItem } from '../../../../server/schemas/evidence.ts';

/** Every fact the API reports must say where it was read: document id and title, sentence, offsets. */
export function expectEvidence(evidence: readonly EvidenceItem[] | undefined): void {
  expect(evidence, 'a fact without evidence').toBeDefined();
  expect(evidence!.length, 'a fact without evidence').toBeGreaterThan(0);
  for (const item of evidence!) {
    expect(item.docId).toMatch(/\S/);
    expect(item.title, `document ${item.docId} has no title`).toMatch(/\S/);
    expect(item.sentence, `evidence from ${item.docId} has no sentence`).toMatch(/\S/);
    expect(typeof item.start).toBe('number');
    expect(typeof item.end).toBe('number');
    expect(item.end!).toBeGreaterThanOrEqual(item.start!);
  }
}
