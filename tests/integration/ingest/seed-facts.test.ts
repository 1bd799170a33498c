import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../config.ts';
import { primaryLabel } from '../../../graph-schema/labels.ts';
import { ingestForTest } from '../../support/ingest-fixture.ts';
import { connectTestGraph, resetTestGraph, SHARED_DIR, testConfig } from '../../support/neo4j-fixture.ts';

const config = testConfig();
const sharedSeeds = path.join(SHARED_DIR, 'seeds');
const haveSharedSeeds = fs.existsSync(sharedSeeds);
if (!haveSharedSeeds) console.warn(`skipping the ../shared/seeds assertions: ${sharedSeeds} is absent`);

let driver: Driver;

async function one<T>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(query, params, { database: config.neo4j.database });
  return result.records.map((r) => r.toObject() as T);
}

const ASKUL = 'org:アスクル';

/** The incident whose victim is ASKUL; exactly one must exist across all its reports. */
async function askulIncidents() {
  return one<{ id: string; discoveredAt: string | null; reports: number }>(
    `MATCH (i:Incident)-[:VICTIM]->(:Organization {id: $org})
     RETURN DISTINCT i.id AS id, i.discoveredAt AS discoveredAt, i.reportCount AS reports`,
    { org: ASKUL },
  );
}

async function targets(rel: string, label: string) {
  const rows = await one<{ id: string }>(
    `MATCH (:Organization {id: $org})<-[:VICTIM]-(i:Incident)-[:${rel}]->(t:${label}) RETURN DISTINCT t.id AS id ORDER BY id`,
    { org: ASKUL },
  );
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  driver = await connectTestGraph(config);
  await resetTestGraph(driver, config);
  const report = await ingestForTest(driver, config, [path.join(PROJECT_ROOT, 'seeds'), ...(haveSharedSeeds ? [sharedSeeds] : [])]);
  expect(report.failed).toEqual([]);
});

afterAll(async () => {
  await driver?.close();
});

describe('the ASKUL incident as a researcher expects it (project seeds)', () => {
  it('is one incident across its reports and articles, detected 2025-10-19', async () => {
    const incidents = await askulIncidents();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.discoveredAt).toBe('2025-10-19');
    expect(incidents[0]!.reports).toBeGreaterThanOrEqual(3);
  });

  it('has victim アスクル株式会社, reached by its aliases', async () => {
    const [org] = await one<{ name: string; aliases: string[] }>('MATCH (o:Organization {id: $org}) RETURN o.name AS name, o.aliases AS aliases', { org: ASKUL });
    expect(org!.name).toBe('アスクル株式会社');
    expect(org!.aliases).toEqual(expect.arrayContaining(['アスクル株式会社']));
  });

  it('was entered through a contractor account', async () => {
    expect(await targets('INITIAL_ACCESS_VIA', 'AccessVector')).toContain('contractor-account');
  });

  it('lacked MFA and EDR, and remediates with them', async () => {
    expect(await targets('LACKED_CONTROL', 'Control')).toEqual(expect.arrayContaining(['mfa', 'edr']));
    expect(await targets('REMEDIATED_WITH', 'Control')).toEqual(expect.arrayContaining(['mfa', 'edr', 'monitoring', 'backup']));
  });

  it('impacted 良品計画 (無印良品) and ロフト', async () => {
    const impacted = await targets('IMPACTED', 'Organization');
    expect(impacted).toEqual(expect.arrayContaining(['org:良品計画', 'org:ロフト']));
    expect(await targets('IMPACTED', 'Service')).toContain('svc:無印良品');
  });

  it('resulted in a breach of about 740,000 records', async () => {
    const [breach] = await one<{ records: number; status: string }>(
      'MATCH (:Organization {id: $org})<-[:VICTIM]-(:Incident)-[:RESULTED_IN]->(b:DataBreach) RETURN b.records AS records, b.status AS status',
      { org: ASKUL },
    );
    expect(breach!.records).toBe(740_000);
    expect(breach!.status).toBe('confirmed');
  });

  it('keeps the evidence of every fact: document, sentence and offsets that slice the document text', async () => {
    const rows = await one<{ text: string; sentence: string; start: number; end: number; sentenceStart: number; extractor: string }>(
      `MATCH (:Organization {id: $org})<-[:VICTIM]-(i:Incident)-[r:LACKED_CONTROL]->(:Control {id: 'mfa'})
       MATCH (d:Document {id: r.docId})
       RETURN d.text AS text, r.sentence AS sentence, r.start AS start, r.end AS end, r.sentenceStart AS sentenceStart, r.extractor AS extractor`,
      { org: ASKUL },
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.text.slice(row.sentenceStart, row.sentenceStart + row.sentence.length)).toBe(row.sentence);
      expect(row.text.slice(row.start, row.end)).toMatch(/MFA|多要素認証/);
      expect(row.extractor).toBe('control-polarity');
    }
  });

  it('is not attributed to Qilin on speculation that the article itself refutes', async () => {
    const rows = await one<{ docId: string }>(
      `MATCH (:Organization {id: $org})<-[:VICTIM]-(:Incident)-[r:ATTRIBUTED_TO]->(:ThreatActor {id: 'qilin'})
       RETURN r.docId AS docId`,
      { org: ASKUL },
    );
    const ourNews = await one<{ id: string }>("MATCH (d:Document {source: 'seeds/askul-2025-10-news.txt'}) RETURN d.id AS id");
    expect(rows.map((r) => r.docId)).not.toContain(ourNews[0]!.id);
  });
});

describe('Qilin and its victims', () => {
  it('attributes the Asahi incident to qilin (project seeds)', async () => {
    const victims = await one<{ name: string }>(
      "MATCH (:ThreatActor {id: 'qilin'})<-[:ATTRIBUTED_TO]-(:Incident)-[:VICTIM]->(o:Organization) RETURN DISTINCT o.name AS name",
    );
    expect(victims.map((v) => v.name)).toContain('アサヒグループホールディングス株式会社');
  });

  it.skipIf(!haveSharedSeeds)('includes アスクル as reported by the third-party seed articles', async () => {
    const victims = await one<{ name: string }>(
      "MATCH (:ThreatActor {id: 'qilin'})<-[:ATTRIBUTED_TO]-(:Incident)-[:VICTIM]->(o:Organization) RETURN DISTINCT o.name AS name",
    );
    expect(victims.map((v) => v.name)).toEqual(expect.arrayContaining(['アスクル株式会社', 'アサヒグループホールディングス株式会社']));
  });

  it.skipIf(!haveSharedSeeds)('merges the 13th report and the news articles into the one ASKUL incident', async () => {
    const incidents = await askulIncidents();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.reports).toBeGreaterThanOrEqual(8);
  });
});

describe('no breach where the text denies one', () => {
  it('report 第1報 (「流出したことは確認されておりません」) records no breach of its own', async () => {
    const rows = await one<{ source: string }>(
      `MATCH (d:Document)-[:REPORTS]->(:Incident)-[r:RESULTED_IN]->() WHERE r.docId = d.id RETURN d.source AS source`,
    );
    expect(rows.map((r) => r.source)).not.toContain('seeds/askul-2025-10-report-01.md');
  });
});

describe('the graph model', () => {
  // (relationship) → the labels its start and end nodes may have (DESIGN.md's graph model).
  const ENDS: Record<string, { from: string[]; to: string[] }> = {
    MENTIONS: { from: ['Chunk'], to: ['Organization', 'Service', 'System', 'Person', 'Agency', 'ThreatActor', 'Malware', 'AccessVector', 'Technique', 'Control'] },
    VICTIM: { from: ['Incident'], to: ['Organization'] },
    ATTRIBUTED_TO: { from: ['Incident'], to: ['ThreatActor'] },
    INVOLVED: { from: ['Incident'], to: ['Malware'] },
    INITIAL_ACCESS_VIA: { from: ['Incident'], to: ['AccessVector'] },
    USED_TECHNIQUE: { from: ['Incident'], to: ['Technique'] },
    LACKED_CONTROL: { from: ['Incident'], to: ['Control'] },
    REMEDIATED_WITH: { from: ['Incident'], to: ['Control'] },
    IMPACTED: { from: ['Incident'], to: ['Organization', 'Service', 'System'] },
    USES: { from: ['ThreatActor'], to: ['Malware'] },
    SUBSIDIARY_OF: { from: ['Organization'], to: ['Organization'] },
    OUTSOURCES_TO: { from: ['Organization'], to: ['Organization'] },
    OPERATES: { from: ['Organization'], to: ['Service', 'System'] },
  };

  it('every relationship joins nodes of the labels it allows (qilin the group and qilin the ransomware stay apart)', async () => {
    const rows = await one<{ type: string; from: string; to: string; n: number }>(
      `MATCH (a)-[r]->(b) WHERE type(r) IN $types
       RETURN type(r) AS type, ${primaryLabel('a')} AS from, ${primaryLabel('b')} AS to, count(*) AS n`,
      { types: Object.keys(ENDS) },
    );
    const seen = new Set(rows.map((r) => r.type));
    for (const type of ['MENTIONS', 'VICTIM', 'ATTRIBUTED_TO', 'INVOLVED', 'INITIAL_ACCESS_VIA', 'LACKED_CONTROL', 'IMPACTED']) expect(seen).toContain(type);
    const wrong = rows.filter((r) => !ENDS[r.type]!.from.includes(r.from) || !ENDS[r.type]!.to.includes(r.to));
    expect(wrong).toEqual([]);
  });
});
