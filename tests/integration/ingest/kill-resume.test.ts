import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../config.ts';
import { INDEX } from '../../../graph-schema/indexes.ts';
import { Label } from '../../../graph-schema/labels.ts';
import { SEARCH_FIELD } from '../../../graph-schema/search-fields.ts';
import { graphCounts } from '../../support/ingest-fixture.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';

/**
 * A real kill: the ingest CLI runs as a child process and gets SIGKILL partway through.
 * Re-running it must give exactly the graph of an uninterrupted run, equally searchable.
 */
const config = testConfig();
const COPIES = 10;
let driver: Driver;
let corpusDir: string;

function runIngest(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'ingest', 'cli.ts'), '--no-embed', corpusDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: config.neo4j.uri, NEO4J_USER: config.neo4j.user, NEO4J_PASSWORD: config.neo4j.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

async function documentCount(): Promise<number> {
  const result = await driver.executeQuery('MATCH (d:Document) RETURN count(d) AS n', {}, { database: config.neo4j.database });
  return result.records[0]!.get('n') as number;
}

/** Chunks whose search fields are not yet published, and chunks the CJK full-text index finds for a common word. */
async function searchState(): Promise<{ pending: number; found: number }> {
  const db = { database: config.neo4j.database };
  const pending = await driver.executeQuery(`MATCH (c:${Label.Chunk}) WHERE c.${SEARCH_FIELD.chunkText} IS NULL RETURN count(c) AS n`, {}, db);
  const found = await driver.executeQuery(`CALL db.index.fulltext.queryNodes('${INDEX.chunkFulltextCjk}', '不正アクセス', {limit: 100000}) YIELD node RETURN count(node) AS n`, {}, db);
  return { pending: pending.records[0]!.get('n') as number, found: found.records[0]!.get('n') as number };
}

beforeAll(async () => {
  driver = await connectTestGraph(config);
  corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-kill-'));
  // Copies under different folders are different documents (their keys differ) with the same facts.
  for (let i = 0; i < COPIES; i++) fs.cpSync(path.join(PROJECT_ROOT, 'seeds'), path.join(corpusDir, `batch-${i}`), { recursive: true });
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(corpusDir, { recursive: true, force: true });
});

describe('an ingest killed mid-run and re-run', () => {
  it('leaves no duplicates and loses nothing', async () => {
    await resetTestGraph(driver, config);
    const reference = runIngest();
    const referenceExit = await exited(reference);
    expect(referenceExit.code).toBe(0);
    const expected = await graphCounts(driver, config);
    const total = expected[':Document']!;
    expect(total).toBeGreaterThanOrEqual(COPIES * 10);
    const expectedSearch = await searchState();
    expect(expectedSearch.pending).toBe(0);
    expect(expectedSearch.found).toBeGreaterThan(COPIES);

    await resetTestGraph(driver, config);
    const victim = runIngest();
    const victimExit = exited(victim);
    let seen = 0;
    for (let i = 0; i < 600 && seen < 15; i++) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await documentCount();
    }
    victim.kill('SIGKILL');
    expect((await victimExit).signal).toBe('SIGKILL');
    const afterKill = await documentCount();
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(total);
    // Killed long before its first batch publish: what it loaded is not yet searchable.
    expect((await searchState()).pending).toBeGreaterThan(0);

    const rerun = runIngest();
    const rerunExit = await exited(rerun);
    expect(rerunExit.code).toBe(0);
    expect(await graphCounts(driver, config)).toEqual(expected);
    // The re-run published what the killed run left unpublished.
    expect(await searchState()).toEqual(expectedSearch);
  });
});
