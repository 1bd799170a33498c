import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../../config.ts';
import { buildApp } from '../../../server/app.ts';
import { ingestForTest } from '../../support/ingest-fixture.ts';
import { connectTestGraph, resetTestGraph, testConfig } from '../../support/neo4j-fixture.ts';
import { launchBrowser, type TestBrowser } from './browser-fixture.ts';
import { WEB_DIST } from './build-web.ts';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

export interface WebApp {
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real server with the built graph browser, over real HTTP on 127.0.0.1, against the
 * test Neo4j emptied and loaded with seeds/ (the real ingest pipeline, no embeddings).
 */
export async function startSeededWebApp(): Promise<WebApp> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html is missing: run \`npm run web:build\` (the browser project's globalSetup tests/browser/support/build-web.ts does it)`);
  }
  const config = testConfig();
  const driver: Driver = await connectTestGraph(config);
  try {
    await resetTestGraph(driver, config);
    const report = await ingestForTest(driver, config, [SEEDS_DIR]);
    if (report.failed.length > 0 || report.loaded === 0) {
      throw new Error(`ingesting seeds/ failed: ${report.loaded} loaded, ${report.failed.map((f) => `${f.source}: ${f.reason}`).join('; ')}`);
    }
    const app = await buildApp({ config, driver, logger: false, webDist: WEB_DIST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return {
      url: `http://127.0.0.1:${port}`,
      app,
      close: async () => {
        await app.close();
        await driver.close();
      },
    };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/**
 * For a describe block: a seeded web app and a Chromium, started before its tests and
 * closed after them. Read `.web` and `.browser` inside tests and hooks.
 */
export function useSeededWebApp(): { readonly web: WebApp; readonly browser: TestBrowser } {
  let web: WebApp | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    web = await startSeededWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not started: use it inside tests or hooks`);
    return value;
  };
  return {
    get web() {
      return started(web, 'web app');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}
