import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../config.ts';

/** Debian's Chromium (`apt-get install -y chromium fonts-noto-cjk`); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

export const WIDE = { width: 1280, height: 800 } as const;
export const NARROW = { width: 420, height: 800 } as const;

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  /** A new page; errors thrown in the page are collected in `pageErrors`. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Chromium through playwright-core with a fresh profile folder, removed on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium fonts-noto-cjk\` or set CHROMIUM_PATH`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: WIDE,
    locale: 'ja-JP',
  });
  const pageErrors: string[] = [];
  return {
    context,
    pageErrors,
    async newPage(viewport = WIDE) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot as test-results/screenshots/<name>-<w>x<h>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const size = page.viewportSize();
  const file = path.join(SCREENSHOT_DIR, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`);
  await page.screenshot({ path: file });
  return file;
}
