import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Label } from '../../../graph-schema/labels.ts';
import { Rel } from '../../../graph-schema/relationships.ts';
import { ingestForTest } from '../../support/ingest-fixture.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';

const config = testConfig();
let driver: Driver;
let workDir: string;

/** A disclosure in the archive layout; reports are months apart, so only their links can join them. */
const disclosure = (title: string, date: string, url: string, links: string[], body: string) =>
  ['# 公表概要', `- ${title}`, `- ${date}`, '- 株式会社リンク検証商事', `- ${url}`, ...links.map((l) => `- ${l}`), '# 本文', body, ''].join('\n');

beforeAll(async () => {
  driver = await connectTestGraph(config);
  await resetTestGraph(driver, config);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-links-'));
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(workDir, relative)), { recursive: true });
    fs.writeFileSync(path.join(workDir, relative), text);
  };
  write(
    '2025/01/10_リンク検証商事.md',
    disclosure('ランサムウェア被害の発生について', '2025年1月10日', 'https://example.co.jp/news/2025-01-10/', [], '株式会社リンク検証商事は、2025年1月8日、ランサムウェアによる被害を確認しました。'),
  );
  write(
    '2025/04/20_リンク検証商事.md',
    disclosure('ランサムウェア被害の発生について（第2報）', '2025年4月20日', 'https://example.co.jp/news/2025-04-20/', ['第1報：https://example.co.jp/news/2025-01-10/'], '株式会社リンク検証商事は、2025年4月18日、調査の結果をお知らせします。'),
  );
  write(
    '2025/08/01_リンク検証商事.md',
    disclosure(
      'ランサムウェア被害の発生について（第3報）',
      '2025年8月1日',
      'https://example.co.jp/news/2025-08-01/',
      ['第2報：https://github.com/piyokango/SecurityIncidentArchive/blob/main/2025/04/20_%E3%83%AA%E3%83%B3%E3%82%AF%E6%A4%9C%E8%A8%BC%E5%95%86%E4%BA%8B.md'],
      '株式会社リンク検証商事は、2025年7月30日、再発防止策をお知らせします。',
    ),
  );
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('links from later reports (第N報)', () => {
  it('join reports to the incident of the report they link to, by its URL or by its archive path', async () => {
    const report = await ingestForTest(driver, config, [workDir]);
    expect(report.loaded).toBe(3);
    const result = await driver.executeQuery(
      `MATCH (d:${Label.Document})-[:${Rel.REPORTS}]->(i:${Label.Incident})
       OPTIONAL MATCH (d)-[:${Rel.PRECEDED_BY}]->(earlier:${Label.Document})
       RETURN d.publishedAt AS published, i.id AS incident, earlier.publishedAt AS earlier ORDER BY published`,
      {},
      { database: config.neo4j.database },
    );
    const rows = result.records.map((r) => r.toObject());
    expect(rows.map((r) => r.published)).toEqual(['2025-01-10', '2025-04-20', '2025-08-01']);
    expect(new Set(rows.map((r) => r.incident)).size).toBe(1);
    expect(rows.map((r) => r.earlier)).toEqual([null, '2025-01-10', '2025-04-20']);
  });
});
