import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../config.ts';
import { ids } from '../../../graph-schema/ids.ts';
import { sourceKey } from '../../../ingest/pipeline.ts';
import { encodeEucJp, encodeShiftJis } from '../../support/legacy-encoders.ts';
import { graphCounts, ingestForTest } from '../../support/ingest-fixture.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';

const config = testConfig({ INGEST_MAX_BYTES: String(200 * 1024) });
let driver: Driver;
let workDir: string;

const SAMPLE_SJIS = '# 不正アクセスに関するお知らせ\n2025年3月3日\n\n株式会社シフトジス商会は、2025年3月1日、社内サーバーへの不正アクセスを確認しました。顧客情報1,200件が流出した可能性があります。\n';
const SAMPLE_EUC = '# ランサムウェア被害について\n2025年4月4日\n\n株式会社イーユーシー工業は、2025年4月2日にランサムウェア感染を確認しました。\n';

beforeAll(async () => {
  driver = await connectTestGraph(config);
  await resetTestGraph(driver, config);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-rerun-'));
  fs.cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(workDir, 'seeds'), { recursive: true });
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('re-running an ingest', () => {
  it('skips unchanged files and duplicates nothing', async () => {
    const first = await ingestForTest(driver, config, [path.join(workDir, 'seeds')]);
    expect(first.loaded).toBe(first.total);
    const before = await graphCounts(driver, config);
    const second = await ingestForTest(driver, config, [path.join(workDir, 'seeds')]);
    expect(second.loaded).toBe(0);
    expect(second.unchanged).toBe(first.total);
    expect(await graphCounts(driver, config)).toEqual(before);
  });

  it('a changed file replaces its own facts and leaves every other document alone', async () => {
    const changed = path.join(workDir, 'seeds', 'kadokawa-2024-08-blog.md');
    const otherSource = sourceKey(path.join(workDir, 'seeds', 'askul-2025-12-report-13.md'), PROJECT_ROOT);
    const factsOf = async (docId: string) =>
      (await driver.executeQuery('MATCH ()-[r {docId: $docId}]->() RETURN type(r) AS t, r.sentence AS s ORDER BY t, s', { docId }, { database: config.neo4j.database })).records.map(
        (r) => `${r.get('t')}|${r.get('s')}`,
      );
    const otherBefore = await factsOf(ids.document(otherSource));
    expect(otherBefore.length).toBeGreaterThan(5);

    // The blog now says the group was never named: its BlackSuit attribution must disappear.
    const text = fs.readFileSync(changed, 'utf8').replaceAll('BlackSuit', '攻撃グループ').replaceAll('ブラックスーツ', '攻撃グループ');
    fs.writeFileSync(changed, text);
    const report = await ingestForTest(driver, config, [path.join(workDir, 'seeds')]);
    expect(report.loaded).toBe(1);
    expect(report.replaced).toBe(1);

    const changedId = ids.document(sourceKey(changed, PROJECT_ROOT));
    expect((await factsOf(changedId)).filter((f) => f.startsWith('ATTRIBUTED_TO'))).toEqual([]);
    const chunks = await driver.executeQuery('MATCH (:Document {id: $id})-[:HAS_CHUNK]->(c) RETURN count(c) AS n, count(DISTINCT c.id) AS d', { id: changedId }, { database: config.neo4j.database });
    expect(chunks.records[0]!.get('n')).toBe(chunks.records[0]!.get('d'));
    expect(await factsOf(ids.document(otherSource))).toEqual(otherBefore);
    const blacksuit = await driver.executeQuery("MATCH (:ThreatActor {id: 'blacksuit'})<-[r:ATTRIBUTED_TO]-() RETURN count(r) AS n", {}, { database: config.neo4j.database });
    expect(blacksuit.records[0]!.get('n')).toBe(0);
  });
});

describe('two ingests of the same new files at once', () => {
  it('write every relationship once', async () => {
    const dir = path.join(workDir, 'twice');
    fs.cpSync(path.join(PROJECT_ROOT, 'seeds'), dir, { recursive: true });
    const runs = await Promise.all([ingestForTest(driver, config, [dir]), ingestForTest(driver, config, [dir])]);
    for (const run of runs) expect(run.failed).toEqual([]);
    expect(runs[0]!.loaded + runs[0]!.unchanged).toBe(runs[0]!.total);
    // The same relationship twice: same ends, type, document and (for mentions) offset.
    const doubled = await driver.executeQuery(
      `MATCH (a)-[r]->(b) WHERE r.docId IS NOT NULL OR type(r) = 'HAS_CHUNK'
       WITH elementId(a) AS a, elementId(b) AS b, type(r) AS type, r.docId AS docId, r.start AS start, count(*) AS n
       WHERE n > 1 RETURN type, docId, n`,
      {},
      { database: config.neo4j.database },
    );
    expect(doubled.records.map((r) => r.toObject())).toEqual([]);
    const documents = await driver.executeQuery('MATCH (d:Document) WHERE d.source STARTS WITH $dir RETURN count(d) AS n', { dir: `${sourceKey(dir, PROJECT_ROOT)}/` }, { database: config.neo4j.database });
    expect(documents.records[0]!.get('n')).toBe(runs[0]!.total);
  });
});

describe('bad input gets a clear reason and stops nothing', () => {
  it('ingests Shift_JIS and EUC-JP text and lists binary, empty and oversized files with their reasons', async () => {
    const dir = path.join(workDir, 'mixed');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'sjis.txt'), encodeShiftJis(SAMPLE_SJIS));
    fs.writeFileSync(path.join(dir, 'eucjp.txt'), encodeEucJp(SAMPLE_EUC));
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    fs.writeFileSync(path.join(dir, 'huge.txt'), 'あ'.repeat(300 * 1024));
    fs.writeFileSync(path.join(dir, 'notes.pdf'), '%PDF-1.4');

    const report = await ingestForTest(driver, config, [dir]);
    const reasons = Object.fromEntries(report.failed.map((f) => [path.basename(f.source), f.reason]));
    expect(reasons).toEqual({ 'empty.md': 'empty', 'image.md': 'binary', 'huge.txt': 'too-large', 'notes.pdf': 'unsupported-type' });
    expect(report.loaded).toBe(2);

    const docs = await driver.executeQuery(
      "MATCH (d:Document) WHERE d.source ENDS WITH 'sjis.txt' OR d.source ENDS WITH 'eucjp.txt' RETURN d.encoding AS enc, d.text AS text ORDER BY enc",
      {},
      { database: config.neo4j.database },
    );
    expect(docs.records.map((r) => r.get('enc'))).toEqual(['euc-jp', 'shift_jis']);
    expect(docs.records[1]!.get('text')).toContain('株式会社シフトジス商会');
    const victims = await driver.executeQuery("MATCH (:Incident)-[:VICTIM]->(o:Organization) WHERE o.name IN ['株式会社シフトジス商会', '株式会社イーユーシー工業'] RETURN count(DISTINCT o) AS n", {}, { database: config.neo4j.database });
    expect(victims.records[0]!.get('n')).toBe(2);
  });
});
