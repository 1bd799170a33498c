/**
 * From chunk rankings (one per signal) to ranked results: chunks are grouped by document,
 * and documents that REPORT the same incident become one incident result. Pure: the hits
 * come from Neo4j, the grouping and fusion happen here.
 */
import { reciprocalRankFusion, RRF_K, type RankedList } from './rrf.ts';

/** One chunk a signal returned, with what it belongs to. */
export interface ChunkHit {
  readonly chunkId: string;
  readonly docId: string;
  /** The incident the chunk's document reports, if any. */
  readonly incidentId: string | null;
  /** The signal's own score (cosine similarity, BM25). */
  readonly score: number;
}

export interface SignalHits {
  readonly name: string;
  /** Best first. */
  readonly hits: readonly ChunkHit[];
  /** RRF weight of this signal. Default 1. */
  readonly weight?: number;
}

export interface SignalRank {
  /** 1-based rank of the result among this signal's results (grouped the same way). */
  readonly rank: number;
  /** The signal's score of the result's best chunk. */
  readonly score: number;
}

export interface GroupedChunk {
  readonly chunkId: string;
  readonly docId: string;
  /** The chunk's own RRF score over the chunk rankings. */
  readonly fused: number;
  readonly signals: Readonly<Record<string, SignalRank>>;
}

export interface HitGroup {
  readonly kind: 'incident' | 'document';
  /** Incident id or document id. */
  readonly id: string;
  readonly fused: number;
  readonly signals: Readonly<Record<string, SignalRank>>;
  /** Documents of the group that some signal returned, in order of their best chunk. */
  readonly docIds: readonly string[];
  /** The group's chunks, best (highest chunk-level fused score) first. */
  readonly chunks: readonly GroupedChunk[];
}

export interface GroupOptions {
  /** RRF constant. Default 60. */
  readonly k?: number;
  /**
   * 'group' (default): each signal's chunk ranking is first collapsed to a result ranking
   * (a result ranks where its best chunk ranks), then those rankings are fused, so a
   * document that one signal finds by one passage and the other by another passage gets
   * both contributions. 'chunk': chunks are fused, and a result scores as its best chunk.
   */
  readonly level?: 'group' | 'chunk';
}

/** The result a chunk belongs to: its incident if its document reports one, else its document. */
export function groupKeyOf(hit: Pick<ChunkHit, 'docId' | 'incidentId'>): { kind: 'incident' | 'document'; id: string; key: string } {
  return hit.incidentId ? { kind: 'incident', id: hit.incidentId, key: `incident:${hit.incidentId}` } : { kind: 'document', id: hit.docId, key: `document:${hit.docId}` };
}

/** Fuses the signals' chunk rankings and groups them into results, best first. */
export function fuseAndGroup(signals: readonly SignalHits[], options: GroupOptions = {}): HitGroup[] {
  const k = options.k ?? RRF_K;
  const level = options.level ?? 'group';

  // Chunk level: every chunk's fused score and per-signal rank/score.
  const chunkFusion = reciprocalRankFusion(
    signals.map((s): RankedList => ({ name: s.name, ids: s.hits.map((h) => h.chunkId), weight: s.weight ?? 1 })),
    k,
  );
  const hitOf = new Map<string, ChunkHit>();
  const chunkScores = new Map<string, Record<string, number>>();
  for (const signal of signals) {
    for (const hit of signal.hits) {
      if (!hitOf.has(hit.chunkId)) hitOf.set(hit.chunkId, hit);
      const scores = chunkScores.get(hit.chunkId) ?? {};
      scores[signal.name] ??= hit.score;
      chunkScores.set(hit.chunkId, scores);
    }
  }

  // Result level: each signal's ranking of results (where its best chunk ranks).
  const groupSignals = new Map<string, Record<string, SignalRank>>();
  const groupLists: RankedList[] = [];
  for (const signal of signals) {
    const order: string[] = [];
    for (const hit of signal.hits) {
      const { key } = groupKeyOf(hit);
      const ranks = groupSignals.get(key) ?? {};
      if (ranks[signal.name] === undefined) {
        order.push(key);
        ranks[signal.name] = { rank: order.length, score: hit.score };
        groupSignals.set(key, ranks);
      }
    }
    groupLists.push({ name: signal.name, ids: order, weight: signal.weight ?? 1 });
  }

  const groups = new Map<string, { kind: 'incident' | 'document'; id: string; chunks: GroupedChunk[]; docIds: string[] }>();
  for (const fusedChunk of chunkFusion) {
    const hit = hitOf.get(fusedChunk.id)!;
    const { kind, id, key } = groupKeyOf(hit);
    const group = groups.get(key) ?? { kind, id, chunks: [], docIds: [] };
    const scores = chunkScores.get(fusedChunk.id) ?? {};
    const chunkSignals: Record<string, SignalRank> = {};
    for (const [name, rank] of Object.entries(fusedChunk.ranks)) chunkSignals[name] = { rank, score: scores[name] ?? 0 };
    group.chunks.push({ chunkId: fusedChunk.id, docId: hit.docId, fused: fusedChunk.fused, signals: chunkSignals });
    if (!group.docIds.includes(hit.docId)) group.docIds.push(hit.docId);
    groups.set(key, group);
  }

  const fusedOf = new Map<string, number>();
  if (level === 'group') {
    for (const item of reciprocalRankFusion(groupLists, k)) fusedOf.set(item.id, item.fused);
  } else {
    for (const [key, group] of groups) fusedOf.set(key, group.chunks[0]?.fused ?? 0);
  }

  const bestRank = (key: string) => Math.min(...Object.values(groupSignals.get(key) ?? {}).map((s) => s.rank));
  return [...groups.entries()]
    .map(([key, group]): HitGroup & { key: string } => ({
      key,
      kind: group.kind,
      id: group.id,
      fused: fusedOf.get(key) ?? 0,
      signals: groupSignals.get(key) ?? {},
      docIds: group.docIds,
      chunks: group.chunks,
    }))
    .sort((a, b) => b.fused - a.fused || bestRank(a.key) - bestRank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key: _key, ...group }) => group);
}
