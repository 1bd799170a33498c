/**
 * HTTP load benchmark of the API: /api/search, /api/incidents and
 * /api/entities/:id/neighbors, each driven by `--connections` concurrent connections for
 * `--duration` seconds (autocannon). Prints req/s, latency p50/p95/p99, errors, non-2xx
 * answers and the machine's core count.
 *
 *   npx tsx bench/load.ts                      # starts the server itself on 127.0.0.1 (Neo4j from the usual config)
 *   npx tsx bench/load.ts --url http://127.0.0.1:3000 --duration 10 --connections 20
 *
 * Traffic only ever goes to the server given (or started here). Run `npm run neo4j:start`
 * and ingest something first (`npm run ingest -- seeds`); the figures mean little on an empty graph.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import { createEmbedder, missingModelFiles } from '../ingest/embed/embedder.ts';
import { buildApp } from '../server/app.ts';

interface Scenario {
  readonly name: string;
  readonly path: string;
}

interface Figures {
  readonly scenario: string;
  readonly requests: number;
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
}

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('usage: npx tsx bench/load.ts [--url http://127.0.0.1:3000] [--duration 30] [--connections 50] [--only search,incidents,neighbors]');
  process.exit(0);
}

const duration = Number(values.duration);
const connections = Number(values.connections);
if (!Number.isInteger(duration) || duration < 1 || duration > 600) throw new Error('--duration must be 1..600 seconds');
if (!Number.isInteger(connections) || connections < 1 || connections > 1000) throw new Error('--connections must be 1..1000');

function assertLocal(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\./.test(host))) {
    throw new Error(`--url must point at this machine (127.0.0.0/8, localhost or ::1), not ${host}`);
  }
}

async function startServer(): Promise<{ url: string; app: FastifyInstance }> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const { model, modelDir, offline, dimensions } = config.embedding;
  const embedder = missingModelFiles(modelDir, model).length === 0 ? await createEmbedder({ model, modelDir, offline, dimensions }).catch(() => null) : null;
  const app = await buildApp({ config, embedder, logger: { level: 'warn' } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, app };
}

async function pickEntity(base: string): Promise<string> {
  const res = await fetch(`${base}/api/entities?q=${encodeURIComponent('アスクル')}&type=Organization&limit=1`);
  const body = (await res.json().catch(() => null)) as { items?: { id: string }[] } | null;
  return body?.items?.[0]?.id ?? 'qilin';
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function run(base: string, scenario: Scenario): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon({ url: base + scenario.path, connections, duration, timeout: 30 }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        scenario: scenario.name,
        requests: result.requests.total,
        reqPerSec: result.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
      });
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

async function main(): Promise<void> {
  const started = values.url ? null : await startServer();
  const base = (values.url ?? started!.url).replace(/\/$/, '');
  assertLocal(new URL(base));
  try {
    const health = await fetch(`${base}/api/stats`);
    if (!health.ok) throw new Error(`${base}/api/stats answered ${health.status}: is Neo4j running?`);
    const stats = (await health.json()) as { documents: number; incidents: number };
    const entity = await pickEntity(base);
    const scenarios: Scenario[] = [
      { name: 'search', path: `/api/search?q=${encodeURIComponent('委託先 アカウント ランサムウェア')}&k=10` },
      { name: 'incidents', path: '/api/incidents?limit=50' },
      { name: 'neighbors', path: `/api/entities/${encodeURIComponent(entity)}/neighbors?depth=2&limit=100` },
    ].filter((s) => !values.only || values.only.split(',').includes(s.name));

    console.log(`bench/load: ${base}, graph of ${stats.documents} documents / ${stats.incidents} incidents, ${connections} connections, ${duration} s per route`);
    console.log(`bench/load: cores (os.availableParallelism): ${os.availableParallelism()}, node ${process.version}`);
    const results: Figures[] = [];
    for (const scenario of scenarios) {
      await fetch(base + scenario.path); // warm the query plan
      console.log(`bench/load: ${scenario.name}: GET ${scenario.path}`);
      results.push(await run(base, scenario));
    }
    console.log('');
    console.log('route       requests    req/s   p50 ms   p95 ms   p99 ms  errors  timeouts  non-2xx');
    for (const r of results) {
      console.log(
        `${r.scenario.padEnd(10)} ${String(r.requests).padStart(9)} ${r.reqPerSec.toFixed(1).padStart(8)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.timeouts).padStart(9)} ${String(r.non2xx).padStart(8)}`,
      );
    }
    console.log(`\ncores: ${os.availableParallelism()}`);
  } finally {
    await started?.app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench/load: ${(error as Error).message}`);
  process.exitCode = 1;
});
