import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, RRF_K } from '../../../../server/search/rrf.ts';

describe('reciprocalRankFusion', () => {
  it('scores an item Σ weight / (k + rank) over the lists that have it', () => {
    const fused = reciprocalRankFusion([
      { name: 'vector', ids: ['a', 'b', 'c'] },
      { name: 'lexical', ids: ['b', 'd'] },
    ]);
    const b = fused.find((f) => f.id === 'b')!;
    expect(b.fused).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
    expect(b.ranks).toEqual({ vector: 2, lexical: 1 });
    expect(fused.map((f) => f.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('puts an item both lists rank moderately above one only one list ranks first', () => {
    const fused = reciprocalRankFusion([
      { name: 'vector', ids: ['top-vector', 'x', 'y', 'shared'] },
      { name: 'lexical', ids: ['top-lexical', 'p', 'q', 'shared'] },
    ]);
    expect(fused[0]?.id).toBe('shared');
  });

  it('applies weights', () => {
    const fused = reciprocalRankFusion([
      { name: 'vector', ids: ['a'], weight: 2 },
      { name: 'lexical', ids: ['b'], weight: 1 },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['a', 'b']);
    expect(fused[0]?.fused).toBeCloseTo(2 / 61);
  });

  it('keeps the first rank of a repeated id, without consuming a rank', () => {
    const [first, second] = reciprocalRankFusion([{ name: 'v', ids: ['a', 'a', 'b'] }]);
    expect(first).toMatchObject({ id: 'a', ranks: { v: 1 } });
    expect(second).toMatchObject({ id: 'b', ranks: { v: 2 } });
  });

  it('breaks ties by best rank, then by id', () => {
    const fused = reciprocalRankFusion([
      { name: 'v', ids: ['z', 'y'] },
      { name: 'l', ids: ['y', 'z'] },
      { name: 'w', ids: ['m'], weight: 0 },
    ]);
    expect(fused.map((f) => f.id)).toEqual(['y', 'z', 'm']);
  });

  it('returns nothing for no lists and rejects bad parameters', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(() => reciprocalRankFusion([], -1)).toThrow(/k must be/);
    expect(() => reciprocalRankFusion([{ name: 'v', ids: [], weight: Number.NaN }])).toThrow(/weight of 'v'/);
  });
});
