/**
 * The real multilingual-e5-small model, loaded offline from MODEL_DIR (default <project>/models).
 * Needs `npm run model:fetch` first; without it these tests fail with the message that says so.
 */
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../config.ts';
import { createEmbedder, EmbeddingModelMissingError, type Embedder } from '../../../ingest/embed/embedder.ts';

const MODEL_DIR = process.env.MODEL_DIR || path.join(PROJECT_ROOT, 'models');

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

describe('multilingual-e5-small embedder (real model)', () => {
  let embedder: Embedder;

  beforeAll(async () => {
    embedder = await createEmbedder({ modelDir: MODEL_DIR, offline: true, batchSize: 4, dimensions: 384 });
  }, 120_000);

  it('gives 384-dimensional unit vectors for passages and queries', async () => {
    expect(embedder.modelId).toBe('Xenova/multilingual-e5-small');
    expect(embedder.dimensions).toBe(384);
    const tooLong = '不正アクセスにより顧客情報が流出した。'.repeat(100); // > 512 tokens: truncated
    const passages = await embedder.embedPassages(['不正アクセスにより顧客情報が流出した', 'ランサムウェア被害', '', 'VPN機器の脆弱性', tooLong]);
    expect(passages).toHaveLength(5);
    for (const v of passages) {
      expect(v).toHaveLength(384);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
      expect(Array.from(v).every(Number.isFinite)).toBe(true);
    }
    const query = await embedder.embedQuery('情報漏えい');
    expect(query).toHaveLength(384);
    expect(Math.sqrt(dot(query, query))).toBeCloseTo(1, 4);
  });

  it('puts related Japanese sentences clearly closer than unrelated ones', async () => {
    const [incident, paraphrase, weather] = await embedder.embedPassages([
      '業務委託先の管理者アカウントが不正利用された',
      '外部業者のIDで侵入された',
      '本日は晴天なり、桜が満開です',
    ]);
    const related = dot(incident!, paraphrase!);
    expect(related - dot(incident!, weather!)).toBeGreaterThan(0.05);
    expect(related - dot(paraphrase!, weather!)).toBeGreaterThan(0.05);

    const query = await embedder.embedQuery('委託先経由の不正アクセス');
    expect(dot(query, incident!)).toBeGreaterThan(dot(query, weather!) + 0.05);
  });

  it('keeps input order and batch-independent results', async () => {
    const texts = ['短い', 'とても長い文章です。'.repeat(8), '中くらいの長さの文章', 'メール誤送信'];
    const batched = await embedder.embedPassages(texts);
    for (let i = 0; i < texts.length; i++) {
      const [single] = await embedder.embedPassages([texts[i]!]);
      expect(dot(batched[i]!, single!)).toBeGreaterThan(0.9999);
    }
    expect(await embedder.embedPassages([])).toEqual([]);
  });

  it('distinguishes the passage and query prefixes', async () => {
    const [passage] = await embedder.embedPassages(['サイバー攻撃']);
    const query = await embedder.embedQuery('サイバー攻撃');
    const cos = dot(passage!, query);
    expect(cos).toBeLessThan(0.9999);
    expect(cos).toBeGreaterThan(0.8);
  });

  it('fails offline with one line naming the folder and the fetch command when the model is missing', async () => {
    const empty = path.join(os.tmpdir(), `no-models-${process.pid}`);
    const attempt = createEmbedder({ modelDir: empty, offline: true });
    await expect(attempt).rejects.toBeInstanceOf(EmbeddingModelMissingError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain(path.join(empty, 'Xenova', 'multilingual-e5-small'));
    expect(message).toContain('npm run model:fetch');
    expect(message).not.toContain('\n');
  });
});
