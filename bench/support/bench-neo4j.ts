import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT, type Config } from '../../config.ts';
import { connectGraph } from '../../graph-connection.ts';
import { migrate } from '../../graph-schema/migrate.ts';
import { startLocalNeo4j, stopLocalNeo4j } from '../../scripts/neo4j/local-neo4j.ts';

/**
 * Benchmarks run against NEO4J_URI when it is set, else against a Neo4j of their own
 * (its own port and data/neo4j-<name>, the memory `npm start` gives Neo4j: NEO4J_HEAP,
 * NEO4J_PAGECACHE), never the database of `npm start`.
 */
export async function benchGraph(options: { empty: boolean; name: string; boltPort: number }): Promise<{
  driver: Driver;
  config: Config;
  neo4jPid: number | null;
  memory: { heap: string; pageCache: string } | null;
  stop: () => Promise<void>;
}> {
  let started: { alreadyRunning: boolean; pid: number } | null = null;
  let memory: { heap: string; pageCache: string } | null = null;
  const dataDir = path.join(PROJECT_ROOT, 'data', `neo4j-${options.name}`);
  let config: Config;
  if (process.env.NEO4J_URI) {
    config = loadConfig();
  } else {
    const boltPort = options.boltPort;
    const { heap, pageCache } = loadConfig().localNeo4j;
    started = await startLocalNeo4j({ boltPort, dataDir, user: 'neo4j', password: 'benchpassword', heap, pageCache, log: (m) => console.log(`bench neo4j: ${m}`) });
    // One left running (BENCH_KEEP_NEO4J) may have been started with other settings.
    if (!started.alreadyRunning) memory = { heap, pageCache };
    config = loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'benchpassword' });
  }
  const driver = await connectGraph(config.neo4j);
  if (options.empty) {
    const session = driver.session({ database: config.neo4j.database });
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  }
  await migrate(driver, { database: config.neo4j.database, embeddingDimensions: config.embedding.dimensions });
  return {
    driver,
    config,
    neo4jPid: started?.pid ?? null,
    memory,
    stop: async () => {
      await driver.close();
      if (started && !started.alreadyRunning && !process.env.BENCH_KEEP_NEO4J) await stopLocalNeo4j({ dataDir });
    },
  };
}

export const CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'archive-dev');

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; null where unavailable. */
export function processCpuSeconds(pid: number): number | null {
  try {
    // Fields after the ")" that closes the command name: utime is the 12th, stime the 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Peak resident memory of a process (VmHWM) in bytes, from /proc; null where unavailable. */
export function processPeakRssBytes(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
