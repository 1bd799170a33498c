import { describe, expect, it } from 'vitest';
import { fuseAndGroup, groupKeyOf, type ChunkHit } from '../../../../server/search/group-hits.ts';

const hit = (chunkId: string, incidentId: string | null = null, score = 1): ChunkHit => ({
  chunkId,
  docId: chunkId.split('#')[0]!,
  incidentId,
  score,
});

describe('groupKeyOf', () => {
  it('groups by incident when the document reports one, else by document', () => {
    expect(groupKeyOf({ docId: 'doc:1', incidentId: 'inc:a' })).toEqual({ kind: 'incident', id: 'inc:a', key: 'incident:inc:a' });
    expect(groupKeyOf({ docId: 'doc:1', incidentId: null })).toEqual({ kind: 'document', id: 'doc:1', key: 'document:doc:1' });
  });
});

describe('fuseAndGroup', () => {
  it('puts the reports of one incident into one result with all their documents', () => {
    const groups = fuseAndGroup([{ name: 'vector', hits: [hit('doc:r13#c2', 'inc:askul', 0.9), hit('doc:x#c0', null, 0.8), hit('doc:r1#c0', 'inc:askul', 0.7)] }]);
    expect(groups.map((g) => [g.kind, g.id])).toEqual([
      ['incident', 'inc:askul'],
      ['document', 'doc:x'],
    ]);
    expect(groups[0]?.docIds).toEqual(['doc:r13', 'doc:r1']);
    expect(groups[0]?.chunks.map((c) => c.chunkId)).toEqual(['doc:r13#c2', 'doc:r1#c0']);
  });

  it('ranks each signal by results, not chunks, and reports the best chunk score', () => {
    const groups = fuseAndGroup([
      { name: 'vector', hits: [hit('doc:a#c0', null, 0.9), hit('doc:a#c1', null, 0.85), hit('doc:b#c0', null, 0.8)] },
      { name: 'lexical', hits: [hit('doc:b#c3', null, 12), hit('doc:a#c1', null, 7)] },
    ]);
    const a = groups.find((g) => g.id === 'doc:a')!;
    const b = groups.find((g) => g.id === 'doc:b')!;
    expect(a.signals).toEqual({ vector: { rank: 1, score: 0.9 }, lexical: { rank: 2, score: 7 } });
    expect(b.signals).toEqual({ vector: { rank: 2, score: 0.8 }, lexical: { rank: 1, score: 12 } });
    expect(a.fused).toBeCloseTo(1 / 61 + 1 / 62);
  });

  it('at group level credits a document both signals find through different chunks', () => {
    const signals = [
      { name: 'vector', hits: [hit('doc:only-v#c0'), hit('doc:both#c0')] },
      { name: 'lexical', hits: [hit('doc:only-l#c0'), hit('doc:both#c5')] },
    ];
    expect(fuseAndGroup(signals, { level: 'group' })[0]?.id).toBe('doc:both');
    // Fusing chunks first, doc:both's two chunks each have one signal only.
    expect(fuseAndGroup(signals, { level: 'chunk' })[0]?.id).not.toBe('doc:both');
  });

  it('orders a result’s chunks by their own fused score', () => {
    const [group] = fuseAndGroup([
      { name: 'vector', hits: [hit('doc:a#c0'), hit('doc:a#c1')] },
      { name: 'lexical', hits: [hit('doc:a#c1')] },
    ]);
    expect(group?.chunks.map((c) => c.chunkId)).toEqual(['doc:a#c1', 'doc:a#c0']);
    expect(group?.chunks[0]?.signals).toEqual({ vector: { rank: 2, score: 1 }, lexical: { rank: 1, score: 1 } });
  });

  it('honours signal weights', () => {
    const signals = (vectorWeight: number) => [
      { name: 'vector', hits: [hit('doc:v#c0')], weight: vectorWeight },
      { name: 'lexical', hits: [hit('doc:l#c0')] },
    ];
    expect(fuseAndGroup(signals(2))[0]?.id).toBe('doc:v');
    expect(fuseAndGroup(signals(0.5))[0]?.id).toBe('doc:l');
  });

  it('returns nothing for no hits', () => {
    expect(fuseAndGroup([])).toEqual([]);
    expect(fuseAndGroup([{ name: 'vector', hits: [] }])).toEqual([]);
  });
});
