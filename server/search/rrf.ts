/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): an item's fused score is
 * Σ weight / (k + rank) over the lists it appears in (rank 1-based). It needs no score
 * calibration, which matters here: cosine similarities (≈0.8–0.9 for e5) and BM25 scores
 * (unbounded, query-dependent) are not comparable. k = 60 is the value the paper found
 * robust across collections; it keeps the top ranks of a list from dominating (rank 1 gets
 * 1/61, rank 10 gets 1/70), so an item both lists rank moderately beats one that only one
 * list ranks first. bench/search-eval.ts reports the effect of k and of the weights.
 */

export const RRF_K = 60;

export interface RankedList {
  /** Signal name, e.g. 'vector' or 'lexical'. */
  readonly name: string;
  /** Item ids, best first. A repeated id keeps its first (best) rank. */
  readonly ids: readonly string[];
  /** Multiplies this list's contributions. Default 1. */
  readonly weight?: number;
}

export interface FusedItem {
  readonly id: string;
  readonly fused: number;
  /** 1-based rank of the item in each list that has it. */
  readonly ranks: Readonly<Record<string, number>>;
}

/**
 * Fuses rankings into one, best first. Ties (equal fused score) go to the item with the
 * better best rank, then to the lower id, so the order is deterministic.
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k: number = RRF_K): FusedItem[] {
  if (!(k >= 0) || !Number.isFinite(k)) throw new Error(`RRF k must be a finite number >= 0, got ${k}`);
  const items = new Map<string, { fused: number; ranks: Record<string, number> }>();
  for (const list of lists) {
    const weight = list.weight ?? 1;
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new Error(`RRF weight of '${list.name}' must be a finite number >= 0, got ${weight}`);
    let rank = 0;
    for (const id of list.ids) {
      const item = items.get(id) ?? { fused: 0, ranks: {} };
      if (item.ranks[list.name] !== undefined) continue;
      rank += 1;
      item.ranks[list.name] = rank;
      item.fused += weight / (k + rank);
      items.set(id, item);
    }
  }
  const bestRank = (ranks: Record<string, number>) => Math.min(...Object.values(ranks));
  return [...items.entries()]
    .map(([id, item]) => ({ id, fused: item.fused, ranks: item.ranks }))
    .sort((a, b) => b.fused - a.fused || bestRank(a.ranks) - bestRank(b.ranks) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
